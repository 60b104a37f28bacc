/**
 * A small static server for the browser benchmarks: serves a built site on loopback the way the
 * production web server does (clean URLs from `x.html`, correct MIME types, gzip for text,
 * immutable caching for hashed assets and revalidation for everything else). Node only, so the
 * browser figures do not depend on nginx being installed; the fleet check uses the real nginx.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
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
	'.txt': 'text/plain; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8'
};
const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json|xml)|image\/svg\+xml)/;

export interface StaticServer {
	/** `http://127.0.0.1:<port>` */
	url: string;
	close(): Promise<void>;
}

interface Entry {
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

export function startStaticServer(root: string): Promise<StaticServer> {
	const cache = new Map<string, Entry>();
	const load = (file: string): Entry => {
		let entry = cache.get(file);
		if (!entry) {
			const body = readFileSync(file);
			const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
			entry = {
				body,
				type,
				gzip: COMPRESSIBLE.test(type) && body.length > 256 ? gzipSync(body, { level: 6 }) : null,
				etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"`
			};
			cache.set(file, entry);
		}
		return entry;
	};

	const server = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		let file = resolveFile(root, url.pathname);
		let status = 200;
		if (!file) {
			status = 404;
			file = path.join(root, '404.html');
			if (!existsSync(file)) {
				res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
				return;
			}
		}
		const entry = load(file);
		const headers: http.OutgoingHttpHeaders = {
			'content-type': entry.type,
			etag: entry.etag,
			vary: 'Accept-Encoding',
			'cache-control': url.pathname.startsWith('/_app/immutable/')
				? 'public, max-age=31536000, immutable'
				: 'no-cache'
		};
		if (status === 200 && req.headers['if-none-match'] === entry.etag) {
			res.writeHead(304, headers).end();
			return;
		}
		const gzip = entry.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
		const body = gzip ? (entry.gzip as Buffer) : entry.body;
		if (gzip) headers['content-encoding'] = 'gzip';
		headers['content-length'] = body.length;
		res.writeHead(status, headers);
		res.end(req.method === 'HEAD' ? undefined : body);
	});

	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as AddressInfo;
			resolve({
				url: `http://127.0.0.1:${port}`,
				close: () =>
					new Promise<void>((done) => {
						server.closeAllConnections();
						server.close(() => done());
					})
			});
		});
	});
}
