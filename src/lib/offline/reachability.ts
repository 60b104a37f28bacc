/**
 * Whether the terminal can reach its server: the only source of "online" for the banner and the
 * status screen. `navigator.onLine` says only that a cable or Wi-Fi link is up; on a LAN whose
 * server is down it stays true. So the answer comes from a real request: a `HEAD` of
 * `/_app/version.json` that bypasses the HTTP cache. The service worker's precache and fallback
 * routes answer GET only, so a HEAD always goes to the server.
 *
 * Any HTTP answer, even an error status, means the server is there. No answer within
 * `timeoutMs` means it is not. The check runs at start, on the browser's `online`/`offline`
 * events, after every update check (`probe()`), often while the server is unreachable and
 * rarely while it answers.
 */

export interface ReachState {
	markOffline(now?: number): void;
	markOnline(now?: number): void;
}

export interface ReachabilityOptions {
	state: ReachState;
	url?: string;
	timeoutMs?: number;
	/** Next check while the server does not answer. */
	retryMs?: number;
	/** Next check while it does. */
	recheckMs?: number;
	fetch?: typeof fetch;
	/** Where the browser's `online`/`offline` events arrive. */
	events?: EventTarget;
	/** `navigator.onLine`: false is believed at once; true proves nothing. */
	linkUp?: () => boolean;
	now?: () => number;
}

export const PROBE_URL = '/_app/version.json';
export const PROBE_TIMEOUT_MS = 3_000;
export const RETRY_MS = 15_000;
export const RECHECK_MS = 60_000;

export class Reachability {
	#o: Required<ReachabilityOptions>;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#inFlight: Promise<boolean> | null = null;
	#running = false;
	#onOnline = () => void this.probe();
	#onOffline = () => {
		this.#o.state.markOffline(this.#o.now());
		void this.probe();
	};

	constructor(options: ReachabilityOptions) {
		this.#o = {
			url: PROBE_URL,
			timeoutMs: PROBE_TIMEOUT_MS,
			retryMs: RETRY_MS,
			recheckMs: RECHECK_MS,
			fetch: (input, init) => fetch(input, init),
			events: globalThis as unknown as EventTarget,
			linkUp: () => navigator.onLine,
			now: Date.now,
			...options
		};
	}

	/** Starts checking; returns the stop function. */
	start(): () => void {
		this.#running = true;
		this.#o.events.addEventListener('online', this.#onOnline);
		this.#o.events.addEventListener('offline', this.#onOffline);
		if (!this.#o.linkUp()) this.#o.state.markOffline(this.#o.now());
		void this.probe();
		return () => this.stop();
	}

	stop(): void {
		this.#running = false;
		clearTimeout(this.#timer);
		this.#o.events.removeEventListener('online', this.#onOnline);
		this.#o.events.removeEventListener('offline', this.#onOffline);
	}

	/** Asks the server now (joining a check already under way); resolves with the answer. */
	probe(): Promise<boolean> {
		this.#inFlight ??= this.#ask().finally(() => (this.#inFlight = null));
		return this.#inFlight;
	}

	async #ask(): Promise<boolean> {
		clearTimeout(this.#timer);
		const { state, now } = this.#o;
		const reachable = this.#o.linkUp() && (await this.#head());
		if (reachable) state.markOnline(now());
		else state.markOffline(now());
		if (this.#running) {
			clearTimeout(this.#timer);
			this.#timer = setTimeout(
				() => void this.probe(),
				reachable ? this.#o.recheckMs : this.#o.retryMs
			);
		}
		return reachable;
	}

	async #head(): Promise<boolean> {
		const abort = new AbortController();
		const timer = setTimeout(() => abort.abort(), this.#o.timeoutMs);
		try {
			await this.#o.fetch(this.#o.url, { method: 'HEAD', cache: 'no-store', signal: abort.signal });
			return true;
		} catch {
			return false;
		} finally {
			clearTimeout(timer);
		}
	}
}
