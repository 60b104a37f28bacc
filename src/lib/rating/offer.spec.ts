import { describe, expect, it } from 'vitest';
import type { RatingLevel } from './levels';
import { GUIDE_READ_MS, RatingOffer } from './offer.svelte';

function offer() {
	const recorded: RatingLevel[] = [];
	return { recorded, offer: new RatingOffer((level) => recorded.push(level)) };
}

describe('RatingOffer', () => {
	it('opens when a guide is left after it was read, not after a glance', () => {
		const { offer: o } = offer();
		o.guideOpened(0);
		o.guideLeft(GUIDE_READ_MS - 1);
		expect(o.open).toBe(false);
		o.guideOpened(100_000);
		o.guideLeft(100_000 + GUIDE_READ_MS);
		expect(o.open).toBe(true);
	});

	it('records one tap once, with the level only, and closes', () => {
		const { offer: o, recorded } = offer();
		o.guideOpened(0);
		o.guideLeft(GUIDE_READ_MS);
		o.rate('满意');
		o.rate('不满意');
		expect(recorded).toEqual(['满意']);
		expect(o.rated).toBe('满意');
		expect(o.open).toBe(false);
		// Rated: reading another guide does not ask again.
		o.guideOpened(50_000);
		o.guideLeft(50_000 + GUIDE_READ_MS);
		expect(o.open).toBe(false);
	});

	it('closed without rating: not offered again this visit, nothing recorded', () => {
		const { offer: o, recorded } = offer();
		o.guideOpened(0);
		o.guideLeft(GUIDE_READ_MS);
		o.dismiss();
		o.guideOpened(50_000);
		o.guideLeft(50_000 + GUIDE_READ_MS);
		expect(o.open).toBe(false);
		expect(recorded).toEqual([]);
	});

	it('the idle reset drops an unanswered offer and a guide still open', () => {
		const { offer: o, recorded } = offer();
		o.guideOpened(0);
		o.guideLeft(GUIDE_READ_MS);
		expect(o.open).toBe(true);
		o.guideOpened(20_000);
		o.reset();
		expect(o.open).toBe(false);
		// The reset's own move home leaves the guide: that is not a read by the next visitor.
		o.guideLeft(20_000 + GUIDE_READ_MS);
		expect(o.open).toBe(false);
		expect(recorded).toEqual([]);
		// The next visitor can rate again.
		o.rate('非常满意');
		expect(recorded).toEqual(['非常满意']);
	});
});
