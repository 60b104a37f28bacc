/**
 * The one place the app gets content from. Loaded and validated once per build (and again in
 * `vite dev` after an edit, when the content plugin bumps the generation).
 */
import path from 'node:path';
import { ContentValidationError } from './errors.ts';
import { loadContent, type Content } from './load.ts';

export type * from './load.ts';
export type * from './schema.ts';
export type * from './bulletin-schema.ts';
export {
	ContentValidationError,
	describePath,
	fieldMeta,
	formatProblem,
	problemsFromZod
} from './errors.ts';
export { contentCollections, type ContentCollection } from './collections.ts';
export { label, type FieldMeta } from './schema.ts';
export { loadContent } from './load.ts';

export function contentDir(): string {
	return path.resolve(process.env.CONTENT_DIR || 'content');
}

const GENERATION_KEY = Symbol.for('lobby-kiosk.content-generation');
type Global = typeof globalThis & { [GENERATION_KEY]?: number };

/** Called by the dev server's watcher so the next request re-reads the folder. */
export function invalidateContent(): void {
	const g = globalThis as Global;
	g[GENERATION_KEY] = (g[GENERATION_KEY] ?? 0) + 1;
}

let cached: { generation: number; content: Content } | null = null;

export function getContent(): Content {
	const generation = (globalThis as Global)[GENERATION_KEY] ?? 0;
	if (cached?.generation === generation) return cached.content;
	const { content, problems } = loadContent(contentDir());
	if (!content) throw new ContentValidationError(problems);
	cached = { generation, content };
	return content;
}
