/**
 * `npm run release` for real: two releases, a rollback, and releases that must not happen (broken
 * content, a failing build). It runs in a scratch copy of the project so the shared build/ and
 * .svelte-kit/ folders are never touched.
 */
import { spawn, spawnSync } from 'node:child_process';
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
	truncateSync,
	writeFileSync
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	currentId,
	explain,
	holderAlive,
	listReleaseIds,
	lockHolder,
	parseLock,
	prune,
	publish,
	readRelease,
	rollback,
	switchCurrent,
	switchVerified,
	withLock,
	type CopyTree
} from './release.ts';
import { fakeBuild } from './test-support/fake-build.ts';

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
		expect(() => switchCurrent(dir, '20990101T000000Z-000000000000')).toThrow(/中没有版本/);
	});

	test('rollback steps back one release at a time and stops at the oldest', () => {
		switchCurrent(dir, ids[2]!);
		expect(rollback(dir)).toEqual([ids[2], ids[1]]);
		expect(rollback(dir)).toEqual([ids[1], ids[0]]);
		expect(() => rollback(dir)).toThrow(/没有保留比.*更早的版本/);
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
		expect(() => withLock(dir, () => withLock(dir, () => 0))).toThrow(/另一次发布.*正在进行/);
		expect(existsSync(lock)).toBe(false);
		writeFileSync(lock, JSON.stringify({ pid: 999999999, start: '1', boot: null })); // no such process
		expect(withLock(dir, () => 'ran')).toBe('ran');
		expect(existsSync(lock)).toBe(false);
	});

	test('an empty or garbage lock (a full disk, an older version) does not block forever', () => {
		const lock = path.join(dir, '.release.lock');
		// Empty used to read as process 0, which always "exists".
		for (const text of ['', '0', `${process.pid}`, 'not a lock', '{"pid":-1}', '\u0000\u0000']) {
			writeFileSync(lock, text);
			expect(
				withLock(dir, () => 'ran'),
				JSON.stringify(text)
			).toBe('ran');
			expect(existsSync(lock)).toBe(false);
		}
		expect(readdirSync(dir).filter((n) => n.startsWith('.release.lock'))).toEqual([]);
	});

	test('a lock of a process id now used by another process is stale', () => {
		const lock = path.join(dir, '.release.lock');
		// This very process, but with another start time: the id was reused after a crash.
		const me = lockHolder();
		expect(me.start, 'Linux /proc gives a start time').toMatch(/^\d+$/);
		writeFileSync(lock, JSON.stringify({ ...me, start: String(Number(me.start) - 1) }));
		expect(withLock(dir, () => 'ran')).toBe('ran');
		// The same process id in an earlier boot.
		writeFileSync(lock, JSON.stringify({ ...me, boot: 'another-boot' }));
		expect(withLock(dir, () => 'ran')).toBe('ran');
		// A living holder (a sleeping child process) keeps its lock.
		const child = spawn('sleep', ['30'], { stdio: 'ignore' });
		try {
			writeFileSync(lock, JSON.stringify(lockHolder(child.pid)));
			expect(() => withLock(dir, () => 'ran')).toThrow(`进程 ${child.pid}`);
			expect(existsSync(lock)).toBe(true);
		} finally {
			child.kill('SIGKILL');
		}
		rmSync(lock);
	});

	test('stale parsing: only a lock we wrote names a holder', () => {
		expect(parseLock('')).toBeNull();
		expect(parseLock('1234')).toBeNull();
		expect(parseLock('{"pid":0}')).toBeNull();
		expect(parseLock('{"pid":12,"start":"5","boot":"b"}')).toEqual({
			pid: 12,
			start: '5',
			boot: 'b'
		});
		expect(holderAlive({ pid: 999999999, start: null, boot: null })).toBe(false);
		expect(holderAlive(lockHolder())).toBe(true);
	});
});

