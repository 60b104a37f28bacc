import Fuse from 'fuse.js/basic';
import { describe, expect, test } from 'vitest';
import {
	candidatesOf,
	filterPlans,
	GramIndex,
	maxErrors,
	requiredGrams,
	type GramSize
} from './prefilter';

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function rng(seed: number) {
	return () => {
		seed = (seed * 1664525 + 1013904223) >>> 0;
		return seed / 2 ** 32;
	};
}

describe('q-gram arithmetic', () => {
	test('errors Fuse accepts at a threshold', () => {
		expect(maxErrors(3, 0.34)).toBe(1);
		expect(maxErrors(2, 0.34)).toBe(0);
		expect(maxErrors(10, 0.2)).toBe(2);
	});
	test('required shared grams follow the q-gram lemma', () => {
		expect(requiredGrams(8, 2, 2)).toBe(3);
		expect(requiredGrams(3, 1, 1)).toBe(2);
		expect(filterPlans(3, 0.34, [1, 2])).toEqual([{ q: 1, required: 2, errors: 1 }]);
		expect(filterPlans(8, 0.34, [1, 2])).toEqual([
			{ q: 1, required: 6, errors: 2 },
			{ q: 2, required: 3, errors: 2 }
		]);
		// No error allowed: the exact tier has it, Fuse is not asked.
		expect(filterPlans(2, 0.34, [1, 2])).toEqual([]);
	});
});

describe('the prefilter never drops a document Fuse would match', () => {
	// A small alphabet makes near-misses common, which is where a lossy filter would show.
	const ALPHABET = [...'无线电台站设置审批节能查资金企业技术'];
	const LATIN = [...'abcdehijnoux'];

	for (const [name, alphabet, threshold, sizes] of [
		['hanzi', ALPHABET, 0.34, [1, 2]],
		['pinyin', LATIN, 0.15, [2, 3]],
		['pinyin, looser', LATIN, 0.25, [2, 3]]
	] as const) {
		test(`${name}, threshold ${threshold}`, () => {
			const random = rng(name.length * 7919);
			const pick = () => alphabet[Math.floor(random() * alphabet.length)]!;
			const word = (n: number) => Array.from({ length: n }, pick).join('');
			const docs = Array.from({ length: 300 }, () => [
				word(6 + Math.floor(random() * 20)),
				word(4)
			]);
			// Field values as the engine indexes them: each text on its own, owned by its document.
			const values = docs.flat();
			const owner = Int32Array.from(values, (_, i) => Math.floor(i / 2));
			const indexes = new Map<GramSize, GramIndex>();
			const index = (q: GramSize) => {
				if (!indexes.has(q)) indexes.set(q, new GramIndex(values, owner, q));
				return indexes.get(q)!;
			};
			let pruned = 0;
			let checked = 0;
			const lost: string[] = [];
			for (let k = 0; k < 300; k++) {
				// A substring of some document with up to two random edits, or a random word.
				const src = docs[Math.floor(random() * docs.length)]![0]!;
				const len = 3 + Math.floor(random() * 8);
				const at = Math.floor(random() * Math.max(1, src.length - len));
				const chars = [...src.slice(at, at + len)];
				for (let e = Math.floor(random() * 3); e > 0; e--) {
					const i = Math.floor(random() * chars.length);
					const op = random();
					if (op < 0.4) chars[i] = pick();
					else if (op < 0.7) chars.splice(i, 1);
					else chars.splice(i, 0, pick());
				}
				const pattern = random() < 0.2 ? word(len) : chars.join('');
				const plans = filterPlans(pattern.length, threshold, [...sizes]);
				if (plans.length === 0) continue;
				const kept = new Set(candidatesOf(pattern, plans, index));
				pruned += docs.length - kept.size;
				docs.forEach((texts, d) => {
					const matches = texts.some(
						(t) => Fuse.match(pattern, t, { threshold, ignoreLocation: true }).isMatch
					);
					checked += matches ? 1 : 0;
					if (matches && !kept.has(d))
						lost.push(`"${pattern}" matches doc ${d} "${texts.join('|')}"`);
				});
			}
			expect(lost).toEqual([]);
			expect(checked).toBeGreaterThan(50);
			// And it does prune: most documents are skipped.
			expect(pruned).toBeGreaterThan(docs.length * 100);
		});
	}
});
