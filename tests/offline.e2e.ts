/**
 * Offline-first: after one online visit the terminal shows and searches everything with the
 * network gone, also after a restart, and keeps its identity and local usage counts.
 *
 * Each test serves the production build (`npm run build` first; KIOSK_BUILD_DIR to choose another
 * folder) behind its own nginx with the shipped config, or another server: see
 * tests/support/deployment.ts.
 */
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS, chromiumPath, removeProfileDir } from './browser';
import { cannotPauseReason, openDeployment, type Deployment } from './support/deployment';
import {
	contentVersion,
	openStatusScreen,
	readSetting,
	readStore,
	waitForOfflineReady
} from './support/kiosk-page';

const BUILD_DIR = path.resolve(process.env.KIOSK_BUILD_DIR ?? 'build');
/** The sample content's staff PIN. */
const PIN = process.env.KIOSK_STATUS_PIN ?? '2468';

let site: Deployment;
test.beforeEach(async () => {
	site = await openDeployment(BUILD_DIR, 'nginx');
	test.info().annotations.push({ type: 'server', description: site.server });
});
test.afterEach(async () => {
	await site.close();
});

/** For the tests that take the server away: an external server cannot be. */
function needsPause(): void {
	test.skip(cannotPauseReason !== null, cannotPauseReason ?? '');
}

/** Cuts the network: the server goes away (locally) and the browser reports offline. */
async function cutNetwork(context: BrowserContext): Promise<void> {
	await site.pause();
	await context.setOffline(true);
}

async function cachedPaths(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		const paths: string[] = [];
		for (const name of await caches.keys()) {
			for (const request of await (await caches.open(name)).keys()) {
				paths.push(new URL(request.url).pathname);
			}
		}
		return paths;
	});
}

function pick(paths: string[], pattern: RegExp): string {
	const found = paths.find((p) => pattern.test(p));
	if (!found) throw new Error(`no cached file matches ${pattern}`);
	return found;
}

/** An item page of `section` that the cache holds as data (the offline shell renders it). */
function pickItem(paths: string[], section: string): string {
	const data = pick(paths, new RegExp(`^/${section}/[^/]+/__data\\.json$`));
	return data.slice(0, -'/__data.json'.length);
}

async function expectPage(page: Page, url: string): Promise<string> {
	const response = await page.goto(url);
	expect(response?.status(), url).toBe(200);
	const heading = page.locator('h1').first();
	await expect(heading, url).toBeVisible();
	await expect(page, url).not.toHaveTitle(/页面不存在|出错了/);
	return (await heading.innerText()).trim();
}

test('after one online visit every page type and search work with the network cut', async ({
	page,
	context
}) => {
	needsPause();
	await page.goto(`${site.baseURL}/`);
	await waitForOfflineReady(page);
	const paths = await cachedPaths(page);
	// Never visited online: only the home page was.
	const pages = {
		guides: '/guides',
		guide: pickItem(paths, 'guides'),
		processes: '/processes',
		process: pickItem(paths, 'processes'),
		disclosures: '/disclosure',
		disclosure: pickItem(paths, 'disclosure'),
		notices: '/notices',
		notice: pickItem(paths, 'notices'),
		services: '/services',
		contact: '/contact',
		status: '/status'
	};
	expect(paths).toContain('/search-index.json');
	expect(paths.some((p) => p.startsWith('/media/'))).toBe(true);

	await cutNetwork(context);
	const headings: Record<string, string> = {};
	for (const [kind, url] of Object.entries(pages)) {
		headings[kind] = await expectPage(page, `${site.baseURL}${url}`);
	}

	// An address that does not exist gets the kiosk's own screens, not the browser's error page.
	await page.goto(`${site.baseURL}/no-such-page`);
	await expect(page.locator('h1')).toHaveText('没有找到这个页面');
	await page.goto(`${site.baseURL}/guides/no-such-guide`);
	await expect(page.locator('h1')).toHaveText(/没有找到这个页面|页面暂时无法显示/);
	await expect(page.getByRole('link', { name: '返回首页' })).toBeVisible();

	// Search, with a query taken from a guide that was never opened online.
	const query = [...headings.guide!].slice(0, 3).join('');
	await page.goto(`${site.baseURL}/search?q=${encodeURIComponent(query)}`);
	await expect(page.locator(`main a[href="${pages.guide}"]`).first()).toBeVisible();

	// Client-side navigation (the __data.json files) works offline too.
	await page.goto(`${site.baseURL}/`);
	await page
		.getByRole('link', { name: /办事指南/ })
		.first()
		.tap();
	await expect(page).toHaveURL(/\/guides$/);
	await page.locator(`a[href="${pages.guide}"]`).first().tap();
	await expect(page.locator('h1').first()).toHaveText(headings.guide!);

	// Media (flow charts, notice images) come from the cache as well.
	const media = pick(paths, /^\/media\//);
	const status = await page.evaluate(async (url) => (await fetch(url)).status, media);
	expect(status).toBe(200);

	// So does a bulletin video, which the browser reads in ranges: it loads and has its frames.
	const video = pick(paths, /^\/media\/.+\.(webm|mp4)$/);
	const frameWidth = await page.evaluate(async (url) => {
		const el = document.createElement('video');
		el.muted = true;
		el.preload = 'auto';
		el.src = url;
		await new Promise((resolve, reject) => {
			el.onloadeddata = resolve;
			el.onerror = () => reject(new Error(el.error?.message ?? 'video error'));
		});
		return el.videoWidth;
	}, video);
	expect(frameWidth).toBeGreaterThan(0);
});

test('offline for a while, the terminal says how old its content is; back online it stops', async ({
	page,
	context
}) => {
	needsPause();
	await page.clock.install();
	await page.goto(`${site.baseURL}/`);
	await waitForOfflineReady(page);
	const banner = page.getByTestId('offline-banner');

	await cutNetwork(context);
	await page.clock.runFor(5_000);
	await expect(banner).toBeHidden();
	await page.clock.runFor(30_000);
	await expect(banner).toBeVisible();
	await expect(banner).toHaveText(
		/^\s*内容更新于 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}，当前离线\s*$/
	);
	await page.screenshot({ path: test.info().outputPath('offline-banner.png') });

	await site.resume();
	await context.setOffline(false);
	await expect(banner).toBeHidden();
});

