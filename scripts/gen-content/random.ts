/**
 * Deterministic randomness and calendar dates for the content generator: the same seed gives the
 * same sequence of choices, so the same corpus, on every machine.
 */

/** mulberry32: tiny, fast and good enough to pick building blocks reproducibly. */
export class Rng {
	private state: number;
	constructor(seed: number) {
		this.state = seed >>> 0;
	}
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}
	/** Integer in [min, max]. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}
	chance(p: number): boolean {
		return this.next() < p;
	}
	pick<T>(list: readonly T[]): T {
		const v = list[Math.floor(this.next() * list.length)];
		if (v === undefined) throw new Error('pick from an empty list');
		return v;
	}
	/** `count` distinct entries in their original order. */
	some<T>(list: readonly T[], min: number, max: number): T[] {
		const count = Math.min(list.length, this.int(min, max));
		const idx = list.map((_, i) => i);
		for (let i = idx.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[idx[i], idx[j]] = [idx[j] as number, idx[i] as number];
		}
		return idx
			.slice(0, count)
			.sort((a, b) => a - b)
			.map((i) => list[i] as T);
	}
	weighted<T>(entries: readonly (readonly [T, number])[]): T {
		const total = entries.reduce((s, [, w]) => s + w, 0);
		let r = this.next() * total;
		for (const [v, w] of entries) {
			r -= w;
			if (r < 0) return v;
		}
		return (entries[entries.length - 1] as readonly [T, number])[0];
	}
}

export const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function isoDate(year: number, month: number, day: number): string {
	return `${year}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** A real calendar date, `days` after the given one. */
export function addDays(date: string, days: number): string {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

export function randomDate(rng: Rng, fromYear: number, toYear: number): string {
	return isoDate(rng.int(fromYear, toYear), rng.int(1, 12), rng.int(1, 28));
}
