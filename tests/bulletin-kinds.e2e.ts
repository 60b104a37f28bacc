/**
 * The video, carousel and data slides in the real player, on the corridor screen's own size
 * (960×540, content/bulletins/screens.yaml) under a fake clock. A video plays in real time: the
 * page's clock only drives the player's timers.
 */
import { expect, test, type Page } from '@playwright/test';
import {
	MORNING,
	QUEUE_ROWS,
	expectIntact,
	nextSlide,
	open,
	screenState,
	serveQueue
} from './support/bulletin-page';

test.use({ serviceWorkers: 'block', timezoneId: 'UTC' });

const CORRIDOR = { width: 960, height: 540 };
const VIDEO = '**/media/elder-mode-intro.webm';

/**
 * Steps through slides until `slide` is on screen (at most `max` slides). Fake time runs far ahead
 * of a video's real loading: a video not ready within its 10 fake seconds is skipped (the urgent
 * notice then takes a second turn) and comes round again a cycle later.
 */
async function until(page: Page, slide: string, max = 24) {
	let state = await screenState(page);
	for (let i = 0; i < max && state.slide !== slide; i++) state = await nextSlide(page, 75);
	expect(state.slide).toBe(slide);
	return state;
}

const front = (page: Page) => page.locator('.layer.front');

test('a video played once ends its turn when it ends, and plays from the start each time', async ({
	page
}) => {
	test.setTimeout(150_000);
	await open(page, CORRIDOR, '/bulletin?screen=corridor-2f', MORNING);
	const shown = await until(page, 'campaign/elder-mode-video');
	const video = front(page).locator('video');
	await expect(video).toHaveCount(1);
	// It plays, muted (the only way a browser lets it start by itself), from the start.
	await expect(front(page).locator('[data-video-state]')).toHaveAttribute(
		'data-video-state',
		/playing|ended/
	);
	const playing = await video.evaluate((v: HTMLVideoElement) => ({
		muted: v.muted,
		paused: v.paused,
		width: v.videoWidth,
		duration: v.duration
	}));
	expect(playing).toMatchObject({ muted: true, paused: false, width: 1280 });
	expect(playing.duration).toBeCloseTo(16, 0);
	await expectIntact(page, 'video');

	// The player's clock stops: from now on only the video's own end can hand the turn on, long
	// before the slide's 20 seconds are up.
	const paused = await page.evaluate(() => Date.now());
	await page.clock.pauseAt(paused + 100);
	const slide = page.locator('.slide[data-kind="video"]');
	await expect(slide).toHaveAttribute('data-video-state', 'ended', { timeout: 30_000 });
	expect((await screenState(page)).changes).toBe(shown.changes);
	await page.clock.runFor(1_000);
	await expect.poll(async () => (await screenState(page)).changes).toBeGreaterThan(shown.changes);
	expect((await screenState(page)).slide).not.toBe('campaign/elder-mode-video');
	expect((await page.evaluate(() => Date.now())) - paused).toBeLessThan(5_000);
	await page.clock.resume();

	// Next time round it starts again from the beginning.
	await until(page, 'campaign/elder-mode-video');
	const again = await front(page)
		.locator('video')
		.evaluate((v: HTMLVideoElement) => ({ time: v.currentTime, paused: v.paused }));
	expect(again.paused).toBe(false);
	expect(again.time).toBeLessThan(8);
});

test('a video that cannot play is skipped, and the screen never goes blank', async ({ page }) => {
	test.setTimeout(150_000);
	await page.route(VIDEO, (route) =>
		route.fulfill({ status: 200, contentType: 'video/webm', body: 'not a video at all' })
	);
	await open(page, CORRIDOR, '/bulletin?screen=corridor-2f', MORNING);
	const seen: string[] = [];
	for (let i = 0; i < 12; i++) {
		// Where the video would have been, the urgent notice may stay up for a second turn.
		const state = await nextSlide(page, 75);
		seen.push(state.slide);
		await expectIntact(page, state.slide);
	}
	expect(seen).toHaveLength(12);
	expect(seen).not.toContain('campaign/elder-mode-video');
	// The slides on either side of it in the playlist still come round.
	expect(seen).toContain('campaign/queue-now');
	expect(seen).toContain('campaign/satisfaction-survey');
	await expect(front(page).locator('video')).toHaveCount(0);
});

