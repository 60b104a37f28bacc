/**
 * Search quality on the sample content: the labelled queries in queries.sample.json (substrings,
 * typos, full pinyin, initials, synonyms and keywords, mixed, reference numbers), built and
 * searched exactly as on the kiosk. Prints hit@1 and hit@5 per kind; hit@5 must stay >= 95%.
 */
import { describe, expect, test } from 'vitest';
import { loadContent } from '$lib/server/content';
import { buildSearchIndex, sourcesFromContent } from '$lib/server/search/build';
import { SearchEngine } from './engine';
import labelled from './queries.sample.json';

interface LabelledQuery {
	q: string;
	kind: string;
	expect: string[];
	note?: string;
}

const HIT5_REQUIRED = 0.95;
const queries = labelled.queries as LabelledQuery[];
const now = Date.parse(labelled.now);

const { content, problems } = loadContent(process.env.CONTENT_DIR || 'content');
if (!content)
	throw new Error(`content does not load: ${problems.map((p) => p.message).join('; ')}`);
const built = buildSearchIndex(sourcesFromContent(content));
const engine = new SearchEngine(JSON.parse(JSON.stringify(built.index)));

const ranked = queries.map((query) => ({
	query,
	titles: engine.search(query.q, { now, limit: 5 }).hits.map((h) => h.title)
}));
const found = (k: number, r: (typeof ranked)[number]) =>
	r.titles.slice(0, k).some((t) => r.query.expect.includes(t));

describe('labelled query set', () => {
	test('is large enough and covers every kind', () => {
		expect(queries.length).toBeGreaterThanOrEqual(40);
		const kinds = new Set(queries.map((q) => q.kind));
		for (const kind of ['substring', 'typo', 'pinyin', 'initials', 'synonym', 'mixed', 'bracket']) {
			expect(kinds).toContain(kind);
		}
	});

	test('names only items that exist (a stale label would hide a regression)', () => {
		const titles = new Set(built.index.title);
		expect(titles.size).toBeGreaterThan(20);
		const missing = queries.flatMap((q) => q.expect.filter((t) => !titles.has(t)));
		expect(missing).toEqual([]);
	});

	test(`hit@5 >= ${HIT5_REQUIRED * 100}%`, () => {
		const kinds = [...new Set(queries.map((q) => q.kind))];
		const rows = [...kinds, 'all'].map((kind) => {
			const rs = ranked.filter((r) => kind === 'all' || r.query.kind === kind);
			const rate = (k: number) => rs.filter((r) => found(k, r)).length / rs.length;
			return { kind, queries: rs.length, 'hit@1': rate(1).toFixed(2), 'hit@5': rate(5).toFixed(2) };
		});
		console.table(rows);
		for (const r of ranked.filter((r) => !found(1, r))) {
			const where = found(5, r) ? 'not first' : 'MISSED';
			console.log(`${where}: ${r.query.q} -> ${r.titles.join(' | ') || '(nothing)'}`);
		}
		const misses = ranked.filter((r) => !found(5, r));
		const hit5 = (ranked.length - misses.length) / ranked.length;
		expect(hit5).toBeGreaterThanOrEqual(HIT5_REQUIRED);
	});
});
