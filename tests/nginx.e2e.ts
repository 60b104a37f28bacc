/**
 * The production web server, for real: Debian's nginx with deploy/nginx.conf serving the build
 * from a releases folder's `current` link, exactly as DEPLOY.md installs it. Checks every caching
 * and security header, then runs Chromium against it: no CSP violation and no request to another
 * origin on any page type, offline after one visit, and a new release taken up.
 */
import {
	expect,
	test as base,
	type BrowserContext,
	type Page,
	type Request
} from '@playwright/test';
import { execFileSync } from 'node:child_process';
import {
	appendFileSync,
	cpSync,
	existsSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	renameSync,
	rmSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { buildSite } from './support/build-site';
import { brotliAvailable, startNginx, type NginxOptions, type RunningNginx } from './support/nginx';

const BUILD = path.resolve('build');
const CONTENT = path.resolve(process.env.CONTENT_DIR || 'content');

// ---------------------------------------------------------------------------------------------
// Helpers

interface Reply {
	status: number;
	headers: http.IncomingHttpHeaders;
	/** Name, value, name, value… as sent (Node joins repeated headers in `headers`). */
	raw: string[];
	body: Buffer;
}

/** A raw GET (no automatic decompression), so the test sees exactly what nginx sent. */
function get(url: string, headers: Record<string, string> = {}): Promise<Reply> {
	const client = url.startsWith('https:') ? https : http;
	return new Promise((resolve, reject) => {
		const req = client.get(url, { headers, rejectUnauthorized: false }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () =>
				resolve({
					status: res.statusCode ?? 0,
					headers: res.headers,
					raw: res.rawHeaders,
					body: Buffer.concat(chunks)
				})
			);
		});
		req.on('error', reject);
	});
}

/** Every response's header, however many times nginx sent it. */
function all(reply: Reply, name: string): string[] {
	return reply.raw.filter((_, i) => i % 2 === 1 && reply.raw[i - 1]!.toLowerCase() === name);
}

/** One URL per kind of page in the build: each top-level page and the first page in each folder. */
function pageTypes(root: string): string[] {
	const urls: string[] = [];
	for (const entry of readdirSync(root, { withFileTypes: true })) {
		if (entry.isFile() && entry.name.endsWith('.html') && entry.name !== '404.html') {
			urls.push(entry.name === 'index.html' ? '/' : `/${entry.name.slice(0, -5)}`);
		} else if (entry.isDirectory() && !['_app', 'media', 'icons'].includes(entry.name)) {
			const first = readdirSync(path.join(root, entry.name))
				.filter((n) => n.endsWith('.html'))
				.sort()[0];
			if (first) urls.push(`/${entry.name}/${first.slice(0, -5)}`);
		}
	}
	return urls.sort();
}

function firstFile(dir: string, ext: string): string {
	const hit = readdirSync(dir, { recursive: true, encoding: 'utf8' }).find((f) => f.endsWith(ext));
	if (!hit) throw new Error(`no *${ext} under ${dir}`);
	return hit.split(path.sep).join('/');
}

/** A releases folder like the server's: `current` links to a copy of the build. */
class Releases {
	readonly dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-releases-'));
	readonly current = path.join(this.dir, 'current');

	add(name: string, build: string): string {
		cpSync(build, path.join(this.dir, name), { recursive: true });
		return path.join(this.dir, name);
	}

	/** The same atomic switch as scripts/release.ts: a new link renamed over the old. */
	switchTo(name: string): void {
		symlinkSync(name, path.join(this.dir, '.next'));
		renameSync(path.join(this.dir, '.next'), this.current);
	}

	remove(): void {
		rmSync(this.dir, { recursive: true, force: true });
	}
}

interface Fixtures {
	releases: Releases;
	serve: (opts?: Partial<NginxOptions>) => Promise<RunningNginx>;
}

