/**
 * Bookkeeping for update reloads: a mark in sessionStorage that survives the reload (so the next
 * page can finish the job, and never loops), and which build the controlling worker serves.
 */
/** Update reloads in this tab (sessionStorage): the page after one finishes the job at once. */
export const RELOAD_MARK = 'kiosk-update-reload';
export const RESUME_WINDOW_MS = 20_000;
/** Never more update reloads than this in a row within the window (a broken deploy must not loop). */
export const MAX_RELOADS = 3;

export interface ReloadMark {
	at: number;
	count: number;
}

export function readMark(): ReloadMark | null {
	try {
		const mark = JSON.parse(sessionStorage.getItem(RELOAD_MARK) ?? 'null') as ReloadMark | null;
		return mark && Date.now() - mark.at < RESUME_WINDOW_MS ? mark : null;
	} catch {
		return null;
	}
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
		const { version } = (await response.json()) as { version?: unknown };
		return typeof version === 'string' ? version : null;
	} catch {
		return null;
	}
}
