/**
 * The kiosk search, run in the browser on the index built at build time.
 *
 * Per query term, routed by script (see `text.ts`):
 *  1. exact-substring tier over folded, joined field strings (titles, keywords, summaries;
 *     pinyin and initials for Latin input; reference numbers for codes);
 *  2. only if that found nothing: Fuse (Bitap) for one-character typos, on the few documents a
 *     lossless q-gram prefilter lets through (`prefilter.ts`);
 *  3. on submit only: body text, with pinyin input carried over to the hanzi it matched.
 * All terms of a query must match (AND); relevance points are in `tuning.ts`.
 */
import Fuse, { type FuseResult, type IFuseOptions } from 'fuse.js/basic';
import { FieldTable, type FieldEntry } from './field-table';
import { TermMatches, type Detail } from './matches';
import { candidatesOf, filterPlans, GramIndex, type GramSize } from './prefilter';
import { synonymVariants } from './synonyms';
import { fold, parseQuery, type Term } from './text';
import {
	BODY_TRANSLITERATIONS,
	FUZZY_WHEN_EXACT_BELOW,
	HAN_GRAMS,
	HAN_SECOND_TYPO_CHARS,
	HAN_TYPO_MIN_CHARS,
	INITIALS_FACTOR,
	KEYWORD_COVERAGE_BONUS,
	MAX_RESULTS,
	MIN_HAN_CHARS_IN_SUMMARY,
	MIN_LETTERS_ANYWHERE,
	PINYIN_SECOND_TYPO_LETTERS,
	PINYIN_TYPO_MIN_LETTERS,
	PINYIN_GRAMS,
	POSITION_PENALTY,
	POSITION_PENALTY_MAX_CHARS,
	SCORE,
	SNIPPET_CONTEXT,
	SYNONYM_FACTOR,
	TITLE_COVERAGE_BONUS,
	TYPE_BONUS
} from './tuning';
import type {
	FuseField,
	IndexedDoc,
	Range,
	SearchBodyJson,
	SearchHit,
	SearchIndexJson,
	SearchResponse,
	SerializedFuseIndex
} from './types';

export interface SearchOptions {
	/** The kiosk clock (epoch ms): notices outside their validity window are left out. */
	now: number;
	/** Also search body text (on submit). Needs `attachBodies`. */
	deep?: boolean;
	limit?: number;
}

/** One reading's combined result for a document. */
interface Ranked {
	doc: number;
	score: number;
	reading: number;
}

const FUSE_OPTIONS: IFuseOptions<IndexedDoc> = {
	// Chinese titles put the distinctive words anywhere; Bitap's location bias would punish that.
	ignoreLocation: true,
	// Chinese has no spaces, so Fuse's word-count norm means nothing here.
	ignoreFieldNorm: true,
	includeMatches: true,
	includeScore: true,
	shouldSort: false
};

function titleScore(startChar: number, matched: number, fieldLength: number): number {
	const whole = startChar === 0 && matched >= fieldLength;
	const base = whole
		? SCORE.titleExact
		: startChar === 0
			? SCORE.titlePrefix
			: SCORE.titleSubstring;
	return (
		base +
		(TITLE_COVERAGE_BONUS * Math.min(matched, fieldLength)) / Math.max(fieldLength, 1) -
		POSITION_PENALTY * Math.min(startChar, POSITION_PENALTY_MAX_CHARS)
	);
}

function keywordScore(matched: number, fieldLength: number): number {
	if (matched >= fieldLength) return SCORE.keywordExact;
	return SCORE.keywordSubstring + (KEYWORD_COVERAGE_BONUS * matched) / Math.max(fieldLength, 1);
}

/** Fuse score 0 (perfect) .. threshold (barely) -> factor 1 .. 0.5. */
function fuzzyFactor(score: number | undefined, threshold: number): number {
	const quality = 1 - Math.min(1, (score ?? threshold) / threshold);
	return 0.5 + 0.5 * quality;
}

function mergeRanges(ranges: Range[]): Range[] {
	const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
	const out: Range[] = [];
	for (const r of sorted) {
		const last = out[out.length - 1];
		if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
		else out.push([r[0], r[1]]);
	}
	return out;
}

