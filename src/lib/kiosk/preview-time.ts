/**
 * "As at" previews for editors. In the development server (the editors' workbench), a page opened
 * with `?at=2026-12-26 10:00` (office time) shows notices, slides and the clock as at that moment,
 * and the moment runs on from there in that tab; `?at=now` goes back to the real clock. Builds for
 * the terminals leave it out (`dev` is false there): a terminal always runs on its own clock.
 */
import { dev } from '$app/environment';
import { instantOf } from '../zone.ts';

const KEY = 'lobby-kiosk-preview-offset';

/** The offset from the real clock that `?at=` asks for: a number, null to clear, undefined to keep. */
export function previewOffset(
	url: URL,
	timeZone: string,
	realNow: number
): number | null | undefined {
	const at = url.searchParams.get('at');
	if (at === null) return undefined;
	const instant = instantOf(at, timeZone);
	return Number.isNaN(instant) ? null : instant - realNow;
}

/** Keeps the moment a workbench preview asked for (call in the dev server only). */
export function rememberPreviewTime(url: URL, timeZone: string): void {
	const offset = previewOffset(url, timeZone, Date.now());
	if (offset === undefined) return;
	try {
		if (offset === null) sessionStorage.removeItem(KEY);
		else sessionStorage.setItem(KEY, String(offset));
	} catch {
		// No session storage: the preview runs on the real clock.
	}
}

/** Now, for what the content shows: the real clock, or the workbench preview's chosen moment. */
export function contentNow(): number {
	if (!dev) return Date.now();
	try {
		const offset = Number(globalThis.sessionStorage?.getItem(KEY) ?? 0);
		return Date.now() + (Number.isFinite(offset) ? offset : 0);
	} catch {
		return Date.now();
	}
}
