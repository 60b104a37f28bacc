/**
 * `npm run release`: checks the content, builds the site, copies the build into a new folder
 * RELEASES_DIR/<time>-<content hash>/ and then points RELEASES_DIR/current (what the web server
 * serves) at it in one atomic step. A terminal sees the old release or the new one, never a mix.
 *
 *   npm run release                 publish a new release from CONTENT_DIR (default ./content)
 *   npm run release -- --rollback   switch `current` back to the release before it
 *   npm run release -- --list       show the releases kept and which one is current
 *   npm run release -- --verify DIR check a build or release folder copied by other means (rsync):
 *                                   every file of the worker's precache list, with its hash
 *   npm run release -- --switch ID  point `current` at a release copied by other means, after the
 *                                   same check
 *
 * RELEASES_DIR (default ./releases) and KEEP_RELEASES (default 5, plus the current one) configure
 * it; `--dir <path>` and `--keep <n>` do the same on the command line.
 */
import { spawnSync } from 'node:child_process';
import {
	chmodSync,
	copyFileSync,
	cpSync,
	existsSync,
	linkSync,
	lstatSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	readlinkSync,
	renameSync,
	rmSync,
	statfsSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { contentDir, formatProblem, loadContent } from '../src/lib/server/content/index.ts';
import { verifyCommand, verifyRelease } from './verify-release.ts';

export const CURRENT = 'current';
const RELEASE_FILE = 'release.json';
const IMMUTABLE = '_app/immutable';
const ID_PATTERN = /^\d{8}T\d{6}Z-[0-9a-f]+$/;

export interface ReleaseInfo {
	id: string;
	createdAt: string;
	/** The content version this build carries (status screen, site.json). */
	content: { hash: string; loadedAt: string };
	app: { version: string; kitVersion: string; commit: string | null };
	/** Files under _app/immutable/ this build made (earlier releases' files may be kept beside them). */
	immutable: string[];
}

export class ReleaseError extends Error {}

// ---------------------------------------------------------------------------------------------
// The releases folder

/** Release ids, oldest first (ids start with a UTC timestamp, so names sort by time). */
export function listReleaseIds(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((name) => ID_PATTERN.test(name) && lstatSync(path.join(dir, name)).isDirectory())
		.sort();
}

export function readRelease(dir: string, id: string): ReleaseInfo | null {
	const file = path.join(dir, id, RELEASE_FILE);
	return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ReleaseInfo) : null;
}

/** The id `current` points at, or null before the first release. */
export function currentId(dir: string): string | null {
	const link = path.join(dir, CURRENT);
	try {
		if (!lstatSync(link).isSymbolicLink()) {
			throw new ReleaseError(`${link} 不是符号链接：请把它移走，再发布一次。`);
		}
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw e;
	}
	return path.basename(readlinkSync(link));
}

/**
 * Points `current` at `id` atomically: a new symlink under a temporary name is renamed over the
 * old one (rename(2) replaces it in one step), so the web server never finds `current` missing.
 */
export function switchCurrent(dir: string, id: string): void {
	if (!listReleaseIds(dir).includes(id)) throw new ReleaseError(`${dir} 中没有版本 ${id}。`);
	const temp = path.join(dir, `.${CURRENT}-${process.pid}`);
	rmSync(temp, { force: true });
	// Relative, so the releases folder can be moved or mounted elsewhere.
	symlinkSync(id, temp);
	renameSync(temp, path.join(dir, CURRENT));
}

/**
 * Points `current` at a release folder that was copied by other means (rsync from a build PC),
 * after checking it against its worker's integrity list: a half-copied folder is never switched to.
 */
export function switchVerified(dir: string, id: string): void {
	if (!ID_PATTERN.test(id) || !listReleaseIds(dir).includes(id)) {
		throw new ReleaseError(`${dir} 中没有版本 ${id}（版本名形如 20260301T080000Z-3fa1c2d4e5f6）。`);
	}
	const problems = verifyRelease(path.join(dir, id));
	if (problems.length > 0) {
		throw new ReleaseError(
			`${id} 不完整，没有切换（屏幕继续显示 ${currentId(dir) ?? '原来的内容'}）：\n` +
				problems
					.slice(0, 20)
					.map((p) => `  ${p}`)
					.join('\n') +
				'\n  请重新完整复制一次（rsync 可以续传），再切换。'
		);
	}
	switchCurrent(dir, id);
}

