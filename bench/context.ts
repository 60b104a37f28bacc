/**
 * What the benchmark modules share within one `npm run bench`: one scratch folder, the synthetic
 * content folders (generated once per size), the production builds (built once each, in a scratch
 * copy of the project so the shared `build/` and `.svelte-kit/` of the checkout are never touched)
 * and notes for the reader printed under the table.
 */
import type { ChildProcess } from 'node:child_process';
import {
	chmodSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { copyProject, takeBuild, viteBuild as buildInCopy } from '../scripts/build-site.ts';
import { generateContent } from '../scripts/gen-content.ts';
import { loadContent } from '../src/lib/server/content/load.ts';
import { resolveFile } from '../scripts/static-server.ts';

export const REPO = path.resolve(import.meta.dirname, '..');
/** The precache budget the shipped build enforces (vite.config.ts, KIOSK_PRECACHE_BUDGET_MB). */
export const PRECACHE_BUDGET_MIB = Number(process.env.KIOSK_PRECACHE_BUDGET_MB || 64);
export const SIZES = [100, 1_000, 10_000] as const;

let root: string | undefined;

/** The run's scratch folder. Readable by others: nginx workers run as www-data under root. */
export function benchDir(): string {
	if (!root) {
		root = mkdtempSync(path.join(os.tmpdir(), 'lobby-kiosk-bench-'));
		chmodSync(root, 0o755);
	}
	return root;
}

export function subDir(name: string): string {
	const dir = path.join(benchDir(), name);
	mkdirSync(dir, { recursive: true, mode: 0o755 });
	return dir;
}

/** Builds still running (a module that timed out leaves its build behind); cleanup() ends them. */
const children = new Set<ChildProcess>();

export function cleanup(): void {
	for (const child of children) {
		// Each build runs in its own process group: end vite and anything it started, by that id.
		if (child.pid && child.exitCode === null) {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				// already gone
			}
		}
	}
	children.clear();
	if (root && !process.env.BENCH_KEEP) rmSync(root, { recursive: true, force: true });
	root = undefined;
}

const notes: string[] = [];
/** A line for the reader under the table (and in results.json), e.g. a fallback that was taken. */
export function notice(line: string): void {
	notes.push(line);
	console.log(`  · ${line}`);
}
export function allNotices(): string[] {
	return [...notes];
}

// ---------------------------------------------------------------------------------------------
// Content

const synthetic = new Map<number, string>();

/**
 * The synthetic folder of `items` items (seed 1), generated on first use. Also exported to other
 * modules' child processes as BENCH_CONTENT_<items> (e.g. BENCH_CONTENT_1000).
 */
export function syntheticContent(items: number): string {
	let dir = synthetic.get(items);
	if (!dir) {
		dir = path.join(subDir('content'), `items-${items}`);
		generateContent({ items, out: dir, seed: 1 });
		synthetic.set(items, dir);
		process.env[`BENCH_CONTENT_${items}`] = dir;
	}
	return dir;
}

// ---------------------------------------------------------------------------------------------
// Builds

export interface SiteBuild {
	label: string;
	contentDir: string;
	/** The static site (what adapter-static wrote to build/). */
	dir: string;
	/** Wall-clock time of `vite build`. */
	ms: number;
	log: string;
}

let project: string | undefined;
const projectCopy = () => (project ??= copyProject(subDir('project')));

/** Runs `vite build` in a project copy; cleanup() ends it if the run stops early. */
export function viteBuild(cwd: string, env: Record<string, string>) {
	return buildInCopy(cwd, {
		env,
		onChild: (child) => {
			children.add(child);
			child.on('close', () => children.delete(child));
		}
	});
}

/** Builds the kiosk from `contentDir` and keeps the output under the run's builds/ folder. */
export async function buildSite(
	label: string,
	contentDir: string,
	env: Record<string, string> = {}
): Promise<SiteBuild> {
	const cwd = projectCopy();
	rmSync(path.join(cwd, 'build'), { recursive: true, force: true });
	const { ms, log } = await viteBuild(cwd, { ...env, CONTENT_DIR: contentDir });
	const dir = path.join(subDir('builds'), label);
	takeBuild(cwd, dir);
	return { label, contentDir, dir, ms, log };
}

/** Synthetic builds lift the precache budget so the build finishes and its size can be printed. */
export const SYNTHETIC_BUILD_ENV = { KIOSK_PRECACHE_BUDGET_MB: '100000' };

const syntheticBuilds = new Map<number, Promise<SiteBuild>>();
export function syntheticBuild(items: number): Promise<SiteBuild> {
	let b = syntheticBuilds.get(items);
	if (!b) {
		b = buildSite(`items-${items}`, syntheticContent(items), SYNTHETIC_BUILD_ENV);
		syntheticBuilds.set(items, b);
	}
	return b;
}

