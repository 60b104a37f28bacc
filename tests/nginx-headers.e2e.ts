/**
 * The production web server, for real: Debian's nginx with deploy/nginx.conf serving the build
 * from a releases folder's `current` link, exactly as DEPLOY.md installs it. Every caching and
 * security header, conditional requests, compression, clean URLs and the HTTPS site.
 */
import { expect } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { brotliAvailable, selfSignedCert } from './support/nginx';
import {
	BUILD,
	all,
	expectSecurityHeaders,
	firstFile,
	get,
	pageTypes,
	test
} from './support/nginx-fixtures';

test('every response carries the caching and security headers', async ({ serve }) => {
	const { url } = await serve();
	const immutable = firstFile(path.join(BUILD, '_app/immutable/entry'), '.js');
	const guide = pageTypes(BUILD).find((u) => u.startsWith('/guides/'))!;
	const cases: [string, RegExp, string][] = [
		['/', /^text\/html; charset=utf-8$/, 'no-cache'],
		['/guides', /^text\/html; charset=utf-8$/, 'no-cache'],
		[guide, /^text\/html; charset=utf-8$/, 'no-cache'],
		['/sw.js', /^application\/javascript/, 'no-cache'],
		['/manifest.webmanifest', /^application\/manifest\+json/, 'no-cache'],
		['/__data.json', /^application\/json/, 'no-cache'],
		[`${guide}/__data.json`, /^application\/json/, 'no-cache'],
		['/_app/version.json', /^application\/json/, 'no-cache'],
		['/alerts.json', /^application\/json/, 'no-cache'],
		[
			`/_app/immutable/entry/${immutable}`,
			/^application\/javascript/,
			'public, max-age=31536000, immutable'
		]
	];
	for (const [p, type, cache] of cases) {
		const reply = await get(url + p);
		expect(reply.status, p).toBe(200);
		expect(reply.headers['content-type'], p).toMatch(type);
		expect(reply.headers['cache-control'], p).toBe(cache);
		expect(reply.headers['etag'], p).toBeTruthy();
		expect(
			reply.headers['strict-transport-security'],
			`${p}: no HSTS over plain HTTP`
		).toBeUndefined();
		expectSecurityHeaders(reply, p);
	}

	// A 404 is never cached for a year, even under /_app/immutable/.
	const gone = await get(`${url}/_app/immutable/entry/app.gone.js`);
	expect(gone.status).toBe(404);
	expect(gone.headers['cache-control']).toBe('no-cache');
	expectSecurityHeaders(gone, 'immutable 404');

	// Media opened on its own runs no script, whatever the file contains.
	const media = firstFile(path.join(BUILD, 'media'), '.svg');
	const svg = await get(`${url}/media/${media}`);
	expect(svg.status).toBe(200);
	expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
	expect(all(svg, 'content-security-policy')).toContainEqual(
		expect.stringMatching(/default-src 'none'.*sandbox/)
	);
	expectSecurityHeaders(svg, 'media');
});

test('an unchanged file costs a 304: ETag and If-None-Match, compressed or not', async ({
	serve
}) => {
	const { url } = await serve();
	const paths = ['/', '/sw.js', '/__data.json', '/_app/version.json', '/manifest.webmanifest'];
	for (const p of [...paths, '/alerts.json']) {
		for (const encoding of ['identity', 'gzip', ...(brotliAvailable() ? ['br'] : [])]) {
			const first = await get(url + p, { 'accept-encoding': encoding });
			const etag = String(first.headers['etag']);
			const again = await get(url + p, { 'accept-encoding': encoding, 'if-none-match': etag });
			expect(again.status, `${p} (${encoding})`).toBe(304);
			expect(again.body.length).toBe(0);
			expectSecurityHeaders(again, `${p} 304`);
		}
	}
});

test('text is compressed (gzip, and brotli where the module is installed)', async ({ serve }) => {
	const { url } = await serve();
	const css = firstFile(path.join(BUILD, '_app/immutable'), '.css');
	for (const p of ['/', '/sw.js', '/__data.json', `/_app/immutable/${css}`]) {
		const file = path.join(BUILD, p === '/' ? 'index.html' : p);
		const reply = await get(url + p, { 'accept-encoding': 'gzip' });
		expect(reply.headers['content-encoding'], p).toBe('gzip');
		expect(reply.headers['vary'], p).toMatch(/Accept-Encoding/);
		expect(zlib.gunzipSync(reply.body).equals(readFileSync(file)), p).toBe(true);
		expect(reply.body.length, p).toBeLessThan(readFileSync(file).length);
	}
	// Brotli only where the module is installed (libnginx-mod-http-brotli-filter); else identity.
	const br = await get(url + '/', { 'accept-encoding': 'br' });
	const brotli = brotliAvailable();
	test.info().annotations.push({ type: 'brotli', description: brotli ? 'installed' : 'absent' });
	expect(br.headers['content-encoding']).toBe(brotli ? 'br' : undefined);
	const decoded = brotli ? zlib.brotliDecompressSync(br.body) : br.body;
	expect(decoded.equals(readFileSync(path.join(BUILD, 'index.html')))).toBe(true);
});

test('clean URLs, the kiosk 404 page, and nothing hidden is served', async ({ serve }) => {
	const { url } = await serve();
	const index = readFileSync(path.join(BUILD, 'index.html'));
	expect((await get(url + '/')).body.equals(index)).toBe(true);
	for (const p of pageTypes(BUILD)) {
		const reply = await get(url + p);
		expect(reply.status, p).toBe(200);
		const file = path.join(BUILD, p === '/' ? 'index.html' : `${p}.html`);
		expect(reply.body.equals(readFileSync(file)), p).toBe(true);
	}
	// The kiosk's own not-found page (the offline shell), never nginx's.
	const notFound = readFileSync(path.join(BUILD, '404.html'));
	const hidden = ['/no-such-page', '/guides/no-such-guide', '/.env', '/_app/.hidden'];
	for (const p of hidden) {
		const reply = await get(url + p);
		expect(reply.status, p).toBe(404);
		expect(reply.headers['cache-control'], p).toBe('no-cache');
		expect(reply.body.equals(notFound), p).toBe(true);
	}
});

test('the HTTPS site: same headers plus HSTS, and plain HTTP redirects to it', async ({
	serve
}) => {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-tls-'));
	try {
		const { cert, key } = selfSignedCert(dir);
		const nginx = await serve({ site: 'lobby-kiosk-https.conf', tls: { cert, key } });
		const reply = await get(`${nginx.url}/guides`);
		expect(reply.status).toBe(200);
		expect(reply.headers['strict-transport-security']).toBe('max-age=31536000');
		expectSecurityHeaders(reply, 'https');
		const redirect = await get(`${nginx.httpUrl}/guides?x=1`);
		expect(redirect.status).toBe(301);
		expect(redirect.headers['location']).toBe(`${nginx.url}/guides?x=1`);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