/** Per document, the values of a one-key Fuse index, by their position in the source field. */
function fieldValues(index: SerializedFuseIndex, docCount: number): string[][] {
	const out: string[][] = Array.from({ length: docCount }, () => []);
	for (const record of index.records) {
		const entry = record.$?.[0];
		const values = out[record.i];
		if (!entry || !values) continue;
		if (Array.isArray(entry)) for (const e of entry) values[e.i ?? values.length] = e.v;
		else values[0] = entry.v;
	}
	return out;
}

function byDoc(index: SerializedFuseIndex, docCount: number): SerializedFuseIndex['records'] {
	const out = new Array<SerializedFuseIndex['records'][number]>(docCount);
	for (const record of index.records) out[record.i] = record;
	return out;
}

export class SearchEngine {
	readonly docs: readonly IndexedDoc[];
	readonly #fuse: SearchIndexJson['fuse'];
	readonly #records: Record<FuseField, SerializedFuseIndex['records']>;
	readonly #title: FieldTable;
	readonly #keyword: FieldTable;
	readonly #summary: FieldTable;
	readonly #titlePy: FieldTable;
	readonly #keywordPy: FieldTable;
	readonly #titleIni: FieldTable;
	readonly #keywordIni: FieldTable;
	readonly #code: FieldTable;
	/** First keyword value number of each document in the keyword tables. */
	readonly #keywordFirst: Int32Array;
	#body: FieldTable | null = null;
	#hanGrams: Partial<Record<GramSize, GramIndex>> = {};
	#pinyinGrams: Partial<Record<GramSize, GramIndex>> = {};

	constructor(index: SearchIndexJson) {
		if (index.version !== 1) throw new Error(`unsupported search index version ${index.version}`);
		const docs = index.docs;
		const n = docs.length;
		this.docs = docs;
		this.#fuse = index.fuse;
		this.#records = {
			title: byDoc(index.fuse.title, n),
			keywords: byDoc(index.fuse.keywords, n),
			summary: byDoc(index.fuse.summary, n),
			titlePy: byDoc(index.fuse.titlePy, n),
			keywordsPy: byDoc(index.fuse.keywordsPy, n)
		};
		const titles = fieldValues(index.fuse.title, n);
		const keywords = fieldValues(index.fuse.keywords, n);
		const summaries = fieldValues(index.fuse.summary, n);
		const titlePy = fieldValues(index.fuse.titlePy, n);
		const keywordsPy = fieldValues(index.fuse.keywordsPy, n);