/** Switches `current` to the release before it; returns [from, to]. */
export function rollback(dir: string): [string, string] {
	const ids = listReleaseIds(dir);
	const from = currentId(dir);
	if (!from) throw new ReleaseError(`无法回退：${dir} 中还没有正在使用的版本。`);
	const index = ids.indexOf(from);
	if (index < 1) {
		throw new ReleaseError(`无法回退：${dir} 中没有保留比 ${from} 更早的版本。`);
	}
	const to = ids[index - 1]!;
	switchCurrent(dir, to);
	return [from, to];
}

/** Deletes all but the newest `keep` releases, never the current one; returns what was deleted. */
export function prune(dir: string, keep: number): string[] {
	const current = currentId(dir);
	const ids = listReleaseIds(dir);
	const doomed = ids.slice(0, Math.max(0, ids.length - keep)).filter((id) => id !== current);
	for (const id of doomed) rmSync(path.join(dir, id), { recursive: true, force: true });
	cleanLeftovers(dir);
	return doomed;
}

/** nginx runs as another user (www-data): whatever the publisher's umask, it must read a release. */
function makeReadable(dir: string): void {
	chmodSync(dir, 0o755);
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const child = path.join(dir, entry.name);
		if (entry.isDirectory()) makeReadable(child);
		else if (entry.isFile()) chmodSync(child, 0o644);
	}
}

function filesUnder(root: string, rel = ''): string[] {
	const dir = path.join(root, rel);
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const child = rel ? `${rel}/${entry.name}` : entry.name;
		return entry.isDirectory() ? filesUnder(root, child) : [child];
	});
}

/** Removes what an interrupted release left behind (a half-copied folder, a temporary link). */
export function cleanLeftovers(dir: string): string[] {
	const left = readdirSync(dir).filter(
		(name) => name.startsWith('.incoming-') || name.startsWith(`.${CURRENT}-`)
	);
	for (const name of left) rmSync(path.join(dir, name), { recursive: true, force: true });
	return left;
}

function megabytes(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function sizeOf(root: string): number {
	return filesUnder(root).reduce((sum, file) => sum + lstatSync(path.join(root, file)).size, 0);
}

function freeBytes(dir: string): number | null {
	try {
		const fs = statfsSync(dir);
		return fs.bavail * fs.bsize;
	} catch {
		return null;
	}
}

/** The copy step, replaceable in tests (a full disk is simulated there). */
export type CopyTree = (from: string, to: string) => void;
const copyTree: CopyTree = (from, to) => cpSync(from, to, { recursive: true });

/**
 * Copies a finished build into the releases folder under `info.id` and makes it current. The
 * previous release's hashed files are copied along, so a terminal that loaded a page of it a
 * moment before the switch still finds the scripts that page asks for next.
 *
 * Called under the lock. Leftovers of an interrupted release are removed and old releases pruned
 * first, so the copy has the room they took; the copy is checked against the worker's integrity
 * list before `current` moves. A full disk or a failed check leaves `current` as it was.
 */
export function publish(
	dir: string,
	buildDir: string,
	info: Omit<ReleaseInfo, 'immutable'>,
	keep: number,
	copy: CopyTree = copyTree
): ReleaseInfo {
	mkdirSync(dir, { recursive: true, mode: 0o755 });
	if (existsSync(path.join(dir, info.id)))
		throw new ReleaseError(`版本 ${info.id} 已经存在，没有发布新版本。`);
	cleanLeftovers(dir);
	// One place is needed for the new release: make it before copying.
	prune(dir, Math.max(1, keep - 1));
	const incoming = path.join(dir, `.incoming-${info.id}`);
	let release: ReleaseInfo;
	try {
		copy(buildDir, incoming);
		release = { ...info, immutable: filesUnder(path.join(incoming, IMMUTABLE)) };
		const previous = currentId(dir);
		const carried = previous ? (readRelease(dir, previous)?.immutable ?? []) : [];
		for (const file of carried) {
			const from = path.join(dir, previous!, IMMUTABLE, file);
			const to = path.join(incoming, IMMUTABLE, file);
			if (existsSync(from) && !existsSync(to)) {
				mkdirSync(path.dirname(to), { recursive: true });
				copyFileSync(from, to);
			}
		}
		// Urgent news published with `npm run alert` stays up across a release.
		const alerts = previous ? path.join(dir, previous, 'alerts.json') : null;
		if (alerts && existsSync(alerts)) copyFileSync(alerts, path.join(incoming, 'alerts.json'));
		writeFileSync(path.join(incoming, RELEASE_FILE), JSON.stringify(release, null, '\t') + '\n');
		makeReadable(incoming);
	} catch (e) {
		rmSync(incoming, { recursive: true, force: true });
		if ((e as NodeJS.ErrnoException).code === 'ENOSPC') {
			const free = freeBytes(dir);
			throw new ReleaseError(
				`磁盘空间不足：${dir} 所在的磁盘放不下新版本（约需 ${megabytes(sizeOf(buildDir))}` +
					`${free === null ? '' : `，现剩 ${megabytes(free)}`}）。没有发布新版本，屏幕继续显示 ` +
					`${currentId(dir) ?? '原来的内容'}。请清理磁盘，或用 KEEP_RELEASES 少保留几个旧版本，再发布一次。`
			);
		}
		throw e;
	}
	// A release that does not match its worker's integrity list would fail on every terminal.
	const problems = verifyRelease(incoming);
	if (problems.length > 0) {
		rmSync(incoming, { recursive: true, force: true });
		throw new ReleaseError(
			`复制出的新版本不完整，没有发布：\n${problems.map((p) => `  ${p}`).join('\n')}`
		);
	}
	// Only a complete folder ever gets a release name.
	renameSync(incoming, path.join(dir, info.id));
	switchCurrent(dir, info.id);
	prune(dir, keep);
	return release;
}

// ---------------------------------------------------------------------------------------------
// The lock

const LOCK = '.release.lock';

/** Who holds the release lock: a process, named so that a reused process id does not match. */
export interface LockHolder {
	pid: number;
	/** The process's start time (clock ticks since boot, /proc/<pid>/stat field 22), or null off Linux. */
	start: string | null;
	/** The boot the process ran in (/proc/sys/kernel/random/boot_id), or null off Linux. */
	boot: string | null;
}

function readProc(file: string): string | null {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return null;
	}
}

