/**
 * Builds the kiosk in a scratch copy of the project, so a test or benchmark build never touches
 * the checkout's `build/` and `.svelte-kit/` that another run may be using. Used by the update and
 * nginx tests (two versions of a site) and by `npm run bench` (synthetic sites of 100-10,000 items).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const VITE = path.join(ROOT, 'node_modules/vite/bin/vite.js');
/** What a build needs from the checkout. */
const PROJECT_FILES = [
	'src',
	'static',
	'svelte.config.js',
	'vite.config.ts',
	'tsconfig.json',
	'package.json'
];

/** Copies what a build needs into `dir` (node_modules is linked, not copied). */
export function copyProject(dir: string): string {
	mkdirSync(dir, { recursive: true });
	for (const file of PROJECT_FILES) {
		const from = path.join(ROOT, file);
		if (existsSync(from)) cpSync(from, path.join(dir, file), { recursive: true });
	}
	symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
	return dir;
}

export interface ViteBuildOptions {
	/** Extra environment, e.g. CONTENT_DIR or KIOSK_PRECACHE_BUDGET_MB. */
	env?: Record<string, string>;
	/** Told about the build process (its own process group), so a caller can end it early. */
	onChild?: (child: ChildProcess) => void;
}

/**
 * Runs `vite build` in a project copy; the site lands in `<cwd>/build`. Resolves with the
 * wall-clock time and the output, rejects with the output's tail.
 */
export function viteBuild(
	cwd: string,
	{ env = {}, onChild }: ViteBuildOptions = {}
): Promise<{ ms: number; log: string }> {
	return new Promise((resolve, reject) => {
		const t0 = performance.now();
		const child = spawn(process.execPath, [VITE, 'build'], {
			cwd,
			// The caller's BUILD_DIR is for its own checkout, not this copy.
			env: {
				...process.env,
				...env,
				BUILD_DIR: 'build',
				NODE_ENV: 'production'
			},
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true
		});
		onChild?.(child);
		let log = '';
		child.stdout.on('data', (d: Buffer) => (log += d.toString()));
		child.stderr.on('data', (d: Buffer) => (log += d.toString()));
		child.on('error', reject);
		child.on('close', (code) => {
			const ms = performance.now() - t0;
			if (code === 0) resolve({ ms, log });
			else
				reject(
					new Error(`vite build failed (exit ${code}):\n${log.split('\n').slice(-25).join('\n')}`)
				);
		});
	});
}

/** Moves a finished build out of the project copy to `outDir` (replaced if it exists). */
export function takeBuild(cwd: string, outDir: string): void {
	rmSync(outDir, { recursive: true, force: true });
	mkdirSync(path.dirname(outDir), { recursive: true });
	try {
		renameSync(path.join(cwd, 'build'), outDir);
	} catch {
		// Another file system: copy instead.
		cpSync(path.join(cwd, 'build'), outDir, { recursive: true });
		rmSync(path.join(cwd, 'build'), { recursive: true, force: true });
	}
}
