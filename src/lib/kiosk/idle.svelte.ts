/**
 * Idle detection for the visitor kiosk: after `idleMs` without a touch, a warning counts down
 * `countdownMs`; a touch continues, otherwise `onTimeout` resets the terminal for the next person.
 */
export interface IdleOptions {
	idleMs: number;
	countdownMs: number;
	onTimeout: () => void;
}

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input'] as const;

/**
 * The touch that dismisses the warning closes it at once, so the click that follows would land
 * on whatever lies under the finger. That click is swallowed if it comes within this long.
 */
export const DISMISS_CLICK_MS = 1_000;

export class IdleTimer {
	/** Seconds left in the warning, or null while the visitor is active. */
	secondsLeft = $state<number | null>(null);

	#options: IdleOptions;
	#idleTimeout: ReturnType<typeof setTimeout> | undefined;
	#countdown: ReturnType<typeof setInterval> | undefined;
	#deadline = 0;
	/** Until when (Date.now()) a click belongs to the touch that dismissed the warning. */
	#swallowClickUntil = 0;
	#onActivity = (event: Event) => {
		if (this.secondsLeft !== null && event.type === 'pointerdown') {
			this.#swallowClickUntil = Date.now() + DISMISS_CLICK_MS;
		}
		this.activity();
	};
	#onClick = (event: Event) => {
		if (Date.now() > this.#swallowClickUntil) return;
		this.#swallowClickUntil = 0;
		event.preventDefault();
		event.stopImmediatePropagation();
	};

	constructor(options: IdleOptions) {
		this.#options = options;
	}

	start(target: EventTarget = window): () => void {
		for (const type of ACTIVITY_EVENTS) {
			target.addEventListener(type, this.#onActivity, { capture: true, passive: true });
		}
		target.addEventListener('click', this.#onClick, { capture: true });
		this.#arm();
		return () => {
			for (const type of ACTIVITY_EVENTS) {
				target.removeEventListener(type, this.#onActivity, { capture: true });
			}
			target.removeEventListener('click', this.#onClick, { capture: true });
			this.#clear();
		};
	}

	/** Any touch: hide the warning (if shown) and start waiting again. */
	activity(): void {
		this.#arm();
	}

	#clear() {
		clearTimeout(this.#idleTimeout);
		clearInterval(this.#countdown);
		this.#countdown = undefined;
		this.secondsLeft = null;
	}

	#arm() {
		this.#clear();
		this.#idleTimeout = setTimeout(() => this.#warn(), this.#options.idleMs);
	}

	#warn() {
		this.#deadline = Date.now() + this.#options.countdownMs;
		this.secondsLeft = Math.ceil(this.#options.countdownMs / 1000);
		this.#countdown = setInterval(() => {
			const left = this.#deadline - Date.now();
			if (left <= 0) {
				this.#clear();
				this.#options.onTimeout();
				this.#arm();
			} else {
				this.secondsLeft = Math.ceil(left / 1000);
			}
		}, 250);
	}
}
