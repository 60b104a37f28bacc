/**
 * Spreadsheet rows → disclosure items, each checked against the content schema itself. A bad row
 * is named the way an editor finds it in Excel: `第7行 · 发布日期：应为日期（如 2014-03-05），现在是“三月五日”`.
 */
import type * as z from 'zod';
import {
	DEFAULT_INDEX_NO_EXAMPLE,
	DEFAULT_INDEX_NO_PATTERN,
	disclosureSchema,
	webUrl
} from '../content/schema.ts';
import { fieldAliases, type ColumnMap, type ImportField } from './headers.ts';
import type { SheetRow } from './read.ts';
import {
	bodyParagraphs,
	cellText,
	normalizeIndexNo,
	quoted,
	resolveCategory,
	slugFromIndexNo,
	splitKeywords,
	toIsoDate
} from './values.ts';

export type DisclosureInput = z.input<typeof disclosureSchema>;

/** The front-matter fields a sheet can fill, in the order the disclosure files list them. */
export const frontMatterOrder = [
	'title',
	'indexNo',
	'category',
	'date',
	'issuer',
	'publishMethod',
	'keywords',
	'summary'
] as const satisfies readonly (keyof DisclosureInput)[];

export type FrontMatterField = (typeof frontMatterOrder)[number];

export interface ImportItem {
	/** Excel's row number. */
	row: number;
	indexNo: string;
	/** File name without `.md`, from the 索引号. */
	slug: string;
	/** Front matter as written: only the fields the sheet gave, validated by the schema. */
	data: Partial<Record<FrontMatterField, string | string[]>> & { indexNo: string; title: string };
	/** Markdown body: 文号 and 有效性 line, 正文, 原文链接. Empty when the sheet has none. */
	body: string;
	/** Fields the sheet has a column for: when the item updates a hand-written file, only these change. */
	provided: FrontMatterField[];
	/** Whether the row has a 正文: a hand-written file keeps its own body otherwise. */
	providesBody: boolean;
}

export interface RowProblem {
	row: number;
	/** The column header as the sheet has it; empty when the problem is the whole row. */
	column: string;
	message: string;
}

export function formatRowProblem(p: RowProblem): string {
	return p.column ? `第${p.row}行 · ${p.column}：${p.message}` : `第${p.row}行：${p.message}`;
}

export interface RowOptions {
	/** The office's own category names (`工作动态: 其他`). */
	categories?: Readonly<Record<string, string>>;
	/** 发布机构 when the sheet has no such column: the office's name from site.yaml. */
	defaultIssuer?: string;
	/** The office's 索引号 format (site.yaml); by default the content schema's. */
	indexNo?: { pattern: string; example: string };
}

export interface RowsResult {
	items: ImportItem[];
	problems: RowProblem[];
	/** 索引号 of every row that has one, good or bad: a bad row's item is not “removed”. */
	seenIndexNos: Set<string>;
	/** Rows with nothing in them (skipped, not errors). */
	emptyRows: number;
}

const fieldToFrontMatter: Partial<Record<ImportField, FrontMatterField>> = {
	title: 'title',
	indexNo: 'indexNo',
	category: 'category',
	date: 'date',
	issuer: 'issuer',
	publishMethod: 'publishMethod',
	keywords: 'keywords',
	summary: 'summary'
};

const isUrl = webUrl();

