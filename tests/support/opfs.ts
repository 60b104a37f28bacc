/**
 * A content folder in the browser's Origin Private File System, standing in for the folder an
 * editor picks in the CMS: a headless browser cannot answer the real directory picker.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

/** Every file under `dir` as base64, by its `/`-separated path. */
export function folderFiles(dir: string): Record<string, string> {
	const out: Record<string, string> = {};
	const walk = (d: string) => {
		for (const name of readdirSync(d)) {
			const full = path.join(d, name);
			if (statSync(full).isDirectory()) {
				if (name !== '.git') walk(full);
			} else
				out[path.relative(dir, full).split(path.sep).join('/')] =
					readFileSync(full).toString('base64');
		}
	};
	walk(dir);
	return out;
}

/**
 * Before any page script: copies `files` into OPFS folder `repo` (with a `.git` folder, which the
 * CMS asks for) once, and makes the directory picker answer with that folder.
 */
export async function seedPicker(page: Page, files: Record<string, string>): Promise<void> {
	await page.addInitScript((files: Record<string, string>) => {
		const ready = (async () => {
			const root = await navigator.storage.getDirectory();
			const names: string[] = [];
			for await (const name of (root as unknown as { keys(): AsyncIterable<string> }).keys())
				names.push(name);
			if (names.includes('repo')) return root.getDirectoryHandle('repo');
			const repo = await root.getDirectoryHandle('repo', { create: true });
			await repo.getDirectoryHandle('.git', { create: true });
			for (const [file, b64] of Object.entries(files)) {
				const parts = file.split('/');
				let dir = repo;
				for (const part of parts.slice(0, -1))
					dir = await dir.getDirectoryHandle(part, { create: true });
				const handle = await dir.getFileHandle(parts.at(-1)!, { create: true });
				const writable = await handle.createWritable();
				await writable.write(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
				await writable.close();
			}
			return repo;
		})();
		(
			window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }
		).showDirectoryPicker = () => ready;
	}, files);
}

/** The text of `file` inside the OPFS folder, or null. */
export async function readSeeded(page: Page, file: string): Promise<string | null> {
	return page.evaluate(async (file) => {
		try {
			let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('repo');
			const parts = file.split('/');
			for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part);
			return await (await (await dir.getFileHandle(parts.at(-1)!)).getFile()).text();
		} catch {
			return null;
		}
	}, file);
}

/** File names in `folder` of the OPFS folder. */
export async function listSeeded(page: Page, folder: string): Promise<string[]> {
	return page.evaluate(async (folder) => {
		let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('repo');
		for (const part of folder.split('/')) dir = await dir.getDirectoryHandle(part);
		const names: string[] = [];
		for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys())
			// Not the CMS's temporary file (`.sveltia-tmp-…`), which a save writes, then renames.
			if (!name.startsWith('.')) names.push(name);
		return names.sort();
	}, folder);
}
