/**
 * Spreadsheet import of a year's 政府信息公开目录: 2,385 rows (the office's 2014 figure) from an
 * xlsx into a scratch copy of content/, timed as an editor runs it (`npm run content:import`, a
 * new process: start-up, reading the workbook, checking every row, writing every file). Then the
 * same sheet again (everything unchanged, nothing written) and the content check of the result.
 *
 *   npx tsx bench/import.ts                          prints this module's figures on its own
 *   npx tsx bench/import.ts --sheet x.xlsx [--rows N]  only writes the sample sheet (.xlsx or .csv)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadContent } from '../src/lib/server/content/load.ts';
import { sampleCsv, sampleRows, sampleXlsx } from '../src/lib/server/import/sample.ts';
import type { Figure } from './figures.ts';

const REPO = path.resolve(import.meta.dirname, '..');
const ROWS = 2_385;
/** Seconds for the whole first import of ROWS rows. */
const BUDGET_S = 10;

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Wall time as the editor waits, and the CPU time the import used (bash's `time` over the child):
 * on a shared machine the wall time also counts the waiting for a core.
 */
function timedImport(file: string, into: string): { seconds: number; cpu: number; output: string } {
	const t0 = performance.now();
	const cmd = [
		path.join(REPO, 'node_modules/.bin/tsx'),
		path.join(REPO, 'scripts/content-import.ts'),
		'disclosure',
		file,
		'--into',
		into
	]
		.map((a) => `'${a.replace(/'/g, `'\\''`)}'`)
		.join(' ');
	const r = spawnSync('bash', ['-c', `TIMEFORMAT='%U %S'; time ${cmd}`], {
		cwd: REPO,
		encoding: 'utf8'
	});
	const seconds = (performance.now() - t0) / 1000;
	if (r.status !== 0) throw new Error(`import failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
	const [user = 0, sys = 0] = (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
	return { seconds, cpu: user + sys, output: r.stdout };
}

/** The “新增：N 条” style counts the import printed. */
function counts(output: string): string {
	return ['新增', '更新', '未变']
		.map((k) => `${k} ${new RegExp(`^${k}：(\\d+) 条`, 'm').exec(output)?.[1] ?? '?'}`)
		.join(' · ');
}

export async function run(): Promise<Figure[]> {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'lobby-kiosk-import-'));
	try {
		const rows = sampleRows(ROWS);
		const xlsx = path.join(dir, 'catalogue-2014.xlsx');
		writeFileSync(xlsx, await sampleXlsx(rows));
		const csv = path.join(dir, 'catalogue-2014.csv');
		writeFileSync(csv, '\uFEFF' + sampleCsv(rows));
		const content = path.join(dir, 'content');
		cpSync(path.join(REPO, 'content'), content, { recursive: true });
		const before = readdirSync(path.join(content, 'disclosure')).length;

		const first = timedImport(xlsx, content);
		const again = timedImport(xlsx, content);
		const csvContent = path.join(dir, 'content-csv');
		cpSync(path.join(REPO, 'content'), csvContent, { recursive: true });
		const fromCsv = timedImport(csv, csvContent);

		const t0 = performance.now();
		const { content: loaded, problems } = loadContent(content);
		const checkSeconds = (performance.now() - t0) / 1000;
		const errors = problems.filter((p) => p.severity === 'error').length;
		const items = loaded?.disclosures.length ?? 0;
		const expected = before + ROWS;
		return [
			{
				group: 'import',
				name: `content:import, ${ROWS.toLocaleString('en')}-row xlsx, first import`,
				value: round(first.seconds),
				unit: 's',
				budget: `< ${BUDGET_S} s`,
				pass: first.seconds < BUDGET_S,
				note: `${counts(first.output)}; a new process, as an editor runs it; CPU ${round(first.cpu, 1)} s at load average ${round(os.loadavg()[0]!, 1)}`
			},
			{
				group: 'import',
				name: 're-import of the same xlsx',
				value: round(again.seconds),
				unit: 's',
				budget: `< ${BUDGET_S} s`,
				pass: again.seconds < BUDGET_S && /^未变：2385 条/m.test(again.output),
				note: `${counts(again.output)}; CPU ${round(again.cpu, 1)} s`
			},
			{
				group: 'import',
				name: `content:import, ${ROWS.toLocaleString('en')}-row CSV (UTF-8 with BOM), first import`,
				value: round(fromCsv.seconds),
				unit: 's',
				budget: `< ${BUDGET_S} s`,
				pass: fromCsv.seconds < BUDGET_S,
				note: `${counts(fromCsv.output)}; CPU ${round(fromCsv.cpu, 1)} s`
			},
			{
				group: 'import',
				name: 'content check of the imported folder',
				value: round(checkSeconds),
				unit: 's',
				budget: `0 errors, ${expected} disclosure items`,
				pass: errors === 0 && items === expected,
				note: `${errors} errors, ${items} disclosure items`
			}
		];
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

// `npx tsx bench/import.ts`: this module alone.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const argv = process.argv.slice(2);
	const sheet = argv[argv.indexOf('--sheet') + 1];
	if (argv.includes('--sheet') && sheet) {
		const n = argv.includes('--rows') ? Number(argv[argv.indexOf('--rows') + 1]) : ROWS;
		const rows = sampleRows(n);
		writeFileSync(
			sheet,
			sheet.endsWith('.csv') ? '\uFEFF' + sampleCsv(rows) : await sampleXlsx(rows)
		);
		console.log(`${sheet}: ${n} rows`);
		process.exit(0);
	}
	const figures = await run();
	for (const f of figures) {
		const verdict = f.pass === undefined ? '' : f.pass ? 'PASS' : 'FAIL';
		console.log(
			[f.group, f.name, `${f.value} ${f.unit}`, f.budget ?? '', verdict, f.note ?? ''].join(' | ')
		);
	}
	if (figures.some((f) => f.pass === false)) process.exitCode = 1;
}
