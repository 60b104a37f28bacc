/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * The service worker: everything a terminal needs is precached (the list and its budget come
 * from $lib/server/offline/precache.ts), so every page works with the network cut.
 *
 * Data files (each item's `__data.json`, the search index) are stored gzip-compressed, as
 * `<file>.gz` twins that the build writes: Cache Storage keeps what it fetched as is, so this
 * roughly halves the offline cache and lets a terminal hold 30,000 items. A request for the
 * plain file is answered from its twin, decompressed here.
 */
import { clientsClaim } from 'workbox-core';
import {
	cleanupOutdatedCaches,
	createHandlerBoundToURL,
	getCacheKeyForURL,
	precacheAndRoute
} from 'workbox-precaching';
import type { PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { COMPRESSED_SUFFIX, isGzip } from '$lib/offline/compressed';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };

/** The adapter's fallback page: the app without content, which renders deeper pages from data. */
const OFFLINE_SHELL = '404.html';

const manifest = self.__WB_MANIFEST;

/** Paths (from the scope, no leading slash) whose cached copy is a gzip twin. */
const scope = new URL(self.registration.scope);
const compressed = new Set(
	manifest
		.map((entry) => (typeof entry === 'string' ? entry : entry.url))
		.filter((url) => url.endsWith(COMPRESSED_SUFFIX))
		.map((url) => new URL(url.slice(0, -COMPRESSED_SUFFIX.length), scope).pathname)
);

registerRoute(
	({ url, request }) =>
		request.method === 'GET' && url.origin === scope.origin && compressed.has(url.pathname),
	async ({ url, request }) => {
		const key = getCacheKeyForURL(url.pathname + COMPRESSED_SUFFIX);
		const cached = key ? await caches.match(key) : undefined;
		// Not cached yet (first install still running) or evicted: ask the server for the plain file.
		if (!cached?.body) return fetch(request);
		const bytes = new Uint8Array(await cached.arrayBuffer());
		// A server that added Content-Encoding to the twin had the browser decode it already.
		const body = isGzip(bytes)
			? new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))
			: bytes;
		return new Response(body, {
			headers: { 'content-type': 'application/json; charset=utf-8' }
		});
	}
);

// Query strings (?q=, ?screen=, ?x-sveltekit-invalidated=) never change a static file.
precacheAndRoute(manifest, { ignoreURLParametersMatching: [/.*/] });
cleanupOutdatedCaches();

// Pages not cached as HTML (items, catalogue pages, unknown addresses) get the offline shell,
// which renders them from their cached data; online or not, a terminal shows one consistent
// version until it updates at a safe moment. The recovery page must come from the server; files
// are never pages.
registerRoute(
	new NavigationRoute(createHandlerBoundToURL(OFFLINE_SHELL), {
		denylist: [/^\/reset$/, /^\/_app\//, /^\/media\//, /\.[a-z0-9]+$/i]
	})
);

// A new version waits for a safe moment; $lib/offline sends SKIP_WAITING then.
self.addEventListener('message', (event) => {
	if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
clientsClaim();
