/**
 * Handwriting recognition on a labelled set: every character of the 通用规范汉字表 一级字表
 * (3,500; `--quick`: every 7th, 500) written once from its Make Me a Hanzi stroke medians the way
 * a person might (src/lib/handwriting/distort.ts: shear, rotation ±10°, uneven width and height,
 * jitter, strokes a little short or long, one pair of strokes joined, one stroke out of order),
 * with a fixed seed, then recognised by the kiosk's own recogniser from the data file the kiosk
 * serves (static/handwriting/strokes.bin). Top-1 and top-5: the written character is the first /
 * among the first five candidates. Time per character is the recogniser alone, in Node (V8, the
 * kiosk Chromium's engine); in the kiosk it runs in a worker.
 *
 *   npx tsx bench/handwriting.ts [--quick]     prints this module's figures on its own
 *   BENCH_VERBOSE=1                            also lists the misses
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeTemplates } from '../src/lib/handwriting/data.ts';
import { distort, randomDistortion, seeded } from '../src/lib/handwriting/distort.ts';
import { characterFeatures } from '../src/lib/handwriting/features.ts';
import { Recogniser } from '../src/lib/handwriting/match.ts';
import { CANDIDATES } from '../src/lib/handwriting/service.ts';
import { levelOneCharacters, medians } from '../src/lib/server/handwriting/reference.ts';
import type { Figure, RunOptions } from './figures.ts';

const SEED = 20261201;
const QUICK_STEP = 7;
const GROUP = 'handwriting';

export async function run({ quick }: RunOptions): Promise<Figure[]> {
	const file = path.join(import.meta.dirname, '../static/handwriting/strokes.bin');
	const bytes = new Uint8Array(readFileSync(file));
	const t0 = performance.now();
	const recogniser = new Recogniser(decodeTemplates(bytes));
	const loadMs = performance.now() - t0;
	const all = levelOneCharacters();
	const chars = quick ? all.filter((_, i) => i % QUICK_STEP === 0) : all;
	const random = seeded(SEED);
	let top1 = 0;
	let top5 = 0;
	const times: number[] = [];
	const misses: string[] = [];
	for (const char of chars) {
		const written = distort(medians(char), randomDistortion(random), random);
		const features = characterFeatures(written);
		const s = performance.now();
		const found = recogniser.recognise(features, CANDIDATES).map((c) => c.char);
		times.push(performance.now() - s);
		const rank = found.indexOf(char);
		if (rank === 0) top1++;
		else misses.push(`${char}→${found.slice(0, 3).join('')}`);
		if (rank >= 0 && rank < 5) top5++;
	}
	if (process.env.BENCH_VERBOSE) console.log(`  misses: ${misses.join(' ')}`);
	times.sort((a, b) => a - b);
	const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
	const pct = (n: number) => Math.round((n / chars.length) * 1000) / 10;
	const ms = (n: number) => Math.round(n * 10) / 10;
	const set = `${chars.length.toLocaleString('en')} characters of 一级字表, seed ${SEED}`;
	return [
		{
			group: GROUP,
			name: 'top-1 accuracy',
			value: pct(top1),
			unit: '%',
			budget: '≥ 85',
			pass: pct(top1) >= 85,
			note: set
		},
		{
			group: GROUP,
			name: 'top-5 accuracy',
			value: pct(top5),
			unit: '%',
			budget: '≥ 97',
			pass: pct(top5) >= 97,
			note: set
		},
		{
			group: GROUP,
			name: 'recognition time per character, median',
			value: ms(at(0.5)),
			unit: 'ms',
			budget: '< 100',
			pass: at(0.5) < 100,
			note: 'in the worker; the pad waits 200 ms after a stroke anyway'
		},
		{
			group: GROUP,
			name: 'recognition time per character, p95',
			value: ms(at(0.95)),
			unit: 'ms',
			budget: '< 250',
			pass: at(0.95) < 250
		},
		{
			group: GROUP,
			name: 'data file',
			value: Math.round((bytes.length / 1024) * 10) / 10,
			unit: 'KiB',
			note: `3,500 characters; read and prepared in ${ms(loadMs)} ms`
		}
	];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const figures = await run({ quick: process.argv.includes('--quick') });
	for (const f of figures) {
		console.log(`${f.name}: ${f.value} ${f.unit}${f.budget ? ` (budget ${f.budget})` : ''}`);
	}
}
