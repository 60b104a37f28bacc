/**
 * What the nginx tests share: raw HTTP requests that show exactly what nginx sent, a releases
 * folder like the server's, a `serve` fixture that runs Debian's nginx with the shipped deploy/
 * config on it (tests/support/nginx.ts), and a watch on what the browser complains about.
 */
import {
	expect,
	test as base,
	type BrowserContext,
	type Page,
	type Request
} from '@playwright/test';
import {
	cpSync,
	existsSync,
	mkdtempSync,
	readdirSync,
	renameSync,
	rmSync,
	symlinkSync
} from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { startNginx, type NginxOptions, type RunningNginx } from './nginx';

export const BUILD = path.resolve('build');
export const CONTENT = path.resolve(process.env.CONTENT_DIR || 'content');

export interface Reply {
	status: number;
	headers: http.IncomingHttpHeaders;
	/** Name, value, name, value… as sent (Node joins repeated headers in `headers`). */
	raw: string[];
	body: Buffer;
}

/** A raw GET (no automatic decompression), so the test sees exactly what nginx sent. */
export function get(url: string, headers: Record<string, string> = {}): Promise<Reply> {
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
export function all(reply: Reply, name: string): string[] {
	return reply.raw.filter((_, i) => i % 2 === 1 && reply.raw[i - 1]!.toLowerCase() === name);
}

/** One URL per kind of page in the build: each top-level page and the first page in each folder. */
export function pageTypes(root: string): string[] {
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

export function firstFile(dir: string, ext: string): string {
	const hit = readdirSync(dir, { recursive: true, encoding: 'utf8' }).find((f) => f.endsWith(ext));
	if (!hit) throw new Error(`no *${ext} under ${dir}`);
	return hit.split(path.sep).join('/');
}

/** A releases folder like the server's: `current` links to a copy of the build. */
export class Releases {
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

export interface Fixtures {
	releases: Releases;
	serve: (opts?: Partial<NginxOptions>) => Promise<RunningNginx>;
}

export const test = base.extend<Fixtures>({
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

/** Collects what a browser would complain about: CSP violations, console errors, page errors. */
export async function watch(context: BrowserContext, page: Page) {
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

export const CSP_HEADER =
	"script-src-attr 'none'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; media-src 'self' blob:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; frame-src 'none'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

export function expectSecurityHeaders(reply: Reply, what: string) {
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

/** The page really shows: its heading (the bulletin its running screen), not an error page. */
export async function expectPageShown(page: Page, url: string): Promise<void> {
	const main = /\/bulletin(\?|$)/.test(url)
		? page.getByTestId('bulletin')
		: page.locator('h1').first();
	await expect(main, url).toBeVisible();
	await expect(page, url).not.toHaveTitle(/页面不存在|出错了/);
}
