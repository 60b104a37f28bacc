/**
 * Likely next words after what the visitor has written, from the kiosk's own search index: the
 * keywords that begin with it, and the title stretches that begin with it and end where titles
 * part ways or a title's word ends (无 → 无线电, 无线电台), most used first.
 */

/** Longest suggestion, in characters. */
const MAX_LENGTH = 6;
const STOP = /[\s，。、；：！？,.;:!?（）()《》“”"'·\-—/]/;

export interface Phrases {
	/** Item titles, as shown. */
	titles: readonly string[];
	/** Keywords editors gave the items. */
	keywords: readonly string[];
}

/** Up to `limit` words that start with `stem` and are longer than it. */
export function nextWords(stem: string, phrases: Phrases, limit = 6): string[] {
	const s = stem.trim();
	if (!s) return [];
	const score = new Map<string, number>();
	const add = (word: string, weight: number) => score.set(word, (score.get(word) ?? 0) + weight);

	for (const k of new Set(phrases.keywords)) {
		if (k.length > s.length && k.length <= MAX_LENGTH && k.startsWith(s)) add(k, 3);
	}
	// Every stretch of a title after an occurrence of the stem, up to a stop or MAX_LENGTH.
	const counts = new Map<string, number>();
	const ends = new Set<string>();
	for (const title of new Set(phrases.titles)) {
		let at = title.indexOf(s);
		const seen = new Set<string>();
		while (at >= 0) {
			for (let end = at + s.length + 1; end <= Math.min(title.length, at + MAX_LENGTH); end++) {
				if (STOP.test(title[end - 1] as string)) break;
				const word = title.slice(at, end);
				if (!seen.has(word)) {
					seen.add(word);
					counts.set(word, (counts.get(word) ?? 0) + 1);
				}
				if (end === title.length || STOP.test(title[end] as string)) ends.add(word);
			}
			at = title.indexOf(s, at + 1);
		}
	}
	for (const [word, count] of counts) {
		// A stretch is a word where titles part ways after it (more of it than of any longer one)
		// or where a title's own word ends.
		let longer = 0;
		for (const [other, c] of counts) {
			if (other.length === word.length + 1 && other.startsWith(word)) longer = Math.max(longer, c);
		}
		if ((count >= 2 && count > longer) || ends.has(word)) add(word, count);
	}
	return [...score]
		.sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || a[0].localeCompare(b[0]))
		.slice(0, limit)
		.map(([word]) => word);
}
