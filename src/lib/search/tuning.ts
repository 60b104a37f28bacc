/**
 * Every number that shapes what the kiosk search finds and in which order. Changing one moves
 * the figures in `src/lib/search/quality.spec.ts` and `bench/search.ts`; run both.
 */

/** Fuse's Bitap matcher works on at most 32 characters; longer input is cut, not rejected. */
export const MAX_QUERY_CHARS = 32;

/** Results shown in total; a visitor never scrolls past a few dozen on a kiosk. */
export const MAX_RESULTS = 60;

/**
 * Run the fuzzy (Fuse) tier for a query term only when the exact tier found fewer items than
 * this, i.e. nothing: when the words typed occur somewhere, that is what the visitor meant, and
 * Fuse is the expensive part (common pinyin like xiangxin has thousands of near-misses).
 */
export const FUZZY_WHEN_EXACT_BELOW = 1;

/**
 * Wrong characters forgiven in a Chinese query term: one from HAN_TYPO_MIN_CHARS characters on
 * (无线店 for 无线电, 设直 for 设置: one mistyped or misremembered character is the common
 * error), a second only from HAN_SECOND_TYPO_CHARS on. Forgiving more matches unrelated items
 * (股份有限公司 titles are all two characters apart) and multiplies what Fuse must check.
 */
export const HAN_TYPO_MIN_CHARS = 3;
export const HAN_SECOND_TYPO_CHARS = 10;

/**
 * Wrong, missing or extra letters forgiven in full pinyin (jienengshencah, zhuanjingtexing):
 * one from PINYIN_TYPO_MIN_LETTERS letters on (shorter pinyin like `xian` with one error would
 * match half the index), a second from PINYIN_SECOND_TYPO_LETTERS. Letters are far less
 * distinctive than hanzi, so pinyin gets fewer.
 */
export const PINYIN_TYPO_MIN_LETTERS = 7;
export const PINYIN_SECOND_TYPO_LETTERS = 16;

/**
 * Prefilter gram sizes (see prefilter.ts). Hanzi are distinctive one by one, and pairs prune
 * long patterns further. Pinyin letters are not: single letters and pairs (an, zh, in) occur in
 * most titles, so triples, with the window test, do the pruning.
 */
export const HAN_GRAMS: readonly (1 | 2 | 3)[] = [1, 2];
export const PINYIN_GRAMS: readonly (1 | 2 | 3)[] = [3];

/**
 * Bodies carry no pinyin; on submit a pinyin term is looked up in them as the hanzi it matched
 * in titles and keywords, the most frequent few (jieneng -> 节能).
 */
export const BODY_TRANSLITERATIONS = 3;

/** A single letter searches only title initials from the start (w -> 无线电…), not everywhere. */
export const MIN_LETTERS_ANYWHERE = 2;

/** A single hanzi is not searched in summaries: 的, 省, 局 would match everything. */
export const MIN_HAN_CHARS_IN_SUMMARY = 2;

/**
 * As-you-type summary length: an editor's summary says what an item is about in its first
 * sentence; without one, the start of the text stands in. Longer would mostly add boilerplate
 * (联系人, 联系电话…) that matches everything, and a third of the index size.
 */
export const SUMMARY_MAX_CHARS = 80;

/**
 * Body text kept for the submit-time tier. Visitors search for what a document is about, which
 * its first paragraphs say; the cap keeps the body file near 1 MB gzip at 10,000 items.
 */
export const BODY_MAX_CHARS = 600;

/** Characters of context either side of a match in a summary or body snippet. */
export const SNIPPET_CONTEXT = 18;

/**
 * Relevance points (higher is better). The order encodes what a visitor means: the item whose
 * name is the query, then names starting with it, then names containing it, then keywords,
 * reference numbers, summaries, fuzzy (typo) matches and finally body text. Typos are forgiven
 * in titles and keywords only: a summary is long enough to hold near-misses of anything.
 */
