/**
 * When the kiosk offers the 好差评 rating, and what this visit rated. A guide open at least
 * GUIDE_READ_MS counts as read: leaving it opens the offer (shown on the home screen) until the
 * visitor rates, closes it, or the idle reset forgets the visit. Only the level is ever recorded.
 */
import { session } from '$lib/kiosk/session.svelte';
import type { RatingLevel } from './levels';

/** Shorter than this, a visitor was passing through a guide, not reading it. */
export const GUIDE_READ_MS = 15_000;

export class RatingOffer {
	/** A guide was read and the visitor has neither rated nor closed the offer. */
	open = $state(false);
	/** This visit's rating: one per visit, thanked wherever it is offered again. */
	rated = $state<RatingLevel | null>(null);

	#record: (level: RatingLevel) => void;
	#guideSince: number | null = null;
	#dismissed = false;

	constructor(record: (level: RatingLevel) => void) {
		this.#record = record;
	}

	guideOpened(now: number): void {
		this.#guideSince = now;
	}

	guideLeft(now: number): void {
		const since = this.#guideSince;
		this.#guideSince = null;
		if (since === null || now - since < GUIDE_READ_MS) return;
		if (this.rated === null && !this.#dismissed) this.open = true;
	}

	/** One tap records the level; a second tap in the same visit changes nothing. */
	rate(level: RatingLevel): void {
		this.open = false;
		if (this.rated !== null) return;
		this.rated = level;
		this.#record(level);
	}

	/** Closed without rating: not offered again this visit. */
	dismiss(): void {
		this.open = false;
		this.#dismissed = true;
	}

	/** The idle reset: an offer nobody answered is dropped, and the next visitor starts afresh. */
	reset(): void {
		this.open = false;
		this.rated = null;
		this.#guideSince = null;
		this.#dismissed = false;
	}
}

/** Counted by the usage log, loaded only when a visitor rates. */
function recordLocally(level: RatingLevel): void {
	void import('$lib/offline/boot').then(({ countRating }) => countRating(level));
}

export const ratingOffer = new RatingOffer(recordLocally);
session.onReset(() => ratingOffer.reset());
