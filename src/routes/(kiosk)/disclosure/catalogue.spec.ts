import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import {
	disclosureCategories,
	disclosureCategoryKeys,
	disclosureCategoryShortNames
} from '$lib/server/content/schema';
import { CATALOGUE_PAGE_SIZE, catalogueEntries, cataloguePage } from './catalogue.server';

const n = CATALOGUE_PAGE_SIZE;
// Newest first, as the content loader sorts them: n + 3 budget items, then 2 公开指南 items.
const items = [
	...Array.from({ length: n + 3 }, (_, i) => ({
		slug: `budget-${i}`,
		title: `预算 ${i}`,
		indexNo: `430S00720/2015-${1000 + i}`,
		date: '2015-03-01',
		category: '财政预算、决算信息' as const
	})),
	...['a', 'b'].map((s) => ({
		slug: `guide-${s}`,
		title: `指南 ${s}`,
		indexNo: `430S00720/2014-${s === 'a' ? 1 : 2}`,
		date: '2014-01-01',
		category: '公开指南' as const
	}))
];

function status(fn: () => unknown): number | null {
	try {
		fn();
		return null;
	} catch (e) {
		return isHttpError(e) ? e.status : -1;
	}
}

describe('disclosure catalogue pages', () => {
	it('gives every category a unique URL-safe key', () => {
		const keys = disclosureCategories.map((c) => disclosureCategoryKeys[c]);
		expect(new Set(keys).size).toBe(disclosureCategories.length);
		for (const key of keys) expect(key).toMatch(/^[a-z][a-z-]*$/);
		// A key must never look like a page segment.
		expect(keys).not.toContain('p');
	});

	it('gives every category a short, distinct button label', () => {
		const names = disclosureCategories.map((c) => disclosureCategoryShortNames[c]);
		expect(new Set(names).size).toBe(disclosureCategories.length);
		for (const name of names) expect(name.length).toBeLessThanOrEqual(6);
		expect(cataloguePage(items, null, null).categories.map((c) => c.shortName)).toEqual([
			'公开指南',
			'预算决算'
		]);
	});

	it('shows the first page of all items with the non-empty categories in statutory order', () => {
		const page = cataloguePage(items, null, null);
		expect(page.categories.map((c) => [c.key, c.count, c.href])).toEqual([
			['guide', 2, '/disclosure/c/guide'],
			['budgets', n + 3, '/disclosure/c/budgets']
		]);
		expect(page).toMatchObject({ total: n + 5, count: n + 5, page: 1, pageCount: 2 });
		expect(page.base).toBe('/disclosure');
		expect(page.selected).toBeNull();
		expect(page.items.map((d) => d.slug)).toEqual(items.slice(0, n).map((d) => d.slug));
	});

	it('carries only what the list shows', () => {
		const [first] = cataloguePage(items, null, null).items;
		expect(Object.keys(first!).sort()).toEqual(['date', 'indexNo', 'slug', 'title']);
	});

	it('pages one category', () => {
		const page = cataloguePage(items, 'budgets', '2');
		expect(page.selected?.name).toBe('财政预算、决算信息');
		expect(page).toMatchObject({ count: n + 3, page: 2, pageCount: 2 });
		expect(page.base).toBe('/disclosure/c/budgets');
		expect(page.items.map((d) => d.slug)).toEqual(['budget-15', 'budget-16', 'budget-17']);
		expect(cataloguePage(items, 'guide', null).items.map((d) => d.slug)).toEqual([
			'guide-a',
			'guide-b'
		]);
	});

	it('is a 404 for an unknown or empty category, or a page that does not exist', () => {
		expect(status(() => cataloguePage(items, 'nope', null))).toBe(404);
		expect(status(() => cataloguePage(items, 'fees', null))).toBe(404);
		expect(status(() => cataloguePage(items, null, '1'))).toBe(404);
		expect(status(() => cataloguePage(items, null, '3'))).toBe(404);
		expect(status(() => cataloguePage(items, 'guide', '2'))).toBe(404);
		expect(status(() => cataloguePage(items, null, 'x'))).toBe(404);
	});

	it('lists every page for prerendering, and no /p/1', () => {
		expect(catalogueEntries(items)).toEqual({
			allPages: [{ page: '2' }],
			categories: [{ category: 'guide' }, { category: 'budgets' }],
			categoryPages: [{ category: 'budgets', page: '2' }]
		});
	});
});
