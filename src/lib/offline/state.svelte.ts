/**
 * What the terminal knows about its own offline copy, shared by the root layout (banner, updates)
 * and the status screen.
 */
import type { UpdateCheck } from './db';
import type { TerminalSettings } from './terminal';

export type WorkerState = 'starting' | 'unsupported' | 'installing' | 'active' | 'failed';

/** "Offline for a while": brief blips (a switch restarting) do not deserve a banner. */
export const OFFLINE_BANNER_DELAY_MS = 30_000;

export class OfflineState {
	/**
	 * When the terminal lost its server (link down or server not answering), or null. Set only
	 * from real requests to the server (./reachability), never from `navigator.onLine` alone.
	 */
	offlineSince = $state<number | null>(null);
	/** When the server last answered, or null before the first answer. */
	reachedAt = $state<number | null>(null);
	/** Offline for at least OFFLINE_BANNER_DELAY_MS. */
	offlineLong = $state(false);
	worker = $state<WorkerState>('starting');
	workerError = $state<string | null>(null);
	/** This page is served by the service worker (after the first visit, always). */
	controlled = $state(false);
	/** A new version is downloading / downloaded and waiting for a safe moment. */
	downloading = $state(false);
	updateWaiting = $state(false);
	lastCheck = $state<UpdateCheck | null>(null);
	lastApplied = $state<string | null>(null);
	persisted = $state<boolean | null>(null);
	terminal = $state<TerminalSettings | null>(null);
	/** Last storage failure (quota), shown to staff; visitors never see it. */
	storageProblem = $state<string | null>(null);

	#timer: ReturnType<typeof setTimeout> | undefined;

	markOffline(now = Date.now()): void {
		if (this.offlineSince !== null) return;
		this.offlineSince = now;
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => (this.offlineLong = true), OFFLINE_BANNER_DELAY_MS);
	}

	markOnline(now = Date.now()): void {
		this.reachedAt = now;
		clearTimeout(this.#timer);
		this.offlineSince = null;
		this.offlineLong = false;
	}
}

export const offline = new OfflineState();