/** A process's start time, or null when it does not exist (or /proc is not there). */
export function processStart(pid: number): string | null {
	const stat = readProc(`/proc/${pid}/stat`);
	if (stat === null) return null;
	// The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return fields[19] ?? null;
}

function bootId(): string | null {
	return readProc('/proc/sys/kernel/random/boot_id')?.trim() ?? null;
}

export function lockHolder(pid = process.pid): LockHolder {
	return { pid, start: processStart(pid), boot: bootId() };
}

/** The holder a lock file names, or null when the file is empty or not a lock we wrote. */
export function parseLock(text: string): LockHolder | null {
	try {
		const value = JSON.parse(text) as Partial<LockHolder>;
		if (!Number.isInteger(value.pid) || (value.pid ?? 0) < 1) return null;
		return {
			pid: value.pid!,
			start: typeof value.start === 'string' ? value.start : null,
			boot: typeof value.boot === 'string' ? value.boot : null
		};
	} catch {
		return null;
	}
}

/**
 * Whether the process a lock names is still the one that took it: alive, in this boot, and
 * started when the lock says (a process id is reused after its process ended).
 */
export function holderAlive(holder: LockHolder): boolean {
	const boot = bootId();
	if (holder.boot && boot && holder.boot !== boot) return false;
	const start = processStart(holder.pid);
	if (start !== null || holder.start !== null) return start !== null && start === holder.start;
	// No /proc (not Linux): whether the id exists is all there is to know.
	try {
		process.kill(holder.pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * One release at a time: two editors publishing at once would overwrite each other's build.
 *
 * The lock file is written in full under a private name and then hard-linked into place, so it
 * never exists empty. A lock that is empty or unreadable anyway (an older version, a full disk),
 * or that names a process which has ended, is stale and taken over.
 */
export function withLock<T>(dir: string, fn: () => T): T {
	mkdirSync(dir, { recursive: true, mode: 0o755 });
	const lock = path.join(dir, LOCK);
	const mine = JSON.stringify(lockHolder());
	const temp = path.join(dir, `${LOCK}.${process.pid}`);
	const take = (): boolean => {
		try {
			writeFileSync(temp, mine);
			linkSync(temp, lock);
			return true;
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
			throw e;
		} finally {
			rmSync(temp, { force: true });
		}
	};
	let taken = take();
	for (let attempt = 0; !taken && attempt < 3; attempt++) {
		const text = readProc(lock);
		if (text === null) {
			taken = take(); // released in between
			continue;
		}
		const holder = parseLock(text);
		if (holder && holderAlive(holder)) {
			throw new ReleaseError(
				`另一次发布（进程 ${holder.pid}）正在进行，请稍后再试。` +
					`如果确认没有发布在进行，可删除 ${lock} 后重试。`
			);
		}
		// Stale: moved aside under a private name first, so that of two processes finding the same
		// stale lock only one removes it; the other then finds the new lock (or none) and retries.
		const aside = path.join(dir, `${LOCK}.stale-${process.pid}`);
		try {
			renameSync(lock, aside);
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
		}
		const moved = readProc(aside);
		rmSync(aside, { force: true });
		if (moved !== null && moved !== text) {
			// Another process took the lock between our read and our rename: put its lock back.
			writeFileSync(temp, moved);
			try {
				linkSync(temp, lock);
			} finally {
				rmSync(temp, { force: true });
			}
			continue;
		}
		taken = take();
	}
	if (!taken) throw new ReleaseError(`无法取得发布锁 ${lock}：另一次发布刚刚开始，请稍后再试。`);
	try {
		return fn();
	} finally {
		// Only our own lock: never one that another process took over meanwhile.
		if (readProc(lock) === mine) rmSync(lock, { force: true });
	}
}

// ---------------------------------------------------------------------------------------------
// Building

function timestamp(date: Date): string {
	return date
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d+Z$/, 'Z');
}

function gitCommit(cwd: string): string | null {
	const head = spawnSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd, encoding: 'utf8' });
	if (head.status !== 0) return null;
	const dirty = spawnSync('git', ['status', '--porcelain'], { cwd, encoding: 'utf8' });
	return head.stdout.trim() + (dirty.stdout.trim() ? '-modified' : '');
}

