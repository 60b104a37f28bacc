/**
 * `npm run release`: checks the content, builds the site, copies the build into a new folder
 * RELEASES_DIR/<time>-<content hash>/ and then points RELEASES_DIR/current (what the web server
 * serves) at it in one atomic step. A terminal sees the old release or the new one, never a mix.
 *
 *   npm run release                 publish a new release from CONTENT_DIR (default ./content)
 *   npm run release -- --rollback   switch `current` back to the release before it
 *   npm run release -- --list       show the releases kept and which one is current
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
	lstatSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	readlinkSync,
	renameSync,
	rmSync,
	symlinkSync,
	unlinkSync,
	writeFileSync
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { contentDir, formatProblem, loadContent } from '../src/lib/server/content/index.ts';

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
			throw new ReleaseError(`${link} is not a symlink; move it away and release again`);
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
	if (!listReleaseIds(dir).includes(id)) throw new ReleaseError(`no release ${id} in ${dir}`);
	const temp = path.join(dir, `.${CURRENT}-${process.pid}`);
	rmSync(temp, { force: true });
	// Relative, so the releases folder can be moved or mounted elsewhere.
	symlinkSync(id, temp);
	renameSync(temp, path.join(dir, CURRENT));
}

/** Switches `current` to the release before it; returns [from, to]. */
export function rollback(dir: string): [string, string] {
	const ids = listReleaseIds(dir);
	const from = currentId(dir);
	if (!from) throw new ReleaseError(`nothing to roll back: ${dir} has no current release`);
	const index = ids.indexOf(from);
	if (index < 1) {
		throw new ReleaseError(
			`no release older than ${from} is kept in ${dir}; nothing to roll back to`
		);
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
	// Leftovers of a release that was interrupted half-way through copying.
	for (const name of readdirSync(dir)) {
		if (name.startsWith('.incoming-'))
			rmSync(path.join(dir, name), { recursive: true, force: true });
	}
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

/**
 * Copies a finished build into the releases folder under `info.id` and makes it current. The
 * previous release's hashed files are copied along, so a terminal that loaded a page of it a
 * moment before the switch still finds the scripts that page asks for next.
 */
export function publish(
	dir: string,
	buildDir: string,
	info: Omit<ReleaseInfo, 'immutable'>,
	keep: number
): ReleaseInfo {
	mkdirSync(dir, { recursive: true, mode: 0o755 });
	if (existsSync(path.join(dir, info.id)))
		throw new ReleaseError(`release ${info.id} exists already`);
	const incoming = path.join(dir, `.incoming-${info.id}`);
	rmSync(incoming, { recursive: true, force: true });
	cpSync(buildDir, incoming, { recursive: true });

	const release: ReleaseInfo = { ...info, immutable: filesUnder(path.join(incoming, IMMUTABLE)) };
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
	writeFileSync(path.join(incoming, RELEASE_FILE), JSON.stringify(release, null, '\t') + '\n');
	makeReadable(incoming);
	// Only a complete folder ever gets a release name.
	renameSync(incoming, path.join(dir, info.id));
	switchCurrent(dir, info.id);
	prune(dir, keep);
	return release;
}

/** One release at a time: two editors publishing at once would overwrite each other's build. */
export function withLock<T>(dir: string, fn: () => T): T {
	mkdirSync(dir, { recursive: true });
	const lock = path.join(dir, '.release.lock');
	const take = () => writeFileSync(lock, String(process.pid), { flag: 'wx' });
	try {
		take();
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
		const holder = Number(readFileSync(lock, 'utf8'));
		let alive = false;
		try {
			process.kill(holder, 0);
			alive = true;
		} catch {
			// The process that held the lock is gone (crash, Ctrl-C): the lock is stale.
		}
		if (alive)
			throw new ReleaseError(`another release (process ${holder}) is running; try again later`);
		unlinkSync(lock);
		take();
	}
	try {
		return fn();
	} finally {
		rmSync(lock, { force: true });
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
	if (!existsSync(file)) throw new ReleaseError(`the build has no ${file}`);
	const { contentVersion: version = {} } = JSON.parse(readFileSync(file, 'utf8')) as {
		contentVersion?: Partial<ReleaseInfo['content']>;
	};
	if (!version.hash || !version.loadedAt) {
		throw new ReleaseError(`${file} does not name a content version`);
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
				`${errors.length} content error${errors.length === 1 ? '' : 's'} in ${contentDir}: nothing was released; the screens keep showing ${currentId(releasesDir) ?? 'nothing'}`
			);
		}

		// 2. Build (the build checks links and media again and fails on any problem).
		console.log(`Building content ${content.version.hash} from ${contentDir} …`);
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
				`the build failed: nothing was released; the screens keep showing ${currentId(releasesDir) ?? 'nothing'}`
			);
		}
		const built = builtContentVersion(buildDir);
		if (built.hash !== content.version.hash) {
			throw new ReleaseError(
				`the build carries content ${built.hash}, not the checked ${content.version.hash} (content changed during the build?); nothing was released`
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
	if (ids.length === 0) console.log(`No releases in ${dir} yet.`);
	for (const id of [...ids].reverse()) {
		const info = readRelease(dir, id);
		const content = info ? `content ${info.content.hash} of ${info.content.loadedAt}` : '';
		console.log(`${id === current ? '→' : ' '} ${id}  ${content}`);
	}
}

function main(): void {
	const { values } = parseArgs({
		options: {
			rollback: { type: 'boolean', default: false },
			list: { type: 'boolean', default: false },
			dir: { type: 'string' },
			keep: { type: 'string' }
		}
	});
	const root = process.cwd();
	const releasesDir = path.resolve(values.dir ?? process.env.RELEASES_DIR ?? 'releases');
	const keep = Number(values.keep ?? process.env.KEEP_RELEASES ?? 5);
	if (!Number.isInteger(keep) || keep < 2) {
		throw new ReleaseError(
			'--keep / KEEP_RELEASES must be a whole number of at least 2 (one to roll back to)'
		);
	}

	if (values.list) return printList(releasesDir);
	if (values.rollback) {
		const [from, to] = withLock(releasesDir, () => rollback(releasesDir));
		console.log(`✓ Rolled back: ${path.join(releasesDir, CURRENT)} → ${to} (was ${from}).`);
		console.log('  Terminals take it up at their next update check, like any new release.');
		return;
	}
	const info = release({ root, releasesDir, contentDir: contentDir(), keep });
	console.log(`✓ Released ${info.id}: ${path.join(releasesDir, CURRENT)} → ${info.id}`);
	console.log(
		`  Content ${info.content.hash} (${info.content.loadedAt}), app ${info.app.version}.`
	);
	console.log(
		'  Terminals take it up at their next update check. Undo: npm run release -- --rollback'
	);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	try {
		main();
	} catch (e) {
		if (!(e instanceof ReleaseError)) throw e;
		console.error(`✗ ${e.message}`);
		process.exit(1);
	}
}
