/**
 * How the costs of checking and building grow with content: content check and `vite build` at
 * 100 / 1,000 / 10,000 synthetic items (and 30,000, twelve years of an office's disclosure, when
 * added to SIZES), the precache the service worker downloads and the search index, per size. Growth is judged by
 * time(10,000) / time(1,000) (10 would be linear; < 12 allows for fixed costs being a smaller
 * share at 10,000 and catches anything quadratic) and time(30,000) / time(10,000) (< 3.5).
 */
import { formatProblem, loadContent } from '../src/lib/server/content/index.ts';
import {
	buildSizeOf,
	MiB,
	notice,
	PRECACHE_BUDGET_MIB,
	precacheOf,
	round,
	searchIndexOf,
	SIZES,
	syntheticBuild,
	syntheticContent,
	KiB
} from './context.ts';
import type { Figure, RunOptions } from './figures.ts';

/** Growth budgets: [bigger size, smaller size, largest ratio]. */
const GROWTH: [number, number, number][] = [
	[10_000, 1_000, 12],
	[30_000, 10_000, 3.5]
];
/** A whole 30,000-item site is built within this on a 2-core machine. */
const BUILD_30K_BUDGET_S = 360;
/**
 * Precache per size, about twice what the build needs today (1.16 / 6.55 MiB at 100 / 1,000 items)
 * so a per-item regression shows long before the shipped build's hard limit (PRECACHE_BUDGET_MIB)
 * does; from 10,000 items the hard limit is the budget.
 */
const PRECACHE_MIB: Record<number, number> = { 100: 2.5, 1_000: 13 };
const precacheBudget = (n: number) => Math.min(PRECACHE_BUDGET_MIB, PRECACHE_MIB[n] ?? Infinity);
const label = (n: number) => `${n.toLocaleString('en-US')} items`;

/** The quick form measures one size: growth needs the full run's 1,000 and 10,000. */
const QUICK_SIZES = [1_000] as const;

/** time(big) / time(small) for each pair of sizes both measured (none in the quick form). */
function growth(what: string, ms: Map<number, number>): Figure[] {
	return GROWTH.flatMap(([bigN, smallN, budget]): Figure[] => {
		const big = ms.get(bigN);
		const small = ms.get(smallN);
		if (big === undefined || small === undefined) return [];
		const ratio = big / small;
		return [
			{
				group: 'build',
				name: `${what} growth, ${label(bigN).replace(' items', '')} / ${label(smallN)}`,
				value: round(ratio, 2),
				unit: '×',
				budget: `< ${budget}`,
				pass: ratio < budget,
				note: `${bigN / smallN} = linear`
			}
		];
	});
}

export async function run({ quick }: RunOptions = { quick: false }): Promise<Figure[]> {
	const sizes: readonly number[] = quick ? QUICK_SIZES : SIZES;
	const figures: Figure[] = [];
	const dirs = new Map(sizes.map((n) => [n, syntheticContent(n)]));

	// Content check: loadContent is what `npm run content:check` and the build both run. The first
	// call pays for module warm-up (zod schemas, markdown), so it is made once and not counted.
	// Each size is timed more than once and the fastest run counts: other work on a shared machine
	// only ever slows a run down, so the minimum is the best estimate of the cost itself.
	loadContent(dirs.get(sizes[0] as number) as string);
	const checkMs = new Map<number, number>();
	for (const [n, dir] of dirs) {
		const runs = n >= 10_000 ? 2 : 3;
		let ms = Infinity;
		for (let i = 0; i < runs; i++) {
			const t0 = performance.now();
			const { problems } = loadContent(dir);
			ms = Math.min(ms, performance.now() - t0);
			const errors = problems.filter((p) => p.severity === 'error');
			if (errors.length) {
				throw new Error(
					`synthetic content (${n} items) does not validate:\n${errors.slice(0, 5).map(formatProblem).join('\n')}`
				);
			}
		}
		checkMs.set(n, ms);
		figures.push({
			group: 'build',
			name: `content check, ${label(n)}`,
			value: round(ms / 1000, 2),
			unit: 's',
			note: `${round((n / ms) * 1000, 0)} items/s; in-process loadContent(), fastest of ${runs}`
		});
	}
	figures.push(...growth('content check', checkMs));

	const buildMs = new Map<number, number>();
	for (const n of sizes) {
		const b = await syntheticBuild(n);
		buildMs.set(n, b.ms);
		const size = buildSizeOf(b.dir);
		const seconds = b.ms / 1000;
		figures.push({
			group: 'build',
			name: `vite build, ${label(n)}`,
			value: round(seconds, 1),
			unit: 's',
			...(n === 30_000
				? { budget: `< ${BUILD_30K_BUDGET_S} s`, pass: seconds < BUILD_30K_BUDGET_S }
				: {}),
			note: `${size.html.toLocaleString('en-US')} pages, ${size.files.toLocaleString('en-US')} files, ${round(size.bytes / MiB)} MiB`
		});

		const precache = precacheOf(b.dir);
		if (precache) {
			const mib = precache.bytes / MiB;
			figures.push({
				group: 'precache',
				name: `service worker precache, ${label(n)}`,
				value: round(mib, 2),
				unit: 'MiB',
				budget: `≤ ${precacheBudget(n)} MiB`,
				pass: mib <= precacheBudget(n),
				note:
					`${precache.entries.toLocaleString('en-US')} entries; the shipped build refuses above the budget` +
					(precache.unresolved.length
						? `; ${precache.unresolved.length} URLs not found in build/`
						: '')
			});
		} else if (n === sizes[0]) {
			notice('no build/sw.js: the service worker precache is not measured');
		}

		const index = searchIndexOf(b.dir);
		if (index) {
			const perFile = index.files
				.map(
					(f) => `${f.file} ${round(f.raw / KiB, 0)} KiB raw, ${round(f.gzip / KiB, 1)} KiB gzip`
				)
				.join('; ');
			figures.push(
				{
					group: 'search index',
					name: `search JSON raw (all files), ${label(n)}`,
					value: round(index.raw / KiB, 1),
					unit: 'KiB',
					note: perFile
				},
				{
					group: 'search index',
					name: `search JSON gzip (all files), ${label(n)}`,
					value: round(index.gzip / KiB, 1),
					unit: 'KiB',
					note: `${round(index.gzip / n, 0)} B gzip per item`
				}
			);
		} else if (n === sizes[0]) {
			notice(
				'no search index JSON in build/ (a file with "search" in its name): index size not measured'
			);
		}
	}
	figures.push(...growth('vite build', buildMs));
	return figures;
}
