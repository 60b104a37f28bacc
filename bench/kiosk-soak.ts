/**
 * Kiosk soak: one touch terminal page (portrait 1080x1920, touch) through 8 simulated hours of
 * visitors with Playwright's fake clock. Every 10 simulated minutes somebody comes: browses a
 * guide, searches with the on-screen keyboard, writes a character on the handwriting pad, or
 * reads a guide in elder mode; then nobody touches the screen and the idle reset returns it to
 * the home screen. After a forced garbage collection, on the home screen after an idle reset, it
 * reads the JS heap, the DOM node count and the event listener count at the start and at the
 * end (a terminal runs for weeks: every end/start ratio stays under 1.1), and the longest
 * main-thread task (Long Tasks API) while the visitors came (under 200 ms).
 *
 * Serves the already-built site in build/ (run `npx vite build` first); without one, the bench
 * suite's own build of content/ is used. Runnable alone: `npx tsx bench/kiosk-soak.ts`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/browser.ts';
import { REPO, round, siteBuild } from './context.ts';
import type { Figure } from './figures.ts';
import { memoryFigures, printFigures, readMemory } from './soak.ts';
import { startStaticServer } from '../scripts/static-server.ts';

const GROUP = 'kiosk soak';
const HOURS = 8;
/** A visitor every this long (simulated), then the idle reset. */
const VISIT_EVERY_MS = 10 * 60_000;
/** Visits before the first reading: code the engine keeps hot and bounded buffers fill first. */
const WARM_UP_VISITS = 8;
const START = '2026-11-27T08:30:00+08:00';
const RATIO_BUDGET = 1.1;
const LONG_TASK_BUDGET_MS = 200;
const QUERIES = ['ban', 'wxd', '营业执照', 'gongkai', '无线电台', 'jieneng'];

const require = createRequire(import.meta.url);
/** A character's stroke medians (Make Me a Hanzi: 1024 grid, y up), as the handwriting e2e uses. */
function medians(char: string): number[][][] {
	const file = require.resolve(`hanzi-writer-data/${char}.json`);
	return (JSON.parse(readFileSync(file, 'utf8')) as { medians: number[][][] }).medians;
}

/** Fake time on, a little at a time, letting the page's real async work (workers, decodes) run. */
async function pass(page: Page, ms: number, step = 1_000): Promise<void> {
	for (let done = 0; done < ms; done += step) {
		await page.clock.runFor(Math.min(step, ms - done));
		await page.waitForTimeout(5);
	}
}

async function home(page: Page): Promise<void> {
	await page.getByRole('link', { name: '首页' }).first().tap();
	await page.waitForURL((url) => url.pathname === '/');
}

async function browse(page: Page, n: number, elder = false): Promise<void> {
	if (elder) await page.getByRole('button', { name: '长辈模式' }).tap();
	await page
		.getByRole('link', { name: /办事指南/ })
		.first()
		.tap();
	await page.waitForURL(/\/guides$/);
	const guides = page.locator('main a[href^="/guides/"]');
	await guides.nth(n % Math.max(1, await guides.count())).tap();
	await page.waitForURL(/\/guides\/[^/]+$/);
	await page.mouse.wheel(0, 1200);
	await pass(page, 20_000);
	if (elder) await page.getByRole('button', { name: '长辈模式' }).tap();
	await home(page);
}

async function search(page: Page, query: string): Promise<void> {
	await page.getByRole('link', { name: '搜索', exact: true }).first().tap();
	await page.waitForURL(/\/search/);
	await page.getByRole('searchbox').tap();
	for (const key of query) {
		await page.keyboard.type(key);
		await pass(page, 300, 100);
	}
	await page.getByTestId('search-result').first().waitFor({ timeout: 15_000 });
	await page.getByTestId('search-result').first().tap();
	await pass(page, 15_000);
	await home(page);
}

async function handwrite(page: Page, char: string): Promise<void> {
	await page.getByRole('link', { name: '搜索', exact: true }).first().tap();
	await page.waitForURL(/\/search/);
	await page.getByRole('searchbox').tap();
	await page.getByRole('button', { name: '手写', exact: true }).tap();
	const box = await page.getByLabel('手写板').boundingBox();
	if (!box) throw new Error('the handwriting pad is not on the screen');
	const margin = box.width * 0.12;
	const scale = (box.width - 2 * margin) / 1024;
	const cdp = await page.context().newCDPSession(page);
	for (const stroke of medians(char)) {
		const points = stroke.map(([x, y]) => ({
			x: box.x + margin + x! * scale,
			y: box.y + margin + (900 - y!) * scale
		}));
		await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [points[0]!] });
		for (const p of points.slice(1)) {
			await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [p] });
		}
		await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
	}
	await cdp.detach();
	await pass(page, 1_000, 100);
	const pick = page.getByRole('group', { name: '手写候选字' }).getByRole('button').first();
	await pick.waitFor({ timeout: 15_000 });
	await pick.tap();
	await pass(page, 10_000);
	await page.getByRole('button', { name: '拼音', exact: true }).tap();
	await home(page);
}

