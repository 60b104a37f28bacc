import { describe, expect, it } from 'vitest';
import { carouselIndexAt, carouselIntervalMs, untilNextPicture } from './carousel.ts';

describe('carousel timing', () => {
	it('splits the slide’s duration evenly when no interval is given', () => {
		expect(carouselIntervalMs(15, 3)).toBe(5_000);
		expect(carouselIntervalMs(10, 3)).toBe(3_333);
		expect(carouselIntervalMs(12, 3, null)).toBe(4_000);
	});

	it('uses the editor’s interval when there is one', () => {
		expect(carouselIntervalMs(30, 3, 4)).toBe(4_000);
	});

	it('shows each picture for its interval, then starts over', () => {
		const at = (ms: number) => carouselIndexAt(ms, 4_000, 3);
		expect([0, 3_999, 4_000, 7_999, 8_000, 11_999, 12_000, 16_000].map(at)).toEqual([
			0, 0, 1, 1, 2, 2, 0, 1
		]);
	});

	it('stays on the first picture before the slide is up, or with one picture', () => {
		expect(carouselIndexAt(-500, 4_000, 3)).toBe(0);
		expect(carouselIndexAt(9_000, 4_000, 1)).toBe(0);
	});

	it('knows when the next picture is due', () => {
		expect(untilNextPicture(0, 4_000)).toBe(4_000);
		expect(untilNextPicture(5_500, 4_000)).toBe(2_500);
		expect(untilNextPicture(8_000, 4_000)).toBe(4_000);
	});
});