const test = base.extend<Fixtures>({
	// eslint-disable-next-line no-empty-pattern
	releases: async ({}, use) => {
		if (!existsSync(path.join(BUILD, 'index.html')))
			throw new Error('no build: run `npx vite build` first');
		const releases = new Releases();
		releases.add('A', BUILD);
		releases.switchTo('A');
		await use(releases);
		releases.remove();
	},
	serve: async ({ releases }, use) => {
		const running: RunningNginx[] = [];
		await use(async (opts) => {
			const nginx = await startNginx({ root: releases.current, ...opts });
			running.push(nginx);
			return nginx;
		});
		for (const nginx of running) await nginx.stop();
	}
});

// eslint-disable-next-line no-empty-pattern
test.beforeEach(({}, testInfo) => {
	test.skip(
		testInfo.project.name !== 'nginx',
		'runs with playwright.nginx.config.ts (part of npm test), not in the viewport projects'
	);
});

/** Collects what a browser would complain about: CSP violations, console errors, page errors. */
async function watch(context: BrowserContext, page: Page) {
	const problems: string[] = [];
	const requests: Request[] = [];
	// The context sees the service worker's requests too (its precache downloads).
	context.on('request', (r) => requests.push(r));
	page.on('console', (m) => {
		if (m.type() === 'error') problems.push(`console: ${m.text()}`);
	});
	page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
		});
	});
	return { problems, requests };
}

// ---------------------------------------------------------------------------------------------
// Headers

const CSP_HEADER =
	"default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; media-src 'self' blob:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; frame-src 'none'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

function expectSecurityHeaders(reply: Reply, what: string) {
	expect(all(reply, 'content-security-policy'), what).toContain(CSP_HEADER);
	expect(reply.headers['x-content-type-options'], what).toBe('nosniff');
	expect(reply.headers['x-frame-options'], what).toBe('SAMEORIGIN');
	expect(reply.headers['referrer-policy'], what).toBe('no-referrer');
	const permissions = String(reply.headers['permissions-policy']);
	for (const denied of ['camera=()', 'microphone=()', 'geolocation=()', 'usb=()', 'payment=()']) {
		expect(permissions, what).toContain(denied);
	}
	expect(reply.headers['cross-origin-opener-policy'], what).toBe('same-origin');
	expect(reply.headers['server'], what).toBe('nginx'); // no version number
}

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
	for (const p of ['/', '/sw.js', '/__data.json', '/_app/version.json', '/manifest.webmanifest']) {
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
	const br = await get(url + '/', { 'accept-encoding': 'br' });
	if (brotliAvailable()) {
		expect(br.headers['content-encoding']).toBe('br');
		expect(
			zlib.brotliDecompressSync(br.body).equals(readFileSync(path.join(BUILD, 'index.html')))
		).toBe(true);
	} else {
		expect(br.headers['content-encoding']).toBeUndefined();
	}
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
	for (const p of ['/no-such-page', '/guides/no-such-guide', '/.env', '/_app/.hidden']) {
		const reply = await get(url + p);
		expect(reply.status, p).toBe(404);
		expect(reply.headers['cache-control'], p).toBe('no-cache');
		if (existsSync(path.join(BUILD, '404.html'))) {
			expect(reply.body.equals(readFileSync(path.join(BUILD, '404.html'))), p).toBe(true);
		}
	}
});

