import { spawnSync } from 'node:child_process';
import {
	appendFileSync,
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readlinkSync,
	rmSync,
	truncateSync,
	unlinkSync,
	writeFileSync
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FAKE_FILES, fakeBuild } from './test-support/fake-build.ts';
import { fileFor, precacheManifest, verifyRelease } from './verify-release.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

describe('verifying a copied release', () => {
	let dir: string;
	let good: string;
	const copy = (name: string) => {
		const to = path.join(dir, name);
		cpSync(good, to, { recursive: true });
		return to;
	};

	beforeAll(() => {
		dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-verify-'));
		good = path.join(dir, 'good');
		fakeBuild(good);
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	test('reads the worker list the way Workbox writes it', () => {
		const entries = precacheManifest(
			'e.precacheAndRoute([{url:"./",revision:"1",integrity:"sha256-a"},{url:"_app/x.js",revision:null,integrity:"sha256-b"},{url:"404.html",revision:"2"},{url:"media/\\u8868.svg",revision:"3",integrity:"sha256-c"}],{})'
		);
		expect(entries).toEqual([
			{ url: './', integrity: 'sha256-a' },
			{ url: '_app/x.js', integrity: 'sha256-b' },
			{ url: '404.html', integrity: null },
			{ url: 'media/表.svg', integrity: 'sha256-c' }
		]);
	});

	test('reads the list of a build that is not minified (indented JSON)', () => {
		const worker = `e.precacheAndRoute(${JSON.stringify(
			[
				{ url: './', revision: '1', integrity: 'sha256-a' },
				{ url: '404.html', revision: '2' }
			],
			null,
			2
		)}, {})`;
		expect(precacheManifest(worker)).toEqual([
			{ url: './', integrity: 'sha256-a' },
			{ url: '404.html', integrity: null }
		]);
	});

	test("finds a URL's file like the web server does, never outside the folder", () => {
		expect(fileFor(good, './')).toBe(path.join(good, 'index.html'));
		expect(fileFor(good, 'guides')).toBe(path.join(good, 'guides.html'));
		expect(fileFor(good, 'guides/x/__data.json')).toBe(path.join(good, 'guides/x/__data.json'));
		expect(fileFor(good, '../good/index.html')).toBeNull();
		expect(fileFor(good, 'nothing')).toBeNull();
		// A literal % in a file name, and a name listed percent-encoded.
		writeFileSync(path.join(good, 'media/100%.txt'), 'x');
		expect(fileFor(good, 'media/100%.txt')).toBe(path.join(good, 'media/100%.txt'));
		expect(fileFor(good, 'media/%E8%A1%A8%E6%A0%BC.svg')).toBe(path.join(good, 'media/表格.svg'));
	});

	test('a complete copy passes', () => {
		expect(verifyRelease(good)).toEqual([]);
	});

	test('a truncated, missing or stale file is named', () => {
		const half = copy('half');
		truncateSync(path.join(half, 'guides.html'), 40);
		unlinkSync(path.join(half, '_app/immutable/entry/app.AbC123.js'));
		appendFileSync(path.join(half, 'media/表格.svg'), '<!-- 旧版本 -->');
		unlinkSync(path.join(half, '404.html'));
		expect(verifyRelease(half)).toEqual([
			'文件内容不对（复制不完整或版本混杂）：guides.html',
			'缺少文件：_app/immutable/entry/app.AbC123.js',
			'文件内容不对（复制不完整或版本混杂）：media/表格.svg',
			'缺少文件：404.html'
		]);
	});

	test('no worker, or a worker cut off before its list, is an incomplete folder', () => {
		const noWorker = copy('no-worker');
		unlinkSync(path.join(noWorker, 'sw.js'));
		expect(verifyRelease(noWorker)).toEqual([expect.stringMatching(/缺少离线程序 sw\.js/)]);
		const cut = copy('cut');
		truncateSync(path.join(cut, 'sw.js'), 30);
		expect(verifyRelease(cut)).toEqual([expect.stringMatching(/找不到离线缓存清单/)]);
	});

	test(
		"the server's publish script goes live with an rsync copy only when it is complete",
		{
			timeout: 60_000
		},
		() => {
			const releases = path.join(dir, 'releases');
			const id = '20260301T080000Z-3fa1c2d4e5f6';
			mkdirSync(releases);
			cpSync(good, path.join(releases, id), { recursive: true });
			truncateSync(path.join(releases, id, 'guides.html'), 10); // rsync cut off
			const publish = (...args: string[]) =>
				spawnSync(path.join(ROOT, 'deploy/server/lobby-kiosk-publish'), args, {
					encoding: 'utf8',
					env: { ...process.env, LOBBY_KIOSK_APP: ROOT, RELEASES_DIR: releases, CONTENT_DIR: dir }
				});
			const refused = publish('--switch', id);
			expect(refused.status).toBe(1);
			expect(refused.stderr).toMatch(/不完整，没有切换.*\n.*guides\.html/);
			expect(existsSync(path.join(releases, 'current'))).toBe(false);
			cpSync(good, path.join(releases, id), { recursive: true }); // rsync again
			const done = publish('--switch', id);
			expect(done.status, done.stderr).toBe(0);
			expect(readlinkSync(path.join(releases, 'current'))).toBe(id);
		}
	);

	test(
		'the command exits 1 on a truncated copy and 0 on a good one (npm run release -- --verify)',
		{
			timeout: 60_000
		},
		() => {
			const half = copy('half-cli');
			truncateSync(path.join(half, 'index.html'), Math.floor(FAKE_FILES['index.html']!.length / 2));
			const run = (folder: string) =>
				spawnSync(
					path.join(ROOT, 'node_modules/.bin/tsx'),
					['scripts/release.ts', '--verify', folder],
					{ cwd: ROOT, encoding: 'utf8' }
				);
			const bad = run(half);
			expect(bad.status).toBe(1);
			expect(bad.stderr).toContain('不完整，不能上线');
			expect(bad.stderr).toContain('index.html');
			const ok = run(good);
			expect(ok.status, ok.stderr).toBe(0);
			expect(ok.stdout).toContain('完整');
		}
	);
});
