/** Driving the bulletin screen under a fake clock: its sizes, its state, the next slide. */
import { expect, type Page } from '@playwright/test';

export const SIZES = [
	{ width: 1920, height: 1080 },
	{ width: 1080, height: 1920 },
	{ width: 3840, height: 2160 },
	{ width: 1366, height: 768 },
	{ width: 1920, height: 360 }
] as const;

/** Office time (Asia/Shanghai, +08:00); the browser's own zone must not matter. */
export const at = (local: string) => new Date(`${local}+08:00`);
export const MORNING = at('2026-11-27T10:00:00');

interface ScreenState {
	slide: string;
	kind: string;
	changes: number;
}

export const screenState = (page: Page): Promise<ScreenState> =>
	page.getByTestId('bulletin').evaluate((el: HTMLElement) => ({
		slide: el.dataset.slide ?? '',
		kind: el.dataset.kind ?? '',
		changes: Number(el.dataset.changes)
	}));

export async function open(
	page: Page,
	size: { width: number; height: number },
	path: string,
	time: Date
) {
	await page.setViewportSize(size);
	await page.clock.install({ time });
	await page.goto(path);
	await expect(page.getByTestId('bulletin')).toHaveAttribute('data-running', 'true');
	await expect.poll(async () => (await screenState(page)).changes).toBeGreaterThan(0);
}

/** Whether a video slide is still loading its first frame, which takes real time. */
const videoLoading = (page: Page) =>
	page.evaluate(() => document.querySelector('[data-video-state="loading"]') !== null);

/**
 * Lets fake time run until the next slide is on screen (at most `seconds` of it). Fake time
 * stands still while a video loads (for up to 10 s of real time), as a screen's clock would not
 * race ahead of it: otherwise a busy machine makes the player give up on the video.
 */
export async function nextSlide(page: Page, seconds = 30): Promise<ScreenState> {
	const before = (await screenState(page)).changes;
	for (let i = 0; i < seconds; i++) {
		for (let wait = 0; wait < 100 && (await videoLoading(page)); wait++) {
			await page.waitForTimeout(100);
		}
		await page.clock.runFor(1_000);
		if ((await screenState(page)).changes > before) break;
	}
	await expect.poll(async () => (await screenState(page)).changes).toBeGreaterThan(before);
	return screenState(page);
}

/** Nothing clipped, nothing scrolls, and the slide on screen is complete. */
export async function expectIntact(page: Page, what = '') {
	const problems = await page.evaluate(() => {
		const out: string[] = [];
		const doc = document.documentElement;
		if (doc.scrollWidth > doc.clientWidth || doc.scrollHeight > doc.clientHeight) {
			out.push('the page scrolls');
		}
		const front = document.querySelector<HTMLElement>('.layer.front');
		if (!front || front.childElementCount === 0) return [...out, 'no slide on screen'];
		const boxes = [
			front,
			...front.querySelectorAll<HTMLElement>('[data-fit-box]'),
			...document.querySelectorAll<HTMLElement>('.masthead .names, .info p, .still-text')
		];
		for (const el of boxes) {
			if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) {
				out.push(
					`${el.className} overflows (${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight})`
				);
			}
		}
		if (front.dataset.overflow === 'true') out.push('the fitter gave up');
		for (const img of front.querySelectorAll('img')) {
			if (!img.complete || img.naturalWidth === 0) out.push(`image ${img.src} not ready`);
		}
		const r = front.getBoundingClientRect();
		if (r.right > innerWidth + 8 || r.bottom > innerHeight + 8)
			out.push('slide outside the screen');
		return out;
	});
	expect(problems, what).toEqual([]);
}

/** The ten walls the bulletin is checked at: the five installed sizes and real LED-wall resolutions. */
export const WALL_SIZES = [
	...SIZES,
	{ width: 768, height: 384 },
	{ width: 1280, height: 320 },
	{ width: 960, height: 540 },
	{ width: 512, height: 256 },
	{ width: 2560, height: 720 }
] as const;

/** Smallest glyph an LED wall can draw (src/lib/bulletin/fit.ts MIN_GLYPH_PX). */
const MIN_GLYPH_PX = 12;

/**
 * Every character on screen is at least 12 px, and on full-size screens (at least 540 px tall,
 * not a strip) the secondary lines (subtitle, date, sources) are at least 3 % of the height.
 * Returns how many characters' boxes were measured, so a caller can tell it looked at something.
 */
export async function expectLegible(page: Page, what: string): Promise<number> {
	const { problems, measured } = await page.evaluate(
		({ minGlyph }) => {
			const out: string[] = [];
			const frame = document.querySelector('.frame');
			if (!frame) return { problems: ['no frame'], measured: 0 };
			const fullSize = innerHeight >= 540 && innerWidth / innerHeight < 3;
			const secondary = '.names span, .clock .date, .source, .meta, .hint, dd.small, .center .hall';
			let measured = 0;
			const walker = document.createTreeWalker(frame, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				const el = node.parentElement;
				const text = node.textContent?.trim() ?? '';
				if (!text || !el || el.closest('.layer:not(.front)')) continue;
				if (el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') {
					continue;
				}
				measured++;
				const size = parseFloat(getComputedStyle(el).fontSize);
				if (size < minGlyph - 0.01) out.push(`“${text.slice(0, 12)}” is ${size.toFixed(1)} px`);
				const floor = 0.03 * innerHeight;
				if (fullSize && el.closest(secondary) && size < floor - 0.5) {
					out.push(`“${text.slice(0, 12)}” is ${size.toFixed(1)} px, under 3 % (${floor} px)`);
				}
			}
			return { problems: out, measured };
		},
		{ minGlyph: MIN_GLYPH_PX }
	);
	expect(problems, what).toEqual([]);
	expect(measured, `${what}: text measured`).toBeGreaterThan(0);
	return measured;
}

/** What the hall's queue system writes to `/queue/now.json` (docs/editing.md, 实时数据). */
export const QUEUE_ROWS = [
	{ window: '1号', service: '综合受理', number: 'A047', waiting: 6 },
	{ window: '2号', service: '无线电管理', number: 'B019', waiting: 1 },
	{ window: '3号', service: '节能与电力', number: 'C011', waiting: 0 },
	{ window: '4号', service: '中小企业服务', number: 'D026', waiting: 3 },
	{ window: '5号', service: '信息化与软件', number: null, waiting: 0 }
];

/**
 * Answers the data slides' feed as a running queue system would: written `ageMs` before the
 * screen's (fake) clock at each request, or, with `stopped`, last written `ageMs` before the
 * first request and never again.
 */
export async function serveQueue(page: Page, { ageMs = 0, stopped = false } = {}) {
	let written: number | undefined;
	await page.route('**/queue/now.json', async (route) => {
		const now = await page.evaluate(() => Date.now());
		written = stopped && written !== undefined ? written : now - ageMs;
		await route.fulfill({
			json: { updatedAt: written, rows: QUEUE_ROWS },
			headers: { 'cache-control': 'no-store' }
		});
	});
}
