/**
 * A small static web server that serves a build folder the way the production server does
 * (deploy/nginx): clean URLs from `x.html`, `404.html` for unknown paths, MIME types, gzip for
 * text, ETag revalidation, immutable caching for hashed assets and `no-cache` for the rest.
 *
 * `npm start`, the Playwright suite and the benchmarks all serve through it, so what they test is
 * what a terminal gets. (`vite preview` serves Kit's output folder instead: no `404.html`, which
 * the service worker's offline shell needs.) Tests can also switch the folder (a new deploy), cut a
 * download short, or take the server away (pause/resume).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.webp': 'image/webp',
	'.gif': 'image/gif',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
	'.pdf': 'application/pdf',
	'.mp4': 'video/mp4',
	'.webm': 'video/webm',
	'.txt': 'text/plain; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8'
};
const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json|xml)|image\/svg\+xml)/;

export interface StaticServer {
	/** `http://127.0.0.1:<port>`, stable across pause/resume. */
	readonly url: string;
	/** The folder currently served; assign to switch (a new deploy). */
	root: string;
	/** URL paths requested so far (without query), for assertions. */
	readonly requests: string[];
	/** When it returns true for a path, the response is cut off halfway (a dropped network). */
	interrupt: ((urlPath: string) => boolean) | null;
	/** Stop answering (connections refused) until resume(): the server is unreachable. */
	pause(): Promise<void>;
	resume(): Promise<void>;
	close(): Promise<void>;
}

export interface StaticServerOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	/** Default loopback only; `0.0.0.0` serves the hall's network. */
	host?: string;
}

interface Entry {
	mtimeMs: number;
	body: Buffer;
	gzip: Buffer | null;
	etag: string;
	type: string;
}

/** Maps a URL path to a file under `root`, as nginx's `try_files $uri $uri.html $uri/index.html`. */
export function resolveFile(root: string, urlPath: string): string | null {
	let decoded: string;
	try {
		decoded = decodeURIComponent(urlPath);
	} catch {
		return null;
	}
	const rel = path.posix.normalize(decoded).replace(/^\/+/, '');
	if (rel.startsWith('..')) return null;
	const base = path.join(root, rel);
	for (const candidate of [base, `${base}.html`, path.join(base, 'index.html')]) {
		if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
	}
	return null;
}

function cacheControl(urlPath: string): string {
	return urlPath.startsWith('/_app/immutable/')
		? 'public, max-age=31536000, immutable'
		: 'no-cache';
}

export async function startStaticServer(
	root: string,
	{ port = 0, host = '127.0.0.1' }: StaticServerOptions = {}
): Promise<StaticServer> {
	// Keyed by path and checked against mtime: a rebuild or a switched folder is served fresh.
	const cache = new Map<string, Entry>();
	const load = (file: string): Entry => {
		const { mtimeMs } = statSync(file);
		let entry = cache.get(file);
		if (!entry || entry.mtimeMs !== mtimeMs) {
			const body = readFileSync(file);
			const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
			entry = {
				mtimeMs,
				body,
				type,
				gzip: COMPRESSIBLE.test(type) && body.length > 256 ? gzipSync(body, { level: 6 }) : null,
				etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"`
			};
			cache.set(file, entry);
		}
		return entry;
	};

	const sockets = new Set<Socket>();
	const state: StaticServer = {
		url: '',
		root: path.resolve(root),
		requests: [],
		interrupt: null,
		pause,
		resume,
		close: pause
	};

	function handle(req: http.IncomingMessage, res: http.ServerResponse) {
		const urlPath = new URL(req.url ?? '/', 'http://localhost').pathname;
		state.requests.push(urlPath);
		const root = path.resolve(state.root);
		let file = resolveFile(root, urlPath);
		let status = 200;
		if (!file) {
			status = 404;
			file = path.join(root, '404.html');
			if (!existsSync(file)) {
				res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
				return;
			}
		}
		const entry = load(file);
		const headers: http.OutgoingHttpHeaders = {
			'content-type': entry.type,
			etag: entry.etag,
			vary: 'Accept-Encoding',
			'cache-control': status === 200 ? cacheControl(urlPath) : 'no-cache'
		};
		if (status === 200 && req.headers['if-none-match'] === entry.etag) {
			res.writeHead(304, headers).end();
			return;
		}
		const gzip = entry.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
		const body = gzip && entry.gzip ? entry.gzip : entry.body;
		if (gzip) headers['content-encoding'] = 'gzip';
		headers['content-length'] = body.length;
		res.writeHead(status, headers);
		if (req.method === 'HEAD') {
			res.end();
		} else if (status === 200 && state.interrupt?.(urlPath)) {
			res.write(body.subarray(0, Math.floor(body.length / 2)));
			setTimeout(() => res.destroy(), 20);
		} else {
			res.end(body);
		}
	}

	const server = http.createServer(handle);
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	let listening = false;

	async function listen(p: number): Promise<number> {
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(p, host, () => {
				server.off('error', reject);
				resolve();
			});
		});
		listening = true;
		return (server.address() as AddressInfo).port;
	}

	async function pause(): Promise<void> {
		if (!listening) return;
		listening = false;
		const closed = new Promise<void>((resolve) => server.close(() => resolve()));
		for (const socket of sockets) socket.destroy();
		await closed;
	}

	async function resume(): Promise<void> {
		if (!listening) await listen(Number(new URL(state.url).port));
	}

	const actualPort = await listen(port);
	Object.assign(state, { url: `http://127.0.0.1:${actualPort}` });
	return state;
}
