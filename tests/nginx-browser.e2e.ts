/**
 * Chromium against the production web server (Debian's nginx with deploy/): no CSP violation and
 * no request to another origin on any page type, offline after one visit, and a new release
 * switched in under nginx taken up.
 */
import { expect } from '@playwright/test';
import {
	appendFileSync,
	cpSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSite } from './support/build-site';
import { BUILD, CONTENT, expectPageShown, pageTypes, test, watch } from './support/nginx-fixtures';

test('no page type breaks the CSP or asks another origin for anything', async ({
	serve,
	context,
	page
}) => {
	const { url } = await serve();
	const origin = new URL(url).origin;
	const { problems, requests } = await watch(context, page);
	const pages = pageTypes(BUILD);
	expect(pages.length).toBeGreaterThan(8);
	for (const p of pages) {
		await page.goto(url + p);
		await expectPageShown(page, p);
		// Every page carries Kit's hashed policy; no inline script without a hash.
		const meta = await page
			.locator('meta[http-equiv="content-security-policy"]')
			.getAttribute('content');
		expect(meta, p).toMatch(/script-src 'self' 'sha256-[^']+'/);
		expect(meta, p).not.toMatch(/script-src[^;]*unsafe-inline/);
		await page.waitForLoadState('networkidle');
	}
	// The "not found" page: 404.html, which the service worker (in control after the first page)
	// also answers unknown addresses with; rendered in the browser either way.
	const before404 = problems.length;
	await page.goto(url + '/no-such-page');
	await expect(page.locator('h1')).toHaveText('没有找到这个页面');
	await page.waitForLoadState('networkidle');
	// Only the policy is this test's business here: the app's own 404 errors are expected.
	const onNotFound = problems.splice(before404);
	expect(onNotFound.filter((p) => p.includes('CSP violation'))).toEqual([]);
	// Client-side navigation (fetches __data.json and lazy chunks) and a search.
	await page.goto(url + '/');
	await page.locator('a[href="/guides"]').first().click();
	await page.locator('a[href^="/guides/"]').first().click();
	await expect(page).toHaveURL(/\/guides\/[a-z0-9-]+$/);
	await page.goto(`${url}/search?q=${encodeURIComponent('许可')}`);
	await page.waitForLoadState('networkidle');

	expect(problems).toEqual([]);
	const urls = requests.map((r) => r.url());
	const foreign = urls.filter((u) => !u.startsWith(origin + '/') && !/^(data|blob):/.test(u));
	expect(foreign).toEqual([]);
	expect(urls.length).toBeGreaterThan(pages.length);
	expect(requests.filter((r) => r.serviceWorker() !== null).length).toBeGreaterThan(pages.length);
});

test('inline script that is not hashed is blocked, even if it got into a page', async ({
	serve,
	context,
	page
}) => {
	const { url } = await serve();
	const { problems } = await watch(context, page);
	await page.goto(url + '/guides');
	await page.evaluate(() => {
		const script = document.createElement('script');
		script.textContent = 'window.__injected = true';
		document.head.append(script);
		const img = document.createElement('div');
		img.innerHTML = '<img src="/favicon.svg" onload="window.__handler = true">';
		document.body.append(img);
	});
	await expect
		.poll(() => problems.filter((p) => p.startsWith('console: CSP violation')).length)
		.toBeGreaterThanOrEqual(2);
	expect(await page.evaluate(() => '__injected' in window)).toBe(false);
	expect(await page.evaluate(() => '__handler' in window)).toBe(false);
	expect(problems).toContainEqual(
		expect.stringContaining('CSP violation: script-src-elem blocked inline')
	);
	expect(problems).toContainEqual(
		expect.stringContaining('CSP violation: script-src-attr blocked inline')
	);
});

