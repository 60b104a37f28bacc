/**
 * One import of a disclosure catalogue sheet into a content folder: read, map the columns, check
 * every row, plan, and write only if nothing is wrong (or `skipBad`). `npm run content:import`
 * prints what this returns.
 */
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import * as z from 'zod';
import {
	fieldOfName,
	findHeaderRow,
	fieldAliases,
	mapHeaders,
	type ColumnMap,
	type ImportField
} from './headers.ts';
import {
	MANIFEST_FILE,
	parseDisclosureFile,
	planImport,
	type ImportPlan,
	type Manifest
} from './plan.ts';
import { readSheet } from './read.ts';
import { rowsToItems, type RowProblem } from './rows.ts';
import { cellText, resolveCategory } from './values.ts';

/** A problem that stops the whole import (unreadable file, missing column, bad header map). */
export class ImportError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ImportError';
	}
}

export interface HeaderMapFile {
	/** Sheet header → a field's name (标题) or key (title). */
	headers: Record<string, ImportField>;
	/** The office's category names → a category of the schema (name, key or Article 20 number). */
	categories: Record<string, string>;
}

const headerMapSchema = z
	.object({
		headers: z.record(z.string(), z.string()).default({}),
		categories: z.record(z.string(), z.string()).default({})
	})
	.strict();

/**
 * The office's own names, from a YAML file such as
 * `headers: { 信息名称: 标题 }` and `categories: { 工作动态: 其他 }`.
 */
export function parseHeaderMap(yamlText: string, shown = '表头对照文件'): HeaderMapFile {
	let raw: unknown;
	try {
		raw = parseYaml(yamlText) ?? {};
	} catch (e) {
		throw new ImportError(`${shown}：YAML 格式错误：${(e as Error).message.split('\n')[0]}`);
	}
	const parsed = headerMapSchema.safeParse(raw);
	if (!parsed.success) {
		throw new ImportError(
			`${shown}：应只有 headers（表格列名: 本系统的列名）和 categories（本单位的类别: 公开目录的类别）两组`
		);
	}
	const headers: Record<string, ImportField> = {};
	for (const [from, to] of Object.entries(parsed.data.headers)) {
		const field = fieldOfName(to);
		if (!field) {
			const known = Object.values(fieldAliases)
				.map((a) => a[0])
				.join('、');
			throw new ImportError(
				`${shown}：headers 里“${from}: ${to}”：“${to}”不是可导入的列（可用：${known}）`
			);
		}
		headers[from] = field;
	}
	for (const [from, to] of Object.entries(parsed.data.categories)) {
		if (!resolveCategory(to)) {
			throw new ImportError(`${shown}：categories 里“${from}: ${to}”：“${to}”不是公开目录的类别`);
		}
	}
	return { headers, categories: parsed.data.categories };
}

export interface ImportOptions {
	/** The sheet file (.xlsx or .csv). */
	file: string;
	/** The content folder; items go into its `disclosure/`. */
	contentDir: string;
	skipBad?: boolean;
	dryRun?: boolean;
	prune?: boolean;
	headerMap?: HeaderMapFile;
	sheetName?: string;
}

export interface ImportReport {
	/** Worksheet name or CSV encoding. */
	source: string;
	/** Excel row number of the header row. */
	headerRow: number;
	columns: ColumnMap;
	rows: number;
	problems: RowProblem[];
	/** 发布机构 was taken from site.yaml because the sheet has no such column. */
	defaultIssuer?: string;
	plan: ImportPlan;
	/** prune was asked for but not done, because some rows are bad. */
	pruneHeld: boolean;
	/** false when nothing was written: dry run, or bad rows without skipBad. */
	written: boolean;
}

/** What the importer takes from site.yaml: the office's name and its 索引号 format. */
function siteFacts(contentDir: string): {
	name?: string;
	indexNo?: { pattern: string; example: string };
} {
	const file = ['site.yaml', 'site.yml'].map((f) => path.join(contentDir, f)).find(existsSync);
	if (!file) return {};
	try {
		const site = parseYaml(readFileSync(file, 'utf8')) as Record<string, unknown> | null;
		const name = typeof site?.name === 'string' && site.name.trim() ? site.name.trim() : undefined;
		const pattern = site?.indexNoPattern;
		const example = site?.indexNoExample;
		return {
			name,
			indexNo:
				typeof pattern === 'string' && typeof example === 'string'
					? { pattern, example }
					: undefined
		};
	} catch {
		return {};
	}
}

function readManifest(dir: string): Manifest {
	const file = path.join(dir, MANIFEST_FILE);
	if (!existsSync(file)) return { items: {} };
	try {
		const m = JSON.parse(readFileSync(file, 'utf8')) as Partial<Manifest>;
		return { items: m.items ?? {} };
	} catch {
		throw new ImportError(
			`${file} 读不出：它记录哪些文件是导入的。请从版本库恢复它，或删除它（之后旧的导入文件不再列为“已删除”）`
		);
	}
}

