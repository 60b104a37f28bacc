/**
 * A small build folder for tests of releasing and verifying: a few pages, a hashed script and a
 * sw.js whose precache list names them with their integrity hashes, in Workbox's own format.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const FAKE_FILES: Record<string, string> = {
	'index.html': '<!doctype html><title>首页</title>',
	'guides.html': '<!doctype html><title>办事指南</title>' + '指南'.repeat(200),
	'guides/x/__data.json': '{"type":"data","nodes":[]}',
	'_app/immutable/entry/app.AbC123.js': 'export const app = 1;',
	'_app/version.json': '{"version":"1"}',
	'media/表格.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
	'404.html': '<!doctype html><title>没有找到</title>'
};

/** URL in the worker's list (as precache.ts writes them) for each file. */
const URLS: Record<string, string> = {
	'index.html': './',
	'guides.html': 'guides',
	'guides/x/__data.json': 'guides/x/__data.json',
	'_app/immutable/entry/app.AbC123.js': '_app/immutable/entry/app.AbC123.js',
	'_app/version.json': '_app/version.json',
	'media/表格.svg': 'media/表格.svg'
};

export function fakeBuild(dir: string): void {
	for (const [file, text] of Object.entries(FAKE_FILES)) {
		mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
		writeFileSync(path.join(dir, file), text);
	}
	const entries = Object.entries(URLS).map(([file, url]) => {
		const hash = createHash('sha256').update(FAKE_FILES[file]!).digest('base64');
		const revision = file.includes('immutable') ? 'null' : '"abc"';
		return `{url:${JSON.stringify(url)},revision:${revision},integrity:"sha256-${hash}"}`;
	});
	// The offline shell is listed without a hash.
	entries.push('{url:"404.html",revision:"def"}');
	writeFileSync(
		path.join(dir, 'sw.js'),
		`define(["./workbox"],function(e){e.precacheAndRoute([${entries.join(',')}],{});});`
	);
}
