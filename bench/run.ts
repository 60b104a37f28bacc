/**
 * `npm run bench`: runs every benchmark module under bench/ (each implements BenchModule from
 * figures.ts), prints one table of figures with their budgets, how much of each budget is used and
 * PASS/FAIL, writes bench/results.json, and exits 0 only when every budget passes (1 when a
 * figure is over budget or a module breaks, naming them; 2 when the run itself cannot start).
 *
 *   npm run bench                       everything (about 7 minutes on 2 cores)
 *   npm run bench -- --quick            the small form for CI (under 3 minutes): 1,000 items,
 *                                       search beside plain Fuse, `/` beside a bare SvelteKit
 *                                       page; writes bench/results.quick.json
 *   npm run bench -- --only build,fleet  some modules; no results file is written
 *   BENCH_KEEP=1 npm run bench           keep the scratch folder (content, builds) for a look
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromiumPath } from '../tests/browser.ts';
import { allNotices, benchDir, cleanup } from './context.ts';
import { parseBudget, type BenchModule, type Figure } from './figures.ts';
import { failures, grouped, table } from './report.ts';
import { withTimeout } from '../src/lib/timeout.ts';

interface ModuleSpec {
	name: string;
	what: string;
	/**
	 * Upper bound on an idle machine; a module that overruns is reported as failed and the run goes
	 * on. A busy machine gets proportionally longer (see allowance()).
	 */
	timeoutMinutes: number;
	/** What the module measures in `--quick`; a module without it is left out there. */
	quick?: string;
}

const MODULES: ModuleSpec[] = [
	{
		name: 'build',
		what: 'content check, build, precache and search index at 100 / 1k / 10k items',
		timeoutMinutes: 15,
		quick: 'content check, build, precache and search index at 1k items'
	},
	{
		name: 'search',
		what: 'search quality and latency at 1k / 10k items, beside plain Fuse',
		timeoutMinutes: 6,
		quick: 'search quality and latency at 1k items, beside plain Fuse'
	},
	{
		name: 'visitor-queries',
		what: 'search quality on queries written by visitors, sample content and 10k items, beside plain Fuse',
		timeoutMinutes: 4,
		quick: 'search quality on queries written by visitors, sample content, beside plain Fuse'
	},
	{
		name: 'page-weight',
		what: 'JS + CSS per page against a bare SvelteKit page',
		timeoutMinutes: 6,
		quick: 'JS + CSS of / against a bare SvelteKit page'
	},
	{
		name: 'render',
		what: 'first render and interactive, cold and warm, CPU 4x and 6x slower',
		timeoutMinutes: 12
	},
	{ name: 'lighthouse', what: 'Lighthouse scores', timeoutMinutes: 6 },
	{ name: 'fleet', what: 'update checks of a terminal fleet against nginx', timeoutMinutes: 6 },
	{ name: 'bulletin', what: 'bulletin 12-hour soak', timeoutMinutes: 10 },
	{ name: 'kiosk-soak', what: 'touch terminal 8-hour soak of visitors', timeoutMinutes: 15 },
	{ name: 'import', what: 'importing a 2,385-row disclosure spreadsheet', timeoutMinutes: 3 },
	{
		name: 'handwriting',
		what: 'handwriting recognition of the 3,500 characters of 一级字表, written with distortion',
		timeoutMinutes: 15,
		quick: 'handwriting recognition of 500 of the 3,500 characters'
	}
];

interface ModuleOutcome {
	name: string;
	status: 'ok' | 'failed';
	seconds: number;
	/** 1-minute load average when the module started: timings on a busy machine are pessimistic. */
	loadAverage?: number;
	error?: string;
}

interface Args {
	only: Set<string> | null;
	quick: boolean;
}

function parseArgs(argv: string[]): Args {
	const args: Args = { only: null, quick: false };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--quick') args.quick = true;
		else if (arg === '--only') {
			const names = (argv[++i] ?? '').split(',').filter(Boolean);
			const unknown = names.filter((n) => !MODULES.some((m) => m.name === n));
			if (names.length === 0 || unknown.length) {
				throw new Error(`--only takes a list of: ${MODULES.map((m) => m.name).join(', ')}`);
			}
			args.only = new Set(names);
		} else {
			throw new Error(`unknown argument ${arg}; use --quick and/or --only a,b`);
		}
	}
	return args;
}

/**
 * How much longer than on an idle machine a module may take: other work on a shared machine slows
 * every step by about load / cores, and a run cut short measures nothing. At most 4×.
 */
function allowance(loadAverage: number): number {
	const cores = os.availableParallelism?.() ?? os.cpus().length;
	return Math.min(4, Math.max(1, loadAverage / cores));
}