/** The content version the build carries: build/site.json (a prerendered route). */
export function builtContentVersion(buildDir: string): ReleaseInfo['content'] {
	const file = path.join(buildDir, 'site.json');
	if (!existsSync(file)) throw new ReleaseError(`构建结果中缺少 ${file}。`);
	const { contentVersion: version = {} } = JSON.parse(readFileSync(file, 'utf8')) as {
		contentVersion?: Partial<ReleaseInfo['content']>;
	};
	if (!version.hash || !version.loadedAt) {
		throw new ReleaseError(`${file} 中没有内容版本号。`);
	}
	return { hash: version.hash, loadedAt: version.loadedAt };
}

export interface ReleaseOptions {
	/** The project to build (where package.json and node_modules are). */
	root: string;
	releasesDir: string;
	contentDir: string;
	keep: number;
}

export function release({ root, releasesDir, contentDir, keep }: ReleaseOptions): ReleaseInfo {
	return withLock(releasesDir, () => {
		// 1. Content first: a broken file stops everything before a single file is built or moved.
		const { content, problems } = loadContent(contentDir);
		const errors = problems.filter((p) => p.severity === 'error');
		for (const p of problems) console.log(formatProblem(p));
		if (!content || errors.length > 0) {
			throw new ReleaseError(
				`${contentDir} 中有 ${errors.length} 处内容错误（见上），没有发布；屏幕继续显示 ${currentId(releasesDir) ?? '原来的内容'}。`
			);
		}

		// 2. Build (the build checks links and media again and fails on any problem).
		console.log(`正在构建 ${contentDir} 的内容 ${content.version.hash} ……`);
		const buildDir = path.resolve(root, process.env.BUILD_DIR || 'build');
		rmSync(buildDir, { recursive: true, force: true });
		const vite = spawnSync(
			path.join(root, 'node_modules/.bin/vite'),
			['build', '--logLevel', 'warn'],
			{
				cwd: root,
				env: { ...process.env, CONTENT_DIR: contentDir },
				stdio: 'inherit'
			}
		);
		if (vite.status !== 0 || !existsSync(path.join(buildDir, 'index.html'))) {
			throw new ReleaseError(
				`构建失败（见上），没有发布；屏幕继续显示 ${currentId(releasesDir) ?? '原来的内容'}。`
			);
		}
		const built = builtContentVersion(buildDir);
		if (built.hash !== content.version.hash) {
			throw new ReleaseError(
				`构建出的内容版本是 ${built.hash}，不是检查过的 ${content.version.hash}（构建期间内容被改动了？），没有发布。`
			);
		}

		// 3. Publish and switch.
		const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
			version: string;
		};
		const kit = JSON.parse(readFileSync(path.join(buildDir, '_app/version.json'), 'utf8')) as {
			version: string;
		};
		const now = new Date();
		return publish(
			releasesDir,
			buildDir,
			{
				id: `${timestamp(now)}-${built.hash}`,
				createdAt: now.toISOString(),
				content: built,
				app: { version: pkg.version, kitVersion: kit.version, commit: gitCommit(root) }
			},
			keep
		);
	});
}

