/** The search index of the current content, built once per content load and shared by both endpoints. */
import { getContent, type Content } from '../content/index.ts';
import { buildSearchIndex, sourcesFromContent, type BuiltSearchIndex } from './build.ts';

export { buildSearchIndex, sourcesFromContent, type SearchSource } from './build.ts';

let cached: { content: Content; built: BuiltSearchIndex } | null = null;

export function getSearchIndex(): BuiltSearchIndex {
	const content = getContent();
	if (cached?.content !== content) {
		cached = { content, built: buildSearchIndex(sourcesFromContent(content)) };
	}
	return cached.built;
}
