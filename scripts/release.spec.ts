/**
 * `npm run release` for real: two releases, a rollback, and releases that must not happen (broken
 * content, a failing build). It runs in a scratch copy of the project so the shared build/ and
 * .svelte-kit/ folders are never touched.
 */
import { spawnSync } from 'node:child_process';
import {
	appendFileSync,
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	readlinkSync,
	statSync,
	rmSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	currentId,
	listReleaseIds,
	prune,
	readRelease,
	rollback,
	switchCurrent,
	withLock
} from './release.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const PROJECT = [
	'src',
	'static',
	'scripts',
	'svelte.config.js',
	'vite.config.ts',
	'tsconfig.json',
	'package.json'
];

describe('release folder operations', () => {
	let dir: string;
	const ids = [
		'20250101T000000Z-aaaaaaaaaaaa',
		'20250102T000000Z-bbbbbbbbbbbb',
		'20250103T000000Z-cccccccccccc'
	];

	beforeAll(() => {
		dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-releases-'));
		for (const id of ids) mkdirSync(path.join(dir, id));
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	test('switching replaces the link in place, relative, leaving no temporary link behind', () => {
		expect(currentId(dir)).toBeNull();
		switchCurrent(dir, ids[2]!);
		switchCurrent(dir, ids[1]!);
		expect(readlinkSync(path.join(dir, 'current'))).toBe(ids[1]);
		expect(readdirSync(dir).filter((n) => n.startsWith('.current'))).toEqual([]);
		expect(() => switchCurrent(dir, '20990101T000000Z-000000000000')).toThrow(/no release/);
	});

	test('rollback steps back one release at a time and stops at the oldest', () => {
		switchCurrent(dir, ids[2]!);
		expect(rollback(dir)).toEqual([ids[2], ids[1]]);
		expect(rollback(dir)).toEqual([ids[1], ids[0]]);
		expect(() => rollback(dir)).toThrow(/no release older/);
		expect(currentId(dir)).toBe(ids[0]);
	});

	test('pruning keeps the newest releases and always the current one', () => {
		mkdirSync(path.join(dir, '.incoming-20250104T000000Z-dddddddddddd'));
		expect(prune(dir, 2)).toEqual([]); // the oldest is current
		switchCurrent(dir, ids[2]!);
		expect(prune(dir, 2)).toEqual([ids[0]]);
		expect(listReleaseIds(dir)).toEqual([ids[1], ids[2]]);
		expect(readdirSync(dir).some((n) => n.startsWith('.incoming-'))).toBe(false);
	});

	test('a second release waits for the first; a stale lock is taken over', () => {
		const lock = path.join(dir, '.release.lock');
		expect(() => withLock(dir, () => withLock(dir, () => 0))).toThrow(/another release/);
		expect(existsSync(lock)).toBe(false);
		writeFileSync(lock, '999999999'); // no such process
		expect(withLock(dir, () => 'ran')).toBe('ran');
		expect(existsSync(lock)).toBe(false);
	});
});

describe('npm run release', () => {
	let work: string;
	let releases: string;
	let content: string;
	const run = (...args: string[]) =>
		// A strict umask: the release must still be readable by nginx's user.
		spawnSync(
			'sh',
			[
				'-c',
				'umask 077 && exec "$0" "$@"',
				path.join(ROOT, 'node_modules/.bin/tsx'),
				'scripts/release.ts',
				...args
			],
			{
				cwd: work,
				env: { ...process.env, RELEASES_DIR: releases, CONTENT_DIR: content, KEEP_RELEASES: '3' },
				encoding: 'utf8'
			}
		);
	const dirs = () => readdirSync(releases).sort();

	beforeAll(() => {
		work = mkdtempSync(path.join(os.tmpdir(), 'kiosk-release-'));
		for (const file of PROJECT)
			cpSync(path.join(ROOT, file), path.join(work, file), { recursive: true });
		symlinkSync(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'), 'dir');
		content = path.join(work, 'content');
		cpSync(path.join(ROOT, 'tests/fixtures/good'), content, { recursive: true });
		releases = path.join(work, 'releases');
	});
	afterAll(() => rmSync(work, { recursive: true, force: true }));

	test(
		'releases, releases again, rolls back; broken content or a failing build changes nothing',
		{ timeout: 240_000 },
		() => {
			// First release.
			const first = run();
			expect(first.status, first.stdout + first.stderr).toBe(0);
			const id1 = currentId(releases)!;
			const info1 = readRelease(releases, id1)!;
			const hash1 = info1.content.hash;
			expect(id1).toMatch(new RegExp(`^\\d{8}T\\d{6}Z-${hash1}$`));
			expect(first.stdout).toContain(`Released ${id1}`);
			expect(readFileSync(path.join(releases, 'current/index.html'), 'utf8')).toContain(hash1);
			expect(info1.immutable.length).toBeGreaterThan(5);
			// nginx's workers (www-data) must be able to read everything a release publishes.
			for (const rel of [
				'',
				'index.html',
				'release.json',
				'_app',
				`_app/immutable/${info1.immutable[0]}`
			]) {
				const mode = statSync(path.join(releases, id1, rel)).mode;
				expect(mode & 0o004, `${rel} readable by others`).toBeTruthy();
				if (statSync(path.join(releases, id1, rel)).isDirectory())
					expect(mode & 0o001).toBeTruthy();
			}

			// Second release, with changed content.
			const site = path.join(content, 'site.yaml');
			writeFileSync(
				site,
				readFileSync(site, 'utf8').replace('hallName: 政务服务大厅', 'hallName: 第二政务服务大厅')
			);
			const second = run();
			expect(second.status, second.stdout + second.stderr).toBe(0);
			const id2 = currentId(releases)!;
			expect(id2).not.toBe(id1);
			const info2 = readRelease(releases, id2)!;
			expect(info2.content.hash).not.toBe(hash1);
			expect(readFileSync(path.join(releases, 'current/index.html'), 'utf8')).toContain(
				'第二政务服务大厅'
			);
			// A page of release 1 loaded just before the switch still finds its scripts in release 2.
			for (const file of info1.immutable) {
				expect(existsSync(path.join(releases, id2, '_app/immutable', file)), file).toBe(true);
			}
			expect(dirs()).toEqual([id1, id2, 'current']);

			// Rollback.
			const back = run('--rollback');
			expect(back.status, back.stderr).toBe(0);
			expect(back.stdout).toContain(`→ ${id1}`);
			expect(currentId(releases)).toBe(id1);
			const list = run('--list');
			expect(list.stdout).toMatch(new RegExp(`→ ${id1}`));
			expect(list.stdout).toContain(id2);

			// Content that fails validation: no build, no folder, `current` untouched.
			const snapshot = dirs();
			appendFileSync(site, 'enquiryPhone: [not, a, phone]\n');
			const broken = run();
			expect(broken.status).toBe(1);
			expect(broken.stderr).toMatch(/content error.*nothing was released/);
			expect(currentId(releases)).toBe(id1);
			expect(dirs()).toEqual(snapshot);
			expect(existsSync(path.join(work, 'build'))).toBe(true); // the last good build, not a new one
			expect(readFileSync(path.join(work, 'build/index.html'), 'utf8')).toContain(
				'第二政务服务大厅'
			);

			// Valid content, but the build fails (here: a broken source file).
			writeFileSync(site, readFileSync(path.join(ROOT, 'tests/fixtures/good/site.yaml'), 'utf8'));
			appendFileSync(path.join(work, 'src/routes/+layout.ts'), '\nexport const broken = ;\n');
			const failed = run();
			expect(failed.status).toBe(1);
			expect(failed.stderr).toMatch(/build failed: nothing was released/);
			expect(currentId(releases)).toBe(id1);
			expect(dirs()).toEqual(snapshot);
		}
	);
});
