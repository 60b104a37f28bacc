/**
 * Bulletin soak: the `/bulletin` display of the main hall screen driven through 12 simulated
 * hours (08:00-20:00 office time, so office hours, the lunch-break slide, the urgent ticker and
 * night dimming all come round) with Playwright's fake clock. After a forced garbage collection
 * it reads the JS heap (Runtime.getHeapUsage), the DOM node count and the event listener count
 * (Memory.getDOMCounters) at the start and at the end. A screen that runs for weeks must not
 * grow: every end/start ratio stays under 1.1.
 *
 * Serves the already-built site in build/ (run `npx vite build` first); without one, the bench
 * suite's own build of content/ is used. Runnable alone: `npx tsx bench/bulletin.ts`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/browser.ts';
import { REPO, round, siteBuild } from './context.ts';
import type { Figure } from './figures.ts';
import { memoryFigures, printFigures, readMemory } from './soak.ts';
import { startStaticServer } from '../scripts/static-server.ts';

const GROUP = 'bulletin';
const HOURS = 12;
/** Three hours of warm-up first; the 12 measured hours are then 08:00-20:00. */
const START = '2026-11-27T05:00:00+08:00';
/** Fake time advances in steps this long; between steps the page's real async work settles. */
const STEP_MS = 60_000;
/**
 * Simulated time before the first reading: every slide kind built hundreds of times, so what the
 * engine keeps for hot code (optimised code, inline caches) and the browser's bounded timing
 * buffers (long-task entries, which compressed fake time produces plenty of) are in the start
 * figure rather than counted as growth. Heap snapshots (compared by constructor) show both level
 * off within a few hours, and no object of the app's own growing at all.
 */
const WARM_UP_MS = 3 * 60 * 60_000;
const RATIO_BUDGET = 1.1;

const screenState = (page: Page) =>
	page.getByTestId('bulletin').evaluate((el: HTMLElement) => ({
		slide: el.dataset.slide ?? '',
		changes: Number(el.dataset.changes),
		recoveries: Number(el.dataset.recoveries)
	}));

/** On to the slide that was up at the first reading, so both readings count the same DOM. */
async function advanceTo(page: Page, slide: string): Promise<void> {
	for (let i = 0; i < 600 && (await screenState(page)).slide !== slide; i++) {
		await page.clock.runFor(1_000);
	}
}

async function advance(page: Page, ms: number): Promise<void> {
	for (let done = 0; done < ms; done += STEP_MS) {
		await page.clock.runFor(Math.min(STEP_MS, ms - done));
		// A real macrotask (message channels are not faked) for decodes fake time cannot hurry.
		await page.evaluate(
			() =>
				new Promise((resolve) => {
					const channel = new MessageChannel();
					channel.port1.onmessage = () => resolve(null);
					channel.port2.postMessage(null);
				})
		);
	}
}

async function siteDir(): Promise<string> {
	const built = path.join(REPO, 'build');
	if (existsSync(path.join(built, 'bulletin.html'))) return built;
	return (await siteBuild()).dir;
}

export async function run(): Promise<Figure[]> {
	const server = await startStaticServer(await siteDir());
	const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
	try {
		// As installed: the service worker registers and precaches, as on the hall's screen.
		const context = await browser.newContext({
			viewport: { width: 1920, height: 1080 },
			locale: 'zh-CN',
			timezoneId: 'Asia/Shanghai'
		});
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await page.clock.install({ time: new Date(START) });
		await page.goto(`${server.url}/bulletin?screen=hall-main`, { waitUntil: 'load' });
		await page.getByTestId('bulletin').and(page.locator('[data-running="true"]')).waitFor();
		// The service worker installs in real time; its listeners belong in the start figure.
		await page.evaluate(() => navigator.serviceWorker?.ready).catch(() => undefined);

		await advance(page, WARM_UP_MS);
		// Read the page state first: Playwright's helper script, injected on first use, adds
		// listeners of its own that must not count as growth.
		const before = await screenState(page);
		const first = await readMemory(cdp);
		const t0 = performance.now();
		await advance(page, HOURS * 3_600_000);
		const seconds = (performance.now() - t0) / 1000;
		await advanceTo(page, before.slide);
		const after = await screenState(page);
		const last = await readMemory(cdp);

		return [
			...memoryFigures(GROUP, HOURS, first, last, RATIO_BUDGET),
			{
				group: GROUP,
				name: `slide changes in ${HOURS} simulated hours`,
				value: after.changes - before.changes,
				unit: '',
				budget: '> 1000',
				pass: after.changes - before.changes > 1000,
				note: `${round(seconds, 0)} s real time`
			},
			{
				group: GROUP,
				name: 'watchdog recoveries',
				value: after.recoveries,
				unit: '',
				budget: '= 0',
				pass: after.recoveries === 0,
				note: 'a recovery means the rotation stalled'
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
