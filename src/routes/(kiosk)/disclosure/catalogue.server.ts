/**
 * One page of the 政府信息公开目录, for the four list routes (`/disclosure`, `/disclosure/p/<n>`,
 * `/disclosure/c/<key>`, `/disclosure/c/<key>/p/<n>`). A page carries its own items only: an
 * office may publish 10,000 items, and every page is prerendered and precached.
 */
import { error } from '@sveltejs/kit';
import type { Disclosure } from '$lib/server/content';
import {
	disclosureCategories,
	disclosureCategoryKeys,
	disclosureCategoryShortNames
} from '$lib/server/content/schema';
import { laterPages, pageCount, pageItems, parsePageParam } from '$lib/pagination';

/** Items per page: about one portrait screen, and two pages for the sample content. */
export const CATALOGUE_PAGE_SIZE = 15;

export interface CatalogueCategory {
	key: string;
	name: string;
	/** What its button says (the full name is the list heading). */
	shortName: string;
	count: number;
	href: string;
}

export interface CatalogueItem {
	slug: string;
	title: string;
	indexNo: string;
	date: string;
}

export interface CataloguePage {
	/** The categories that have items, in statutory order. */
	categories: CatalogueCategory[];
	/** Items in the whole catalogue. */
	total: number;
	/** null: all categories. */
	selected: CatalogueCategory | null;
	/** Items in the selected list (all, or the category). */
	count: number;
	items: CatalogueItem[];
	page: number;
	pageCount: number;
	/** The list's first page; later pages are `<base>/p/<n>`. */
	base: string;
}

type Items = readonly Pick<Disclosure, 'slug' | 'title' | 'indexNo' | 'date' | 'category'>[];

interface Index {
	categories: CatalogueCategory[];
	byKey: Map<string, Items>;
}

// Prerendering calls load once per page: group the catalogue once per loaded content, not per page.
const indexes = new WeakMap<Items, Index>();

function indexOf(items: Items): Index {
	let index = indexes.get(items);
	if (index) return index;
	const byKey = new Map<string, Items>();
	const categories: CatalogueCategory[] = [];
	for (const name of disclosureCategories) {
		const key = disclosureCategoryKeys[name];
		const inCategory = items.filter((d) => d.category === name);
		if (inCategory.length === 0) continue;
		byKey.set(key, inCategory);
		categories.push({
			key,
			name,
			shortName: disclosureCategoryShortNames[name],
			count: inCategory.length,
			href: `/disclosure/c/${key}`
		});
	}
	index = { categories, byKey };
	indexes.set(items, index);
	return index;
}

/**
 * The page for a category key (null: all) and a `/p/<n>` parameter (null: page 1); a 404 for an
 * unknown or empty category and for a page that does not exist (including `/p/1`).
 */
export function cataloguePage(
	items: Items,
	categoryKey: string | null,
	pageParam: string | null
): CataloguePage {
	const { categories, byKey } = indexOf(items);
	const selected = categoryKey === null ? null : categories.find((c) => c.key === categoryKey);
	if (selected === undefined) error(404, '没有这个公开类别');
	const list = selected ? byKey.get(selected.key)! : items;
	const page = pageParam === null ? 1 : parsePageParam(pageParam, list.length, CATALOGUE_PAGE_SIZE);
	if (page === null) error(404, '没有这一页');
	return {
		categories,
		total: items.length,
		selected,
		count: list.length,
		items: pageItems(list, page, CATALOGUE_PAGE_SIZE).map(({ slug, title, indexNo, date }) => ({
			slug,
			title,
			indexNo,
			date
		})),
		page,
		pageCount: pageCount(list.length, CATALOGUE_PAGE_SIZE),
		base: selected ? selected.href : '/disclosure'
	};
}

/** `entries()` of the list routes: every page of every list, so all are prerendered. */
export function catalogueEntries(items: Items) {
	const { categories, byKey } = indexOf(items);
	const later = (n: number) => laterPages(n, CATALOGUE_PAGE_SIZE).map(String);
	return {
		allPages: later(items.length).map((page) => ({ page })),
		categories: categories.map((c) => ({ category: c.key })),
		categoryPages: categories.flatMap((c) =>
			later(byKey.get(c.key)!.length).map((page) => ({ category: c.key, page }))
		)
	};
}
