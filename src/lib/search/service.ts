/**
 * The search as a message service: what the search worker runs, as plain functions (tested in
 * Node without a worker). It fetches and checks the index on start, answers queries, and loads
 * body text the first time a search needs it.
 */
import { SearchEngine } from './engine';
import {
	BODY_URL,
	fetchJson,
	INDEX_URL,
	parseBodies,
	parseIndex,
	SearchLoadError,
	type LoadFailure
} from './load';
import type { SearchResponse } from './types';

/** Page to worker. */
export interface SearchRequest {
	id: number;
	query: string;
	/** The kiosk clock: notices outside their window are left out. */
	now: number;
	/** Enter / 搜索 / a chip: body text is searched too. */
	submitted: boolean;
}

/** Worker to page. */
export type SearchMessage =
	| {
			kind: 'ready';
			docs: number;
			/** Time to fetch the file, and to parse, check and index it (ms, in the worker). */
			fetchMs: number;
			parseMs: number;
	  }
	| { kind: 'failed'; reason: LoadFailure; detail: string }
	| {
			kind: 'result';
			id: number;
			response: SearchResponse;
			/** Body text is still loading: a fuller answer to the same request follows. */
			pending: boolean;
			/** Body text could not be loaded: this answer is all there is. */
			bodiesFailed: boolean;
	  };

/** Posting lists are built only after this long without a query. */
const WARM_WHEN_QUIET_MS = 600;

type Fetch = (url: string) => Promise<Response>;
type Post = (message: SearchMessage) => void;

export class SearchService {
	readonly #fetch: Fetch;
	readonly #engine: Promise<SearchEngine>;
	#bodies: Promise<void> | null = null;

	/** Starts loading the index at once: it is ready before the visitor's first keystroke lands. */
	constructor(post: Post, fetcher: Fetch = (url) => fetch(url)) {
		this.#fetch = fetcher;
		this.#engine = this.#load(post);
		// Failure is reported by #load; a search after it reports it again.
		this.#engine.catch(() => {});
	}

	async #load(post: Post): Promise<SearchEngine> {
		const t0 = performance.now();
		try {
			const json = await fetchJson(INDEX_URL, this.#fetch);
			const t1 = performance.now();
			const engine = new SearchEngine(parseIndex(json));
			this.#warmWhenIdle(engine);
			post({
				kind: 'ready',
				docs: engine.size,
				fetchMs: t1 - t0,
				parseMs: performance.now() - t1
			});
			return engine;
		} catch (e) {
			post(failure(e));
			throw e;
		}
	}

	/**
	 * Typo tolerance needs posting lists (a few hundred ms at 10,000 items): built while the
	 * visitor is not typing, one per task, rather than on the first typo. Until then a typo
	 * builds the one it needs.
	 */
	#warmWhenIdle(engine: SearchEngine) {
		const step = () => {
			const quiet = performance.now() - this.#lastQuery;
			if (quiet < WARM_WHEN_QUIET_MS) return void setTimeout(step, WARM_WHEN_QUIET_MS - quiet);
			if (engine.warmStep()) setTimeout(step, 0);
		};
		setTimeout(step, 0);
	}

	#lastQuery = -Infinity;

	async search(request: SearchRequest, post: Post): Promise<void> {
		this.#lastQuery = performance.now();
		let engine: SearchEngine;
		try {
			engine = await this.#engine;
		} catch (e) {
			return post(failure(e));
		}
		const { id, query, now, submitted } = request;
		const result = (response: SearchResponse, pending = false, bodiesFailed = false) =>
			post({ kind: 'result', id, response, pending, bodiesFailed });
		const shallow = engine.search(query, { now });
		// Body text joins in on submit, or when the fast tier found nothing.
		if (!query.trim() || !(submitted || shallow.total === 0)) return result(shallow);
		if (!engine.hasBodies) {
			result(shallow, true);
			try {
				await this.#loadBodies(engine);
			} catch {
				return result(shallow, false, true);
			}
		}
		result(engine.search(query, { now, deep: true }));
	}

	#loadBodies(engine: SearchEngine): Promise<void> {
		this.#bodies ??= fetchJson(BODY_URL, this.#fetch).then((json) =>
			engine.attachBodies(parseBodies(json, engine.size))
		);
		// A failed load (offline before the first cache) is retried on the next search.
		this.#bodies.catch(() => (this.#bodies = null));
		return this.#bodies;
	}
}

function failure(e: unknown): SearchMessage {
	if (e instanceof SearchLoadError) return { kind: 'failed', reason: e.reason, detail: e.message };
	// The engine refused what passed the check: as corrupt as a file can be.
	return { kind: 'failed', reason: 'corrupt', detail: String(e) };
}