		const single = (values: string[][]): FieldEntry[] =>
			values.map((v, doc) => ({ doc, sub: 0, text: v[0] ?? '', lens: docs[doc]!.tl }));
		this.#title = new FieldTable(single(titles));
		this.#summary = new FieldTable(single(summaries));
		this.#titlePy = new FieldTable(single(titlePy), 'full');
		this.#titleIni = new FieldTable(
			docs.map((d, doc) => ({ doc, sub: 0, text: d.ti, lens: d.tl })),
			'initials'
		);

		// The keyword tables share one numbering: value k is the same keyword in all three.
		this.#keywordFirst = new Int32Array(n);
		const kw: FieldEntry[] = [];
		const kwPy: FieldEntry[] = [];
		const kwIni: FieldEntry[] = [];
		docs.forEach((d, doc) => {
			this.#keywordFirst[doc] = kw.length;
			d.ki.forEach((initials, sub) => {
				const lens = d.kl[sub] ?? '';
				kw.push({ doc, sub, text: keywords[doc]?.[sub] ?? '' });
				kwPy.push({ doc, sub, text: keywordsPy[doc]?.[sub] ?? '', lens });
				kwIni.push({ doc, sub, text: initials, lens });
			});
		});
		this.#keyword = new FieldTable(kw);
		this.#keywordPy = new FieldTable(kwPy, 'full');
		this.#keywordIni = new FieldTable(kwIni, 'initials');
		this.#code = new FieldTable(
			docs.flatMap((d, doc) => (d.c ?? []).map((text, sub) => ({ doc, sub, text })))
		);
	}

	/** Adds body text, making `deep` searches possible. */
	attachBodies(json: SearchBodyJson): void {
		if (json.bodies.length !== this.docs.length)
			throw new Error('search body file does not match the index');
		this.#body = new FieldTable(json.bodies.map((text, doc) => ({ doc, sub: 0, text })));
	}

	get hasBodies(): boolean {
		return this.#body !== null;
	}

	/** Builds the prefilter posting lists now rather than on the first typo. */
	warm(): void {
		for (const q of HAN_GRAMS) this.#hanGramIndex(q);
		for (const q of PINYIN_GRAMS) this.#pinyinGramIndex(q);
	}

	search(query: string, options: SearchOptions): SearchResponse {
		const deep = (options.deep ?? false) && this.#body !== null;
		const limit = options.limit ?? MAX_RESULTS;
		const readings = parseQuery(query);
		const perReading = readings.map((reading) => reading.map((t) => this.#matchTerm(t, deep)));
		try {
			let ranked = this.#combine(perReading, options.now, false);
			// Nothing has every word: show what has most of them rather than nothing at all.
			const longest = perReading[perReading.length - 1];
			if (ranked.length === 0 && longest && longest.length > 1) {
				ranked = this.#combine([longest], options.now, true, perReading.length - 1);
			}
			const top = this.#top(ranked, limit);
			return {
				hits: top.map((r) => this.#hit(r, perReading[r.reading]!)),
				total: ranked.length,
				deep
			};
		} finally {
			for (const terms of perReading) for (const m of terms) this.#release(m);
		}
	}

	#pool: TermMatches[] = [];
	#acquire(): TermMatches {
		return this.#pool.pop() ?? new TermMatches(this.docs.length);
	}
	#release(m: TermMatches) {
		m.clear();
		this.#pool.push(m);
	}

	#valid(doc: number, now: number): boolean {
		const d = this.docs[doc];
		if (!d) return false;
		return (d.p === undefined || d.p <= now) && (d.x === undefined || now < d.x);
	}

	/**
	 * Documents matching every term of a reading (or, when `partial`, as many terms as any
	 * document does), best reading per document.
	 */
	#combine(readings: TermMatches[][], now: number, partial: boolean, offset = 0): Ranked[] {
		const best = new Map<number, Ranked>();
		readings.forEach((terms, i) => {
			if (terms.length === 0) return;
			const smallest = terms.reduce((a, b) => (b.size < a.size ? b : a));
			let need = terms.length;
			let docs: Iterable<number> = smallest.docs;
			if (partial) {
				const counts = new Map<number, number>();
				for (const m of terms) for (const d of m.docs) counts.set(d, (counts.get(d) ?? 0) + 1);
				need = Math.max(0, ...counts.values());
				docs = counts.keys();
			}
			for (const doc of docs) {
				let score = 0;
				let matched = 0;
				for (const m of terms) {
					const s = m.score[doc]!;
					if (s > 0) {
						score += s;
						matched++;
					}
				}
				if (matched < need || !this.#valid(doc, now)) continue;
				score += TYPE_BONUS[this.docs[doc]!.t] ?? 0;
				const prev = best.get(doc);
				if (!prev || prev.score < score) best.set(doc, { doc, score, reading: i + offset });
			}
		});
		return [...best.values()];
	}

	/** The `limit` best, by score, then shorter title, then index order. */
	#top(ranked: Ranked[], limit: number): Ranked[] {
		const titles = this.#title.texts;
		const order = (a: Ranked, b: Ranked) =>
			b.score - a.score || titles[a.doc]!.length - titles[b.doc]!.length || a.doc - b.doc;
		if (ranked.length <= limit * 4) return ranked.sort(order).slice(0, limit);
		// Thousands of matches (a two-letter prefix): find the cut with a numeric sort, then
		// order only what is above it.
		const scores = Float64Array.from(ranked, (r) => -r.score).sort();
		const cut = -scores[limit - 1]!;
		return ranked
			.filter((r) => r.score >= cut)
			.sort(order)
			.slice(0, limit);
	}

	#matchTerm(term: Term, deep: boolean): TermMatches {
		const out = this.#acquire();
		if (term.kind === 'han') {
			this.#exactChinese(term.text, 1, deep, out);
			for (const variant of synonymVariants(term.text)) {
				this.#exactChinese(variant, SYNONYM_FACTOR, deep, out);
			}
			if (out.size < FUZZY_WHEN_EXACT_BELOW) this.#fuzzyChinese(term.text, out);
		} else if (term.kind === 'pinyin') {
			this.#exactPinyin(term.text, out);
			if (out.size < FUZZY_WHEN_EXACT_BELOW) this.#fuzzyPinyin(term.text, out);
			if (deep) this.#bodyViaHanzi(out);
		} else {
			const code = term.text;
			this.#code.scan(code, (v, off) => {
				out.addDetail(this.#code.owner[v]!, SCORE.code, {
					field: 'code',
					value: v,
					range: [off, off + code.length]
				});
				return true;
			});
			this.#exactChinese(code, 1, deep, out);
		}
		return out;
	}

	/**
	 * A keyword hit. On a title alias (the title without its brackets) the match is shown on
	 * the title itself, at the characters the alias was made of.
	 */
	#addKeyword(
		out: TermMatches,
		value: number,
		score: number,
		range: Range,
		{ factor = 1, fuzzy }: { factor?: number; fuzzy?: number } = {}
	) {
		const doc = this.#keyword.owner[value]!;
		const sub = this.#keyword.sub[value]!;
		if (sub < (this.docs[doc]!.a ?? 0)) {
			const title = this.#title.texts[doc]!;
			const mapped = aliasToTitle(this.#keyword.texts[value]!, title, range);
			// Scored as the title match it is.
			if (mapped) {
				const asTitle =
					fuzzy !== undefined
						? SCORE.fuzzyTitle * fuzzy
						: titleScore(mapped[0], mapped[1] - mapped[0], title.length) * factor;
				return out.addTitle(doc, asTitle, mapped);
			}
		}
		out.addDetail(doc, score, { field: 'keyword', value, range });
	}

	#exactChinese(text: string, factor: number, deep: boolean, out: TermMatches) {
		const m = text.length;
		this.#title.scan(text, (doc, off) => {
			const len = this.#title.texts[doc]!.length;
			out.addTitle(doc, titleScore(off, m, len) * factor, [off, off + m]);
			return true;
		});
		this.#keyword.scan(text, (v, off) => {
			const len = this.#keyword.texts[v]!.length;
			this.#addKeyword(out, v, keywordScore(m, len) * factor, [off, off + m], { factor });
			return true;
		});
		if (m >= MIN_HAN_CHARS_IN_SUMMARY) {
			this.#summary.scan(text, (doc, off) => {
				out.addDetail(doc, SCORE.summary * factor, {
					field: 'summary',
					value: doc,
					range: [off, off + m]
				});
				return true;
			});
		}
		if (deep) this.#bodyExact(text, factor, out);
	}

	#bodyExact(text: string, factor: number, out: TermMatches) {
		this.#body?.scan(text, (doc, off) => {
			out.addDetail(doc, SCORE.body * factor, {
				field: 'body',
				value: doc,
				range: [off, off + text.length]
			});
			return true;
		});
	}

	/** Full pinyin (from a syllable start) and initials, in titles and keywords. */
	#exactPinyin(text: string, out: TermMatches) {
		const m = text.length;
		if (m < MIN_LETTERS_ANYWHERE) {
			// One letter: titles whose first character starts with it (w -> 无线电…).
			const initials = this.#titleIni;
			for (let doc = 0; doc < initials.length; doc++) {
				if (!initials.texts[doc]!.startsWith(text)) continue;
				const range = initials.charRange(doc, 0, m);
				const len = initials.texts[doc]!.length;
				if (range) out.addTitle(doc, titleScore(0, m, len) * INITIALS_FACTOR, range);
			}
			return;
		}
		const forms: [FieldTable, FieldTable, boolean, number][] = [
			[this.#titlePy, this.#keywordPy, true, 1],
			[this.#titleIni, this.#keywordIni, false, INITIALS_FACTOR]
		];
		for (const [titles, keywords, full, factor] of forms) {
			titles.scan(text, (doc, off) => {
				if (full && !titles.isSyllableStart(doc, off)) return false;
				const range = titles.charRange(doc, off, off + m);
				if (!range) return true;
				const len = titles.texts[doc]!.length;
				out.addTitle(doc, titleScore(range[0], m, len) * factor, range);
				return true;
			});
			keywords.scan(text, (v, off) => {
				if (full && !keywords.isSyllableStart(v, off)) return false;
				const range = keywords.charRange(v, off, off + m);
				if (!range) return true;
				const score = keywordScore(m, keywords.texts[v]!.length) * factor;
				this.#addKeyword(out, v, score, range, { factor });
				return true;
			});
		}
	}

	/** Field values for the prefilter: every title, then every keyword (the fuzzy fields). */
	#gramValues(titles: FieldTable, keywords: FieldTable, folded: boolean) {
		const texts = [...titles.texts, ...keywords.texts];
		const owner = new Int32Array(texts.length);
		owner.set(titles.owner);
		owner.set(keywords.owner, titles.length);
		return { texts: folded ? texts.map(fold) : texts, owner };
	}

	#hanGramIndex(q: GramSize): GramIndex {
		let index = this.#hanGrams[q];
		if (!index) {
			const { texts, owner } = this.#gramValues(this.#title, this.#keyword, true);
			index = this.#hanGrams[q] = new GramIndex(texts, owner, q);
		}
		return index;
	}

	#pinyinGramIndex(q: GramSize): GramIndex {
		let index = this.#pinyinGrams[q];
		if (!index) {
			const { texts, owner } = this.#gramValues(this.#titlePy, this.#keywordPy, false);
			index = this.#pinyinGrams[q] = new GramIndex(texts, owner, q);
		}
		return index;
	}

	/** Fuse over one field, restricted to the candidate documents. */
	#fuseSearch(field: FuseField, candidates: number[], text: string, threshold: number) {
		const records = this.#records[field];
		const subset = candidates.map((d) => records[d]).filter((r) => r !== undefined);
		if (subset.length === 0) return [];
		const index = Fuse.parseIndex<IndexedDoc>({ keys: this.#fuse[field].keys, records: subset });
		const fuse = new Fuse(this.docs, { ...FUSE_OPTIONS, threshold, keys: [field] }, index);
		return fuse.search(text);
	}

	#fuzzyChinese(text: string, out: TermMatches) {
		const m = text.length;
		const typos = m < HAN_TYPO_MIN_CHARS ? 0 : m < HAN_SECOND_TYPO_CHARS ? 1 : 2;
		if (typos === 0) return;
		// Fuse takes a ratio (errors / length <= threshold); half an error of slack makes it `typos`.
		const t = (typos + 0.5) / m;
		const plans = filterPlans(text.length, t, HAN_GRAMS);
		if (plans.length === 0) return;
		const candidates = candidatesOf(text, plans, (q) => this.#hanGramIndex(q));
		if (candidates.length === 0) return;
		for (const r of this.#fuseSearch('title', candidates, text, t)) {
			const range = spanOf(r);
			if (range) out.addTitle(r.refIndex, SCORE.fuzzyTitle * fuzzyFactor(r.score, t), range);
		}
		for (const r of this.#fuseSearch('keywords', candidates, text, t)) {
			const match = r.matches?.[0];
			const range = spanOf(r);
			if (!match || !range) continue;
			const value = this.#keywordFirst[r.refIndex]! + (match.refIndex ?? 0);
			const fuzzy = fuzzyFactor(r.score, t);
			this.#addKeyword(out, value, SCORE.fuzzyKeyword * fuzzy, range, { fuzzy });
		}
	}

	#fuzzyPinyin(text: string, out: TermMatches) {
		const m = text.length;
		const typos = m < PINYIN_TYPO_MIN_LETTERS ? 0 : m < PINYIN_SECOND_TYPO_LETTERS ? 1 : 2;
		if (typos === 0) return;
		const t = (typos + 0.5) / m;
		const plans = filterPlans(text.length, t, PINYIN_GRAMS);
		if (plans.length === 0) return;
		const candidates = candidatesOf(text, plans, (q) => this.#pinyinGramIndex(q));
		if (candidates.length === 0) return;
		for (const r of this.#fuseSearch('titlePy', candidates, text, t)) {
			const span = spanOf(r);
			const range = span && this.#titlePy.charRange(r.refIndex, span[0], span[1]);
			if (range) out.addTitle(r.refIndex, SCORE.fuzzyTitle * fuzzyFactor(r.score, t), range);
		}
		for (const r of this.#fuseSearch('keywordsPy', candidates, text, t)) {
			const match = r.matches?.[0];
			const span = spanOf(r);
			if (!match || !span) continue;
			const value = this.#keywordFirst[r.refIndex]! + (match.refIndex ?? 0);
			const range = this.#keywordPy.charRange(value, span[0], span[1]);
			const fuzzy = fuzzyFactor(r.score, t);
			if (range) this.#addKeyword(out, value, SCORE.fuzzyKeyword * fuzzy, range, { fuzzy });
		}
	}

	/**
	 * Bodies carry no pinyin (it would multiply their size). A pinyin term is looked up in
	 * bodies as the hanzi it matched in titles and keywords: `jienengshencha` -> 节能审查.
	 */
	#bodyViaHanzi(out: TermMatches) {
		const counts = new Map<string, number>();
		const count = (s: string) => counts.set(s, (counts.get(s) ?? 0) + 1);
		for (const doc of out.docs) {
			const title = out.titleRange(doc);
			if (title) count(this.#title.texts[doc]!.slice(...title));
			const d = out.detail(doc)?.detail;
			if (d?.field === 'keyword') count(this.#keyword.texts[d.value]!.slice(...d.range));
		}
		const top = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, BODY_TRANSLITERATIONS);
		for (const [hanzi] of top) this.#bodyExact(hanzi, 1, out);
	}

	#hit({ doc, score }: Ranked, terms: TermMatches[]): SearchHit {
		const d = this.docs[doc]!;
		const titleRanges: Range[] = [];
		let allInTitle = true;
		let best: { detail: Detail; score: number } | null = null;
		for (const m of terms) {
			if (!m.has(doc)) continue;
			const title = m.titleRange(doc);
			if (title) titleRanges.push(title);
			else allInTitle = false;
			const detail = m.detail(doc);
			if (detail && (!best || detail.score > best.score)) best = detail;
		}
		const hit: SearchHit = {
			doc,
			type: d.t,
			url: d.u,
			title: this.#title.texts[doc]!,
			titleRanges: mergeRanges(titleRanges),
			meta: d.m,
			score
		};
		if (best && !allInTitle) hit.detail = this.#detailText(best.detail);
		return hit;
	}

	#detailText(detail: Detail): SearchHit['detail'] {
		const table = {
			keyword: this.#keyword,
			summary: this.#summary,
			body: this.#body,
			code: this.#code
		}[detail.field];
		const text = table?.texts[detail.value] ?? '';
		const [s, e] = detail.range;
		if (detail.field === 'keyword' || detail.field === 'code') {
			return { field: detail.field, text, ranges: [[s, e]] };
		}
		const from = Math.max(0, s - SNIPPET_CONTEXT);
		const to = Math.min(text.length, e + SNIPPET_CONTEXT * 2);
		const lead = from > 0 ? '…' : '';
		const snippet = lead + text.slice(from, to) + (to < text.length ? '…' : '');
		const shift = lead.length - from;
		return { field: detail.field, text: snippet, ranges: [[s + shift, e + shift]] };
	}
}

/** Maps a range in a title alias onto the title it was made from by deleting characters. */
export function aliasToTitle(alias: string, title: string, range: Range): Range | null {
	let j = 0;
	let start = -1;
	let end = -1;
	for (let i = 0; i < alias.length && i < range[1]; i++) {
		while (j < title.length && title[j] !== alias[i]) j++;
		if (j >= title.length) return null;
		if (i === range[0]) start = j;
		end = j + 1;
		j++;
	}
	return start < 0 ? null : [start, end];
}

/** The span a Fuse match covers, as a half-open range (Fuse gives inclusive index pairs). */
function spanOf(result: FuseResult<IndexedDoc>): Range | null {
	const indices = result.matches?.[0]?.indices;
	if (!indices || indices.length === 0) return null;
	let start = Infinity;
	let end = -1;
	for (const [s, e] of indices) {
		start = Math.min(start, s);
		end = Math.max(end, e + 1);
	}
	return [start, end];
}