/** Turns the rows under the header row into items; every problem of every row is collected. */
export function rowsToItems(
	rows: readonly SheetRow[],
	map: ColumnMap,
	options: RowOptions = {}
): RowsResult {
	const items: ImportItem[] = [];
	const problems: RowProblem[] = [];
	const seenIndexNos = new Set<string>();
	const firstRowOf = new Map<string, number>();
	const indexNoPattern = new RegExp(options.indexNo?.pattern ?? DEFAULT_INDEX_NO_PATTERN, 'u');
	const indexNoExample = options.indexNo?.example ?? DEFAULT_INDEX_NO_EXAMPLE;
	let emptyRows = 0;
	const header = (f: ImportField) => map.headers[f] ?? fieldAliases[f][0]!;
	const provided = (Object.keys(map.columns) as ImportField[])
		.map((f) => fieldToFrontMatter[f])
		.filter((f): f is FrontMatterField => f !== undefined);
	if (!map.columns.issuer && options.defaultIssuer) provided.push('issuer');

	for (const row of rows) {
		const cell = (f: ImportField) => {
			const col = map.columns[f];
			return col === undefined ? undefined : row.cells[col];
		};
		const text = (f: ImportField) => cellText(cell(f));
		if (row.cells.every((c) => cellText(c) === '')) {
			emptyRows++;
			continue;
		}
		const bad: RowProblem[] = [];
		const fail = (f: ImportField, message: string) =>
			bad.push({ row: row.number, column: header(f), message });

		const data: Record<string, string | string[]> = {};
		const required = (f: ImportField & FrontMatterField) => {
			const v = text(f);
			if (v) data[f] = v;
			else fail(f, '不能为空');
		};
		required('title');

		const rawIndex = text('indexNo');
		const indexNo = normalizeIndexNo(rawIndex);
		if (indexNo) seenIndexNos.add(indexNo);
		if (!indexNo) fail('indexNo', '不能为空');
		else if (!indexNoPattern.test(indexNo)) {
			fail(
				'indexNo',
				`应为索引号（如 ${indexNoExample}：机构代码/年份-顺序号），现在是${quoted(indexNo)}`
			);
		} else {
			data.indexNo = indexNo;
			const first = firstRowOf.get(indexNo);
			if (first !== undefined) fail('indexNo', `与第${first}行重复（${indexNo}）`);
			else firstRowOf.set(indexNo, row.number);
		}

		const rawDate = cell('date');
		const date = toIsoDate(rawDate?.value ?? null);
		if (date) data.date = date;
		else if (!cellText(rawDate)) fail('date', '不能为空');
		else fail('date', `应为日期（如 2014-03-05），现在是${quoted(cellText(rawDate))}`);

		const rawCategory = text('category');
		const category = resolveCategory(rawCategory, options.categories);
		if (category) data.category = category;
		else if (!rawCategory) fail('category', '不能为空');
		else {
			fail(
				'category',
				`${quoted(rawCategory)}不是公开目录的类别：应为《政府信息公开条例》第二十条的类别（如“财政预算、决算信息”“（七）”），或公开指南、公开制度、公开年报、依申请公开；本单位的其他叫法可在 --headers 文件的 categories 里对应`
			);
		}

		if (map.columns.issuer !== undefined) required('issuer');
		else if (options.defaultIssuer) data.issuer = options.defaultIssuer;

		if (text('publishMethod')) data.publishMethod = text('publishMethod');
		const keywords = splitKeywords(text('keywords'));
		if (keywords.length) data.keywords = keywords;
		if (text('summary')) data.summary = bodyParagraphs(text('summary')).replace(/\n+/g, ' ');

		// The link: the 链接 column, or else a hyperlink on the title cell.
		const linkCell = cell('link');
		const link = cellText(linkCell) || linkCell?.link || cell('title')?.link || '';
		if (link && !isUrl.safeParse(link).success) {
			fail('link', `应为以 http:// 或 https:// 开头的网址，现在是${quoted(link, 120)}`);
		}

		// Whatever the checks above did not catch, the content schema does.
		if (bad.length === 0) {
			const parsed = disclosureSchema.safeParse(data);
			if (!parsed.success) {
				for (const issue of parsed.error.issues) {
					const key = String(issue.path[0] ?? '');
					const f = (Object.keys(fieldToFrontMatter) as ImportField[]).find(
						(k) => fieldToFrontMatter[k] === key
					);
					const value = typeof data[key] === 'string' ? (data[key] as string) : '';
					const message =
						key === 'indexNo'
							? `应为索引号（如 430S00720/2015-40731：机构代码/年份-顺序号），现在是${quoted(rawIndex)}`
							: value
								? `不符合要求（${issue.message}），现在是${quoted(value)}`
								: '不能为空';
					bad.push({ row: row.number, column: f ? header(f) : key, message });
				}
			}
		}
		if (bad.length) {
			problems.push(...bad);
			continue;
		}

		const meta: string[] = [];
		if (text('docNo')) meta.push(`**文号**：${text('docNo')}`);
		if (text('validity')) meta.push(`**有效性**：${text('validity')}`);
		const body = [
			meta.join('　'),
			bodyParagraphs(text('body')),
			link ? `**原文链接**：<${link}>` : ''
		]
			.filter(Boolean)
			.join('\n\n');

		const ordered: Record<string, string | string[]> = {};
		for (const k of frontMatterOrder) if (data[k] !== undefined) ordered[k] = data[k]!;
		items.push({
			row: row.number,
			indexNo,
			slug: slugFromIndexNo(indexNo),
			data: ordered as ImportItem['data'],
			body,
			provided: frontMatterOrder.filter((f) => provided.includes(f)),
			providesBody: text('body') !== ''
		});
	}
	return { items, problems, seenIndexNos, emptyRows };
}