test('after one visit through nginx every page type works with the server gone', async ({
	serve,
	context,
	page
}) => {
	const nginx = await serve();
	// The URL a terminal's launcher opens (deploy/kiosk/lobby-kiosk-launch).
	await page.goto(`${nginx.url}/?terminal=nginx-test-1&mode=kiosk`);
	await page.evaluate(async () => {
		const registration = await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((r) =>
				navigator.serviceWorker.addEventListener('controllerchange', r, { once: true })
			);
		}
		return registration.active?.state;
	});
	await nginx.pause();

	const { problems } = await watch(context, page);
	for (const p of pageTypes(BUILD).filter((u) => u !== '/reset')) {
		const response = await page.goto(nginx.url + p);
		expect(response?.status(), p).toBe(200);
		expect(response?.fromServiceWorker(), p).toBe(true);
		await expectPageShown(page, p);
	}
	const home = await page.goto(`${nginx.url}/?terminal=nginx-test-1&mode=kiosk`);
	expect(home?.fromServiceWorker()).toBe(true);
	await expect(page.getByRole('link', { name: /办事指南/ }).first()).toBeVisible();
	expect(problems.filter((p) => !p.includes('Failed to load resource'))).toEqual([]);

	// The server comes back: the terminal reaches it again (an update check is answered).
	await nginx.resume();
	const logBefore = nginx.accessLog().length;
	await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.update()));
	expect(nginx.accessLog().slice(logBefore)).toMatch(/"GET \/sw\.js HTTP\/1\.1" 304/);
});

test('a new release switched in under nginx is downloaded, then taken up on restart', async ({
	releases,
	serve,
	context,
	page
}) => {
	test.setTimeout(180_000);
	// Release B: the same code with one visible content change.
	const content = mkdtempSync(path.join(os.tmpdir(), 'kiosk-content-b-'));
	const buildB = mkdtempSync(path.join(os.tmpdir(), 'kiosk-build-b-'));
	try {
		cpSync(CONTENT, content, { recursive: true });
		const site = path.join(content, 'site.yaml');
		const hallName = /^hallName: (.+)$/m.exec(readFileSync(site, 'utf8'))?.[1];
		expect(hallName, 'site.yaml has a hallName').toBeTruthy();
		writeFileSync(
			site,
			readFileSync(site, 'utf8').replace(`hallName: ${hallName}`, 'hallName: 新版本测试大厅')
		);
		appendFileSync(site, '\n');
		await buildSite({ contentDir: content, outDir: path.join(buildB, 'build') });
		releases.add('B', path.join(buildB, 'build'));
	} finally {
		rmSync(content, { recursive: true, force: true });
		rmSync(buildB, { recursive: true, force: true });
	}

	const nginx = await serve();
	await page.goto(nginx.url + '/');
	const swVersion = () =>
		page.evaluate(async () => {
			const r = await navigator.serviceWorker.ready;
			await r.update().catch(() => undefined);
			// Wait for any download the check started to settle.
			for (let i = 0; i < 200 && r.installing; i++)
				await new Promise((res) => setTimeout(res, 100));
			return { waiting: r.waiting !== null, active: r.active?.scriptURL ?? null };
		});
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((r) =>
				navigator.serviceWorker.addEventListener('controllerchange', r, { once: true })
			);
		}
	});
	await expect(page.getByText('新版本测试大厅')).toHaveCount(0);

	// Nothing new yet: the check costs one "304 Not Modified" for sw.js.
	const logStart = nginx.accessLog().length;
	expect((await swVersion()).waiting).toBe(false);
	const logBefore = nginx.accessLog();
	expect(logBefore.slice(logStart)).toMatch(/"GET \/sw\.js HTTP\/1\.1" 304 0 /);

	releases.switchTo('B');
	expect((await swVersion()).waiting).toBe(true);
	// The new version came from nginx (its worker and its new hashed files), and the visitor's page
	// did not move.
	const log = nginx.accessLog().slice(logBefore.length);
	expect(log).toMatch(/"GET \/sw\.js HTTP\/1\.1" 200/);
	const assetsOf = (name: string) =>
		new Set(
			readdirSync(path.join(releases.dir, name, '_app/immutable'), {
				recursive: true,
				encoding: 'utf8'
			})
		);
	const before = assetsOf('A');
	const fresh = [...assetsOf('B')].filter((f) => f.endsWith('.js') && !before.has(f));
	expect(fresh.length).toBeGreaterThan(0);
	for (const f of fresh) expect(log, f).toContain(`GET /_app/immutable/${f}`);
	await expect(page.getByText('新版本测试大厅')).toHaveCount(0);

	// A terminal restart (or the nightly restart): all windows closed, the browser opens the kiosk again.
	await page.close();
	const next = await context.newPage();
	await expect(async () => {
		await next.goto(nginx.url + '/');
		await expect(next.getByText('新版本测试大厅').first()).toBeVisible({ timeout: 2000 });
	}).toPass({ timeout: 30_000 });
});