function machine() {
	const cpus = os.cpus();
	const chromium = chromiumPath();
	const version = chromium
		? spawnSync(chromium, ['--version'], { encoding: 'utf8' }).stdout?.trim()
		: undefined;
	return {
		cpu: cpus[0]?.model.trim() ?? 'unknown',
		cores: os.availableParallelism?.() ?? cpus.length,
		memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
		node: process.version,
		os: `${os.type()} ${os.release()} ${os.arch()}`,
		chromium: version || 'not found',
		loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100)
	};
}

async function main(): Promise<number> {
	const { only, quick } = parseArgs(process.argv.slice(2));
	const started = new Date();
	const t0 = performance.now();
	const figures: Figure[] = [];
	const outcomes: ModuleOutcome[] = [];
	console.log(
		`${quick ? 'Quick benchmark' : 'Benchmark'}; scratch folder: ${benchDir()}; Chromium: ${machine().chromium}`
	);

	for (const spec of MODULES) {
		if (only && !only.has(spec.name)) continue;
		if (quick && !spec.quick) continue;
		const file = path.join(import.meta.dirname, `${spec.name}.ts`);
		const loadAverage = Math.round((os.loadavg()[0] ?? 0) * 10) / 10;
		console.log(
			`\n▶ ${spec.name}: ${quick ? spec.quick : spec.what} (load average ${loadAverage})`
		);
		const m0 = performance.now();
		try {
			const mod = (await import(pathToFileURL(file).href)) as BenchModule;
			const minutes = Math.round(spec.timeoutMinutes * allowance(loadAverage));
			const got = await withTimeout(
				mod.run({ quick }),
				minutes * 60_000,
				`did not finish within ${minutes} min`
			);
			figures.push(...grouped(got));
			const seconds = Math.round((performance.now() - m0) / 100) / 10;
			outcomes.push({ name: spec.name, status: 'ok', seconds, loadAverage });
			console.log(`  ${got.length} figures in ${seconds} s`);
		} catch (e) {
			const message = e instanceof Error ? e.message : String(e);
			const seconds = Math.round((performance.now() - m0) / 100) / 10;
			outcomes.push({ name: spec.name, status: 'failed', seconds, loadAverage, error: message });
			figures.push({
				group: spec.name,
				name: 'module run',
				value: NaN,
				unit: '',
				budget: 'completes',
				pass: false,
				note: message.split('\n')[0]
			});
			console.log(`  ✗ failed after ${seconds} s: ${message}`);
		}
	}

	const seconds = Math.round((performance.now() - t0) / 1000);
	const failed = figures.filter((f) => f.pass === false);
	console.log(`\n${table(figures)}\n`);
	for (const o of outcomes.filter((o) => o.status !== 'ok')) console.log(`${o.name}: ${o.status}`);
	for (const n of allNotices()) console.log(`note: ${n}`);
	const cores = os.availableParallelism?.() ?? os.cpus().length;
	const busy = outcomes.filter((o) => (o.loadAverage ?? 0) > cores);
	if (busy.length) {
		console.log(
			`note: the machine was busy (load average above ${cores} cores) during ${busy.map((o) => `${o.name} (${o.loadAverage})`).join(', ')}: those timings are pessimistic`
		);
	}
	const passed = figures.filter((f) => f.pass).length;
	console.log(
		`\n${figures.length} figures, ${passed} within budget, ${failed.length} over, in ${Math.floor(seconds / 60)} min ${seconds % 60} s.`
	);

	if (!only) {
		const results = {
			date: started.toISOString(),
			quick,
			durationSeconds: seconds,
			machine: machine(),
			modules: outcomes,
			notes: allNotices(),
			figures: figures.map((f) => {
				const limit = parseBudget(f.budget);
				return limit && Number.isFinite(f.value) && limit.value !== 0
					? { ...f, ofBudget: Math.round((f.value / limit.value) * 1000) / 1000 }
					: f;
			})
		};
		const out = path.join(import.meta.dirname, quick ? 'results.quick.json' : 'results.json');
		writeFileSync(out, JSON.stringify(results, null, '\t') + '\n');
		console.log(`Wrote ${path.relative(process.cwd(), out)}.`);
	} else {
		console.log('Partial run (--only): no results file written.');
	}
	if (failed.length === 0) {
		console.log('Every budget passes.');
		return 0;
	}
	console.log(`\nOver budget or not measured (${failed.length}):\n${failures(figures).join('\n')}`);
	return 1;
}

const interrupted = () => {
	cleanup();
	process.exit(130);
};
process.once('SIGINT', interrupted);
process.once('SIGTERM', interrupted);

main()
	.then((code) => {
		cleanup();
		process.exit(code);
	})
	.catch((e: unknown) => {
		console.error(e instanceof Error ? e.message : e);
		cleanup();
		process.exit(2);
	});