/** One visitor, then nobody: the idle reset brings the home screen back. */
async function visit(page: Page, n: number, idleMs: number): Promise<void> {
	const started = await page.evaluate(() => Date.now());
	switch (n % 4) {
		case 0:
			await browse(page, n);
			break;
		case 1:
			await search(page, QUERIES[n % QUERIES.length]!);
			break;
		case 2:
			await handwrite(page, n % 8 < 4 ? '无' : '证');
			break;
		default:
			await browse(page, n, true);
	}
	// Left on a guide, as visitors do; then the idle countdown and reset.
	await page
		.getByRole('link', { name: /办事指南/ })
		.first()
		.tap();
	await pass(page, idleMs + 5_000, 5_000);
	await page.waitForURL((url) => url.pathname === '/');
	const spent = (await page.evaluate(() => Date.now())) - started;
	await pass(page, Math.max(0, VISIT_EVERY_MS - spent), 30_000);
}

async function siteDir(): Promise<string> {
	const built = path.join(REPO, 'build');
	if (existsSync(path.join(built, 'index.html'))) return built;
	return (await siteBuild()).dir;
}

export async function run(): Promise<Figure[]> {
	const dir = await siteDir();
	const { site } = JSON.parse(readFileSync(path.join(dir, 'site.json'), 'utf8')) as {
		site: { kiosk: { idleTimeoutSeconds: number; idleCountdownSeconds: number } };
	};
	const idleMs = (site.kiosk.idleTimeoutSeconds + site.kiosk.idleCountdownSeconds) * 1000;
	const server = await startStaticServer(dir);
	const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
	try {
		const context = await browser.newContext({
			viewport: { width: 1080, height: 1920 },
			hasTouch: true,
			isMobile: false,
			locale: 'zh-CN',
			timezoneId: 'Asia/Shanghai'
		});
		const page = await context.newPage();
		await page.addInitScript(() => {
			const w = window as unknown as { __longTasks: number[]; __measure: boolean };
			w.__longTasks = [];
			w.__measure = false;
			new PerformanceObserver((list) => {
				if (w.__measure) for (const e of list.getEntries()) w.__longTasks.push(e.duration);
			}).observe({ type: 'longtask', buffered: false });
		});
		const cdp = await context.newCDPSession(page);
		await page.clock.install({ time: new Date(START) });
		await page.goto(`${server.url}/?terminal=soak&mode=kiosk`, { waitUntil: 'load' });
		await page.locator('html[data-kiosk-ready]').waitFor({ state: 'attached' });
		await page.evaluate(() => navigator.serviceWorker?.ready).catch(() => undefined);

		for (let n = 0; n < WARM_UP_VISITS; n++) await visit(page, n, idleMs);
		const first = await readMemory(cdp);
		await page.evaluate(() => ((window as unknown as { __measure: boolean }).__measure = true));
		const visits = Math.round((HOURS * 3_600_000) / VISIT_EVERY_MS);
		const t0 = performance.now();
		for (let n = 0; n < visits; n++) await visit(page, WARM_UP_VISITS + n, idleMs);
		const seconds = (performance.now() - t0) / 1000;
		const longTasks = await page.evaluate(
			() => (window as unknown as { __longTasks: number[] }).__longTasks
		);
		const last = await readMemory(cdp);

		const longest = Math.max(0, ...longTasks);
		return [
			...memoryFigures(GROUP, HOURS, first, last, RATIO_BUDGET),
			{
				group: GROUP,
				name: `longest main-thread task in ${HOURS} simulated hours`,
				value: round(longest, 0),
				unit: 'ms',
				budget: `< ${LONG_TASK_BUDGET_MS}`,
				pass: longest < LONG_TASK_BUDGET_MS,
				note: `${longTasks.length} tasks over 50 ms; ${visits} visits (browse, search, handwriting, elder mode), each ending in an idle reset; ${round(seconds, 0)} s real time`
			}
		];
	} finally {
		await browser.close();
		await server.close();
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	printFigures(await run());
}
