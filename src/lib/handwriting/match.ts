/**
 * Matching written strokes against the reference characters. Each written stroke is paired with
 * at most one reference stroke by a minimum-cost assignment, so strokes written in another order
 * still match; a reference stroke left unpaired costs by its length (a forgotten dot costs
 * little), an extra written stroke costs a fixed amount. Two reference strokes written in one
 * go (joined) are tried for the best candidates. A quick look (each stroke's nearest stroke on the
 * other side) first narrows the stroke-count window's ~2,000 characters to a shortlist.
 */
import { joined, POINTS, strokeLength, type Feature, type Point } from './features';
import type { Template } from './data';

/** Strokes written backwards match at this extra cost (unit-box distance). */
const REVERSED = 0.12;
/** A written stroke with no reference stroke. */
const EXTRA = 0.45;
/** A reference stroke not written: a base plus its length. */
const MISSING_BASE = 0.15;
const MISSING_PER_LENGTH = 0.35;
/** How many fewer / more reference strokes than written ones a candidate may have. */
const FEWER = 2;
const MORE = 3;
/** Candidates of the first pass tried again with two strokes joined. */
const REFINE = 60;
/** Candidates of the quick first look that get the full assignment. */
const SHORTLIST = 300;

export interface Candidate {
	char: string;
	/** Mean cost per stroke: lower is closer. */
	score: number;
}

/** Mean distance between two resampled strokes, either way round. */
export function strokeCost(a: Feature, b: Feature): number {
	let forward = 0;
	let backward = 0;
	for (let k = 0; k < POINTS; k++) {
		const ax = a[k * 2] as number;
		const ay = a[k * 2 + 1] as number;
		const j = POINTS - 1 - k;
		let dx = ax - (b[k * 2] as number);
		let dy = ay - (b[k * 2 + 1] as number);
		forward += Math.sqrt(dx * dx + dy * dy);
		dx = ax - (b[j * 2] as number);
		dy = ay - (b[j * 2 + 1] as number);
		backward += Math.sqrt(dx * dx + dy * dy);
	}
	return Math.min(forward, backward + REVERSED * POINTS) / POINTS;
}

function missingCost(stroke: Feature): number {
	const points: Point[] = [];
	for (let i = 0; i < stroke.length; i += 2) {
		points.push([stroke[i] as number, stroke[i + 1] as number]);
	}
	return MISSING_BASE + MISSING_PER_LENGTH * strokeLength(points);
}

/** Scratch space for the assignment, grown as needed: matching allocates nothing per candidate. */
let scratch = makeScratch(32);
function makeScratch(n: number) {
	return {
		n,
		cost: new Float64Array(n * n),
		u: new Float64Array(n + 1),
		v: new Float64Array(n + 1),
		p: new Int32Array(n + 1),
		way: new Int32Array(n + 1),
		minv: new Float64Array(n + 1),
		used: new Uint8Array(n + 1)
	};
}
function scratchFor(n: number) {
	if (n > scratch.n) scratch = makeScratch(n);
	return scratch;
}

/**
 * Minimum-cost assignment on the square matrix `cost` (n × n, row-major; Hungarian method with
 * potentials, O(n³)). Returns the total cost.
 */
export function assignmentCost(cost: Float64Array, n: number): number {
	const { u, v, p, way, minv, used } = scratchFor(n);
	u.fill(0, 0, n + 1);
	v.fill(0, 0, n + 1);
	p.fill(0, 0, n + 1);
	for (let i = 1; i <= n; i++) {
		p[0] = i;
		let j0 = 0;
		minv.fill(Infinity, 0, n + 1);
		used.fill(0, 0, n + 1);
		do {
			used[j0] = 1;
			const i0 = p[j0] as number;
			const row = (i0 - 1) * n - 1;
			const ui = u[i0] as number;
			let delta = Infinity;
			let j1 = 0;
			for (let j = 1; j <= n; j++) {
				if (used[j]) continue;
				const cur = (cost[row + j] as number) - ui - (v[j] as number);
				if (cur < (minv[j] as number)) {
					minv[j] = cur;
					way[j] = j0;
				}
				if ((minv[j] as number) < delta) {
					delta = minv[j] as number;
					j1 = j;
				}
			}
			for (let j = 0; j <= n; j++) {
				if (used[j]) {
					const pj = p[j] as number;
					u[pj] = (u[pj] as number) + delta;
					v[j] = (v[j] as number) - delta;
				} else minv[j] = (minv[j] as number) - delta;
			}
			j0 = j1;
		} while (p[j0] !== 0);
		do {
			const j1 = way[j0] as number;
			p[j0] = p[j1] as number;
			j0 = j1;
		} while (j0);
	}
	let total = 0;
	for (let j = 1; j <= n; j++) {
		const i = p[j] as number;
		if (i > 0) total += cost[(i - 1) * n + (j - 1)] as number;
	}
	return total;
}

/** A reference character prepared for matching. */
interface Reference {
	char: string;
	strokes: Feature[];
	missing: Float64Array;
	/** Strokes j and j + 1 written in one go, for each j. */
	joins: Feature[];
	joinMissing: Float64Array;
}

