/**
 * The page's side of the search worker. Only the search page imports this statically (the
 * kiosk frame loads it lazily to start the worker early), so neither the engine (fuse.js) nor the
 * index is part of any other page's first paint; the worker is a separate file that the service
 * worker precaches with the rest of `_app/immutable`.
 */
import type { SearchMessage, SearchRequest } from './service';

export type SearchListener = (message: SearchMessage) => void;

export interface SearchClient {
	/** Posts a query; answers arrive at the listener, tagged with the returned id. */
	search(query: string, submitted: boolean): number;
	/** Stops listening (the worker stays, with its index, for the next visit to search). */
	close(): void;
}

const listeners = new Set<SearchListener>();
let worker: Worker | null = null;
/** The worker's last word on its index, replayed to a page that opens later. */
let state: SearchMessage | null = null;
let nextId = 0;

function broadcast(message: SearchMessage) {
	if (message.kind !== 'result') state = message;
	for (const listener of listeners) listener(message);
}

function start(): Worker {
	const w = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
	w.onmessage = (event: MessageEvent<SearchMessage>) => {
		const message = event.data;
		// An index that could not be fetched may be reachable on the next visit: start afresh.
		if (message.kind === 'failed' && message.reason === 'unreachable') {
			w.terminate();
			if (worker === w) worker = null;
		}
		broadcast(message);
	};
	w.onerror = (event) => {
		event.preventDefault();
		w.terminate();
		if (worker === w) worker = null;
		broadcast({ kind: 'failed', reason: 'unreachable', detail: event.message || 'worker failed' });
	};
	return w;
}

/**
 * Starts the worker and its index load ahead of the first visit to search (the kiosk calls it
 * once the home screen is idle), so the first keystroke there is answered at once.
 */
export function prepareSearch(): void {
	if (worker) return;
	state = null;
	worker = start();
}

/**
 * Listens to the search worker, starting it (and its index load) on the first call. The worker
 * lives as long as the page session: back from a result, search answers at once.
 */
export function startSearch(listener: SearchListener): SearchClient {
	if (!worker) {
		state = null;
		worker = start();
	}
	listeners.add(listener);
	if (state) listener(state);
	return {
		search(query, submitted) {
			const request: SearchRequest = { id: ++nextId, query, now: Date.now(), submitted };
			if (!worker) worker = start();
			worker.postMessage(request);
			return request.id;
		},
		close: () => void listeners.delete(listener)
	};
}
