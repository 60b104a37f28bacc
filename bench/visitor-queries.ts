/**
 * Search quality on queries written by hand the way visitors type them (bench/visitor-queries.json:
 * hanzi fragments, colloquial words, typos, pinyin with and without spaces, initials, a transposed
 * letter), over the shipped sample content and over the generated corpus at 10,000 items. These
 * queries are never used to tune the search (the tuning set lives beside the engine), so the
 * figure says how the engine does on words it has not seen. Plain Fuse with its defaults runs on
 * the same documents and queries, for comparison.
 *
 *   npx tsx bench/visitor-queries.ts     prints this module's figures on its own
 */
import Fuse from 'fuse.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as v from 'valibot';
import { SearchEngine } from '../src/lib/search/engine.ts';
import type { SearchIndexJson } from '../src/lib/search/types.ts';
import { formatProblem, loadContent } from '../src/lib/server/content/index.ts';
import { buildSearchIndex, sourcesFromContent } from '../src/lib/server/search/build.ts';
import { REPO, round, syntheticContent } from './context.ts';
import type { Figure, RunOptions } from './figures.ts';

const HIT5_BUDGET = 95;
const CORPUS_ITEMS = 10_000;
/** Shown results a visitor reads without scrolling: a query is found when a right item is among them. */
const TOP = 5;

const Query = v.object({ q: v.string(), kind: v.string(), expect: v.array(v.string()) });
const QueryFile = v.object({
	now: v.string(),
	sample: v.pipe(v.array(Query), v.minLength(80)),
	corpus: v.array(Query)
});
type LabelledQuery = v.InferOutput<typeof Query>;

export function readQueries(): v.InferOutput<typeof QueryFile> {
	const file = path.join(import.meta.dirname, 'visitor-queries.json');
	return v.parse(QueryFile, JSON.parse(readFileSync(file, 'utf8')));
}

interface Corpus {
	label: string;
	contentDir: string;
	/** sample: a right title is one of expect; corpus: contains one of expect. */
	match: (title: string, expect: string[]) => boolean;
	queries: LabelledQuery[];
}

interface Scored {
	kind: string;
	found: boolean;
}

function rate(rows: Scored[]): number {
	return rows.length ? (100 * rows.filter((r) => r.found).length) / rows.length : 0;
}

function measure(corpus: Corpus, now: number): Figure[] {
	const { content, problems } = loadContent(corpus.contentDir);
	if (!content) {
		throw new Error(
			`${corpus.label} does not validate:\n${problems.slice(0, 5).map(formatProblem).join('\n')}`
		);
	}
	const sources = sourcesFromContent(content);
	const built = buildSearchIndex(sources);
	const engine = new SearchEngine(JSON.parse(JSON.stringify(built.index)) as SearchIndexJson);
	engine.attachBodies(JSON.parse(JSON.stringify(built.body)));
	const titles = built.index.title;
	const valid = titles.map(() => true);
	for (const [doc, from, until] of built.index.windows) {
		valid[doc] = (from ?? -Infinity) <= now && now < (until ?? Infinity);
	}
	const missing = corpus.queries.flatMap((q) =>
		q.expect.filter((e) => !titles.some((t) => corpus.match(t, [e])))
	);
	if (missing.length) throw new Error(`${corpus.label}: no item is titled ${missing.join(', ')}`);

	const plain = new Fuse(
		sources.map((s, i) => ({
			title: s.title,
			keywords: s.keywords,
			summary: s.summary,
			body: built.body.bodies[i] ?? s.body
		})),
		{ keys: ['title', 'keywords', 'summary', 'body'] }
	);
	const ours: Scored[] = [];
	const theirs: Scored[] = [];
	for (const q of corpus.queries) {
		const mine = engine.search(q.q, { now, limit: TOP }).hits.map((h) => h.title);
		const fuse = plain
			.search(q.q, { limit: TOP * 2 })
			.filter((r) => valid[r.refIndex])
			.slice(0, TOP)
			.map((r) => titles[r.refIndex] ?? '');
		const found = mine.some((t) => corpus.match(t, q.expect));
		if (!found && process.env.BENCH_VERBOSE) {
			console.log(
				`  miss (${q.kind}) ${q.q}: want ${q.expect.join(' | ')}; got ${mine.join(' | ')}`
			);
		}
		ours.push({ kind: q.kind, found });
		theirs.push({ kind: q.kind, found: fuse.some((t) => corpus.match(t, q.expect)) });
	}

	const kinds = [...new Set(corpus.queries.map((q) => q.kind))];
	return kinds.map((kind) => {
		const mine = ours.filter((r) => r.kind === kind);
		const hit5 = rate(mine);
		return {
			group: 'search: queries written by visitors',
			name: `hit@${TOP}, ${kind}, ${corpus.label}`,
			value: round(hit5, 0),
			unit: '%',
			budget: `≥ ${HIT5_BUDGET}`,
			pass: hit5 >= HIT5_BUDGET,
			note: `${mine.length} queries · plain Fuse ${round(rate(theirs.filter((r) => r.kind === kind)), 0)}%`
		};
	});
}

export async function run(options: RunOptions): Promise<Figure[]> {
	const file = readQueries();
	const now = Date.parse(file.now);
	const corpora: Corpus[] = [
		{
			label: 'sample content',
			contentDir: path.join(REPO, 'content'),
			match: (title, expect) => expect.includes(title),
			queries: file.sample
		}
	];
	// The generated corpus takes ~25 s to write: the full bench only.
	if (!options.quick) {
		corpora.push({
			label: `${CORPUS_ITEMS.toLocaleString('en-US')} generated items`,
			contentDir: process.env.BENCH_CORPUS_DIR || syntheticContent(CORPUS_ITEMS),
			match: (title, expect) => expect.some((e) => title.includes(e)),
			queries: file.corpus
		});
	}
	return corpora.flatMap((c) => measure(c, now));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const quick = process.argv.includes('--quick');
	for (const f of await run({ quick })) {
		console.log(`${f.pass ? 'PASS' : 'FAIL'}  ${f.name}: ${f.value}${f.unit} (${f.note})`);
	}
}