function prepare(t: Template): Reference {
	const joins: Feature[] = [];
	for (let j = 0; j + 1 < t.strokes.length; j++) {
		joins.push(joined(t.strokes[j] as Feature, t.strokes[j + 1] as Feature));
	}
	return {
		char: t.char,
		strokes: t.strokes,
		missing: Float64Array.from(t.strokes, missingCost),
		joins,
		joinMissing: Float64Array.from(joins, missingCost)
	};
}

/**
 * Fills the assignment matrix for written strokes against reference strokes, where reference
 * stroke `join` (if ≥ 0) stands for strokes join and join + 1 written as one. `pair` holds the
 * written × reference stroke costs already computed.
 */
function costOf(
	written: readonly Feature[],
	ref: Reference,
	pair: Float64Array,
	join: number
): number {
	const n = written.length;
	const m = join >= 0 ? ref.strokes.length - 1 : ref.strokes.length;
	const size = Math.max(n, m);
	const { cost } = scratchFor(size);
	const mAll = ref.strokes.length;
	for (let j = 0; j < size; j++) {
		// Reference column j: which stroke (or joined pair) it is.
		let missing = 0;
		let source = -1;
		let joinedStroke: Feature | null = null;
		if (j < m) {
			if (join >= 0 && j === join) {
				joinedStroke = ref.joins[join] as Feature;
				missing = ref.joinMissing[join] as number;
			} else {
				source = join >= 0 && j > join ? j + 1 : j;
				missing = ref.missing[source] as number;
			}
		}
		for (let i = 0; i < size; i++) {
			let c: number;
			if (i < n && j < m) {
				c = joinedStroke
					? strokeCost(written[i] as Feature, joinedStroke)
					: (pair[i * mAll + source] as number);
			} else if (j < m) c = missing;
			else if (i < n) c = EXTRA;
			else c = 0;
			cost[i * size + j] = c;
		}
	}
	return assignmentCost(cost, size) / size;
}

function pairCosts(written: readonly Feature[], ref: Reference, into: Float64Array): Float64Array {
	const m = ref.strokes.length;
	for (let i = 0; i < written.length; i++) {
		for (let j = 0; j < m; j++) {
			into[i * m + j] = strokeCost(written[i] as Feature, ref.strokes[j] as Feature);
		}
	}
	return into;
}

/**
 * The quick look: each written stroke's nearest reference stroke and each reference stroke's
 * nearest written stroke, averaged (strokes may share a nearest one, so this only ranks).
 */
function nearest(pair: Float64Array, n: number, m: number): number {
	let total = 0;
	for (let i = 0; i < n; i++) {
		let best = Infinity;
		for (let j = 0; j < m; j++) best = Math.min(best, pair[i * m + j] as number);
		total += best;
	}
	for (let j = 0; j < m; j++) {
		let best = Infinity;
		for (let i = 0; i < n; i++) best = Math.min(best, pair[i * m + j] as number);
		total += best;
	}
	return total / (n + m) + Math.abs(n - m) * 0.05;
}

/** The cost of explaining the written strokes by a reference character's strokes. */
export function characterCost(written: readonly Feature[], reference: readonly Feature[]): number {
	const ref = prepare({ char: '', strokes: [...reference] });
	const pair = pairCosts(written, ref, new Float64Array(written.length * reference.length));
	return costOf(written, ref, pair, -1);
}

/** The reference characters by stroke count, for the stroke-count window. */
export class Recogniser {
	readonly #byCount = new Map<number, Reference[]>();
	readonly size: number;

	constructor(templates: readonly Template[]) {
		for (const t of templates) {
			const list = this.#byCount.get(t.strokes.length) ?? [];
			list.push(prepare(t));
			this.#byCount.set(t.strokes.length, list);
		}
		this.size = templates.length;
	}

	/** The closest characters, best first. */
	recognise(written: readonly Feature[], limit = 10): Candidate[] {
		const n = written.length;
		if (n === 0) return [];
		const quick: { ref: Reference; score: number }[] = [];
		let pair = new Float64Array(n * 64);
		for (let m = Math.max(1, n - FEWER); m <= n + MORE; m++) {
			for (const ref of this.#byCount.get(m) ?? []) {
				if (pair.length < n * m) pair = new Float64Array(n * m);
				pairCosts(written, ref, pair);
				quick.push({ ref, score: nearest(pair, n, m) });
			}
		}
		quick.sort((a, b) => a.score - b.score);
		const first = quick.slice(0, SHORTLIST).map(({ ref }) => {
			const m = ref.strokes.length;
			if (pair.length < n * m) pair = new Float64Array(n * m);
			pairCosts(written, ref, pair);
			return { ref, score: costOf(written, ref, pair, -1) };
		});
		first.sort((a, b) => a.score - b.score);
		// Two strokes written as one: tried where the reference has more strokes than written.
		const refined = first.slice(0, Math.max(REFINE, limit)).map(({ ref, score }) => {
			let best = score;
			if (ref.strokes.length > n) {
				if (pair.length < n * ref.strokes.length) pair = new Float64Array(n * ref.strokes.length);
				pairCosts(written, ref, pair);
				for (let j = 0; j < ref.joins.length; j++) {
					best = Math.min(best, costOf(written, ref, pair, j));
				}
			}
			return { char: ref.char, score: best };
		});
		refined.sort((a, b) => a.score - b.score);
		return refined.slice(0, limit);
	}
}
