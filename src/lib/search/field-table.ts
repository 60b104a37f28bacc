/**
 * One searchable field of every document, folded and joined into a single string so that an
 * exact-substring search over 10,000 items is a handful of native `indexOf` calls.
 *
 * A pinyin table (full pinyin or initials) also knows, for every letter, which character of the
 * displayed text it spells and whether a syllable starts there, so a match is checked and
 * highlighted in constant time. The build stores per title and keyword one digit per UTF-16 unit:
 * how many letters it spells (无 -> 2 `wu`, 5 -> 1, （ -> 0); initials spell one letter per unit
 * with a non-zero count.
 */
import { fold } from './text';
import type { Range } from './types';

const SEPARATOR = '\u0000';

export interface FieldEntry {
	doc: number;
	/** Position within the document's field (keyword number); 0 for single-valued fields. */
	sub: number;
	text: string;
	/** Letters spelled per unit of the displayed text, for pinyin tables. */
	lens?: string;
}

export type PinyinForm = 'full' | 'initials';

export class FieldTable {
	/** The texts as stored, one per value. */
	readonly texts: string[];
	readonly owner: Int32Array;
	readonly sub: Int32Array;
	readonly #starts: Int32Array;
	readonly #joined: string;
	/** Pinyin tables: displayed character of each letter, and 1 where a syllable starts. */
	readonly #charAt: Uint16Array | null = null;
	readonly #syllableStart: Uint8Array | null = null;

	constructor(entries: readonly FieldEntry[], pinyin?: PinyinForm) {
		this.texts = entries.map((e) => e.text);
		this.owner = Int32Array.from(entries, (e) => e.doc);
		this.sub = Int32Array.from(entries, (e) => e.sub);
		this.#starts = new Int32Array(entries.length);
		let at = 1;
		entries.forEach((e, i) => {
			this.#starts[i] = at;
			at += e.text.length + 1;
		});
		const body = this.texts.join(SEPARATOR);
		// Pinyin is lowercase ASCII already; Chinese text is folded (全角, capitals).
		this.#joined = SEPARATOR + (pinyin ? body : fold(body));
		if (pinyin) {
			this.#charAt = new Uint16Array(at);
			this.#syllableStart = new Uint8Array(at);
			entries.forEach((e, v) => this.#mapLetters(this.#starts[v]!, e.lens ?? '', pinyin));
		}
	}

	#mapLetters(start: number, lens: string, form: PinyinForm) {
		let pos = start;
		for (let unit = 0; unit < lens.length; unit++) {
			const n = lens.charCodeAt(unit) - 48;
			const letters = form === 'full' ? n : n > 0 ? 1 : 0;
			for (let k = 0; k < letters; k++, pos++) {
				this.#charAt![pos] = unit;
				this.#syllableStart![pos] = k === 0 ? 1 : 0;
			}
		}
	}

	get length(): number {
		return this.texts.length;
	}

	#valueAt(pos: number, from: number): number {
		let lo = from;
		let hi = this.#starts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >>> 1;
			if ((this.#starts[mid] as number) <= pos) lo = mid;
			else hi = mid - 1;
		}
		return lo;
	}

	/**
	 * Calls `visit(value, offset)` for each occurrence of the folded `needle`, in order. When
	 * `visit` returns true the rest of that value is skipped (its first hit was enough).
	 */
	scan(needle: string, visit: (value: number, offset: number) => boolean | void): void {
		if (!needle || needle.includes(SEPARATOR) || this.texts.length === 0) return;
		const joined = this.#joined;
		let pos = joined.indexOf(needle, 1);
		let value = 0;
		while (pos >= 0) {
			value = this.#valueAt(pos, value);
			const start = this.#starts[value] as number;
			const skip = visit(value, pos - start);
			const next = skip ? start + (this.texts[value] as string).length + 1 : pos + 1;
			pos = joined.indexOf(needle, next);
		}
	}

	/** Pinyin tables: does a syllable start at this offset of the value? */
	isSyllableStart(value: number, offset: number): boolean {
		return this.#syllableStart?.[this.#starts[value]! + offset] === 1;
	}

	/** Pinyin tables: the displayed characters that letters [start, end) of the value spell. */
	charRange(value: number, start: number, end: number): Range | null {
		const text = this.texts[value];
		if (!this.#charAt || !text || end <= start || end > text.length) return null;
		const base = this.#starts[value]!;
		return [this.#charAt[base + start]!, this.#charAt[base + end - 1]! + 1];
	}
}
