/**
 * Everything offline-related the root layout starts once per page load: whether the server
 * answers, the service worker and its updates, persistent storage, terminal identity, usage
 * counting.
 */
import { onSafeMoment } from '$lib/kiosk/safe-moment';
import { session } from '$lib/kiosk/session.svelte';
import { getSetting, putSetting } from './db';
import { Reachability } from './reachability';
import { offline } from './state.svelte';
import { isQuotaError, requestPersistence } from './storage';
import { bulletinPath, parseTerminalParams, type TerminalSettings } from './terminal';
import { Updater } from './updater';
import type { RatingLevel } from '$lib/rating/levels';
import { countedPath, localDay, recordMiss, recordRating, recordView } from '$lib/usage/counts';
import { ZeroResultRecorder } from '$lib/usage/zero-results';

export interface BootOptions {
	url: URL;
	timeZone: string;
	siteName: string;
	updateCheckMinutes: number;
	/** SvelteKit's goto, for the bulletin-mode redirect. */
	goto: (url: string, opts: { replaceState: boolean }) => Promise<void>;
	/** /reset clears the worker; it must not start one. */
	withWorker: boolean;
}

/** First look at the server shortly after start, so the status screen has a recent answer. */
const FIRST_CHECK_MS = 20_000;

let updater: Updater | null = null;
let options: BootOptions | null = null;

/** The running updater, for the status screen's "check now" and "update now". */
export function currentUpdater(): Updater | null {
	return updater;
}

/** Storage failures never reach visitors: the status screen tells staff. */
function noteStorageProblem(error: unknown): void {
	const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
	offline.storageProblem = isQuotaError(error)
		? `存储空间已满，使用统计暂停记录（${detail}）`
		: detail;
}

async function setUpTerminal(opts: BootOptions): Promise<void> {
	const today = localDay(new Date(), opts.timeZone);
	const fromUrl = parseTerminalParams(opts.url, today);
	let settings: TerminalSettings | null = fromUrl;
	try {
		if (fromUrl) await putSetting('terminal', fromUrl);
		else settings = (await getSetting('terminal')) ?? null;
	} catch (error) {
		noteStorageProblem(error);
	}
	offline.terminal = settings;
	if (settings?.mode === 'bulletin' && opts.url.pathname === '/') {
		await opts.goto(bulletinPath(settings), { replaceState: true });
	} else if (fromUrl) {
		// Set once: the address bar goes back to the plain page.
		const clean = new URL(opts.url);
		for (const key of ['terminal', 'mode', 'screen', 'printer']) clean.searchParams.delete(key);
		await opts.goto(clean.pathname + clean.search, { replaceState: true });
	}
}

export function startOffline(opts: BootOptions): () => void {
	options = opts;
	const cleanups: (() => void)[] = [];
	void setUpTerminal(opts);

	void getSetting('lastCheck')
		.then((check) => (offline.lastCheck ??= check ?? null))
		.catch(noteStorageProblem);
	void getSetting('lastApplied')
		.then((at) => (offline.lastApplied = at ?? null))
		.catch(noteStorageProblem);

	const misses = new ZeroResultRecorder((query, replaces) => {
		recordMiss(query, localDay(new Date(), opts.timeZone), replaces).catch(noteStorageProblem);
	});
	cleanups.push(
		misses.listen(),
		session.onReset(() => misses.forget())
	);

	const reach = new Reachability({ state: offline });
	cleanups.push(reach.start());

	if (opts.withWorker) {
		void requestPersistence().then((granted) => (offline.persisted = granted));
		const u = new Updater({
			state: offline,
			intervalMinutes: opts.updateCheckMinutes,
			probe: () => reach.probe()
		});
		updater = u;
		void u.start();
		const first = setTimeout(() => void u.check(), FIRST_CHECK_MS);
		cleanups.push(
			onSafeMoment(() => u.applyNow()),
			() => clearTimeout(first),
			() => u.stop()
		);
	}
	return () => {
		for (const cleanup of cleanups) cleanup();
		updater = null;
	};
}

/** Called after every navigation: counts kiosk content pages (path, title, day; nothing else). */
export function countPageView(
	routeId: string | null,
	pathname: string,
	pageTitle: string,
	status = 200
): void {
	const path = countedPath(routeId, pathname, status);
	if (!path || !options) return;
	const suffix = ` · ${options.siteName}`;
	const title = pageTitle.endsWith(suffix) ? pageTitle.slice(0, -suffix.length) : pageTitle;
	recordView(path, title, localDay(new Date(), options.timeZone)).catch(noteStorageProblem);
}

/** A visitor's 好差评 tap: the level and the day only. */
export function countRating(level: RatingLevel): void {
	if (!options) return;
	recordRating(level, localDay(new Date(), options.timeZone)).catch(noteStorageProblem);
}

/**
 * The banner of a terminal offline for a while. Reached through this module (itself loaded beside
 * hydration) so that its stylesheet is not linked by every page's first paint.
 */
export const loadOfflineBanner = () => import('./OfflineBanner.svelte');
