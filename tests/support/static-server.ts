/**
 * A tiny static web server for the offline and update tests: serves a build folder the way a
 * production server does (clean URLs via `.html`, 404.html, content types, cache headers), and
 * lets a test switch the folder (a new deploy), cut a download short, or go away entirely.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';

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
	'.pdf': 'application/pdf',
	'.woff2': 'font/woff2',
	'.txt': 'text/plain; charset=utf-8'
};

export interface StaticServer {
	/** `http://localhost:<port>`, stable across pause/resume. */
	readonly url: string;
	/** The folder currently served. */
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

function resolveFile(root: string, urlPath: string): string | null {
	let decoded: string;
	try {
		decoded = decodeURIComponent(urlPath);
	} catch {
		return null;
	}
	const file = path.join(root, decoded);
	if (!file.startsWith(root)) return null;
	const candidates = decoded.endsWith('/')
		? [path.join(file, 'index.html')]
		: [file, `${file}.html`, path.join(file, 'index.html')];
	return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

function cacheControl(urlPath: string): string {
	return urlPath.startsWith('/_app/immutable/')
		? 'public, max-age=31536000, immutable'
		: 'no-cache';
}

export async function startStaticServer(root: string, port = 0): Promise<StaticServer> {
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

	function handle(req: IncomingMessage, res: ServerResponse) {
		const urlPath = new URL(req.url ?? '/', 'http://localhost').pathname;
		state.requests.push(urlPath);
		const root = path.resolve(state.root);
		let file = resolveFile(root, urlPath);
		let status = 200;
		if (!file) {
			status = 404;
			file = existsSync(path.join(root, '404.html')) ? path.join(root, '404.html') : null;
		}
		const type = file
			? (TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream')
			: '';
		if (!file) {
			res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
			return;
		}
		const size = statSync(file).size;
		const headers = {
			'content-type': type,
			'content-length': String(size),
			'cache-control': status === 200 ? cacheControl(urlPath) : 'no-cache'
		};
		res.writeHead(status, headers);
		if (req.method === 'HEAD') {
			res.end();
		} else if (status === 200 && state.interrupt?.(urlPath)) {
			res.write(readFileSync(file).subarray(0, Math.floor(size / 2)));
			setTimeout(() => res.destroy(), 20);
		} else {
			createReadStream(file).pipe(res);
		}
	}

	const server = createServer(handle);
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	let listening = false;

	async function listen(p: number): Promise<number> {
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(p, '127.0.0.1', () => {
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
