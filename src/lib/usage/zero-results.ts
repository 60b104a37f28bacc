/**
 * Collects searches that found nothing. The search screen announces each one with a window event
 * `kiosk:zero-result-search` ({ detail: { query } }) once typing pauses. A visitor who goes on
 * refining the same search ("月球", then "月球签证") counts once, as the last version: the later
 * query replaces the earlier one. Each one is stored at once, so a reload loses nothing.
 */
import { keptQuery } from './kept-query';

export const ZERO_RESULT_EVENT = 'kiosk:zero-result-search';
/** Within this time, a query that extends or shortens the previous one is the same search. */
export const SAME_SEARCH_MS = 15_000;

export type MissCommit = (query: string, replaces: string | null) => void;

export class ZeroResultRecorder {
	#last: { query: string; at: number } | null = null;
	#commit: MissCommit;
	#now: () => number;

	constructor(commit: MissCommit, now: () => number = Date.now) {
		this.#commit = commit;
		this.#now = now;
	}

	offer(raw: string): void {
		const query = keptQuery(raw);
		if (!query) return;
		const now = this.#now();
		const last = this.#last && now - this.#last.at < SAME_SEARCH_MS ? this.#last : null;
		this.#last = { query, at: now };
		if (last?.query === query) return;
		const refines = last && (query.startsWith(last.query) || last.query.startsWith(query));
		this.#commit(query, refines ? last.query : null);
	}

	/** A new visitor: nothing they type continues the previous visitor's search. */
	forget(): void {
		this.#last = null;
	}

	/** Listens on `target` for the search screen's events; returns the unsubscribe. */
	listen(target: EventTarget = window): () => void {
		const onEvent = (event: Event) => {
			const query: unknown = (event as CustomEvent<{ query?: unknown } | null>).detail?.query;
			if (typeof query === 'string') this.offer(query);
		};
		target.addEventListener(ZERO_RESULT_EVENT, onEvent);
		return () => target.removeEventListener(ZERO_RESULT_EVENT, onEvent);
	}
}
