/**
 * Read step of the loader: which files make up the content folder, and their text.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ContentProblem } from './errors.ts';

/** The folders of one-file-per-item collections, with the extensions each reads. */
export const COLLECTION_FOLDERS = {
	guides: { folder: 'guides', extensions: ['.md'] },
	processes: { folder: 'processes', extensions: ['.md'] },
	disclosures: { folder: 'disclosure', extensions: ['.md'] },
	notices: { folder: 'notices', extensions: ['.md'] },
	services: { folder: 'services', extensions: ['.yaml', '.yml'] }
} as const;
export type CollectionKey = keyof typeof COLLECTION_FOLDERS;

export interface SourceFile {
	abs: string;
	/** Path inside the content folder, with `/`, e.g. `guides/x.md`. */
	rel: string;
	/** Editor-facing path, for messages and the status screen. */
	shown: string;
	text: string;
}

export interface ContentFiles {
	site: SourceFile | null;
	collections: Record<CollectionKey, SourceFile[]>;
	/** Files directly in `bulletins/` (screens.yaml, closures.yaml, or mistakes). */
	bulletins: SourceFile[];
	playlists: SourceFile[];
	/** `media/…` paths present in the content folder. */
	media: string[];
}

/** Shown as `content/…` when the folder is inside the working directory, else absolute. */
export function displayPath(file: string): string {
	const rel = path.relative(process.cwd(), file);
	return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel.split(path.sep).join('/');
}

function listFiles(dir: string, extensions: readonly string[]): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true })
		.filter(
			(e) => e.isFile() && !e.name.startsWith('.') && extensions.includes(path.extname(e.name))
		)
		.map((e) => path.join(dir, e.name))
		.sort();
}

function listMedia(dir: string, prefix = 'media'): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		if (e.name.startsWith('.')) return [];
		const rel = `${prefix}/${e.name}`;
		return e.isDirectory() ? listMedia(path.join(dir, e.name), rel) : [rel];
	});
}

/** Reads every content file's text; `problems` receives what cannot be read. */
export function readContentFiles(root: string, problems: ContentProblem[]): ContentFiles {
	const source = (abs: string): SourceFile => ({
		abs,
		rel: path.relative(root, abs).split(path.sep).join('/'),
		shown: displayPath(abs),
		text: readFileSync(abs, 'utf8').replace(/^\uFEFF/, '')
	});
	const siteAbs = ['site.yaml', 'site.yml'].map((f) => path.join(root, f)).find(existsSync);
	if (!siteAbs) {
		problems.push({
			file: displayPath(path.join(root, 'site.yaml')),
			field: '',
			message: 'site.yaml is missing',
			severity: 'error'
		});
	}
	const collections = Object.fromEntries(
		Object.entries(COLLECTION_FOLDERS).map(([key, { folder, extensions }]) => [
			key,
			listFiles(path.join(root, folder), extensions).map(source)
		])
	) as Record<CollectionKey, SourceFile[]>;
	const bulletinDir = path.join(root, 'bulletins');
	return {
		site: siteAbs ? source(siteAbs) : null,
		collections,
		bulletins: listFiles(bulletinDir, ['.yaml', '.yml', '.md', '.json']).map(source),
		playlists: listFiles(path.join(bulletinDir, 'playlists'), ['.yaml', '.yml']).map(source),
		media: listMedia(path.join(root, 'media'))
	};
}

/** Bytes of a media file that content refers to. */
export function readMedia(root: string, rel: string): Buffer {
	return readFileSync(path.join(root, rel));
}
