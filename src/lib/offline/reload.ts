/**
 * Bookkeeping for update reloads: a mark in sessionStorage that survives the reload (so the next
 * page can finish the job, and never loops), and which build the controlling worker serves.
 */
import * as v from 'valibot';

/** Update reloads in this tab (sessionStorage): the page after one finishes the job at once. */
export const RELOAD_MARK = 'kiosk-update-reload';
export const RESUME_WINDOW_MS = 20_000;
/** Never more update reloads than this in a row within the window (a broken deploy must not loop). */
export const MAX_RELOADS = 3;
/**
 * How long the new worker gets to take control, asked again every TAKEOVER_ASK_MS, before the
 * page reloads to let it in (the last resort: a page reloaded before the worker takes over comes
 * from the old one and must reload once more). A busy terminal can take several seconds to
 * activate the new worker, so the wait is generous: reloading too early costs a second reload.
 */
export const TAKEOVER_WAIT_MS = 15_000;
export const TAKEOVER_ASK_MS = 3_000;
/**
 * A reload that has not replaced this page after this long was lost (Chromium sometimes drops a
 * reload issued while a new worker takes control); it is issued again, within MAX_RELOADS.
 */
export const RELOAD_RETRY_MS = 8_000;
/**
 * A reload that started (the page got `beforeunload`) but has not replaced the page after this
 * long is stuck, not slow: Chromium can leave the navigation pending for good when it was issued
 * just as the old worker went redundant. The page still works, so nobody sees it, but it would
 * never update again; it is issued again, within MAX_RELOADS.
 */
export const RELOAD_STUCK_MS = 30_000;

const ReloadMarkShape = v.object({
	at: v.pipe(v.number(), v.finite()),
	count: v.pipe(v.number(), v.integer(), v.minValue(0)),
	/** Why each reload in this run was issued, oldest first (for the status screen and tests). */
	why: v.optional(v.array(v.string()))
});
export type ReloadMark = v.InferOutput<typeof ReloadMarkShape>;

/** `_app/version.json` as SvelteKit writes it; anything else is no answer. */
const VersionShape = v.object({ version: v.pipe(v.string(), v.minLength(1)) });

/** The mark of a recent update reload; a damaged or foreign one counts as none. */
export function readMark(): ReloadMark | null {
	try {
		const raw: unknown = JSON.parse(sessionStorage.getItem(RELOAD_MARK) ?? 'null');
		const mark = v.safeParse(ReloadMarkShape, raw);
		return mark.success && Date.now() - mark.output.at < RESUME_WINDOW_MS ? mark.output : null;
	} catch {
		return null;
	}
}

/** The build a `_app/version.json` document names, or null when it is not one. */
export function versionOf(document: unknown): string | null {
	const parsed = v.safeParse(VersionShape, document);
	return parsed.success ? parsed.output.version : null;
}

export function writeMark(mark: ReloadMark | null): void {
	try {
		if (mark) sessionStorage.setItem(RELOAD_MARK, JSON.stringify(mark));
		else sessionStorage.removeItem(RELOAD_MARK);
	} catch {
		// No session storage: the next safe moment finishes the job instead.
	}
}

/** The build the controlling worker serves, or null when unknown (no worker, offline, old build). */
export async function workerVersion(): Promise<string | null> {
	if (!navigator.serviceWorker?.controller) return null;
	try {
		const response = await fetch('/_app/version.json', { cache: 'no-store' });
		if (!response.ok) return null;
		// A truncated file fails to parse: unknown, like no answer at all.
		return versionOf(await response.json());
	} catch {
		return null;
	}
}
