/**
 * The search index as it travels from the build to the browser, and the results the engine
 * hands to the search page. The index is built once per build (`$lib/server/search`) and served
 * as two prerendered JSON files: the as-you-type index and the body text searched on submit.
 */
import type { FuseIndex } from 'fuse.js';

export const DOC_TYPES = ['guide', 'service', 'process', 'notice', 'disclosure'] as const;
export type DocType = (typeof DOC_TYPES)[number];

/** What `FuseIndex.toJSON()` produces and `Fuse.parseIndex()` reads back. */
export type SerializedFuseIndex = ReturnType<FuseIndex<unknown>['toJSON']>;

/** Per item facts that are shown or filtered on, but not searched by Fuse. */
export interface IndexedDoc {
	/** Type, for grouping. */
	t: DocType;
	/** Kiosk URL of the item. */
	u: string;
	/** A short line under the title: theme, category, date. */
	m: string;
	/** Pinyin initials of the title, one letter per hanzi (`wxdt…`). */
	ti: string;
	/** Syllable length per UTF-16 unit of the title: maps pinyin offsets back to characters. */
	tl: string;
	/** Initials of each keyword, aligned with the `keywords` key of the hanzi index. */
	ki: string[];
	/** Syllable lengths of each keyword. */
	kl: string[];
	/**
	 * How many of the first keywords are the title as visitors type it (无线电台设置审批 for
	 * 无线电台（站）设置审批): their matches are shown on the title itself.
	 */
	a?: number;
	/** Reference numbers a scanner might type (索引号, 事项编码). */
	c?: string[];
	/** Valid from (epoch ms); absent = always. Notices are hidden before this by the kiosk clock. */
	p?: number;
	/** Valid until (epoch ms); absent = never expires. */
	x?: number;
}

/**
 * One Fuse index per field, so that Fuse's score for a match is that field's own Bitap score
 * (a multi-key index multiplies the scores of all keys) and each query searches only the fields
 * its script can match.
 */
export const FUSE_FIELDS = ['title', 'keywords', 'summary', 'titlePy', 'keywordsPy'] as const;
export type FuseField = (typeof FUSE_FIELDS)[number];

export interface SearchIndexJson {
	version: 1;
	docs: IndexedDoc[];
	/** Built with `Fuse.createIndex` at build time; the browser only parses them. */
	fuse: Record<FuseField, SerializedFuseIndex>;
}

/** Body text, searched only when the visitor submits (Enter / 搜索) or arrives with `?q=`. */
export interface SearchBodyJson {
	version: 1;
	bodies: string[];
}

/** A half-open character range [start, end) in a displayed string. */
export type Range = [number, number];

export type MatchField = 'title' | 'keyword' | 'summary' | 'body' | 'code';

export interface SearchHit {
	doc: number;
	type: DocType;
	url: string;
	title: string;
	/** Matched parts of the title, merged and sorted. */
	titleRanges: Range[];
	meta: string;
	/** Where else it matched, shown under the title when the title itself did not match fully. */
	detail?: { field: Exclude<MatchField, 'title'>; text: string; ranges: Range[] };
	score: number;
}

export interface SearchResponse {
	hits: SearchHit[];
	/** Number of matching items before the display limit. */
	total: number;
	/** True when body text was part of this search. */
	deep: boolean;
}
