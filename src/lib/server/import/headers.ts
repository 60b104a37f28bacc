/**
 * Which spreadsheet column holds which field of a disclosure item. Offices export their
 * 政府信息公开目录 from different systems, so each field is known by the usual Chinese names;
 * an office with other names adds them in a header map (`--headers map.yaml`).
 */

export const importFields = [
	'indexNo',
	'title',
	'issuer',
	'date',
	'docNo',
	'category',
	'validity',
	'body',
	'link',
	'summary',
	'keywords',
	'publishMethod'
] as const;

export type ImportField = (typeof importFields)[number];

/**
 * The names each field is known by, most specific first: when a sheet has two columns for one
 * field (公开类别 and 主题分类), the one named earlier here is used and the other is reported.
 * The first name is the one messages use when the column is missing.
 */
export const fieldAliases: Record<ImportField, readonly string[]> = {
	indexNo: ['索引号', '信息索引号', '索引'],
	title: ['标题', '名称', '信息名称', '信息标题', '文件名称', '文件标题', '题名'],
	issuer: ['发布机构', '发布单位', '发布机关', '发文机关', '发文单位', '生成机构', '信息来源'],
	date: [
		'发布日期',
		'发文日期',
		'生成日期',
		'成文日期',
		'公开日期',
		'发布时间',
		'公开时间',
		'生成时间',
		'日期'
	],
	docNo: ['文号', '发文字号', '发文文号', '文件文号', '文件编号'],
	category: [
		'公开类别',
		'主题分类',
		'信息类别',
		'公开目录',
		'目录类别',
		'信息分类',
		'类别',
		'分类'
	],
	validity: ['有效性', '时效性', '效力状态', '是否有效'],
	body: ['正文', '信息内容', '正文内容', '全文', '内容'],
	link: ['链接', '原文链接', '链接地址', '网址', '网页地址', 'url'],
	summary: ['摘要', '内容概述', '内容摘要', '内容描述', '简介'],
	keywords: ['关键词', '主题词', '关键字'],
	publishMethod: ['公开方式', '公开形式', '发布方式']
};

/** Without these a row cannot become an item. 发布机构 falls back to the office name. */
export const requiredFields: readonly ImportField[] = ['indexNo', 'title', 'date', 'category'];

/**
 * Header text as offices type it: `*索引号`, `发布日期（YYYY-MM-DD）`, `标 题`, `URL`, a
 * trailing colon. All of these name the same column.
 */
export function normalizeHeader(raw: string): string {
	return raw
		.normalize('NFKC')
		.replace(/[(（][^)）]*[)）]/g, '')
		.replace(/[\s*:：]/g, '')
		.toLowerCase();
}

const aliasIndex = new Map<string, { field: ImportField; rank: number }>();
for (const field of importFields) {
	fieldAliases[field].forEach((name, rank) =>
		aliasIndex.set(normalizeHeader(name), { field, rank })
	);
}

/** The field a header names, by alias or by the field's own key (`title`); undefined if none. */
export function fieldOfName(name: string): ImportField | undefined {
	const n = normalizeHeader(name);
	const hit = aliasIndex.get(n);
	if (hit) return hit.field;
	return importFields.find((f) => f.toLowerCase() === n);
}

export interface ColumnMap {
	/** 0-based column of each recognised field. */
	columns: Partial<Record<ImportField, number>>;
	/** The header text as the sheet has it, per field: messages name the column this way. */
	headers: Partial<Record<ImportField, string>>;
	/** Columns that hold nothing we import, or a second column for a field already taken. */
	unused: { header: string; reason: string }[];
	missing: ImportField[];
}

/**
 * Maps a header row to fields. `extra` is the office's own names (`信息名称: 标题`): the key is
 * the header in the sheet, the value any name or key of a field.
 */
export function mapHeaders(
	headerRow: readonly string[],
	extra: Readonly<Record<string, ImportField>> = {}
): ColumnMap {
	const extraIndex = new Map(Object.entries(extra).map(([k, v]) => [normalizeHeader(k), v]));
	const best = new Map<ImportField, { col: number; rank: number; header: string }>();
	const unused: ColumnMap['unused'] = [];
	const claims: { col: number; field: ImportField; rank: number; header: string }[] = [];
	headerRow.forEach((header, col) => {
		const text = header.trim();
		if (!text) return;
		const n = normalizeHeader(text);
		const mapped = extraIndex.get(n);
		// The office's own map wins over the built-in names.
		const hit = mapped ? { field: mapped, rank: -1 } : aliasIndex.get(n);
		if (!hit) {
			unused.push({ header: text, reason: '不认识的列名' });
			return;
		}
		claims.push({ col, field: hit.field, rank: hit.rank, header: text });
	});
	for (const c of claims) {
		const prev = best.get(c.field);
		if (!prev || c.rank < prev.rank) best.set(c.field, c);
	}
	for (const c of claims) {
		const chosen = best.get(c.field);
		if (chosen && chosen.col !== c.col) {
			unused.push({ header: c.header, reason: `已用“${chosen.header}”列` });
		}
	}
	const columns: ColumnMap['columns'] = {};
	const headers: ColumnMap['headers'] = {};
	for (const [field, c] of best) {
		columns[field] = c.col;
		headers[field] = c.header;
	}
	return { columns, headers, unused, missing: requiredFields.filter((f) => !(f in columns)) };
}

/**
 * Offices often put a title line (“××委政府信息公开目录”) above the header row. The header row is
 * the first of the first rows that names at least two of the required fields.
 */
export function findHeaderRow(
	rows: readonly (readonly string[])[],
	extra: Readonly<Record<string, ImportField>> = {},
	within = 10
): number {
	for (let i = 0; i < Math.min(rows.length, within); i++) {
		const { columns } = mapHeaders(rows[i] ?? [], extra);
		if (requiredFields.filter((f) => f in columns).length >= 2) return i;
	}
	return -1;
}
