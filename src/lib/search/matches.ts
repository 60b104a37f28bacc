/**
 * How one query term matched each document, in flat typed arrays indexed by document. A two-letter
 * term like `zh` matches most of a 10,000-item index; one object per match would spend the frame
 * on allocation and garbage collection. Buffers are reused from search to search.
 */
import type { MatchField, Range } from './types';

export type DetailField = Exclude<MatchField, 'title'>;
const DETAIL_FIELDS: DetailField[] = ['keyword', 'summary', 'body', 'code'];

export interface Detail {
	field: DetailField;
	/** Value number in that field's table. */
	value: number;
	range: Range;
}

export class TermMatches {
	/** Documents matched, in the order first matched. */
	readonly docs: number[] = [];
	/** Best relevance per document; 0 = not matched (every real score is above 0). */
	readonly score: Float64Array;
	readonly #titleStart: Int32Array;
	readonly #titleEnd: Int32Array;
	readonly #detailScore: Float64Array;
	readonly #detailField: Uint8Array;
	readonly #detailValue: Int32Array;
	readonly #detailStart: Int32Array;
	readonly #detailEnd: Int32Array;

	constructor(size: number) {
		this.score = new Float64Array(size);
		this.#titleStart = new Int32Array(size).fill(-1);
		this.#titleEnd = new Int32Array(size);
		this.#detailScore = new Float64Array(size);
		this.#detailField = new Uint8Array(size);
		this.#detailValue = new Int32Array(size);
		this.#detailStart = new Int32Array(size);
		this.#detailEnd = new Int32Array(size);
	}

	get size(): number {
		return this.docs.length;
	}

	has(doc: number): boolean {
		return this.score[doc]! > 0;
	}

	#touch(doc: number, score: number) {
		const prev = this.score[doc]!;
		if (prev === 0) this.docs.push(doc);
		if (score > prev) this.score[doc] = score;
	}

	/** A match in the title: the first one found is the one highlighted. */
	addTitle(doc: number, score: number, range: Range): void {
		this.#touch(doc, score);
		if (this.#titleStart[doc]! < 0) {
			this.#titleStart[doc] = range[0];
			this.#titleEnd[doc] = range[1];
		}
	}

	/** A match elsewhere: the best one is kept to show under the title. */
	addDetail(doc: number, score: number, detail: Detail): void {
		this.#touch(doc, score);
		if (score > this.#detailScore[doc]!) {
			this.#detailScore[doc] = score;
			this.#detailField[doc] = DETAIL_FIELDS.indexOf(detail.field);
			this.#detailValue[doc] = detail.value;
			this.#detailStart[doc] = detail.range[0];
			this.#detailEnd[doc] = detail.range[1];
		}
	}

	titleRange(doc: number): Range | null {
		const s = this.#titleStart[doc]!;
		return s < 0 ? null : [s, this.#titleEnd[doc]!];
	}

	detail(doc: number): { detail: Detail; score: number } | null {
		const score = this.#detailScore[doc]!;
		if (score === 0) return null;
		const detail: Detail = {
			field: DETAIL_FIELDS[this.#detailField[doc]!]!,
			value: this.#detailValue[doc]!,
			range: [this.#detailStart[doc]!, this.#detailEnd[doc]!]
		};
		return { detail, score };
	}

	/** Forgets every match, touching only the documents that matched. */
	clear(): void {
		for (const d of this.docs) {
			this.score[d] = 0;
			this.#titleStart[d] = -1;
			this.#detailScore[d] = 0;
		}
		this.docs.length = 0;
	}
}
