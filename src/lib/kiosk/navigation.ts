import { getContext, setContext } from 'svelte';

/** The page one level up, for Back when the visitor arrived directly (or after a reset). */
export function parentPath(pathname: string): string {
	const parts = pathname.replace(/\/+$/, '').split('/').filter(Boolean);
	if (parts.length <= 1) return '/';
	// A list page (`…/p/2`) or category (`…/c/<key>`) is one level in two segments; neither
	// `…/p` nor `…/c` is a page.
	const pair = parts.length >= 3 && (parts.at(-2) === 'p' || parts.at(-2) === 'c');
	return '/' + parts.slice(0, pair ? -2 : -1).join('/');
}

/** Addresses of the touch kiosk (inside its frame), as opposed to the LED screens and staff pages. */
export function isKioskPath(pathname: string): boolean {
	return !/^\/(bulletin|status|reset)(\/|$)/.test(pathname);
}

const LATE_FRAME = Symbol('kiosk frame mounts after navigation');

/**
 * Called by a page that draws the kiosk frame only after loading it (the root error page): the
 * frame then misses the navigation that brought the visitor, which that page counts instead.
 */
export function frameMountsAfterNavigation(): void {
	setContext(LATE_FRAME, true);
}

/** Inside the frame: whether its page counts navigations for 返回 in its place. */
export function mountsAfterNavigation(): boolean {
	return getContext<boolean | undefined>(LATE_FRAME) === true;
}