describe('an alert published with npm run alert', () => {
	test('stays up across a release', () => {
		const root = mkdtempSync(path.join(os.tmpdir(), 'kiosk-publish-alert-'));
		try {
			const build = path.join(root, 'build');
			fakeBuild(build);
			writeFileSync(path.join(build, 'alerts.json'), '{ "alerts": [] }\n');
			const releases = path.join(root, 'releases');
			const info = (id: string) => ({
				id,
				createdAt: '2025-01-01T00:00:00.000Z',
				content: { hash: id.slice(-12), loadedAt: '2025-01-01T00:00:00.000Z' },
				app: { version: '0.0.0', kitVersion: '0', commit: null }
			});
			publish(releases, build, info('20250101T000000Z-aaaaaaaaaaaa'), 2);
			const live = '{ "alerts": [{ "id": "a1" }] }\n';
			writeFileSync(path.join(releases, 'current', 'alerts.json'), live);
			publish(releases, build, info('20250102T000000Z-bbbbbbbbbbbb'), 2);
			expect(currentId(releases)).toBe('20250102T000000Z-bbbbbbbbbbbb');
			expect(readFileSync(path.join(releases, 'current', 'alerts.json'), 'utf8')).toBe(live);
		} finally {
			rmSync(root, { recursive: true, force: true });
		}
	});
});

