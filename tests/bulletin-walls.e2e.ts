/**
 * Every kind of bulletin slide at the ten wall sizes halls really have, in the real player under
 * a fake clock: nothing clipped or scrolling, no character under 12 px, secondary lines at least
 * 3 % of the height on full-size screens, and the closed, takeover and default slides as well.
 */
import { expect, test, type Page } from '@playwright/test';
import {
	MORNING,
	WALL_SIZES,
	at,
	expectIntact,
	expectLegible,
	nextSlide,
	open,
	screenState,
	serveQueue
} from './support/bulletin-page';

test.use({ serviceWorkers: 'block', timezoneId: 'UTC' });

/** The kinds the sample playlists play on a weekday morning. */
const PLAYLIST_KINDS = ['figures', 'guide', 'hall', 'image', 'latest-notices', 'notice'];
/** The corridor screen's campaign adds these. */
const CAMPAIGN_KINDS = ['video', 'carousel', 'data'];

async function check(page: Page, what: string) {
	await expectIntact(page, what);
	await expectLegible(page, what);
}

/** Steps through slides until one of `kind` is on screen (at most `max` slides). */
async function until(page: Page, kind: string, max: number) {
	let state = await screenState(page);
	for (let i = 0; i < max && state.kind !== kind; i++) state = await nextSlide(page);
	expect(state.kind).toBe(kind);
}

for (const size of WALL_SIZES) {
	const label = `${size.width}x${size.height}`;

	test(`every slide kind fits and is legible at ${label}`, async ({ page }) => {
		test.setTimeout(300_000);
		// Every playlist on a weekday morning: each kind of slide, under the urgent ticker.
		await open(page, size, '/bulletin', MORNING);
		const kinds = new Set<string>();
		const slides = new Set<string>();
		for (let i = 0; i < 14; i++) {
			const state = await screenState(page);
			kinds.add(state.kind);
			slides.add(state.slide);
			await check(page, `${label} ${state.slide}`);
			await nextSlide(page);
		}
		expect([...kinds]).toEqual(expect.arrayContaining(PLAYLIST_KINDS));
		expect(slides.size).toBeGreaterThanOrEqual(9);

		// Thursday 22:00 in the office's zone (the machine is in UTC): the closed slide.
		await open(page, size, '/bulletin?screen=hall-main', at('2026-11-26T22:00:00'));
		await until(page, 'closed', 10);
		await check(page, `${label} closed`);

		// The corridor screen lets an urgent notice take the whole screen, in turns.
		await open(page, size, '/bulletin?screen=corridor-2f', MORNING);
		await until(page, 'urgent', 6);
		await check(page, `${label} urgent takeover`);

		// Its campaign: a video, a carousel and the queue's numbers (fresh, as a running queue
		// system writes them).
		await serveQueue(page);
		const campaign = new Set<string>();
		// Fake time runs far ahead of a video's real loading: a video not ready within its 10 fake
		// seconds is skipped like a broken one (the urgent notice then takes a second turn) and
		// comes round again a cycle later.
		for (let i = 0; i < 24 && campaign.size < 3; i++) {
			const state = await nextSlide(page, 75);
			if (CAMPAIGN_KINDS.includes(state.kind)) campaign.add(state.kind);
			await check(page, `${label} ${state.slide}`);
		}
		expect([...campaign].sort()).toEqual([...CAMPAIGN_KINDS].sort());

		// After its campaign ended: the default slide.
		await open(page, size, '/bulletin?screen=corridor-2f', at('2027-04-01T10:00:00'));
		await until(page, 'default', 3);
		await check(page, `${label} default`);
	});
}

for (const size of [
	{ width: 512, height: 256 },
	{ width: 768, height: 384 },
	{ width: 3840, height: 2160 }
]) {
	test(`the burn-in shift at ${size.width}x${size.height} moves by whole pixels`, async ({
		page
	}) => {
		await open(page, size, '/bulletin?screen=hall-main', MORNING);
		const offsets: [number, number][] = [];
		for (let i = 0; i < 4; i++) {
			await page.clock.runFor(3 * 60_000);
			// Where the shift rests once its glide (big screens only) has ended.
			const offset = await page.locator('.shift').evaluate((el) => {
				for (const transition of el.getAnimations()) transition.finish();
				const matrix = new DOMMatrix(getComputedStyle(el).transform);
				return [matrix.e, matrix.f] as [number, number];
			});
			offsets.push(offset);
		}
		expect(offsets).toHaveLength(4);
		expect(new Set(offsets.map((o) => o.join())).size).toBeGreaterThan(1);
		for (const [x, y] of offsets) {
			expect(Number.isInteger(x) && Number.isInteger(y), `${x}, ${y}`).toBe(true);
		}
	});
}