/**
 * Changed files are written under a temporary name and renamed, so the dev server never reads
 * half a file. New files are written directly: there is nothing to read half of before they
 * exist, and on ext4 a rename over a file costs a flush, which made 2,385 files take seconds.
 */
async function writeAll(dir: string, plan: ImportPlan): Promise<void> {
	const fresh = new Set(plan.added.map((e) => e.file));
	const one = async ({ file, text }: { file: string; text: string }) => {
		const target = path.join(dir, file);
		if (fresh.has(file)) return writeFile(target, text);
		const tmp = path.join(dir, `.${file}.tmp`);
		await writeFile(tmp, text);
		await rename(tmp, target);
	};
	// A few at a time: in parallel the file system's latency overlaps, without opening thousands of files.
	for (let i = 0; i < plan.writes.length; i += 64) {
		await Promise.all(plan.writes.slice(i, i + 64).map(one));
	}
}

export async function importDisclosure(options: ImportOptions): Promise<ImportReport> {
	if (!existsSync(options.file)) throw new ImportError(`找不到文件 ${options.file}`);
	let sheet;
	try {
		sheet = await readSheet(readFileSync(options.file), options.file, options.sheetName);
	} catch (e) {
		if (e instanceof ImportError) throw e;
		throw new ImportError(`${options.file} 读不出：${(e as Error).message}`);
	}
	const extra = options.headerMap?.headers ?? {};
	const texts = sheet.rows.map((r) => r.cells.map((c) => cellText(c)));
	const at = findHeaderRow(texts, extra);
	if (at === -1) {
		const first = (texts[0] ?? []).filter(Boolean).join('、') || '（空）';
		throw new ImportError(
			`${options.file}：前 10 行里找不到表头（至少要有“索引号”“标题”“发布日期”“公开类别”中的两列）。第一行是：${first}。列名不同的，用 --headers 文件对应`
		);
	}
	const headerRow = sheet.rows[at]!;
	const columns = mapHeaders(texts[at]!, extra);
	if (columns.missing.length) {
		const names = columns.missing.map(
			(f) => `“${fieldAliases[f][0]}”（也认：${fieldAliases[f].slice(1).join('、')}）`
		);
		throw new ImportError(
			`${options.file}：第${headerRow.number}行的表头缺少 ${names.join('；')}。表格的列是：${texts[at]!.filter(Boolean).join('、')}。列名不同的，用 --headers 文件对应`
		);
	}
	const contentDir = path.resolve(options.contentDir);
	const site = siteFacts(contentDir);
	const defaultIssuer = columns.columns.issuer === undefined ? site.name : undefined;
	if (columns.columns.issuer === undefined && !defaultIssuer) {
		throw new ImportError(
			`${options.file}：表格没有“发布机构”列，${contentDir}/site.yaml 里也没有单位名称（name）可代替`
		);
	}
	const dataRows = sheet.rows.slice(at + 1);
	const result = rowsToItems(dataRows, columns, {
		categories: options.headerMap?.categories,
		defaultIssuer,
		indexNo: site.indexNo
	});

	const dir = path.join(contentDir, 'disclosure');
	const existing = existsSync(dir)
		? readdirSync(dir, { withFileTypes: true })
				.filter((e) => e.isFile() && e.name.endsWith('.md') && !e.name.startsWith('.'))
				.map((e) => parseDisclosureFile(e.name, readFileSync(path.join(dir, e.name), 'utf8')))
		: [];
	const plan = planImport(result.items, existing, readManifest(dir), {
		// A row whose 索引号 cell is unreadable this time must not cost its file: no pruning then.
		prune: options.prune && result.problems.length === 0,
		seenIndexNos: result.seenIndexNos,
		indexHeader: columns.headers.indexNo
	});
	const problems = [...result.problems, ...plan.problems].sort((a, b) => a.row - b.row);
	const report: ImportReport = {
		source: sheet.name,
		headerRow: headerRow.number,
		columns,
		rows: dataRows.length - result.emptyRows,
		problems,
		defaultIssuer,
		plan,
		pruneHeld: Boolean(options.prune) && result.problems.length > 0,
		written: false
	};
	if (options.dryRun || (problems.length > 0 && !options.skipBad)) return report;

	mkdirSync(dir, { recursive: true });
	await writeAll(dir, plan);
	for (const f of plan.deletes) rmSync(path.join(dir, f), { force: true });
	const sorted = Object.fromEntries(
		Object.entries(plan.manifest.items).sort(([a], [b]) => a.localeCompare(b))
	);
	const manifest = JSON.stringify(
		{
			说明: '由 npm run content:import 维护：记录哪些公开目录文件是从表格导入的（按索引号）。请勿手工修改。',
			items: sorted
		},
		null,
		'\t'
	);
	const tmp = path.join(dir, `${MANIFEST_FILE}.tmp`);
	writeFileSync(tmp, manifest + '\n');
	renameSync(tmp, path.join(dir, MANIFEST_FILE));
	report.written = true;
	return report;
}
