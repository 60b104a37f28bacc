/**
 * One screen's view of `/alerts.json`: polls it, keeps the last good file through network
 * failures and bad files, and clears each alert when its time is up (an expiry timer, so a
 * terminal that cannot reach the server still clears it on time).
 */
import {
	activeAlerts,
	nextExpiry,
	nextPollDelay,
	pollAlerts,
	type ActiveAlert,
	type FetchLike
} from './feed.ts';
import type { Alert } from './schema.ts';

export interface AlertFeedOptions {
	/** The office's time zone (site.json): `until` is a wall-clock time there. */
	zone: () => string;
	fetcher?: FetchLike;
	/** Told what the last poll found, for the console (never shown to visitors). */
	log?: (message: string) => void;
}

export class AlertFeed {
	readonly #zone: () => string;
	readonly #fetcher: FetchLike | undefined;
	readonly #log: (message: string) => void;
	#etag: string | null = null;

	alerts: Alert[] = $state.raw([]);
	/** When `active` was last worked out; moved on by polls and expiry timers. */
	now = $state(Date.now());
	readonly active: ActiveAlert[];

	constructor({ zone, fetcher, log = (m) => console.warn(m) }: AlertFeedOptions) {
		this.#zone = zone;
		this.#fetcher = fetcher;
		this.#log = log;
		this.active = $derived(activeAlerts(this.alerts, this.now, this.#zone()));
	}

	/** Polls now and then every ~30 s; returns the function that stops it. */
	start(): () => void {
		let stopped = false;
		let pollTimer: ReturnType<typeof setTimeout> | undefined;
		let expiryTimer: ReturnType<typeof setTimeout> | undefined;

		const armExpiry = () => {
			clearTimeout(expiryTimer);
			this.now = Date.now();
			const end = nextExpiry(this.alerts, this.now, this.#zone());
			if (end === null) return;
			// Timers longer than ~24.8 days overflow; a day at a time is plenty.
			const wait = Math.min(end - this.now + 50, 86_400_000);
			expiryTimer = setTimeout(() => {
				if (!stopped) armExpiry();
			}, wait);
		};

		// A request still open at the next poll is abandoned for a new one: the poll interval is
		// the timeout, and the newest answer is the only one that counts.
		let inflight: AbortController | null = null;
		const poll = async () => {
			inflight?.abort();
			const controller = new AbortController();
			inflight = controller;
			pollTimer = setTimeout(() => void poll(), nextPollDelay());
			const outcome = await pollAlerts(this.#etag, this.#fetcher, controller.signal);
			if (stopped || controller.signal.aborted) return;
			inflight = null;
			if (outcome.kind === 'changed') {
				this.#etag = outcome.etag;
				this.alerts = outcome.alerts;
			} else if (outcome.kind === 'malformed') {
				this.#log(`紧急通知文件有误，已忽略，继续显示原有通知：${outcome.reason}`);
			} else if (outcome.kind === 'failed') {
				this.#log(`紧急通知暂时取不到（${outcome.reason}），继续显示原有通知`);
			}
			armExpiry();
		};

		void poll();
		return () => {
			stopped = true;
			inflight?.abort();
			clearTimeout(pollTimer);
			clearTimeout(expiryTimer);
		};
	}
}