export const SCORE = {
	titleExact: 1000,
	titlePrefix: 700,
	titleSubstring: 600,
	keywordExact: 560,
	keywordSubstring: 450,
	code: 520,
	summary: 260,
	body: 120,
	/** Fuzzy matches scale down from these with Fuse's error score. */
	fuzzyTitle: 420,
	fuzzyKeyword: 340
} as const;

/** Up to this many points for covering more of the title: 无线电台执照 beats a longer title. */
export const TITLE_COVERAGE_BONUS = 200;
export const KEYWORD_COVERAGE_BONUS = 60;

/**
 * Points lost per character the match starts into the title, so earlier is better; capped so a
 * title match deep in a long title (…2014年度“三公”经费…) still beats a keyword match.
 */
export const POSITION_PENALTY = 2;
export const POSITION_PENALTY_MAX_CHARS = 12;

/** Initials are ambiguous (wxd is 无线电 but also 文献袋); a full-pinyin match ranks above. */
export const INITIALS_FACTOR = 0.9;

/**
 * Two initials inside a title or keyword mostly meet by chance across words (项目备案 holds "mb"):
 * below INITIALS_ANYWHERE_LETTERS letters, a match that does not start the title or keyword
 * counts this much less, so `mb` puts 民爆 (a keyword) first.
 */
export const INITIALS_ANYWHERE_LETTERS = 3;
export const INITIALS_INSIDE_FACTOR = 0.5;

/**
 * Two swapped neighbours (wuxiandain for wuxiandian) are one slip of the finger, but Bitap counts
 * two errors; tried as exact variants when nothing else matched, at about a typo's rank.
 */
export const TRANSPOSITION_FACTOR = 0.6;
/**
 * Swaps are tried from this length (minboa, garnao), below the typo lengths: only when nothing
 * matched the term as typed, and a swap must then match exactly, so few wrong guesses get in.
 */
export const TRANSPOSITION_MIN_CHARS = 4;

/**
 * A run of words typed without spaces that no item holds whole (高压线下施工, 中小企业补贴,
 * jianqingfudan) is searched as the pieces of it that occur: pieces of at least SPLIT_MIN_HAN
 * hanzi or SPLIT_MIN_LETTERS letters (shorter ones occur everywhere), together covering at least
 * SPLIT_MIN_COVERED of what was typed (so two stray syllables of a long string match nothing).
 */
export const SPLIT_MIN_HAN = 2;
export const SPLIT_MIN_LETTERS = 4;
export const SPLIT_MIN_COVERED = 0.6;

/** A match through a synonym (技改 -> 技术改造) ranks a little below the visitor's own words. */
export const SYNONYM_FACTOR = 0.92;

/**
 * Small tie-breaks between types: visitors at a service hall mostly come for a guide or an
 * online service; a disclosure document with the same words is less likely what they want.
 */
export const TYPE_BONUS: Record<string, number> = {
	guide: 6,
	service: 5,
	process: 4,
	notice: 2,
	disclosure: 0
};

/**
 * Words that name a service (许可, 审批…), in hanzi and full pinyin. A query holding one is asked
 * by someone who wants to get something done: disclosure documents that merely mention it
 * (2014年第四季度行政许可…公示) lose this many points, so guides come first.
 */
export const SERVICE_WORDS: readonly (readonly [hanzi: string, pinyin: string])[] = [
	['许可', 'xuke'],
	['审批', 'shenpi'],
	['备案', 'beian'],
	['认定', 'rending'],
	['核准', 'hezhun'],
	['登记', 'dengji'],
	['申报', 'shenbao'],
	['申请', 'shenqing'],
	['办理', 'banli'],
	['执照', 'zhizhao'],
	['证明', 'zhengming'],
	['变更', 'biangeng'],
	['注销', 'zhuxiao'],
	['年检', 'nianjian']
];
export const SERVICE_WORD_DISCLOSURE_PENALTY = 160;

/** Results listed per type before "显示全部": a screenful that still shows other types. */
export const GROUP_PREVIEW = 5;

/** A search that finds nothing is reported once the visitor has stopped typing this long. */
export const ZERO_RESULT_REPORT_MS = 1500;