let site: Promise<SiteBuild> | undefined;

/**
 * The site the browser modules measure: the repository's own content/ as an office would ship
 * it. If content/ does not validate (it is being edited), the 1,000-item synthetic build stands in
 * and a note says so.
 */
export function siteBuild(): Promise<SiteBuild> {
	site ??= (async () => {
		const content = path.join(REPO, 'content');
		const { problems } = loadContent(content);
		const errors = problems.filter((p) => p.severity === 'error');
		if (errors.length === 0) return buildSite('content', content);
		notice(
			`content/ has ${errors.length} validation error(s); page weight, render, Lighthouse and fleet use the 1,000-item synthetic site instead`
		);
		return syntheticBuild(1_000);
	})();
	return site;
}

/** The path of one guide page in a build, preferring a well-known one for comparable figures. */
export function guidePath(buildDir: string): string {
	const dir = path.join(buildDir, 'guides');
	const pages = existsSync(dir)
		? readdirSync(dir)
				.filter((f) => f.endsWith('.html'))
				.sort()
		: [];
	const preferred = ['radio-station-license.html', 'radio-station.html'].find((p) =>
		pages.includes(p)
	);
	const page = preferred ?? pages[0];
	if (!page) throw new Error(`no guide page in ${buildDir}`);
	return `/guides/${page.slice(0, -'.html'.length)}`;
}

// ---------------------------------------------------------------------------------------------
// Reading a build

export interface Precache {
	entries: number;
	bytes: number;
	/** Entries whose file was not found in the build (counted, not sized). */
	unresolved: string[];
}

/**
 * The service worker's precache list, read from the generated `sw.js` (Workbox inlines the
 * manifest as `{url:"…",revision:…}` objects), and the bytes those URLs occupy in the build.
 */
export function precacheOf(buildDir: string): Precache | null {
	const sw = path.join(buildDir, 'sw.js');
	if (!existsSync(sw)) return null;
	const source = readFileSync(sw, 'utf8');
	const re = /\{\s*"?url"?\s*:\s*"((?:[^"\\]|\\.)*)"\s*,\s*"?revision"?\s*:/g;
	const urls = [...source.matchAll(re)].map((m) => JSON.parse(`"${m[1]}"`) as string);
	let bytes = 0;
	const unresolved: string[] = [];
	for (const url of urls) {
		const file = resolveFile(buildDir, '/' + url.replace(/^\.\/?/, ''));
		if (file) bytes += statSync(file).size;
		else unresolved.push(url);
	}
	return { entries: urls.length, bytes, unresolved };
}

export interface FileSize {
	files: { file: string; raw: number; gzip: number }[];
	raw: number;
	gzip: number;
}

/** JSON files in the build whose name says "search" (the prerendered search index). */
export function searchIndexOf(buildDir: string): FileSize | null {
	const found: string[] = [];
	const walk = (dir: string) => {
		for (const e of readdirSync(dir, { withFileTypes: true })) {
			const abs = path.join(dir, e.name);
			if (e.isDirectory()) {
				if (e.name !== 'guides' && e.name !== 'disclosure' && e.name !== 'notices') walk(abs);
			} else if (
				/search/i.test(path.relative(buildDir, abs)) &&
				/\.json$/.test(e.name) &&
				e.name !== '__data.json'
			) {
				found.push(abs);
			}
		}
	};
	walk(buildDir);
	if (found.length === 0) return null;
	const files = found.sort().map((f) => {
		const bytes = readFileSync(f);
		return {
			file: path.relative(buildDir, f),
			raw: bytes.length,
			gzip: gzipSync(bytes, { level: 6 }).length
		};
	});
	return {
		files,
		raw: files.reduce((s, f) => s + f.raw, 0),
		gzip: files.reduce((s, f) => s + f.gzip, 0)
	};
}

/** Every file in a build: count and bytes, for information. */
export function buildSizeOf(buildDir: string): { files: number; html: number; bytes: number } {
	let files = 0;
	let html = 0;
	let bytes = 0;
	for (const e of readdirSync(buildDir, { recursive: true, withFileTypes: true })) {
		if (!e.isFile()) continue;
		files++;
		if (e.name.endsWith('.html')) html++;
		bytes += statSync(path.join(e.parentPath, e.name)).size;
	}
	return { files, html, bytes };
}

// ---------------------------------------------------------------------------------------------
// Formatting helpers for notes

export const KiB = 1024;
export const MiB = 1024 * 1024;
export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
export const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
