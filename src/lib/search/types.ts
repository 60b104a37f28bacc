/**
 * The search index as it travels from the build to the browser, and the results the engine
 * hands to the search page. The index is built once per build (`$lib/server/search`) and served
 * as two prerendered JSON files: the as-you-type index and the body text searched on submit.
 * The format is this project's own (checked on arrival by `load.ts`), not any library's.
 */
export const DOC_TYPES = ['guide', 'service', 'process', 'notice', 'disclosure'] as const;
export type DocType = (typeof DOC_TYPES)[number];

export const INDEX_VERSION = 2;

/**
 * The as-you-type index, column by column: one array per field, so the file repeats no keys and
 * the browser checks and reads it with a few loops. Per-document columns have one entry per
 * document; keyword columns hold every document's keywords in document order.
 */
export interface SearchIndexJson {
	version: typeof INDEX_VERSION;
	type: DocType[];
	/** Kiosk URL of the item. */
	url: string[];
	/** A short line under the title: theme, category, date. */
	meta: string[];
	title: string[];
	/** Toneless full pinyin of the title (`wuxiandiantai…`). */
	titlePinyin: string[];
	/** Pinyin initials of the title, one letter per hanzi (`wxdt…`). */
	titleInitials: string[];
	/**
	 * One digit per UTF-16 unit of the title: the letters of pinyin it spells (无 2, 5 1, （ 0).
	 * Maps pinyin offsets back to characters.
	 */
	titleLens: string[];
	/** What the item is about, cut short; searched as you type. */
	summary: string[];
	/** How many keywords each document has in the keyword columns. */
	keywordCount: number[];
	/**
	 * How many of each document's first keywords are its title as visitors type it (无线电台设置审批
	 * for 无线电台（站）设置审批): their matches are shown on the title itself.
	 */
	aliasCount: number[];
	keyword: string[];
	keywordPinyin: string[];
	keywordInitials: string[];
	keywordLens: string[];
	/** Reference numbers a scanner might type (索引号, 事项编码), per document. */
	codes: string[][];
	/**
	 * Documents shown only within a window of the kiosk clock (notices, cancelled guides):
	 * [document, valid from, valid until] in epoch ms; null = open on that side.
	 */
	windows: [number, number | null, number | null][];
}

/** Body text, searched only when the visitor submits (Enter / 搜索) or arrives with `?q=`. */
export interface SearchBodyJson {
	version: typeof INDEX_VERSION;
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
