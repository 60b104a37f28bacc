/**
 * `npm run content:import -- disclosure FILE.xlsx|FILE.csv [--into DIR] [--skip-bad] [--dry-run]
 * [--prune] [--headers map.yaml] [--sheet NAME] [--list]`
 *
 * Imports an office's 政府信息公开目录 export into `disclosure/` of the content folder
 * (`--into`, else CONTENT_DIR, else content/): one file per row, found again by its 索引号 on the
 * next import. Exit code 0 when written (or a clean dry run), 1 on bad rows or an unreadable
 * file, 2 on a wrong command line.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { contentDir } from '../src/lib/server/content/index.ts';
import type { PlanEntry } from '../src/lib/server/import/plan.ts';
import { formatRowProblem } from '../src/lib/server/import/rows.ts';
import {
	ImportError,
	importDisclosure,
	parseHeaderMap,
	type HeaderMapFile
} from '../src/lib/server/import/run.ts';

const USAGE = `用法：npm run content:import -- disclosure 文件.xlsx|文件.csv [选项]

  --into 目录        导入到这个内容文件夹（默认 CONTENT_DIR 或 content/），文件写入其中的 disclosure/
  --skip-bad         跳过有问题的行，导入其余的行（默认：有任何一行有问题就什么都不写）
  --dry-run          只检查并列出将要新增、更新、删除的条目，不写文件
  --prune            删除以前导入、但表格里已没有的条目的文件（默认只列出）
  --headers 文件.yaml  本单位的列名和类别名对照，例如：
                       headers:
                         信息名称: 标题
                         成文日期: 发布日期
                       categories:
                         工作动态: 其他
  --sheet 名称       xlsx 中要导入的工作表（默认第一个）
  --list             列出每一条（默认每类最多列 20 条）

认识的列名：索引号，标题/名称，发布机构，发布日期/生成日期/发文日期，文号，公开类别/主题分类，
有效性，正文，链接，摘要，关键词，公开方式。第一行（或表头所在行）是列名；行号与 Excel 中一致。`;

function fail(message: string, code: number): never {
	console.error(message);
	process.exit(code);
}

interface Args {
	file: string;
	into: string;
	skipBad: boolean;
	dryRun: boolean;
	prune: boolean;
	list: boolean;
	headers?: string;
	sheet?: string;
}

function parseArgs(argv: string[]): Args {
	const positional: string[] = [];
	const flags = new Set<string>();
	const values = new Map<string, string>();
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i]!;
		if (a === '--help' || a === '-h') {
			console.log(USAGE);
			process.exit(0);
		}
		if (['--into', '--headers', '--sheet'].includes(a)) {
			const v = argv[++i];
			if (!v) fail(`${a} 后面要写一个值\n\n${USAGE}`, 2);
			values.set(a, v);
		} else if (['--skip-bad', '--dry-run', '--prune', '--list'].includes(a)) flags.add(a);
		else if (a.startsWith('--')) fail(`不认识的选项 ${a}\n\n${USAGE}`, 2);
		else positional.push(a);
	}
	const [kind, file, ...rest] = positional;
	if (kind !== 'disclosure') {
		fail(
			`${kind ? `不能导入“${kind}”：` : ''}目前只能导入政务公开目录（disclosure）\n\n${USAGE}`,
			2
		);
	}
	if (!file || rest.length) fail(`要导入一个 .xlsx 或 .csv 文件\n\n${USAGE}`, 2);
	return {
		file,
		into: path.resolve(values.get('--into') ?? contentDir()),
		skipBad: flags.has('--skip-bad'),
		dryRun: flags.has('--dry-run'),
		prune: flags.has('--prune'),
		list: flags.has('--list'),
		headers: values.get('--headers'),
		sheet: values.get('--sheet')
	};
}

const LIMIT = 20;

function printList(label: string, entries: PlanEntry[], all: boolean): void {
	console.log(`${label}：${entries.length} 条`);
	const shown = all ? entries : entries.slice(0, LIMIT);
	for (const e of shown) {
		const where = e.row ? `第${e.row}行 ` : '';
		console.log(
			`  ${where}${e.indexNo} ${e.title} → disclosure/${e.file}${e.note ? `（${e.note}）` : ''}`
		);
	}
	if (shown.length < entries.length) {
		console.log(`  …… 另有 ${entries.length - shown.length} 条（加 --list 列出全部）`);
	}
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const started = performance.now();
	let headerMap: HeaderMapFile | undefined;
	if (args.headers) {
		let text: string;
		try {
			text = readFileSync(args.headers, 'utf8');
		} catch {
			fail(`找不到表头对照文件 ${args.headers}`, 1);
		}
		headerMap = parseHeaderMap(text, args.headers);
	}
	const report = await importDisclosure({
		file: args.file,
		contentDir: args.into,
		skipBad: args.skipBad,
		dryRun: args.dryRun,
		prune: args.prune,
		headerMap,
		sheetName: args.sheet
	});
	const { plan, columns } = report;
	const used = Object.values(columns.headers).join('、');
	console.log(
		`读取 ${args.file}（${report.source}）：表头在第${report.headerRow}行，${report.rows} 行数据。使用的列：${used}。`
	);
	for (const u of columns.unused) console.log(`  未使用的列“${u.header}”：${u.reason}`);
	if (report.defaultIssuer) {
		console.log(`  表格没有“发布机构”列：按 site.yaml 填为“${report.defaultIssuer}”`);
	}

	if (report.problems.length) {
		const rows = new Set(report.problems.map((p) => p.row)).size;
		console.log(`\n✗ ${rows} 行有问题：`);
		for (const p of report.problems) console.log(`  ${formatRowProblem(p)}`);
		if (!args.skipBad && !args.dryRun) {
			console.log(
				'\n什么都没有写入。改好表格后再导入；或加 --skip-bad 先导入其余的行（有问题的行不会导入）。'
			);
			process.exit(1);
		}
	}

	console.log('');
	printList('新增', plan.added, args.list);
	printList('更新', plan.updated, args.list);
	printList('未变', plan.unchanged, args.list);
	printList(
		args.prune && !report.pruneHeld
			? '已删除（表格里已没有，文件已删除）'
			: '已删除（表格里已没有；文件保留，加 --prune 删除）',
		plan.removed,
		true
	);
	if (report.pruneHeld && plan.removed.length) {
		console.log('  有问题的行没有导入，所以这次不删除任何文件：改好这些行后再加 --prune 导入。');
	}
	const seconds = ((performance.now() - started) / 1000).toFixed(2);
	const where = path.join(args.into, 'disclosure');
	if (!report.written) {
		console.log(`\n试运行：没有写入任何文件（${seconds} 秒）。`);
	} else {
		console.log(
			`\n✓ 已写入 ${plan.writes.length} 个文件${plan.deletes.length ? `、删除 ${plan.deletes.length} 个` : ''}到 ${where}（${seconds} 秒）` +
				`${report.problems.length ? `；跳过了 ${new Set(report.problems.map((p) => p.row)).size} 行有问题的行` : ''}。` +
				`\n下一步：npm run content:check 检查整个内容文件夹。`
		);
	}
	if (report.problems.length && !args.skipBad) process.exit(1);
}

main().catch((e: unknown) => {
	if (e instanceof ImportError) fail(`✗ ${e.message}`, 1);
	throw e;
});
