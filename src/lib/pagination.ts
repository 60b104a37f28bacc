/**
 * Page maths for prerendered lists. Page 1 of a list is its base URL (`/disclosure`), later pages
 * are `<base>/p/<n>`: there is exactly one URL per page, so the offline cache holds no duplicates.
 */

/** How many pages a list of `total` items has; an empty list still has its (empty) first page. */
export function pageCount(total: number, size: number): number {
	return Math.max(1, Math.ceil(total / size));
}

/** The items on page `page` (1-based). */
export function pageItems<T>(items: readonly T[], page: number, size: number): T[] {
	return items.slice((page - 1) * size, page * size);
}

/** The URL of page `page` of the list at `base`. */
export function pageHref(base: string, page: number): string {
	return page <= 1 ? base : `${base}/p/${page}`;
}

/** The page numbers that have a `/p/<n>` URL of their own: 2 to the last. */
export function laterPages(total: number, size: number): number[] {
	return Array.from({ length: pageCount(total, size) - 1 }, (_, i) => i + 2);
}

/**
 * The page number in a `/p/<n>` URL, or null if there is no such page. `1`, `01`, `2.0` and the
 * like are refused so that every page keeps a single URL.
 */
export function parsePageParam(param: string, total: number, size: number): number | null {
	if (!/^[1-9]\d{0,8}$/.test(param)) return null;
	const page = Number(param);
	return page >= 2 && page <= pageCount(total, size) ? page : null;
}
