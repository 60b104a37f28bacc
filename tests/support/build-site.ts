/**
 * Builds the kiosk into a folder of its own. The build runs in a scratch copy of the project so
 * that it never touches the shared `build/` and `.svelte-kit/` folders other runs may be using.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PROJECT_FILES = [
	'src',
	'static',
	'svelte.config.js',
	'vite.config.ts',
	'tsconfig.json',
	'package.json'
];

export interface BuildOptions {
	/** Content folder to build from (CONTENT_DIR). */
	contentDir: string;
	/** Where the static site ends up; replaced if it exists. */
	outDir: string;
	env?: Record<string, string>;
}

export function buildSite({ contentDir, outDir, env = {} }: BuildOptions): void {
	const work = mkdtempSync(path.join(os.tmpdir(), 'kiosk-build-'));
	try {
		for (const file of PROJECT_FILES) {
			if (existsSync(path.join(ROOT, file))) {
				cpSync(path.join(ROOT, file), path.join(work, file), { recursive: true });
			}
		}
		symlinkSync(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'), 'dir');
		const result = spawnSync(
			path.join(ROOT, 'node_modules/.bin/vite'),
			['build', '--logLevel', 'warn'],
			{
				cwd: work,
				env: { ...process.env, ...env, CONTENT_DIR: path.resolve(contentDir) },
				encoding: 'utf8'
			}
		);
		if (result.status !== 0) {
			throw new Error(`vite build failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
		}
		rmSync(outDir, { recursive: true, force: true });
		mkdirSync(path.dirname(outDir), { recursive: true });
		// Copied, not renamed: the destination may be on another file system.
		cpSync(path.join(work, 'build'), outDir, { recursive: true });
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}
