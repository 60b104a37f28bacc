/**
 * Loads the search index in the browser, once per page load: only the search page imports this,
 * so neither the engine (fuse.js) nor the index is part of any other page.
 */
import { SearchEngine } from './engine';
import type { SearchBodyJson, SearchIndexJson } from './types';

export const INDEX_URL = '/search-index.json';
export const BODY_URL = '/search-body.json';

let engine: Promise<SearchEngine> | null = null;
let bodies: Promise<void> | null = null;

async function getJson<T>(url: string): Promise<T> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	return (await response.json()) as T;
}

export function loadSearchEngine(): Promise<SearchEngine> {
	engine ??= getJson<SearchIndexJson>(INDEX_URL).then((json) => {
		const e = new SearchEngine(json);
		// Typo tolerance needs posting lists; build them while the visitor reads the chips.
		setTimeout(() => e.warm(), 0);
		return e;
	});
	// A failed load (e.g. offline before the first cache) is retried on the next call.
	engine.catch(() => (engine = null));
	return engine;
}

/** Body text for searches on submit; loaded on first need. */
export function loadSearchBodies(e: SearchEngine): Promise<void> {
	if (e.hasBodies) return Promise.resolve();
	bodies ??= getJson<SearchBodyJson>(BODY_URL).then((json) => e.attachBodies(json));
	bodies.catch(() => (bodies = null));
	return bodies;
}
