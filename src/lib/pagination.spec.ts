import { describe, expect, it } from 'vitest';
import { laterPages, pageCount, pageHref, pageItems, parsePageParam } from './pagination';

describe('pagination', () => {
	it('counts pages, with one (empty) page for an empty list', () => {
		expect(pageCount(0, 15)).toBe(1);
		expect(pageCount(1, 15)).toBe(1);
		expect(pageCount(15, 15)).toBe(1);
		expect(pageCount(16, 15)).toBe(2);
		expect(pageCount(10_000, 15)).toBe(667);
	});

	it('slices one page of items', () => {
		const items = Array.from({ length: 20 }, (_, i) => i);
		expect(pageItems(items, 1, 15)).toEqual(items.slice(0, 15));
		expect(pageItems(items, 2, 15)).toEqual([15, 16, 17, 18, 19]);
		expect(pageItems(items, 3, 15)).toEqual([]);
	});

	it('gives page 1 the list URL itself, never /p/1', () => {
		expect(pageHref('/disclosure', 1)).toBe('/disclosure');
		expect(pageHref('/disclosure', 2)).toBe('/disclosure/p/2');
		expect(pageHref('/disclosure/c/budgets', 3)).toBe('/disclosure/c/budgets/p/3');
	});

	it('lists the pages that have a /p/<n> URL', () => {
		expect(laterPages(0, 15)).toEqual([]);
		expect(laterPages(15, 15)).toEqual([]);
		expect(laterPages(31, 15)).toEqual([2, 3]);
	});

	it('accepts only the canonical number of an existing later page', () => {
		expect(parsePageParam('2', 20, 15)).toBe(2);
		expect(parsePageParam('3', 31, 15)).toBe(3);
		for (const bad of ['1', '0', '01', '3', '999', '-2', '2.0', '2a', '', ' 2', '1e1']) {
			expect(parsePageParam(bad, 20, 15), bad).toBeNull();
		}
		expect(parsePageParam('99999999999999999999', 20, 15)).toBeNull();
	});
});