type Launch = (offline: boolean) => Promise<BrowserContext>;

/** A browser profile on disk, so that a test can close the browser and start it again. */
async function withProfile(run: (launch: Launch) => Promise<void>): Promise<void> {
	const profile = mkdtempSync(path.join(os.tmpdir(), 'kiosk-profile-'));
	const launch: Launch = (offline) =>
		chromium.launchPersistentContext(profile, {
			executablePath: chromiumPath(),
			args: CHROMIUM_ARGS,
			viewport: { width: 1080, height: 1920 },
			hasTouch: true,
			locale: 'zh-CN',
			timezoneId: 'Asia/Shanghai',
			offline
		});
	try {
		await run(launch);
	} finally {
		removeProfileDir(profile);
	}
}

async function firstPage(context: BrowserContext): Promise<Page> {
	return context.pages()[0] ?? (await context.newPage());
}

test('after a restart with the server unreachable the kiosk starts from its cache, says 离线, keeps its settings', async () => {
	needsPause();
	await withProfile(async (launch) => {
		let context = await launch(false);
		let page = await firstPage(context);
		await page.goto(`${site.baseURL}/?terminal=T-07&mode=kiosk`);
		await waitForOfflineReady(page);
		// Set once; the address goes back to the plain home page.
		await expect(page).toHaveURL(`${site.baseURL}/`);
		await expect
			.poll(() => readSetting<{ id: string }>(page, 'terminal'))
			.toMatchObject({ id: 'T-07', mode: 'kiosk' });
		const version = await contentVersion(page);
		await context.close();

		// The terminal's own network is up (navigator.onLine is true), but its server is gone.
		await site.pause();
		context = await launch(false);
		page = await firstPage(context);
		await expectPage(page, `${site.baseURL}/`);
		expect(await contentVersion(page)).toBe(version);
		await expectPage(page, `${site.baseURL}/guides`);
		await page.locator('a[href^="/guides/"]').first().tap();
		await expect(page).toHaveURL(/\/guides\/[^/]+$/);
		const guide = (await page.locator('h1').first().innerText()).trim();

		await openStatusScreen(page, PIN);
		await expect(page.getByTestId('status-terminal')).toContainText('T-07');
		await expect(page.getByTestId('status-network')).toContainText('离线');
		await expect(page.getByTestId('status-worker')).toContainText('运行中');
		await expect(page.getByTestId('usage-views')).toContainText(guide);
		await context.close();
	});
});

test('a terminal set to bulletin mode opens its screen on start, also after a restart offline', async () => {
	needsPause();
	await withProfile(async (launch) => {
		let context = await launch(false);
		let page = await firstPage(context);
		await page.goto(`${site.baseURL}/?terminal=B-2&mode=bulletin&screen=hall-main`);
		await expect(page).toHaveURL(`${site.baseURL}/bulletin?screen=hall-main`);
		await waitForOfflineReady(page);
		await context.close();

		await site.pause();
		context = await launch(true);
		page = await firstPage(context);
		await page.goto(`${site.baseURL}/`);
		await expect(page).toHaveURL(`${site.baseURL}/bulletin?screen=hall-main`);
		await expect(page.getByTestId('bulletin')).toHaveAttribute('data-running', 'true');
		await context.close();
	});
});

