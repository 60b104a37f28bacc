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