describe('publishing into the releases folder', () => {
	let dir: string;
	let build: string;
	const info = (id: string) => ({
		id,
		createdAt: '2025-01-01T00:00:00.000Z',
		content: { hash: id.slice(-12), loadedAt: '2025-01-01T00:00:00.000Z' },
		app: { version: '0.0.0', kitVersion: '0', commit: null }
	});
	const ids = [
		'20250101T000000Z-aaaaaaaaaaaa',
		'20250102T000000Z-bbbbbbbbbbbb',
		'20250103T000000Z-cccccccccccc',
		'20250104T000000Z-dddddddddddd'
	];

	beforeAll(() => {
		dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-publish-'));
		build = path.join(dir, 'build');
		fakeBuild(build);
		dir = path.join(dir, 'releases');
	});
	afterAll(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

	test('leftovers of an interrupted release are removed, old ones pruned before copying', () => {
		publish(dir, build, info(ids[0]!), 2);
		publish(dir, build, info(ids[1]!), 2);
		mkdirSync(path.join(dir, '.incoming-20241231T000000Z-eeeeeeeeeeee/_app'), { recursive: true });
		writeFileSync(path.join(dir, '.incoming-20241231T000000Z-eeeeeeeeeeee/_app/x.js'), 'x');
		symlinkSync(ids[0]!, path.join(dir, '.current-12345'));
		const seen: string[][] = [];
		publish(dir, build, info(ids[2]!), 2, (from, to) => {
			seen.push(readdirSync(dir).sort());
			cpSync(from, to, { recursive: true });
		});
		// When the copy started: no leftovers, and only the current release (room for one more).
		expect(seen).toEqual([[ids[1], 'current']]);
		expect(readdirSync(dir).sort()).toEqual([ids[1], ids[2], 'current']);
		expect(currentId(dir)).toBe(ids[2]);
	});

	test('a full disk: a plain message, no leftovers, `current` untouched, the next release works', () => {
		const full: CopyTree = (from, to) => {
			cpSync(path.join(from, 'index.html'), path.join(to, 'index.html'), { recursive: true });
			const e = new Error('ENOSPC: no space left on device, write') as NodeJS.ErrnoException;
			e.code = 'ENOSPC';
			throw e;
		};
		expect(() => publish(dir, build, info(ids[3]!), 2, full)).toThrow(
			/^磁盘空间不足：.*没有发布新版本，屏幕继续显示 20250103T000000Z-cccccccccccc/
		);
		expect(currentId(dir)).toBe(ids[2]);
		expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
		publish(dir, build, info(ids[3]!), 2);
		expect(currentId(dir)).toBe(ids[3]);
	});

	// A real full disk: a 256 KiB tmpfs (root only: mounting needs it).
	const canMount = process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0;
	test.skipIf(!canMount)(
		'a real full disk (small tmpfs): the copy fails cleanly and says so (needs root to mount)',
		() => {
			const mnt = mkdtempSync(path.join(os.tmpdir(), 'kiosk-full-'));
			const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mnt]);
			expect(mounted.status, String(mounted.stderr)).toBe(0);
			try {
				const big = path.join(path.dirname(dir), 'big-build');
				fakeBuild(big);
				// 150 KiB of media: one release fits, a second beside it does not.
				writeFileSync(path.join(big, 'media/视频.bin'), Buffer.alloc(150 * 1024, 1));
				const releases = path.join(mnt, 'releases');
				publish(releases, big, info(ids[0]!), 2);
				expect(() => publish(releases, big, info(ids[1]!), 2)).toThrow(/^磁盘空间不足：.*现剩/);
				expect(currentId(releases)).toBe(ids[0]);
				expect(readdirSync(releases).sort()).toEqual([ids[0], 'current']);
				// The lock of the failed release does not stay behind either.
				expect(() => withLock(releases, () => publish(releases, big, info(ids[1]!), 2))).toThrow(
					/磁盘空间不足/
				);
				expect(readdirSync(releases).sort()).toEqual([ids[0], 'current']);
			} finally {
				spawnSync('umount', [mnt]);
				rmSync(mnt, { recursive: true, force: true });
			}
		}
	);

	test("a copy that does not match the worker's integrity list is never switched to", () => {
		const id = '20250105T000000Z-ffffffffffff';
		const truncate: CopyTree = (from, to) => {
			cpSync(from, to, { recursive: true });
			writeFileSync(path.join(to, 'guides.html'), '<!doctype html><title>半');
		};
		expect(() => publish(dir, build, info(id), 2, truncate)).toThrow(/不完整.*\n.*guides\.html/);
		expect(currentId(dir)).toBe(ids[3]);
		expect(listReleaseIds(dir)).not.toContain(id);
		expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
	});

	test('a release copied by rsync is switched to only when complete (--switch)', () => {
		const id = '20250106T000000Z-ababababab12';
		const copied = path.join(dir, id);
		cpSync(build, copied, { recursive: true });
		// rsync interrupted: the last file it wrote is cut short.
		truncateSync(path.join(copied, '_app/immutable/entry/app.AbC123.js'), 5);
		expect(() => switchVerified(dir, id)).toThrow(
			/不完整，没有切换（屏幕继续显示 20250104T000000Z-dddddddddddd）：\n.*app\.AbC123\.js/
		);
		expect(currentId(dir)).toBe(ids[3]);
		cpSync(build, copied, { recursive: true }); // the copy resumed
		switchVerified(dir, id);
		expect(currentId(dir)).toBe(id);
		expect(() => switchVerified(dir, '../etc')).toThrow(/没有版本/);
	});

	test('errors read as plain Chinese, not stack traces', () => {
		const err = (code: string) =>
			Object.assign(new Error(`${code}: x`), { code, path: '/srv/x' }) as NodeJS.ErrnoException;
		expect(explain(err('ENOSPC'))).toMatch(/^磁盘空间不足（\/srv\/x）/);
		expect(explain(err('EACCES'))).toMatch(/^没有权限/);
		expect(explain(new Error('boom'))).toMatch(/^发布失败：boom/);
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
			expect(first.stdout).toContain(`已发布 ${id1}`);
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
			expect(broken.stderr).toMatch(/内容错误.*没有发布/);
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
			expect(failed.stderr).toMatch(/构建失败.*没有发布/);
			expect(currentId(releases)).toBe(id1);
			expect(dirs()).toEqual(snapshot);
		}
	);
});
