/**
 * The kiosk search, run in the browser on the index built at build time.
 *
 * Per query term, routed by script (see `text.ts`):
 *  1. exact-substring tier over folded, joined field strings (titles, keywords, summaries;
 *     pinyin and initials for Latin input; reference numbers for codes);
 *  2. only if that found nothing: Fuse (Bitap) for one-character typos, on the few field values a
 *     lossless q-gram prefilter lets through (`prefilter.ts`), then swapped neighbours
 *     (`wuxiandain`), which Bitap counts as two errors;
 *  3. on submit only: body text, with pinyin input carried over to the hanzi it matched.
 * All terms of a query must match (AND); relevance points are in `tuning.ts`.
 */
import Fuse, { type FuseResult, type IFuseOptions } from 'fuse.js/basic';
import { isCurrentNotice } from '../notices';
import { FieldTable, type FieldEntry } from './field-table';
import { TermMatches, type Detail } from './matches';
import { candidatesOf, filterPlans, GramIndex, type GramSize } from './prefilter';
import { synonymVariants } from './synonyms';
import { fold, parseQuery, type Reading, type Term } from './text';
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
	INITIALS_ANYWHERE_LETTERS,
	INITIALS_INSIDE_FACTOR,
	SERVICE_WORD_DISCLOSURE_PENALTY,
	SERVICE_WORDS,
	TRANSPOSITION_FACTOR,
	TRANSPOSITION_MIN_CHARS,
	SPLIT_MIN_HAN,
	SPLIT_MIN_LETTERS,
	SPLIT_MIN_COVERED,
	TYPE_BONUS
} from './tuning';
import {
	INDEX_VERSION,
	type DocType,
	type Range,
	type SearchBodyJson,
	type SearchHit,
	type SearchIndexJson,
	type SearchResponse
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

const FUSE_OPTIONS: IFuseOptions<string> = {
	// Chinese titles put the distinctive words anywhere; Bitap's location bias would punish that.
	ignoreLocation: true,
	// Chinese has no spaces, so Fuse's word-count norm means nothing here.
	ignoreFieldNorm: true,
	includeMatches: true,
	includeScore: true,
	shouldSort: false
};

const SERVICE_WORD_FORMS = SERVICE_WORDS.flat();
const SERVICE_TYPE_BONUS: Record<string, number> = {
	...TYPE_BONUS,
	disclosure: (TYPE_BONUS.disclosure ?? 0) - SERVICE_WORD_DISCLOSURE_PENALTY
};

/** The type tie-breaks for a reading: disclosure goes down when it names a service (许可, shenpi). */
function typeBonus(reading: Reading): Record<string, number> {
	const service = reading.some(
		(t) => t.kind !== 'code' && SERVICE_WORD_FORMS.some((w) => t.text.includes(w))
	);
	return service ? SERVICE_TYPE_BONUS : TYPE_BONUS;
}

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

/**
 * One script's forms for the typo tier: the tables Bitap runs on, the prefilter over them, and
 * the typo allowance by length.
 */
interface FuzzyForm {
	titles: FieldTable;
	keywords: FieldTable;
	/** Pinyin tables spell the displayed text in letters: a match maps back through `charRange`. */
	pinyin: boolean;
	grams: readonly GramSize[];
	gramIndex: (q: GramSize) => GramIndex;
	minLength: number;
	secondTypoLength: number;
	/** The exact tier, for swapped-neighbour variants. */
	exact: (variant: string, factor: number, out: TermMatches) => void;
}

export class SearchEngine {
	/** Number of documents. */
	readonly size: number;
	readonly #type: DocType[];
	readonly #url: string[];
	readonly #meta: string[];
	/** Validity window per document (epoch ms), open ends as -Infinity / Infinity. */
	readonly #from: Float64Array;
	readonly #until: Float64Array;
	readonly #title: FieldTable;
	readonly #keyword: FieldTable;
	readonly #summary: FieldTable;
	readonly #titlePy: FieldTable;
	readonly #keywordPy: FieldTable;
	readonly #titleIni: FieldTable;
	readonly #keywordIni: FieldTable;
	readonly #code: FieldTable;
	/** First keyword value of each document in the keyword tables (and one past the last). */
	readonly #keywordFirst: Int32Array;
	readonly #aliasCount: number[];
	readonly #han: FuzzyForm;
	readonly #latin: FuzzyForm;
	#body: FieldTable | null = null;
	#hanGrams: Partial<Record<GramSize, GramIndex>> = {};
	#pinyinGrams: Partial<Record<GramSize, GramIndex>> = {};

	/** `index` is trusted to be well formed: `load.ts` checks what comes over the network. */
	constructor(index: SearchIndexJson) {
		if (index.version !== INDEX_VERSION) {
			throw new Error(`unsupported search index version ${String(index.version)}`);
		}
		const n = index.title.length;
		this.size = n;
		this.#type = index.type;
		this.#url = index.url;
		this.#meta = index.meta;
		this.#aliasCount = index.aliasCount;
		this.#from = new Float64Array(n).fill(-Infinity);
		this.#until = new Float64Array(n).fill(Infinity);
		for (const [doc, from, until] of index.windows) {
			if (from !== null) this.#from[doc] = from;
			if (until !== null) this.#until[doc] = until;
		}

		const perDoc = (texts: string[], lens?: string[]): FieldEntry[] =>
			texts.map((text, doc) => ({ doc, sub: 0, text, lens: lens?.[doc] }));
		this.#title = new FieldTable(perDoc(index.title));
		this.#summary = new FieldTable(perDoc(index.summary));
		this.#titlePy = new FieldTable(perDoc(index.titlePinyin, index.titleLens), 'full');
		this.#titleIni = new FieldTable(perDoc(index.titleInitials, index.titleLens), 'initials');

		// The keyword tables share one numbering: value k is the same keyword in all three.
		this.#keywordFirst = new Int32Array(n + 1);
		const owner: number[] = [];
		const sub: number[] = [];
		index.keywordCount.forEach((count, doc) => {
			this.#keywordFirst[doc + 1] = this.#keywordFirst[doc]! + count;
			for (let k = 0; k < count; k++) {
				owner.push(doc);
				sub.push(k);
			}
		});
		const perKeyword = (texts: string[], lens?: string[]): FieldEntry[] =>
			texts.map((text, v) => ({ doc: owner[v]!, sub: sub[v]!, text, lens: lens?.[v] }));
		this.#keyword = new FieldTable(perKeyword(index.keyword));
		this.#keywordPy = new FieldTable(perKeyword(index.keywordPinyin, index.keywordLens), 'full');
		this.#keywordIni = new FieldTable(
			perKeyword(index.keywordInitials, index.keywordLens),
			'initials'
		);
		this.#code = new FieldTable(
			index.codes.flatMap((codes, doc) => codes.map((text, sub) => ({ doc, sub, text })))
		);

		this.#han = {
			titles: this.#title,
			keywords: this.#keyword,
			pinyin: false,
			grams: HAN_GRAMS,
			gramIndex: (q) => this.#hanGramIndex(q),
			minLength: HAN_TYPO_MIN_CHARS,
			secondTypoLength: HAN_SECOND_TYPO_CHARS,
			exact: (variant, factor, out) => this.#exactChinese(variant, factor, false, out)
		};
		this.#latin = {
			titles: this.#titlePy,
			keywords: this.#keywordPy,
			pinyin: true,
			grams: PINYIN_GRAMS,
			gramIndex: (q) => this.#pinyinGramIndex(q),
			minLength: PINYIN_TYPO_MIN_LETTERS,
			secondTypoLength: PINYIN_SECOND_TYPO_LETTERS,
			exact: (variant, factor, out) => this.#exactPinyin(variant, out, factor)
		};
	}

	/** Adds body text, making `deep` searches possible. */
	attachBodies(json: SearchBodyJson): void {
		if (json.bodies.length !== this.size)
			throw new Error('search body file does not match the index');
		this.#body = new FieldTable(json.bodies.map((text, doc) => ({ doc, sub: 0, text })));
	}

	get hasBodies(): boolean {
		return this.#body !== null;
	}

	/** Builds the prefilter posting lists now rather than on the first typo. */
	warm(): void {
		while (this.warmStep());
	}

	/**
	 * Builds one missing posting list; false when none is left. Called between queries, so a
	 * query that arrives while they are built waits for one list, not all of them.
	 */
	warmStep(): boolean {
		const han = HAN_GRAMS.find((q) => !this.#hanGrams[q]);
		if (han !== undefined) return !!this.#hanGramIndex(han);
		const latin = PINYIN_GRAMS.find((q) => !this.#pinyinGrams[q]);
		if (latin !== undefined) return !!this.#pinyinGramIndex(latin);
		return false;
	}

	search(query: string, options: SearchOptions): SearchResponse {
		const deep = (options.deep ?? false) && this.#body !== null;
		const limit = options.limit ?? MAX_RESULTS;
		let readings = parseQuery(query);
		let perReading = this.#matchReadings(readings, deep);
		try {
			let ranked = this.#rank(readings, perReading, options.now);
			// One run of words typed without spaces that nothing holds whole (高压线下施工,
			// jianqingfudan): searched as the pieces of it that do occur.
			const pieces = ranked.length === 0 ? this.#pieces(readings) : null;
			if (pieces) {
				this.#releaseAll(perReading);
				readings = [pieces];
				perReading = this.#matchReadings(readings, deep);
				ranked = this.#rank(readings, perReading, options.now);
			}
			const top = this.#top(ranked, limit);
			return {
				hits: top.map((r) => this.#hit(r, perReading[r.reading]!)),
				total: ranked.length,
				deep
			};
		} finally {
			this.#releaseAll(perReading);
		}
	}

	#matchReadings(readings: Reading[], deep: boolean): TermMatches[][] {
		return readings.map((reading) => reading.map((t) => this.#matchTerm(t, deep)));
	}

	#releaseAll(perReading: TermMatches[][]) {
		for (const terms of perReading) for (const m of terms) this.#release(m);
		perReading.length = 0;
	}

	#rank(readings: Reading[], perReading: TermMatches[][], now: number): Ranked[] {
		const bonus = readings.map(typeBonus);
		const ranked = this.#combine(perReading, bonus, now, false);
		// Nothing has every word: show what has most of them rather than nothing at all.
		const longest = perReading[perReading.length - 1];
		if (ranked.length > 0 || !longest || longest.length < 2) return ranked;
		const last = perReading.length - 1;
		return this.#combine([longest], [bonus[last]!], now, true, last);
	}

	/**
	 * A single term split into the longest pieces that occur exactly (synonyms included),
	 * left to right, skipping characters that start none (下 in 高压线下施工). Null unless at
	 * least two pieces cover most of the term.
	 */
	#pieces(readings: Reading[]): Term[] | null {
		const term = readings.length === 1 && readings[0]!.length === 1 ? readings[0]![0]! : null;
		if (!term || term.kind === 'code') return null;
		const { text, kind } = term;
		const min = kind === 'han' ? SPLIT_MIN_HAN : SPLIT_MIN_LETTERS;
		if (text.length < 2 * min) return null;
		const probe = this.#acquire();
		const occurs = (piece: string) => {
			probe.clear();
			if (kind === 'pinyin') this.#exactPinyin(piece, probe);
			else
				for (const p of [piece, ...synonymVariants(piece)]) this.#exactChinese(p, 1, false, probe);
			return probe.size > 0;
		};
		const pieces: Term[] = [];
		let covered = 0;
		try {
			for (let start = 0; start + min <= text.length;) {
				let end = text.length - (start === 0 ? 1 : 0);
				while (end - start >= min && !occurs(text.slice(start, end))) end--;
				if (end - start < min) {
					start++;
					continue;
				}
				pieces.push({ text: text.slice(start, end), kind });
				covered += end - start;
				start = end;
			}
		} finally {
			this.#release(probe);
		}
		return pieces.length >= 2 && covered >= text.length * SPLIT_MIN_COVERED ? pieces : null;
	}

	#pool: TermMatches[] = [];
	#acquire(): TermMatches {
		return this.#pool.pop() ?? new TermMatches(this.size);
	}
	#release(m: TermMatches) {
		m.clear();
		this.#pool.push(m);
	}

	#valid(doc: number, now: number): boolean {
		return isCurrentNotice({ publishedAt: this.#from[doc]!, expiresAt: this.#until[doc]! }, now);
	}

	/**
	 * Documents matching every term of a reading (or, when `partial`, as many terms as any
	 * document does), best reading per document.
	 */
	#combine(
		readings: TermMatches[][],
		bonus: Record<string, number>[],
		now: number,
		partial: boolean,
		offset = 0
	): Ranked[] {
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
				score += bonus[i]![this.#type[doc]!] ?? 0;
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
			if (out.size < FUZZY_WHEN_EXACT_BELOW) this.#fuzzy(term.text, this.#han, out);
		} else if (term.kind === 'pinyin') {
			this.#exactPinyin(term.text, out);
			if (out.size < FUZZY_WHEN_EXACT_BELOW) this.#fuzzy(term.text, this.#latin, out);
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
		if (sub < (this.#aliasCount[doc] ?? 0)) {
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
	#exactPinyin(text: string, out: TermMatches, factor = 1) {
		const m = text.length;
		if (m < MIN_LETTERS_ANYWHERE) {
			// One letter: titles whose first character starts with it (w -> 无线电…).
			const initials = this.#titleIni;
			for (let doc = 0; doc < initials.length; doc++) {
				if (!initials.texts[doc]!.startsWith(text)) continue;
				const range = initials.charRange(doc, 0, m);
				const len = initials.texts[doc]!.length;
				if (range) out.addTitle(doc, titleScore(0, m, len) * INITIALS_FACTOR * factor, range);
			}
			return;
		}
		const forms: [FieldTable, FieldTable, boolean, number][] = [
			[this.#titlePy, this.#keywordPy, true, factor],
			[this.#titleIni, this.#keywordIni, false, INITIALS_FACTOR * factor]
		];
		for (const [titles, keywords, full, factor] of forms) {
			const inside = !full && m < INITIALS_ANYWHERE_LETTERS ? INITIALS_INSIDE_FACTOR : 1;
			titles.scan(text, (doc, off) => {
				if (full && !titles.isSyllableStart(doc, off)) return false;
				const range = titles.charRange(doc, off, off + m);
				if (!range) return true;
				const len = titles.texts[doc]!.length;
				const f = off > 0 ? factor * inside : factor;
				out.addTitle(doc, titleScore(range[0], m, len) * f, range);
				return true;
			});
			keywords.scan(text, (v, off) => {
				if (full && !keywords.isSyllableStart(v, off)) return false;
				const range = keywords.charRange(v, off, off + m);
				if (!range) return true;
				const f = off > 0 ? factor * inside : factor;
				const score = keywordScore(m, keywords.texts[v]!.length) * f;
				this.#addKeyword(out, v, score, range, { factor: f });
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

	/**
	 * Typos in titles and keywords: Bitap on the values of the documents the prefilter lets
	 * through; if that finds nothing, two swapped neighbours (wuxiandain, 设审置批), which Bitap
	 * counts as two errors but a visitor makes as one slip.
	 */
	#fuzzy(text: string, form: FuzzyForm, out: TermMatches) {
		const m = text.length;
		const typos = m < form.minLength ? 0 : m < form.secondTypoLength ? 1 : 2;
		const before = out.size;
		if (typos > 0) this.#bitap(text, typos, form, out);
		if (out.size > before || m < Math.min(form.minLength, TRANSPOSITION_MIN_CHARS)) return;
		for (let i = 0; i + 1 < m; i++) {
			if (text[i] === text[i + 1]) continue;
			const swapped = text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2);
			form.exact(swapped, TRANSPOSITION_FACTOR, out);
		}
	}

	#bitap(text: string, typos: number, form: FuzzyForm, out: TermMatches) {
		const m = text.length;
		// Fuse takes a ratio (errors / length <= threshold); half an error of slack makes it `typos`.
		const t = (typos + 0.5) / m;
		const plans = filterPlans(m, t, form.grams);
		const docs = plans.length ? candidatesOf(text, plans, form.gramIndex) : [];
		if (docs.length > 0) {
			const keywordValues: number[] = [];
			for (const d of docs) {
				for (let v = this.#keywordFirst[d]!; v < this.#keywordFirst[d + 1]!; v++) {
					keywordValues.push(v);
				}
			}
			const shown = (table: FieldTable, value: number, span: Range): Range | null =>
				form.pinyin ? table.charRange(value, span[0], span[1]) : span;
			for (const r of bitap(form.titles, docs, text, t)) {
				const range = shown(form.titles, r.value, r.span);
				const fuzzy = fuzzyFactor(r.score, t);
				if (range) out.addTitle(r.value, SCORE.fuzzyTitle * fuzzy, range);
			}
			for (const r of bitap(form.keywords, keywordValues, text, t)) {
				const range = shown(form.keywords, r.value, r.span);
				const fuzzy = fuzzyFactor(r.score, t);
				if (range) this.#addKeyword(out, r.value, SCORE.fuzzyKeyword * fuzzy, range, { fuzzy });
			}
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
			type: this.#type[doc]!,
			url: this.#url[doc]!,
			title: this.#title.texts[doc]!,
			titleRanges: mergeRanges(titleRanges),
			meta: this.#meta[doc]!,
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

/**
 * Fuse's Bitap over some values of a table: each value that matches, with the span it covers
 * and Fuse's score (0 perfect .. threshold). Fuse earns its place here: a tuned approximate
 * substring matcher with match positions, run on the few dozen values the prefilter leaves.
 */
function bitap(
	table: FieldTable,
	values: number[],
	pattern: string,
	threshold: number
): { value: number; span: Range; score: number | undefined }[] {
	if (values.length === 0) return [];
	// Folded like the query (全角 to ASCII), one character for one, so offsets still hold.
	const texts = values.map((v) => fold(table.texts[v]!));
	const fuse = new Fuse(texts, { ...FUSE_OPTIONS, threshold });
	const out: { value: number; span: Range; score: number | undefined }[] = [];
	for (const r of fuse.search(pattern)) {
		const span = spanOf(r);
		if (span) out.push({ value: values[r.refIndex]!, span, score: r.score });
	}
	return out;
}

/** The span a Fuse match covers, as a half-open range (Fuse gives inclusive index pairs). */
function spanOf(result: FuseResult<string>): Range | null {
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
