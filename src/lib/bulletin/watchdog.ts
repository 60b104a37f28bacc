/**
 * Notices when the rotation stops moving and restarts it; when restarts keep coming, the page
 * itself is unwell (a leak, a broken GPU process) and the last resort is to reload it.
 */
export interface WatchdogOptions {
	/** Longest allowed silence, in ms (3x the longest slide); read at every check. */
	limit: () => number;
	/** Restart the rotation. */
	onStall: () => void;
	/** Reload the page. */
	onGiveUp: () => void;
	everyMs?: number;
	/** This many stalls within `windowMs` -> give up. */
	maxStalls?: number;
	windowMs?: number;
	/** Monotonic clock; a wall clock can jump. */
	clock?: () => number;
}

export class Watchdog {
	#last = 0;
	#stalls: number[] = [];
	readonly #o: Required<WatchdogOptions>;

	constructor(options: WatchdogOptions) {
		this.#o = {
			everyMs: 5_000,
			maxStalls: 3,
			windowMs: 30 * 60_000,
			clock: () => performance.now(),
			...options
		};
	}

	/** The rotation moved. */
	progress(): void {
		this.#last = this.#o.clock();
	}

	start(): () => void {
		this.progress();
		const timer = setInterval(() => this.check(), this.#o.everyMs);
		return () => clearInterval(timer);
	}

	check(): void {
		const now = this.#o.clock();
		if (now - this.#last <= this.#o.limit()) return;
		// Only recent stalls count; the list never holds more than maxStalls entries.
		this.#stalls = [...this.#stalls, now]
			.filter((t) => now - t < this.#o.windowMs)
			.slice(-this.#o.maxStalls);
		this.progress();
		if (this.#stalls.length >= this.#o.maxStalls) this.#o.onGiveUp();
		else this.#o.onStall();
	}
}
