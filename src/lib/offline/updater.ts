/**
 * Registers the service worker and takes up new versions without disturbing anyone:
 *
 * - checks for a new version every `intervalMinutes` and whenever the network comes back;
 * - the browser downloads it in the background; a failed or partial download (network drop,
 *   broken deploy, integrity mismatch) fails the new worker's install, the old version keeps
 *   running and the next check simply tries again;
 * - a downloaded version waits until `applyNow()` is called at a safe moment (idle reset on the
 *   kiosk home screen, between bulletin slides): skip-waiting, `controllerchange`, one reload.
 *
 * Chromium sometimes holds the new worker back after skip-waiting while the page lives (seen
 * after touch navigations), or lets it take over only during the reload, leaving the fresh page
 * one version behind its worker. So the page also compares its own build with the one the worker
 * serves (`_app/version.json`), and a safe moment reloads a page that is behind.
 */
import { version as pageVersion } from '$app/environment';
import { Workbox } from 'workbox-window';
import { putSetting, type UpdateCheck } from './db';
import {
	MAX_RELOADS,
	readMark,
	RELOAD_RETRY_MS,
	RELOAD_STUCK_MS,
	RESUME_WINDOW_MS,
	TAKEOVER_ASK_MS,
	TAKEOVER_WAIT_MS,
	workerVersion,
	writeMark
} from './reload';
import type { OfflineState } from './state.svelte';

/** The parts of workbox-window's Workbox the updater uses. */
export type WorkboxLike = Pick<Workbox, 'register' | 'update' | 'messageSkipWaiting'>;

export interface UpdaterOptions {
	state: OfflineState;
	intervalMinutes: number;
	scriptUrl?: string;
	reload?: () => void;
	/**
	 * Whether the server answers, asked after every check (./reachability, which also tells the
	 * banner and the status screen). By default a HEAD of the worker script.
	 */
	probe?: () => Promise<boolean>;
	createWorkbox?: (scriptUrl: string) => WorkboxLike;
}

