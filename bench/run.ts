/**
 * `npm run bench`: runs every benchmark module under bench/ (each implements BenchModule from
 * figures.ts), prints one table of figures with their budgets and PASS/FAIL, writes
 * bench/results.json and exits 1 if any budget fails or a module breaks.
 *
 *   npm run bench                       everything (about 5-8 minutes on 2 cores)
 *   npm run bench -- --only build,fleet  some modules; results.json is left alone
 *   BENCH_KEEP=1 npm run bench           keep the scratch folder (content, builds) for a look
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromiumPath } from '../tests/browser.ts';
import { allNotices, benchDir, cleanup } from './context.ts';
import type { BenchModule, Figure } from './figures.ts';

interface ModuleSpec {
	name: string;
	what: string;
	/** Upper bound; a module that overruns is reported as failed and the run goes on. */
	timeoutMinutes: number;
}

const MODULES: ModuleSpec[] = [
	{
		name: 'build',
		what: 'content check, build, precache and search index at 100 / 1k / 10k items',
		timeoutMinutes: 15
	},
	{ name: 'search', what: 'search quality and latency at 1k / 10k items', timeoutMinutes: 6 },
	{
		name: 'page-weight',
		what: 'JS + CSS per page against a bare SvelteKit page',
		timeoutMinutes: 6
	},
	{
		name: 'render',
		what: 'first render and interactive, cold and warm, CPU 4x slower',
		timeoutMinutes: 6
	},
	{ name: 'lighthouse', what: 'Lighthouse scores', timeoutMinutes: 6 },
	{ name: 'fleet', what: 'update checks of a terminal fleet against nginx', timeoutMinutes: 6 },
	{ name: 'bulletin', what: 'bulletin 12-hour soak', timeoutMinutes: 10 }
];

interface ModuleOutcome {
	name: string;
	status: 'ok' | 'not available' | 'failed';
	seconds: number;
	/** 1-minute load average when the module started: timings on a busy machine are pessimistic. */
	loadAverage?: number;
	error?: string;
}

function parseArgs(argv: string[]): { only: Set<string> | null } {
	const i = argv.indexOf('--only');
	if (i === -1) return { only: null };
	const names = (argv[i + 1] ?? '').split(',').filter(Boolean);
	const unknown = names.filter((n) => !MODULES.some((m) => m.name === n));
	if (names.length === 0 || unknown.length) {
		throw new Error(`--only takes a list of: ${MODULES.map((m) => m.name).join(', ')}`);
	}
	return { only: new Set(names) };
}

function withTimeout<T>(promise: Promise<T>, minutes: number): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(
			() => reject(new Error(`did not finish within ${minutes} min`)),
			minutes * 60_000
		);
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
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

function formatValue(value: number, unit: string): string {
	if (!Number.isFinite(value)) return '—';
	const n =
		Number.isInteger(value) || Math.abs(value) >= 100
			? Math.round(value).toLocaleString('en-US')
			: Math.abs(value) >= 10
				? value.toFixed(1)
				: value.toFixed(2);
	return unit ? `${n} ${unit}` : n;
}

/** Figures of one module, grouped by their group in order of first appearance. */
function grouped(figures: Figure[]): Figure[] {
	const order = [...new Set(figures.map((f) => f.group))];
	return order.flatMap((g) => figures.filter((f) => f.group === g));
}

function table(figures: Figure[]): string {
	const rows = figures.map((f) => [
		f.group,
		f.name,
		formatValue(f.value, f.unit),
		f.budget ?? '',
		f.pass === undefined ? '' : f.pass ? 'PASS' : 'FAIL',
		f.note ?? ''
	]);
	const header = ['group', 'figure', 'value', 'budget', 'result', 'note'];
	const widths = header.map((h, i) =>
		i === header.length - 1 ? 0 : Math.max(h.length, ...rows.map((r) => (r[i] as string).length))
	);
	const line = (cells: string[]) =>
		cells
			.map((c, i) => (i === 2 ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number)))
			.join('  ')
			.trimEnd();
	return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

async function main(): Promise<number> {
	const { only } = parseArgs(process.argv.slice(2));
	const started = new Date();
	const t0 = performance.now();
	const figures: Figure[] = [];
	const outcomes: ModuleOutcome[] = [];
	console.log(`Benchmark scratch folder: ${benchDir()}`);

	for (const spec of MODULES) {
		if (only && !only.has(spec.name)) continue;
		const file = path.join(import.meta.dirname, `${spec.name}.ts`);
		if (!existsSync(file)) {
			console.log(`\n▶ ${spec.name}: not available (bench/${spec.name}.ts does not exist yet)`);
			outcomes.push({ name: spec.name, status: 'not available', seconds: 0 });
			continue;
		}
		const loadAverage = Math.round((os.loadavg()[0] ?? 0) * 10) / 10;
		console.log(`\n▶ ${spec.name}: ${spec.what} (load average ${loadAverage})`);
		const m0 = performance.now();
		try {
			const mod = (await import(pathToFileURL(file).href)) as BenchModule;
			const got = await withTimeout(mod.run(), spec.timeoutMinutes);
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
	console.log(
		`\n${figures.length} figures, ${figures.filter((f) => f.pass).length} within budget, ${failed.length} over, in ${Math.floor(seconds / 60)} min ${seconds % 60} s.`
	);

	if (!only) {
		const results = {
			date: started.toISOString(),
			durationSeconds: seconds,
			machine: machine(),
			modules: outcomes,
			notes: allNotices(),
			figures
		};
		const out = path.join(import.meta.dirname, 'results.json');
		writeFileSync(out, JSON.stringify(results, null, '\t') + '\n');
		console.log(`Wrote ${path.relative(process.cwd(), out)}.`);
	} else {
		console.log('Partial run (--only): bench/results.json left as it was.');
	}
	return failed.length > 0 ? 1 : 0;
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
