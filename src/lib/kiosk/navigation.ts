/** The page one level up, for Back when the visitor arrived directly (or after a reset). */
export function parentPath(pathname: string): string {
	const parts = pathname.replace(/\/+$/, '').split('/').filter(Boolean);
	if (parts.length <= 1) return '/';
	return '/' + parts.slice(0, -1).join('/');
}