test('the HTTPS site: same headers plus HSTS, and plain HTTP redirects to it', async ({
	serve
}) => {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-tls-'));
	try {
		const cert = path.join(dir, 'cert.pem');
		const key = path.join(dir, 'key.pem');
		execFileSync(
			'openssl',
			[
				'req',
				'-x509',
				'-newkey',
				'rsa:2048',
				'-nodes',
				'-days',
				'1',
				'-subj',
				'/CN=127.0.0.1',
				'-keyout',
				key,
				'-out',
				cert
			],
			{ stdio: 'ignore' }
		);
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

// ---------------------------------------------------------------------------------------------
// Chromium against nginx

test('no page type breaks the CSP or asks another origin for anything', async ({
	serve,
	context,
	page
}) => {
	const { url } = await serve();
	const origin = new URL(url).origin;
	const { problems, requests } = await watch(context, page);
	const pages = pageTypes(BUILD);
	expect(pages.length).toBeGreaterThan(8);
	for (const p of pages) {
		await page.goto(url + p);
		await expect(page.locator('body')).not.toBeEmpty();
		// Every page carries Kit's hashed policy; no inline script without a hash.
		const meta = await page
			.locator('meta[http-equiv="content-security-policy"]')
			.getAttribute('content');
		expect(meta, p).toMatch(/script-src 'self' 'sha256-[^']+'/);
		expect(meta, p).not.toMatch(/script-src[^;]*unsafe-inline/);
		await page.waitForLoadState('networkidle');
	}
	// The "not found" page: 404.html, which the service worker (in control after the first page)
	// also answers unknown addresses with; rendered in the browser either way.
	const before404 = problems.length;
	await page.goto(url + '/no-such-page');
	await expect(page.locator('h1')).toHaveText('没有找到这个页面');
	await page.waitForLoadState('networkidle');
	// Only the policy is this test's business here: the app's own 404 errors are expected.
	const onNotFound = problems.splice(before404);
	expect(onNotFound.filter((p) => p.includes('CSP violation'))).toEqual([]);
	// Client-side navigation (fetches __data.json and lazy chunks) and a search.
	await page.goto(url + '/');
	await page.locator('a[href="/guides"]').first().click();
	await page.locator('a[href^="/guides/"]').first().click();
	await expect(page).toHaveURL(/\/guides\/[a-z0-9-]+$/);
	await page.goto(`${url}/search?q=${encodeURIComponent('许可')}`);
	await page.waitForLoadState('networkidle');

	expect(problems).toEqual([]);
	const urls = requests.map((r) => r.url());
	const foreign = urls.filter((u) => !u.startsWith(origin + '/') && !/^(data|blob):/.test(u));
	expect(foreign).toEqual([]);
	expect(urls.length).toBeGreaterThan(pages.length);
	expect(requests.filter((r) => r.serviceWorker() !== null).length).toBeGreaterThan(pages.length);
});

test('inline script that is not hashed is blocked, even if it got into a page', async ({
	serve,
	context,
	page
}) => {
	const { url } = await serve();
	const { problems } = await watch(context, page);
	await page.goto(url + '/guides');
	await page.evaluate(() => {
		const script = document.createElement('script');
		script.textContent = 'window.__injected = true';
		document.head.append(script);
		const img = document.createElement('div');
		img.innerHTML = '<img src="/favicon.svg" onload="window.__handler = true">';
		document.body.append(img);
	});
	await expect
		.poll(() => problems.filter((p) => p.startsWith('console: CSP violation')).length)
		.toBeGreaterThanOrEqual(2);
	expect(await page.evaluate(() => '__injected' in window)).toBe(false);
	expect(await page.evaluate(() => '__handler' in window)).toBe(false);
	expect(problems).toContainEqual(
		expect.stringContaining('CSP violation: script-src-elem blocked inline')
	);
	expect(problems).toContainEqual(
		expect.stringContaining('CSP violation: script-src-attr blocked inline')
	);
});

test('after one visit through nginx every page type works with the server gone', async ({
	serve,
	context,
	page
}) => {
	const nginx = await serve();
	// The URL a terminal's launcher opens (deploy/kiosk/lobby-kiosk-launch).
	await page.goto(`${nginx.url}/?terminal=nginx-test-1&mode=kiosk`);
	await page.evaluate(async () => {
		const registration = await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((r) =>
				navigator.serviceWorker.addEventListener('controllerchange', r, { once: true })
			);
		}
		return registration.active?.state;
	});
	await nginx.pause();

	const { problems } = await watch(context, page);
	for (const p of pageTypes(BUILD).filter((u) => u !== '/reset')) {
		const response = await page.goto(nginx.url + p);
		expect(response?.status(), p).toBe(200);
		expect(response?.fromServiceWorker(), p).toBe(true);
		await expect(page.locator('main, [role=main], body > div').first(), p).not.toBeEmpty();
	}
	const home = await page.goto(`${nginx.url}/?terminal=nginx-test-1&mode=kiosk`);
	expect(home?.fromServiceWorker()).toBe(true);
	await expect(page.getByRole('link', { name: /办事指南/ }).first()).toBeVisible();
	expect(problems.filter((p) => !p.includes('Failed to load resource'))).toEqual([]);

	// The server comes back: the terminal reaches it again (an update check is answered).
	await nginx.resume();
	const logBefore = nginx.accessLog().length;
	await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.update()));
	expect(nginx.accessLog().slice(logBefore)).toMatch(/"GET \/sw\.js HTTP\/1\.1" 304/);
});

