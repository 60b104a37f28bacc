/**
 * A lossless q-gram prefilter ahead of Fuse. Bitap accepts a pattern of m characters in a text
 * with at most e = floor(threshold * m) edits. Each edit destroys at most q of the pattern's
 * m - q + 1 q-grams, so a text that matches contains at least t = m - q + 1 - q*e of them
 * (the q-gram lemma). A text holding fewer of the pattern's q-grams cannot match: skipping it
 * never loses a result, and on a Chinese corpus it skips almost every document.
 *
 * Counts are kept per field value (a title, one keyword), because Fuse matches within one value.
 * A value that passes is then checked with a window: the matching part of a text is at most
 * m + e characters long, and of the pattern's D distinct q-grams at least D - q*e survive the
 * edits, so some window of m + e characters must hold that many of them. Long texts (a title's
 * 60 letters of pinyin) hold many of a pattern's grams somewhere, but rarely close together.
 *
 * q-grams are hashed into buckets: a collision can only let an extra text through, never drop
 * one, so the filter stays lossless. Several gram sizes can be asked and their results
 * intersected, since each is a superset of the true matches.
 */

export type GramSize = 1 | 2 | 3;

/** Edits Fuse's Bitap tolerates for a pattern of `length` characters at `threshold`. */
export function maxErrors(length: number, threshold: number): number {
	// Fuse accepts errors/length <= threshold; the epsilon absorbs 1/3 <= 0.34 style rounding.
	return Math.floor(threshold * length + 1e-9);
}

/** Minimum shared q-gram positions for a possible match, or <= 0 if the filter cannot prune. */
export function requiredGrams(length: number, errors: number, q: GramSize): number {
	return length - q + 1 - q * errors;
}

export interface FilterPlan {
	q: GramSize;
	/** Pattern gram positions a value must hold anywhere. */
	required: number;
	/** Edits allowed: sets the window (m + e) and its requirement (D - q*e). */
	errors: number;
}

/**
 * The gram sizes that can prune for this pattern, or [] when Fuse would add nothing (no error
 * allowed: exact matches are the exact tier's) or nothing can be pruned.
 */
export function filterPlans(
	length: number,
	threshold: number,
	sizes: readonly GramSize[]
): FilterPlan[] {
	const e = maxErrors(length, threshold);
	if (e === 0) return [];
	return sizes
		.map((q) => ({ q, required: requiredGrams(length, e, q), errors: e }))
		.filter((p) => p.required >= 1);
}

/** A gram in more than this share of all values is not worth counting (see `candidates`). */
const COMMON_GRAM_SHARE = 1;

/** Unigrams are char codes (no collision); longer grams hash into 2^18 buckets. */
const HASH_BITS = 18;

function bucketCount(q: GramSize): number {
	return q === 1 ? 1 << 16 : 1 << HASH_BITS;
}

function gram(text: string, i: number, q: GramSize): number {
	if (q === 1) return text.charCodeAt(i);
	// Multiplicative hashing: two or three multiplies, spread over the top HASH_BITS bits.
	let h = Math.imul(text.charCodeAt(i), 0x9e3779b1) ^ Math.imul(text.charCodeAt(i + 1), 0x85ebca6b);
	if (q === 3) h ^= Math.imul(text.charCodeAt(i + 2), 0xc2b2ae35);
	return h >>> (32 - HASH_BITS);
}

/** Posting lists (gram bucket -> field values holding it), in compressed-row form. */
export class GramIndex {
	readonly q: GramSize;
	readonly #texts: readonly string[];
	readonly #owner: Int32Array;
	/** Per bucket: which distinct pattern gram it is during one query, else -1. */
	readonly #slot: Int16Array;
	/**
	 * 1,024 bits, set for the pattern's buckets during one query. The window test reads every
	 * gram of a text; this small map (L1-cache sized) answers "not in the pattern" for nearly all
	 * of them without touching the 512 KB slot table.
	 */
	readonly #mask = new Uint32Array(32);
	#window = new Uint8Array(64);
	#ring = new Int16Array(64);
	readonly #offsets: Int32Array;
	readonly #values: Int32Array;
	readonly #counts: Uint8Array;