const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;
const LISTEN = { capture: true, passive: true } as const;
function message(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** Any HTTP answer from the server, even an error, means the network is there. */
async function serverReachable(url: string): Promise<boolean> {
	try {
		await fetch(url, { method: 'HEAD', cache: 'no-store' });
		return true;
	} catch {
		return false;
	}
}

export class Updater {
	#options: Required<UpdaterOptions>;
	#wb: WorkboxLike | null = null;
	#registration: ServiceWorkerRegistration | null = null;
	/** SKIP_WAITING was sent: the next controllerchange is our update, and means reload. */
	#skipRequested = false;
	#reloading = false;
	/** The new version took control while someone was using the page: reload at the next safe moment. */
	#reloadAtNextSafeMoment = false;
	/** performance.now() of the last safe moment and of the last touch or key press. */
	#safeAt = -1;
	#activityAt = -1;
	#fallback: ReturnType<typeof setTimeout> | undefined;
	#reloadRetry: ReturnType<typeof setTimeout> | undefined;
	#onActivity = () => (this.#activityAt = performance.now());
	/** performance.now() when the page was told it is being replaced (a reload under way). */
	#unloadingAt = -1;
	#onPageHide = () => (this.#unloadingAt = performance.now());
	#stopped = false;
	/** How the last new worker's install ended; set by #watch, read by check(). */
	#outcome: 'ready' | 'failed' | null = null;
	#interval: ReturnType<typeof setInterval> | undefined;
	#watched = new WeakSet<ServiceWorkerRegistration>();
	#onOnline = () => void this.check();
	#onControllerChange = () => {
		this.#options.state.controlled = true;
		// The first install also claims the page: no reload then, nothing changed for it.
		if (!this.#skipRequested) return;
		clearTimeout(this.#fallback);
		if (this.#quiet()) void this.#reloadOnce('new worker took control');
		else this.#reloadAtNextSafeMoment = true;
	};

	/** Nobody has touched the terminal since the safe moment. */
	#quiet(): boolean {
		return this.#safeAt >= 0 && this.#activityAt < this.#safeAt;
	}

	constructor(options: UpdaterOptions) {
		const scriptUrl = options.scriptUrl ?? '/sw.js';
		this.#options = {
			scriptUrl,
			reload: () => location.reload(),
			probe: () => serverReachable(scriptUrl),
			createWorkbox: (url) => new Workbox(url, { scope: '/', updateViaCache: 'none' }),
			...options
		};
	}

	async start(): Promise<void> {
		const { state, intervalMinutes } = this.#options;
		window.addEventListener('online', this.#onOnline);
		window.addEventListener('beforeunload', this.#onPageHide);
		for (const type of ACTIVITY) window.addEventListener(type, this.#onActivity, LISTEN);
		if (!('serviceWorker' in navigator)) {
			state.worker = 'unsupported';
			return;
		}
		state.controlled = navigator.serviceWorker.controller !== null;
		navigator.serviceWorker.addEventListener('controllerchange', this.#onControllerChange);
		this.#resumeAfterReload();
		this.#interval = setInterval(() => void this.check(), intervalMinutes * 60_000);
		await this.#register();
	}

	stop(): void {
		this.#stopped = true;
		clearInterval(this.#interval);
		window.removeEventListener('online', this.#onOnline);
		window.removeEventListener('beforeunload', this.#onPageHide);
		for (const type of ACTIVITY) window.removeEventListener(type, this.#onActivity, LISTEN);
		navigator.serviceWorker?.removeEventListener('controllerchange', this.#onControllerChange);
		clearTimeout(this.#fallback);
		clearTimeout(this.#reloadRetry);
	}

	/**
	 * Right after an update reload nobody has touched the screen yet: if the new worker takes
	 * control only now, or this page still came from the old one, reload once more at once.
	 */
	#resumeAfterReload(): void {
		if (!readMark()) return;
		this.#safeAt = performance.now();
		this.#skipRequested = true;
		setTimeout(() => {
			this.#skipRequested = false;
			writeMark(null);
		}, RESUME_WINDOW_MS);
		void navigator.serviceWorker.ready.then(() => this.#reloadIfBehind());
	}

	/** Reloads (while nobody uses the screen) when the worker serves a newer build than this page. */
	async #reloadIfBehind(): Promise<boolean> {
		const served = await workerVersion();
		if (!served || served === pageVersion || !this.#quiet()) return false;
		return this.#reloadOnce('page older than its worker');
	}

	async #register(): Promise<void> {
		const { state, scriptUrl } = this.#options;
		this.#wb = this.#options.createWorkbox(scriptUrl);
		try {
			const registration = await this.#wb.register();
			if (!registration || this.#stopped) return;
			this.#registration = registration;
			state.workerError = null;
			this.#watch(registration);
		} catch (error) {
			state.worker = 'failed';
			state.workerError = message(error);
		}
	}

	#refresh(): void {
		const { state } = this.#options;
		const r = this.#registration;
		if (!r) return;
		state.worker = r.active ? 'active' : r.installing || r.waiting ? 'installing' : 'failed';
		state.downloading = Boolean(r.active && r.installing);
		state.updateWaiting = Boolean(r.active && r.waiting);
	}

	#watch(registration: ServiceWorkerRegistration): void {
		if (this.#watched.has(registration)) return this.#refresh();
		this.#watched.add(registration);
		const follow = (worker: ServiceWorker) => {
			const isUpdate = registration.active !== null;
			let installed = worker.state === 'installed' || worker.state === 'activated';
			worker.addEventListener('statechange', () => {
				if (worker.state === 'installed') {
					installed = true;
					if (isUpdate) {
						this.#outcome = 'ready';
						void this.#record('ready');
					}
				} else if (worker.state === 'redundant' && !installed) {
					this.#outcome = 'failed';
					void this.#record('failed', '新版本未能完整下载，继续使用当前版本，稍后再试');
				}
				this.#refresh();
			});
		};
		if (registration.installing) follow(registration.installing);
		registration.addEventListener('updatefound', () => {
			if (registration.installing) follow(registration.installing);
			this.#refresh();
		});
		this.#refresh();
	}

	async #record(result: UpdateCheck['result'], detail?: string): Promise<void> {
		const { state } = this.#options;
		const check: UpdateCheck = { at: new Date().toISOString(), result };
		if (detail) check.detail = detail;
		state.lastCheck = check;
		try {
			await putSetting('lastCheck', check);
		} catch (error) {
			state.storageProblem = message(error);
		}
	}

	/**
	 * Asks the server for a new version, then whether the server is there at all. Never throws;
	 * the result goes to the state and IndexedDB.
	 */
	async check(): Promise<void> {
		if (this.#stopped || this.#reloading) return;
		const failure = await this.#update();
		const reachable = await this.#options.probe();
		if (failure) await this.#record(reachable ? 'failed' : 'unreachable', failure.detail);
	}

	/** The update request; returns what went wrong, or null when the outcome is recorded. */
	async #update(): Promise<{ detail: string | undefined } | null> {
		const registration = this.#registration;
		if (!registration?.active && !registration?.installing && !registration?.waiting) {
			// The very first install failed (or was cleared): start over.
			await this.#register();
			if (this.#registration?.active) return null;
			return { detail: this.#options.state.workerError ?? undefined };
		}
		this.#outcome = null;
		try {
			await this.#wb?.update();
		} catch (error) {
			return { detail: message(error) };
		}
		// A quick install may already have ended (and said so) before update() resolved here.
		if (this.#outcome) return null;
		if (registration.installing) await this.#record('found');
		else if (registration.waiting) await this.#record('ready');
		else await this.#record('current');
		this.#refresh();
		return null;
	}

	/**
	 * Takes up a downloaded version now. Only call at a safe moment: the page reloads as soon as
	 * the new worker has taken control. Returns false when there is nothing to take up.
	 */
	applyNow(): boolean {
		if (this.#reloading) return false;
		this.#safeAt = performance.now();
		if (this.#reloadAtNextSafeMoment) {
			void this.#reloadOnce('new worker took control while in use');
			return true;
		}
		const registration = this.#registration;
		if (!registration?.waiting || !registration.active || !this.#wb) {
			void this.#reloadIfBehind();
			return false;
		}
		this.#skipRequested = true;
		this.#askTakeover(0);
		return true;
	}

	/** Asks the waiting worker to take over, again while it stays held back, then reloads. */
	#askTakeover(waitedMs: number): void {
		const wb = this.#wb;
		if (!wb || this.#reloading) return;
		if (waitedMs >= TAKEOVER_WAIT_MS) {
			// Still held back: a reload lets it in (the next page checks it got the new build).
			if (this.#quiet() && this.#registration?.waiting) void this.#reloadOnce('worker held back');
			return;
		}
		// Someone touched the screen meanwhile: the next safe moment asks again.
		if (waitedMs > 0 && !this.#quiet()) return;
		if (!this.#registration?.waiting) return;
		wb.messageSkipWaiting();
		clearTimeout(this.#fallback);
		this.#fallback = setTimeout(
			() => this.#askTakeover(waitedMs + TAKEOVER_ASK_MS),
			TAKEOVER_ASK_MS
		);
	}

	/** One reload into the new version (guarded against loops across reloads). */
	async #reloadOnce(why: string): Promise<boolean> {
		if (this.#reloading) return false;
		const mark = readMark();
		if (mark && mark.count >= MAX_RELOADS) return false;
		this.#reloading = true;
		clearTimeout(this.#fallback);
		writeMark({ at: Date.now(), count: (mark?.count ?? 0) + 1, why: [...(mark?.why ?? []), why] });
		try {
			await putSetting('lastApplied', new Date().toISOString());
		} catch (error) {
			this.#options.state.storageProblem = message(error);
		}
		this.#options.reload();
		this.#retryIfStillHere(why);
		return true;
	}

	/** Only acts if this page is still here later, i.e. the reload never happened. */
	#retryIfStillHere(why: string): void {
		clearTimeout(this.#reloadRetry);
		this.#reloadRetry = setTimeout(() => {
			const underWay = this.#unloadingAt >= 0;
			// The old page stays while a slow reload loads: give it time before calling it stuck.
			if (underWay && performance.now() - this.#unloadingAt < RELOAD_STUCK_MS) {
				return this.#retryIfStillHere(why);
			}
			this.#unloadingAt = -1;
			this.#reloading = false;
			// Someone started using the page meanwhile: their next idle reset does it instead.
			if (this.#quiet()) void this.#reloadOnce(`${why}, reload ${underWay ? 'stuck' : 'lost'}`);
			else this.#reloadAtNextSafeMoment = true;
		}, RELOAD_RETRY_MS);
	}
}