test('a new release switched in under nginx is downloaded, then taken up on restart', async ({
	releases,
	serve,
	context,
	page
}) => {
	test.setTimeout(180_000);
	// Release B: the same code with one visible content change.
	const content = mkdtempSync(path.join(os.tmpdir(), 'kiosk-content-b-'));
	const buildB = mkdtempSync(path.join(os.tmpdir(), 'kiosk-build-b-'));
	try {
		cpSync(CONTENT, content, { recursive: true });
		const site = path.join(content, 'site.yaml');
		const hallName = /^hallName: (.+)$/m.exec(readFileSync(site, 'utf8'))?.[1];
		expect(hallName, 'site.yaml has a hallName').toBeTruthy();
		writeFileSync(
			site,
			readFileSync(site, 'utf8').replace(`hallName: ${hallName}`, 'hallName: 新版本测试大厅')
		);
		appendFileSync(site, '\n');
		await buildSite({ contentDir: content, outDir: path.join(buildB, 'build') });
		releases.add('B', path.join(buildB, 'build'));
	} finally {
		rmSync(content, { recursive: true, force: true });
		rmSync(buildB, { recursive: true, force: true });
	}

	const nginx = await serve();
	await page.goto(nginx.url + '/');
	const swVersion = () =>
		page.evaluate(async () => {
			const r = await navigator.serviceWorker.ready;
			await r.update().catch(() => undefined);
			// Wait for any download the check started to settle.
			for (let i = 0; i < 200 && r.installing; i++)
				await new Promise((res) => setTimeout(res, 100));
			return { waiting: r.waiting !== null, active: r.active?.scriptURL ?? null };
		});
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((r) =>
				navigator.serviceWorker.addEventListener('controllerchange', r, { once: true })
			);
		}
	});
	await expect(page.getByText('新版本测试大厅')).toHaveCount(0);

	// Nothing new yet: the check costs one "304 Not Modified" for sw.js.
	const logStart = nginx.accessLog().length;
	expect((await swVersion()).waiting).toBe(false);
	const logBefore = nginx.accessLog();
	expect(logBefore.slice(logStart)).toMatch(/"GET \/sw\.js HTTP\/1\.1" 304 0 /);

	releases.switchTo('B');
	expect((await swVersion()).waiting).toBe(true);
	// The new version came from nginx (its worker and its new hashed files), and the visitor's page
	// did not move.
	const log = nginx.accessLog().slice(logBefore.length);
	expect(log).toMatch(/"GET \/sw\.js HTTP\/1\.1" 200/);
	const assetsOf = (name: string) =>
		new Set(
			readdirSync(path.join(releases.dir, name, '_app/immutable'), {
				recursive: true,
				encoding: 'utf8'
			})
		);
	const before = assetsOf('A');
	const fresh = [...assetsOf('B')].filter((f) => f.endsWith('.js') && !before.has(f));
	expect(fresh.length).toBeGreaterThan(0);
	for (const f of fresh) expect(log, f).toContain(`GET /_app/immutable/${f}`);
	await expect(page.getByText('新版本测试大厅')).toHaveCount(0);

	// A terminal restart (or the nightly restart): all windows closed, the browser opens the kiosk again.
	await page.close();
	const next = await context.newPage();
	await expect(async () => {
		await next.goto(nginx.url + '/');
		await expect(next.getByText('新版本测试大厅').first()).toBeVisible({ timeout: 2000 });
	}).toPass({ timeout: 30_000 });
});
