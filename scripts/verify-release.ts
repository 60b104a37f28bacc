/**
 * Checks a build or release folder before it goes live: every file in the service worker's
 * precache list (sw.js) is there, and has the bytes its integrity hash names. A folder copied
 * half-way (rsync interrupted, a full disk, a file of the old version left behind) fails here,
 * instead of failing the worker's install on every terminal that updates to it.
 *
 *   npm run release -- --verify <folder>
 *   npx tsx scripts/verify-release.ts <folder>
 *
 * Exits 0 when the folder is complete, 1 with one line per problem (in Chinese) otherwise.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ManifestEntry {
	url: string;
	integrity: string | null;
}

const WORKER = 'sw.js';

/**
 * The precache list as Workbox writes it into sw.js: `{url:"…",revision:…,integrity:"sha256-…"}`
 * objects in one array (see src/lib/offline/build/precache.ts); minified in a production build,
 * as indented JSON when the build ran with NODE_ENV other than production.
 */
export function precacheManifest(worker: string): ManifestEntry[] {
	const object = /\{\s*"?url"?\s*:\s*"(?:[^"\\]|\\.)*"[^{}]*\}/g;
	const url = /^\{\s*"?url"?\s*:\s*("(?:[^"\\]|\\.)*")/;
	const integrity = /[{,]\s*"?integrity"?\s*:\s*"([^"]*)"/;
	return [...worker.matchAll(object)].map(([text]) => ({
		url: JSON.parse(url.exec(text)![1]!) as string,
		integrity: integrity.exec(text)?.[1] ?? null
	}));
}

function isFile(file: string): boolean {
	try {
		return lstatSync(file).isFile();
	} catch {
		return false;
	}
}

/** The file a precache URL is served from, the way nginx's try_files finds it; null if none. */
export function fileFor(root: string, url: string): string | null {
	const raw = url.replace(/^\.\//, '').replace(/\?.*$/, '');
	let decoded = raw;
	try {
		decoded = decodeURIComponent(raw);
	} catch {
		// A literal % in a file name: the name as listed is all there is.
	}
	for (const rel of new Set([raw, decoded])) {
		// Never outside the folder, whatever a worker lists.
		if (rel.split('/').includes('..')) return null;
		const candidates = rel === '' ? ['index.html'] : [rel, `${rel}.html`, `${rel}/index.html`];
		const found = candidates.map((c) => path.join(root, c)).find(isFile);
		if (found) return found;
	}
	return null;
}

/** What is wrong with the folder, one line per problem (empty when it is complete). */
export function verifyRelease(root: string): string[] {
	const worker = path.join(root, WORKER);
	if (!isFile(worker)) return [`${worker}：缺少离线程序 ${WORKER}（文件夹不是一个完整的版本）`];
	const entries = precacheManifest(readFileSync(worker, 'utf8'));
	if (entries.length === 0) return [`${worker}：里面找不到离线缓存清单（文件损坏或复制不完整）`];
	const problems: string[] = [];
	for (const { url, integrity } of entries) {
		const file = fileFor(root, url);
		if (!file) {
			problems.push(`缺少文件：${url}`);
			continue;
		}
		if (!integrity) continue;
		const [algorithm, expected] = integrity.split('-', 2) as [string, string | undefined];
		const actual = createHash(algorithm).update(readFileSync(file)).digest('base64');
		if (actual !== expected) {
			problems.push(`文件内容不对（复制不完整或版本混杂）：${path.relative(root, file)}`);
		}
	}
	return problems;
}

/** Prints the result for a person; returns the exit code. */
export function verifyCommand(root: string): number {
	const problems = verifyRelease(root);
	if (problems.length === 0) {
		console.log(`✓ ${root} 完整：离线缓存清单中的每个文件都在，内容与校验值一致。`);
		return 0;
	}
	console.error(`✗ ${root} 不完整，不能上线（共 ${problems.length} 处问题）：`);
	for (const p of problems.slice(0, 20)) console.error(`  ${p}`);
	if (problems.length > 20) console.error(`  …… 另有 ${problems.length - 20} 处`);
	console.error('  请重新完整复制一次（rsync 可以续传），再检查。');
	return 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const dir = process.argv[2];
	if (!dir) {
		console.error('用法：npx tsx scripts/verify-release.ts <版本文件夹>');
		process.exit(2);
	}
	process.exit(verifyCommand(path.resolve(dir)));
}
