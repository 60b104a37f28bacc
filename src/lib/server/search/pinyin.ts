/**
 * Pinyin for search, computed at build time with pinyin-pro (which never reaches the browser:
 * it lives under $lib/server). pinyin-pro picks readings from context (银行 hang, 行政 xing).
 */
import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;
const ALNUM = /^[0-9A-Za-z]$/;
const SYLLABLE = /^[a-z]+$/;

export interface Spelling {
	/** Toneless full pinyin, letters and digits kept: 5G基站 -> 5gjizhan. */
	full: string;
	/** One letter per hanzi (and per ASCII letter or digit): 5gjz. */
	initials: string;
	/**
	 * One digit per UTF-16 unit of the text: how many letters of `full` it spells. Lets the
	 * browser highlight 无线电 when `wuxiandian` or `wxd` matched.
	 */
	lens: string;
}

/**
 * `everyday`: each character's most common reading on its own, ignoring context — what a visitor
 * who misreads a polyphone types (长辈 as changbei, not zhangbei).
 */
export function spell(text: string, { everyday = false } = {}): Spelling {
	const chars = Array.from(text);
	const alone = (c: string) => pinyin(c, { toneType: 'none', type: 'array', v: true })[0] ?? c;
	let syllables = everyday
		? chars.map(alone)
		: pinyin(text, { toneType: 'none', type: 'array', v: true });
	// One entry per code point is what pinyin-pro returns; fall back to one call per character.
	if (syllables.length !== chars.length) syllables = chars.map(alone);
	let full = '';
	let initials = '';
	let lens = '';
	chars.forEach((c, i) => {
		const s = (syllables[i] ?? '').toLowerCase();
		let letters = '';
		if (HAN.test(c) && SYLLABLE.test(s)) letters = s;
		else if (ALNUM.test(c)) letters = c.toLowerCase();
		full += letters;
		initials += letters.slice(0, 1);
		// Syllables are at most 6 letters, so one digit per unit suffices.
		lens += String(letters.length) + (c.length > 1 ? '0' : '');
	});
	return { full, initials, lens };
}
