/**
 * Collects searches that found nothing. The search screen announces each one with a window event
 * `kiosk:zero-result-search` ({ detail: { query } }), possibly on every keystroke, so a query is
 * kept only once the visitor stops changing it: "无线", "无线电x", "无线电xx" typed in a row count
 * once, as the last of them.
 */
import { keptQuery } from './usage';

export const ZERO_RESULT_EVENT = 'kiosk:zero-result-search';

export class ZeroResultRecorder {
	#pending: string | null = null;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#commit: (query: string) => void;
	#quietMs: number;

	constructor(commit: (query: string) => void, quietMs = 4000) {
		this.#commit = commit;
		this.#quietMs = quietMs;
	}

	offer(raw: string): void {
		const query = keptQuery(raw);
		if (!query) return;
		const pending = this.#pending;
		const sameSearch = pending !== null && (query.startsWith(pending) || pending.startsWith(query));
		if (!sameSearch) this.flush();
		this.#pending = query;
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => this.flush(), this.#quietMs);
	}

	flush(): void {
		clearTimeout(this.#timer);
		const pending = this.#pending;
		this.#pending = null;
		if (pending) this.#commit(pending);
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