test('usage counts: views and zero-result searches, on the status screen behind the PIN', async ({
	page
}) => {
	test.setTimeout(90_000);
	await page.goto(`${site.baseURL}/guides`);
	await waitForOfflineReady(page);
	const guide = page.locator('a[href^="/guides/"]').first();
	const href = (await guide.getAttribute('href'))!;
	for (let i = 0; i < 3; i++) {
		await page.locator(`a[href="${href}"]`).first().tap();
		await expect(page).toHaveURL(new RegExp(`${href}$`));
		await page.getByRole('button', { name: '返回' }).tap();
		await expect(page).toHaveURL(/\/guides$/);
	}
	// Searches that find nothing; a phone number is personal data and never kept.
	for (const query of ['火星护照', '13800138000']) {
		await page.goto(`${site.baseURL}/search?q=${encodeURIComponent(query)}`);
		await expect(page.getByText(/没有找到|未找到/).first()).toBeVisible();
	}
	// A visitor's own event too (the search screen's contract), as typed in steps.
	await page.evaluate(() => {
		for (const query of ['月球', '月球签', '月球签证']) {
			window.dispatchEvent(new CustomEvent('kiosk:zero-result-search', { detail: { query } }));
		}
	});
	await expect
		.poll(async () => (await readStore<{ query: string }[]>(page, 'misses'))?.map((m) => m.query))
		.toContain('月球签证');
	await page.goto(`${site.baseURL}/guides`);

	// A wrong PIN is refused.
	const emblem = page.getByTestId('emblem');
	await emblem.hover();
	await page.mouse.down();
	await page.waitForURL('**/status');
	await page.mouse.up();
	for (const digit of '1111') await page.getByRole('button', { name: digit, exact: true }).click();
	await page.getByRole('button', { name: '确认' }).click();
	await expect(page.getByRole('alert')).toHaveText('密码不正确');
	await page.goto(`${site.baseURL}/guides`);

	await openStatusScreen(page, PIN);
	const views = page.getByTestId('usage-views');
	await expect(views.locator('li').first()).toContainText(href);
	await expect(views.locator('li').first()).toContainText('3 次');
	const misses = page.getByTestId('usage-misses');
	await expect(misses).toContainText('火星护照');
	await expect(misses).toContainText('月球签证');
	await expect(misses).not.toContainText('月球签”');
	await expect(misses).not.toContainText('13800138000');
	for (const key of [
		'app',
		'content',
		'check',
		'worker',
		'cache',
		'persist',
		'network',
		'terminal'
	]) {
		await expect(page.getByTestId(`status-${key}`)).not.toBeEmpty();
	}
	await page.screenshot({ path: test.info().outputPath('status.png'), fullPage: true });

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: /下载统计/ }).click()
	]);
	const report = JSON.parse(await readDownload(await download.path())) as {
		format: string;
		views: Record<string, unknown>[];
		misses: Record<string, unknown>[];
	};
	expect(report.format).toBe('lobby-kiosk-usage/1');
	expect(report.views[0]).toMatchObject({ path: href, count: 3 });
	// Days at most: nothing that could tell when a particular visitor was here.
	for (const entry of [...report.views, ...report.misses]) {
		expect(Object.keys(entry).sort()).toEqual(
			'path' in entry
				? ['count', 'firstDay', 'lastDay', 'path', 'title']
				: ['count', 'firstDay', 'lastDay', 'query']
		);
		expect(entry.lastDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	}

	await page.getByRole('button', { name: '显示统计二维码' }).click();
	await expect(page.getByTestId('usage-qr')).toBeVisible();
});

test('the recovery page clears the worker, its caches and the usage counts', async ({ page }) => {
	await page.goto(`${site.baseURL}/guides`);
	await waitForOfflineReady(page);
	await page.locator('a[href^="/guides/"]').first().tap();
	await expect(page).toHaveURL(/\/guides\/[^/]+$/);

	await page.goto(`${site.baseURL}/reset`);
	// Staff only: the same PIN as the status screen.
	for (const digit of PIN) await page.getByRole('button', { name: digit, exact: true }).click();
	await page.getByRole('button', { name: '确认' }).click();
	await page.getByRole('button', { name: '清除离线数据…' }).click();
	await page.getByRole('button', { name: '确认清除' }).click();
	await expect(page.getByTestId('reset-log')).toContainText('后台服务：已注销 1 个');
	const left = await page.evaluate(async () => ({
		workers: (await navigator.serviceWorker.getRegistrations()).length,
		caches: (await caches.keys()).length
	}));
	expect(left).toEqual({ workers: 0, caches: 0 });

	// The next load starts afresh and caches everything again.
	await page.getByRole('link', { name: '重新载入首页' }).click();
	await waitForOfflineReady(page);
	expect(await readSetting(page, 'lastCheck')).toBeNull();
	expect(await readStore(page, 'views')).toEqual([]);
});

async function readDownload(file: string | null): Promise<string> {
	if (!file) throw new Error('download failed');
	const { readFile } = await import('node:fs/promises');
	return readFile(file, 'utf8');
}