	/** `values[i]` is the searchable text of field value i, which belongs to document `owner[i]`. */
	constructor(values: readonly string[], owner: Int32Array, q: GramSize) {
		this.q = q;
		this.#texts = values;
		this.#owner = owner;
		this.#counts = new Uint8Array(values.length);
		const buckets = bucketCount(q);
		this.#slot = new Int16Array(buckets).fill(-1);
		const lastValue = new Int32Array(buckets).fill(-1);
		const sizes = new Int32Array(buckets + 1);
		// Two passes (count, then fill) into flat typed arrays: fast to build, small to keep.
		const eachGram = (visit: (bucket: number, value: number) => void) => {
			lastValue.fill(-1);
			values.forEach((text, v) => {
				for (let i = 0; i + q <= text.length; i++) {
					const b = gram(text, i, q);
					if (lastValue[b] === v) continue;
					lastValue[b] = v;
					visit(b, v);
				}
			});
		};
		eachGram((b) => sizes[b + 1]!++);
		for (let b = 0; b < buckets; b++) sizes[b + 1]! += sizes[b]!;
		this.#offsets = sizes;
		this.#values = new Int32Array(sizes[buckets]!);
		const fill = Int32Array.from(sizes.subarray(0, buckets));
		eachGram((b, v) => (this.#values[fill[b]!++] = v));
	}

	/**
	 * Documents with a field value that passes both the count and the window test; only
	 * documents in `within` (an earlier, lossless filter's result) are window-tested.
	 */
	candidates(pattern: string, plan: FilterPlan, within?: Set<number>): Set<number> {
		const q = this.q;
		const counts = this.#counts;
		const touched: number[] = [];
		const passed: number[] = [];
		// Grams held by many values (zh, an, 省) cost the most to count and prune the least.
		// Treating k of them as present and asking k fewer of the rest is still lossless.
		const positions: number[] = [];
		for (let i = 0; i + q <= pattern.length; i++) positions.push(gram(pattern, i, q));
		const size = (b: number) => this.#offsets[b + 1]! - this.#offsets[b]!;
		positions.sort((a, b) => size(b) - size(a));
		let required = plan.required;
		while (required > 1 && size(positions[0]!) > this.#counts.length * COMMON_GRAM_SHARE) {
			positions.shift();
			required--;
		}
		for (const b of positions) {
			const end = this.#offsets[b + 1]!;
			for (let k = this.#offsets[b]!; k < end; k++) {
				const v = this.#values[k]!;
				const c = counts[v]! + 1;
				counts[v] = c;
				if (c === 1) touched.push(v);
				if (c === required) passed.push(v);
			}
		}
		for (const v of touched) counts[v] = 0;

		// The window test, on the few values the count let through.
		const slots: number[] = [];
		for (let i = 0; i + q <= pattern.length; i++) {
			const b = gram(pattern, i, q);
			if (this.#slot[b] === -1) this.#slot[b] = slots.push(b) - 1;
			this.#mask[(b >>> 5) & 31]! |= 1 << (b & 31);
		}
		const need = slots.length - q * plan.errors;
		const width = pattern.length + plan.errors;
		const docs = new Set<number>();
		for (const v of passed) {
			const owner = this.#owner[v]!;
			if (docs.has(owner) || (within && !within.has(owner))) continue;
			if (need < 1 || this.#windowHolds(this.#texts[v]!, width, need, slots.length)) {
				docs.add(owner);
			}
		}
		for (const b of slots) this.#slot[b] = -1;
		this.#mask.fill(0);
		return docs;
	}

	/** Does some `width`-character window of `text` hold `need` distinct pattern grams? */
	#windowHolds(text: string, width: number, need: number, distinct: number): boolean {
		const q = this.q;
		const grams = text.length - q + 1;
		const span = width - q + 1;
		if (this.#window.length < distinct) this.#window = new Uint8Array(distinct * 2);
		const inWindow = this.#window.fill(0, 0, distinct);
		// The slots of the last `span` grams, so each gram of the text is hashed once.
		if (this.#ring.length < span) this.#ring = new Int16Array(span * 2);
		const ring = this.#ring;
		let present = 0;
		for (let i = 0; i < grams; i++) {
			const at = i % span;
			if (i >= span) {
				const out = ring[at]!;
				if (out >= 0 && --inWindow[out]! === 0) present--;
			}
			const s = this.#slotOf(gram(text, i, q));
			ring[at] = s;
			if (s >= 0 && inWindow[s]!++ === 0) present++;
			if (present >= need) return true;
		}
		return false;
	}

	#slotOf(bucket: number): number {
		if ((this.#mask[(bucket >>> 5) & 31]! & (1 << (bucket & 31))) === 0) return -1;
		return this.#slot[bucket]!;
	}
}

/** Below this many documents, another filter pass costs more than Fuse on them. */
const FEW_CANDIDATES = 64;

/** Documents every plan lets through (each plan alone is lossless, so their intersection is). */
export function candidatesOf(
	pattern: string,
	plans: FilterPlan[],
	index: (q: GramSize) => GramIndex
): number[] {
	let result: Set<number> | null = null;
	// Longest grams first: they prune most; once few documents are left, Fuse can have them.
	for (const plan of [...plans].sort((a, b) => b.q - a.q)) {
		const docs = index(plan.q).candidates(pattern, plan, result ?? undefined);
		if (result) for (const d of result) if (!docs.has(d)) result.delete(d);
		result = result ?? docs;
		if (result.size <= FEW_CANDIDATES) break;
	}
	return result ? [...result].sort((a, b) => a - b) : [];
}
