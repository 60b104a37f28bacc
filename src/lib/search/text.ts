/**
 * Query text handling: folding (so 全角 and capital letters match), splitting a query into terms
 * and routing each term by script: hanzi go to the Chinese fields, Latin letters to the pinyin
 * fields, numbers and codes to reference numbers and titles.
 */
import { MAX_QUERY_CHARS } from './tuning';

const HAN = /\p{Script=Han}/u;
const FOLDABLE = /[A-Z\uFF01-\uFF5E\u3000]/g;

/**
 * Full-width ASCII to ASCII, ideographic space to space, A-Z to a-z. Every character maps to
 * exactly one character, so offsets in the folded text are offsets in the original: highlights
 * computed on folded text land on the right characters of what is displayed.
 */
export function fold(text: string): string {
	return text.replace(FOLDABLE, (c) => {
		const code = c.charCodeAt(0);
		if (code === 0x3000) return ' ';
		if (code >= 0xff01) return String.fromCharCode(code - 0xfee0).toLowerCase();
		return String.fromCharCode(code + 32);
	});
}

export function hasHan(text: string): boolean {
	return HAN.test(text);
}

/**
 * - `han`: contains hanzi; searched in title, keywords, summary (and body on submit).
 * - `pinyin`: only letters; searched as full pinyin and as initials.
 * - `code`: digits or reference-number punctuation; searched in 索引号/编码 and in titles.
 */
export type TermKind = 'han' | 'pinyin' | 'code';

export interface Term {
	text: string;
	kind: TermKind;
}

/** One way to read the query: all its terms must match (AND). */
export type Reading = Term[];

/** Letters inside a word with hanzi are pinyin only as a run of 2+ not touching a digit (5G stays). */
const LETTER_RUN = /(?<![0-9a-z])[a-z]{2,}(?![0-9a-z])/g;
// IME separators (wu'xian) and ASCII punctuation around pinyin carry no meaning.
const PINYIN_NOISE = /['’·.,，。、\-_]/g;

function classify(word: string): Term | null {
	if (!word) return null;
	if (hasHan(word)) return { text: word, kind: 'han' };
	const letters = word.replace(PINYIN_NOISE, '');
	if (/^[a-z]+$/.test(letters)) return { text: letters, kind: 'pinyin' };
	return { text: word, kind: 'code' };
}

function splitWord(word: string): Term[] {
	if (!hasHan(word)) {
		const t = classify(word);
		return t ? [t] : [];
	}
	// 无线dian -> 无线 + dian; 5G基站 stays one term (the G belongs to the 5).
	const terms: Term[] = [];
	let last = 0;
	for (const m of word.matchAll(LETTER_RUN)) {
		const before = word.slice(last, m.index).trim();
		if (before) terms.push({ text: before, kind: hasHan(before) ? 'han' : 'code' });
		terms.push({ text: m[0], kind: 'pinyin' });
		last = m.index + m[0].length;
	}
	const rest = word.slice(last).trim();
	if (rest) terms.push({ text: rest, kind: hasHan(rest) ? 'han' : 'code' });
	return terms;
}

/** The folded, trimmed query as the engine sees it (also what the zero-result report carries). */
export function normalizeQuery(query: string): string {
	return fold(query).replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_CHARS);
}

/**
 * The readings of a query, best first. Usually one; a query of several pinyin words gets a
 * second reading with the words joined, because `wu xian dian` means `wuxiandian`.
 */
export function parseQuery(query: string): Reading[] {
	const q = normalizeQuery(query);
	if (!q) return [];
	const words = q.split(' ');
	const terms = words.flatMap(splitWord);
	if (terms.length === 0) return [];
	const readings: Reading[] = [terms];
	if (terms.length > 1 && terms.every((t) => t.kind === 'pinyin')) {
		const joined = terms.map((t) => t.text).join('');
		if (joined.length <= MAX_QUERY_CHARS) readings.unshift([{ text: joined, kind: 'pinyin' }]);
	}
	return readings;
}
