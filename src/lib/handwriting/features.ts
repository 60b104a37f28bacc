/**
 * Stroke features for handwriting recognition. A character is a list of strokes, each a list of
 * points (any unit, y down). Both the written ink and the reference characters go through the
 * same steps: the whole character is scaled into a unit box, then every stroke is resampled to
 * POINTS points evenly spaced along its length. Comparing two strokes is then comparing points.
 */

export type Point = readonly [number, number];
export type Stroke = readonly Point[];

/** Points per stroke: enough for a hook or a fold (乙, 乚), few enough to stay compact. */
export const POINTS = 5;
/** Quantisation steps per unit of the box (a feature fits a byte; 1/63 is below a finger's error). */
export const LEVELS = 63;
/**
 * A thin character (一, 丨, 川) is scaled up across its narrow side only up to this share of its
 * long side: otherwise a flat 一 would become a square of noise, while uneven width and height of
 * an ordinary character are still evened out.
 */
const MIN_SIDE = 0.5;

/** A resampled stroke: x0, y0, x1, y1, … (POINTS pairs) in the unit box. */
export type Feature = Float32Array;

/** Scales the character into the unit box, centred; per axis, within the MIN_SIDE limit. */
export function normalise(strokes: readonly Stroke[]): Point[][] {
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	for (const stroke of strokes) {
		for (const [x, y] of stroke) {
			if (x < minX) minX = x;
			if (x > maxX) maxX = x;
			if (y < minY) minY = y;
			if (y > maxY) maxY = y;
		}
	}
	if (!Number.isFinite(minX)) return [];
	const w = maxX - minX;
	const h = maxY - minY;
	const side = Math.max(w, h, 1e-6);
	const sx = Math.max(w, side * MIN_SIDE);
	const sy = Math.max(h, side * MIN_SIDE);
	const cx = (minX + maxX) / 2;
	const cy = (minY + maxY) / 2;
	return strokes.map((stroke) =>
		stroke.map(([x, y]): Point => [(x - cx) / sx + 0.5, (y - cy) / sy + 0.5])
	);
}

/** Length of a polyline. */
export function strokeLength(stroke: Stroke): number {
	let total = 0;
	for (let i = 1; i < stroke.length; i++) {
		const a = stroke[i - 1] as Point;
		const b = stroke[i] as Point;
		total += Math.hypot(b[0] - a[0], b[1] - a[1]);
	}
	return total;
}

/** POINTS points evenly spaced along the stroke (a tap gives POINTS copies of one point). */
export function resample(stroke: Stroke, count = POINTS): Feature {
	const out = new Float32Array(count * 2);
	const first = stroke[0];
	if (!first) return out;
	const total = strokeLength(stroke);
	let seg = 1;
	let walked = 0;
	for (let k = 0; k < count; k++) {
		const target = count === 1 ? 0 : (total * k) / (count - 1);
		while (seg < stroke.length - 1) {
			const a = stroke[seg - 1] as Point;
			const b = stroke[seg] as Point;
			const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
			if (walked + len >= target) break;
			walked += len;
			seg++;
		}
		const a = stroke[Math.max(0, seg - 1)] as Point;
		const b = (stroke[seg] ?? a) as Point;
		const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
		const t = len > 0 ? Math.min(1, Math.max(0, (target - walked) / len)) : 0;
		out[k * 2] = a[0] + (b[0] - a[0]) * t;
		out[k * 2 + 1] = a[1] + (b[1] - a[1]) * t;
	}
	return out;
}

/** The features of a whole character: normalised, then each stroke resampled. */
export function characterFeatures(strokes: readonly Stroke[]): Feature[] {
	return normalise(strokes.filter((s) => s.length > 0)).map((s) => resample(s));
}

/** Rounds a feature to the stored precision (the same rounding the data file has). */
export function quantise(value: number): number {
	return Math.round(Math.min(1, Math.max(0, value)) * LEVELS);
}

export function dequantise(level: number): number {
	return level / LEVELS;
}

/** Two strokes drawn one after the other without lifting the finger: one feature. */
export function joined(a: Feature, b: Feature): Feature {
	const points: Point[] = [];
	for (let i = 0; i < a.length; i += 2) points.push([a[i] as number, a[i + 1] as number]);
	for (let i = 0; i < b.length; i += 2) points.push([b[i] as number, b[i + 1] as number]);
	return resample(points);
}