// ---------------------------------------------------------------------------------------------
// Command line

function printList(dir: string): void {
	const current = currentId(dir);
	const ids = listReleaseIds(dir);
	if (ids.length === 0) console.log(`${dir} 中还没有版本。`);
	for (const id of [...ids].reverse()) {
		const info = readRelease(dir, id);
		const content = info ? `内容 ${info.content.hash}（${info.content.loadedAt}）` : '';
		console.log(`${id === current ? '→' : ' '} ${id}  ${content}`);
	}
}

/** A failure in words an editor understands, never a stack trace. */
export function explain(e: unknown): string {
	if (e instanceof ReleaseError) return e.message;
	const err = e as NodeJS.ErrnoException;
	const where = err.path ? `（${err.path}）` : '';
	switch (err.code) {
		case 'ENOSPC':
			return `磁盘空间不足${where}：没有发布。请清理磁盘，或用 KEEP_RELEASES 少保留几个旧版本，再发布一次。`;
		case 'EDQUOT':
			return `磁盘配额已用完${where}：没有发布。请清理文件后再发布一次。`;
		case 'EACCES':
		case 'EPERM':
			return `没有权限${where}：请用发布账号运行，或请管理员检查文件夹的权限。`;
		case 'EROFS':
			return `磁盘是只读的${where}：没有发布。请管理员检查磁盘。`;
		case 'ENOENT':
			return `找不到文件或文件夹${where}：请检查 RELEASES_DIR、CONTENT_DIR 的设置。`;
		default:
			return `发布失败：${err.message ?? String(e)}（加上 DEBUG=1 再运行可看到详细信息）`;
	}
}

function main(): void {
	const { values } = parseArgs({
		options: {
			rollback: { type: 'boolean', default: false },
			list: { type: 'boolean', default: false },
			verify: { type: 'string' },
			switch: { type: 'string' },
			dir: { type: 'string' },
			keep: { type: 'string' }
		}
	});
	const root = process.cwd();
	const releasesDir = path.resolve(values.dir ?? process.env.RELEASES_DIR ?? 'releases');
	const keep = Number(values.keep ?? process.env.KEEP_RELEASES ?? 5);
	if (!Number.isInteger(keep) || keep < 2) {
		throw new ReleaseError(
			'--keep / KEEP_RELEASES 必须是不小于 2 的整数（至少留一个可以回退的版本）。'
		);
	}

	if (values.list) return printList(releasesDir);
	if (values.verify !== undefined) {
		process.exitCode = verifyCommand(path.resolve(values.verify));
		return;
	}
	if (values.switch !== undefined) {
		const id = values.switch;
		withLock(releasesDir, () => switchVerified(releasesDir, id));
		console.log(`✓ 已切换：${path.join(releasesDir, CURRENT)} → ${id}（文件完整，校验一致）。`);
		console.log('  终端在下次检查更新时换用这个版本。撤销：npm run release -- --rollback');
		return;
	}
	if (values.rollback) {
		const [from, to] = withLock(releasesDir, () => rollback(releasesDir));
		console.log(`✓ 已回退：${path.join(releasesDir, CURRENT)} → ${to}（原为 ${from}）。`);
		console.log('  终端在下次检查更新时换用这个版本，和发布新版本一样。');
		return;
	}
	const info = release({ root, releasesDir, contentDir: contentDir(), keep });
	console.log(`✓ 已发布 ${info.id}：${path.join(releasesDir, CURRENT)} → ${info.id}`);
	console.log(
		`  内容 ${info.content.hash}（${info.content.loadedAt}），程序 ${info.app.version}。`
	);
	console.log('  终端在下次检查更新时换用新版本。撤销：npm run release -- --rollback');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	try {
		main();
	} catch (e) {
		console.error(`✗ ${explain(e)}`);
		// The stack trace is for whoever maintains the app, on request.
		if (!(e instanceof ReleaseError) && process.env.DEBUG) console.error(e);
		process.exit(1);
	}
}
