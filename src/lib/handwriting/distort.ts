/**
 * Writing a reference character the way a person might: from its stroke medians (y down), with
 * shear, a slight rotation, uneven width and height, jitter, strokes a little short or long, one
 * pair of strokes joined and one stroke out of order. Seeded, so a labelled set is the same on
 * every machine. Used by the benchmark and the tests, never by the kiosk.
 */
import type { Point, Stroke } from './features';

/** A small seeded generator (mulberry32). */
export function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface Distortion {
	/** Shear, x per unit of y. */
	shear: number;
	/** Degrees. */
	rotate: number;
	/** Width over height. */
	aspect: number;
	/** Per point, in units of the character's size. */
	jitter: number;
	/** Each stroke's end moves by up to this share of its length (shorter or longer). */
	trim: number;
	/** Joins one pair of consecutive strokes into one. */
	join: boolean;
	/** Moves one stroke elsewhere in the order. */
	reorder: boolean;
}

export function randomDistortion(random: () => number): Distortion {
	const between = (a: number, b: number) => a + (b - a) * random();
	return {
		shear: between(-0.15, 0.15),
		rotate: between(-10, 10),
		aspect: between(0.85, 1.15),
		jitter: 0.012,
		trim: 0.12,
		join: true,
		reorder: true
	};
}

function extend(stroke: Point[], share: number): Point[] {
	if (stroke.length < 2) return stroke;
	const out = stroke.slice();
	const a = out[out.length - 2] as Point;
	const b = out[out.length - 1] as Point;
	const len = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
	let total = 0;
	for (let i = 1; i < out.length; i++) {
		const p = out[i - 1] as Point;
		const q = out[i] as Point;
		total += Math.hypot(q[0] - p[0], q[1] - p[1]);
	}
	const d = share * total;
	if (d >= 0) {
		out[out.length - 1] = [b[0] + ((b[0] - a[0]) / len) * d, b[1] + ((b[1] - a[1]) / len) * d];
		return out;
	}
	// Shorter: cut the last stretch back, never past the previous point.
	const cut = Math.min(-d, len * 0.9);
	out[out.length - 1] = [b[0] - ((b[0] - a[0]) / len) * cut, b[1] - ((b[1] - a[1]) / len) * cut];
	return out;
}

/** The character as written: strokes of points, in a box of the medians' own size. */
export function distort(
	medians: readonly Stroke[],
	d: Distortion,
	random: () => number
): Point[][] {
	const size = 1024;
	const rad = (d.rotate * Math.PI) / 180;
	const cos = Math.cos(rad);
	const sin = Math.sin(rad);
	const sx = Math.sqrt(d.aspect);
	const sy = 1 / sx;
	const gauss = () => (random() + random() + random() - 1.5) * 2;
	let strokes: Point[][] = medians.map((stroke) =>
		extend(
			stroke.map(([x, y]): Point => {
				const cx = x - size / 2;
				const cy = y - size / 2;
				const shx = cx + d.shear * cy;
				const rx = (shx * cos - cy * sin) * sx;
				const ry = (shx * sin + cy * cos) * sy;
				return [
					rx + size / 2 + gauss() * d.jitter * size,
					ry + size / 2 + gauss() * d.jitter * size
				];
			}),
			(random() * 2 - 1) * d.trim
		)
	);
	// Joined strokes are neighbours in the reference order; the order slip comes after.
	if (d.join && strokes.length >= 2) {
		const at = Math.floor(random() * (strokes.length - 1));
		strokes = [
			...strokes.slice(0, at),
			[...(strokes[at] as Point[]), ...(strokes[at + 1] as Point[])],
			...strokes.slice(at + 2)
		];
	}
	if (d.reorder && strokes.length >= 3) {
		const from = Math.floor(random() * strokes.length);
		const [moved] = strokes.splice(from, 1);
		let to = Math.floor(random() * strokes.length);
		if (to === from) to = (to + 1) % strokes.length;
		strokes.splice(to, 0, moved as Point[]);
	}
	return strokes;
}

/** Make Me a Hanzi medians are y up on a 1024 grid: turned to y down as the screen has it. */
export function mediansToScreen(medians: readonly (readonly (readonly number[])[])[]): Point[][] {
	return medians.map((s) => s.map((p): Point => [p[0] as number, 900 - (p[1] as number)]));
}
