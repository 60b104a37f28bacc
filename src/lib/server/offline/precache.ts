/**
 * Build time only (Node): turns the files Workbox found in `.svelte-kit/output` into the service
 * worker's precache list, and keeps that list inside a size budget.
 *
 * - URLs are the ones the browser asks for: with `trailingSlash: 'never'` the page
 *   `prerendered/pages/guides/x.html` is requested as `/guides/x`.
 * - Every entry carries a subresource-integrity hash, so a half-copied or mixed-up deploy fails
 *   the new worker's install (and the old version keeps running) instead of caching wrong bytes.
 * - Only the top-level pages (the sections a terminal starts on or reloads into) are cached as
 *   HTML. Deeper pages (each guide, disclosure item, notice, catalogue page) are cached as their
 *   `__data.json` only: that is what the running app fetches when a visitor taps a link, and a
 *   direct load of such a URL gets the offline shell (the adapter's `404.html`, an app page
 *   without content), which renders it from the same data. A page's HTML is 3-4x its data, so
 *   this keeps 10,000 items within the budget.
 * - Data files change only when their content does, so after an edit a terminal downloads the
 *   changed items, not every page again.
 * - The total is printed on every build and the build fails above the budget, because a terminal
 *   that cannot cache everything is not offline-capable.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { formatBytes } from '../../format.ts';

export interface PrecacheEntry {
	url: string;
	revision: string | null;
	size: number;
	integrity?: string;
}

export interface PrecacheTransformOptions {
	/** Workbox's globDirectory: the `.svelte-kit/output` folder. */
	globDirectory: string;
	budgetBytes: number;
	/**
	 * The offline shell's URL. The adapter writes that file after the worker is generated, so it
	 * is listed without reading it, with the build's version as its revision.
	 */
	shellUrl?: string;
	log?: (line: string) => void;
}

const PAGES = 'prerendered/pages/';
/** Written by SvelteKit on every build; its hash stands for the shell's revision. */
const VERSION_FILE = 'client/_app/version.json';

/** Top-level pages are cached as HTML; deeper ones by their `__data.json` (see above). */
export function isCachedAsHtml(file: string): boolean {
	if (!file.startsWith(PAGES) || !file.endsWith('.html')) return true;
	return !file.slice(PAGES.length).includes('/');
}

const PREFIXES = ['client/', 'prerendered/pages/', 'prerendered/dependencies/'];

/** `prerendered/pages/guides/x.html` -> `guides/x`; relative, so it follows the worker's scope. */
export function precacheUrl(file: string): string {
	let url = file;
	for (const prefix of PREFIXES) {
		if (url.startsWith(prefix)) {
			url = url.slice(prefix.length);
			break;
		}
	}
	if (url === 'index.html') return './';
	if (url.endsWith('/index.html')) return url.slice(0, -'/index.html'.length);
	if (url.endsWith('.html')) return url.slice(0, -'.html'.length);
	return url;
}

export function createPrecacheTransform({
	globDirectory,
	budgetBytes,
	shellUrl,
	log = console.log
}: PrecacheTransformOptions) {
	return async (
		entries: PrecacheEntry[]
	): Promise<{ manifest: PrecacheEntry[]; warnings: string[] }> => {
		const kept = entries.filter((entry) => isCachedAsHtml(entry.url));
		const manifest: PrecacheEntry[] = kept.map((entry) => {
			const bytes = readFileSync(path.join(globDirectory, entry.url));
			const integrity = `sha256-${createHash('sha256').update(bytes).digest('base64')}`;
			return { ...entry, url: precacheUrl(entry.url), integrity };
		});
		const warnings: string[] = [];
		const versionFile = path.join(globDirectory, VERSION_FILE);
		if (shellUrl && existsSync(versionFile)) {
			const revision = createHash('sha256')
				.update(readFileSync(versionFile))
				.digest('hex')
				.slice(0, 16);
			manifest.push({ url: shellUrl, revision, size: 0 });
		} else if (shellUrl) {
			// Only when the client build did not finish (e.g. the content check failed): say nothing
			// louder than the error that stopped it.
			warnings.push(`${VERSION_FILE} is missing: the offline shell is not listed`);
		}
		const total = manifest.reduce((sum, e) => sum + e.size, 0);
		const media = manifest.filter((e) => e.url.startsWith('media/'));
		const mediaBytes = media.reduce((sum, e) => sum + e.size, 0);
		const pagesLeft = entries.length - kept.length;
		log(
			`Offline precache: ${manifest.length} files, ${formatBytes(total)} ` +
				`(media: ${media.length} files, ${formatBytes(mediaBytes)}) of a ${formatBytes(budgetBytes)} budget; ` +
				`${pagesLeft} deeper pages cached as data, rendered by the offline shell`
		);
		if (total > budgetBytes) {
			const largest = [...manifest]
				.sort((a, b) => b.size - a.size)
				.slice(0, 5)
				.map((e) => `  ${formatBytes(e.size).padStart(10)}  ${e.url}`)
				.join('\n');
			throw new Error(
				`Offline precache is ${formatBytes(total)}, over the ${formatBytes(budgetBytes)} budget ` +
					`(KIOSK_PRECACHE_BUDGET_MB). Shrink or remove media; the largest files:\n${largest}`
			);
		}
		return { manifest, warnings };
	};
}