test('a carousel shows its pictures in turn, each decoded before it is shown', async ({ page }) => {
	await open(page, CORRIDOR, '/bulletin?screen=corridor-2f', MORNING);
	await until(page, 'campaign/process-charts');
	const slide = front(page).locator('[data-kind="carousel"]');
	await expect(slide).toHaveAttribute('data-carousel-count', '3');
	// Every picture is described, for everyone.
	const alts = await slide
		.locator('img')
		.evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).alt));
	expect(alts).toHaveLength(3);
	for (const alt of alts) expect(alt.length).toBeGreaterThan(10);
	const indexes: string[] = [];
	for (let i = 0; i < 3; i++) {
		indexes.push((await slide.getAttribute('data-carousel-index')) ?? '');
		const current = slide.locator('img.current');
		await expect(current).toHaveCount(1);
		expect(await current.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
		await expectIntact(page, `picture ${i + 1}`);
		await page.clock.runFor(8_000);
	}
	expect(indexes).toEqual(['0', '1', '2']);
});
test('a data slide shows the queue numbers while fresh and hides them once too old', async ({
	page
}) => {
	// The queue system wrote its last numbers 25 s ago and has stopped: they may be shown for
	// another 5 s (maxAge 30 s), then never as current.
	await serveQueue(page, { ageMs: 25_000, stopped: true });
	await open(page, CORRIDOR, '/bulletin?screen=corridor-2f', MORNING);
	const shown = await until(page, 'campaign/queue-now');
	const slide = front(page).locator('[data-kind="data"]');
	await expect(slide).toHaveAttribute('data-feed-state', 'fresh');
	const rows = slide.locator('tbody tr');
	await expect(rows).toHaveCount(QUEUE_ROWS.length);
	await expect(rows.nth(0)).toContainText('A047');
	await expect(rows.nth(1)).toContainText('无线电管理');
	// A missing number is a dash, not “null”.
	await expect(rows.nth(4)).toContainText('—');
	await expect(slide).not.toContainText('null');
	await expectIntact(page, 'fresh queue');

	await page.clock.runFor(6_000);
	// Still the same slide: the numbers went on time, not with the next slide.
	expect((await screenState(page)).changes).toBe(shown.changes);
	await expect(slide).toHaveAttribute('data-feed-state', 'stale');
	await expect(slide.locator('tbody tr')).toHaveCount(0);
	await expect(slide).not.toContainText('A047');
	await expect(slide).toContainText('叫号信息暂不可用');
	await expectIntact(page, 'stale queue');
});

test('a data slide whose feed is broken says it is unavailable, and recovers', async ({ page }) => {
	let broken = true;
	await page.route('**/queue/now.json', async (route) => {
		if (broken)
			return route.fulfill({ status: 200, contentType: 'application/json', body: '{"upd' });
		const now = await page.evaluate(() => Date.now());
		return route.fulfill({ json: { updatedAt: now, rows: QUEUE_ROWS } });
	});
	await open(page, CORRIDOR, '/bulletin?screen=corridor-2f', MORNING);
	await until(page, 'campaign/queue-now');
	const slide = front(page).locator('[data-kind="data"]');
	await expect(slide).toHaveAttribute('data-feed-state', 'unavailable');
	await expect(slide).toContainText('叫号信息暂不可用');
	await expect(slide.locator('tbody tr')).toHaveCount(0);
	// The queue system writes a whole file again: the next refresh (5 s) shows it.
	broken = false;
	await page.clock.runFor(6_000);
	await expect(slide).toHaveAttribute('data-feed-state', 'fresh');
	await expect(slide.locator('tbody tr')).toHaveCount(QUEUE_ROWS.length);
	await expectIntact(page, 'recovered queue');
});
