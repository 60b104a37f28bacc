/**
 * Cell values as office exports hold them, turned into what a disclosure file needs: dates from
 * Excel date cells, serial numbers or text in the usual Chinese ways; categories by their name,
 * their URL key, their Article 20 number or a common short name; a stable file name per 索引号.
 */
import {
	article20Categories,
	disclosureCategories,
	disclosureCategoryKeys,
	type DisclosureCategory
} from '../content/schema.ts';

/** What a cell can hold once read: exceljs gives Date objects for date cells. */
export type CellValue = string | number | boolean | Date | null;

export interface Cell {
	value: CellValue;
	/** A hyperlink on the cell (xlsx), e.g. a title linked to the page on the portal. */
	link?: string;
}

/** The cell as text, as Excel would show it for text and numbers. */
export function cellText(cell: Cell | undefined): string {
	const v = cell?.value;
	if (v === null || v === undefined) return '';
	if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
	return String(v).trim();
}

function pad(n: number, width = 2): string {
	return String(n).padStart(width, '0');
}

function realDate(y: number, m: number, d: number): string | null {
	const t = new Date(Date.UTC(y, m - 1, d));
	if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
	return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Excel's day 0 is 1899-12-30 (day 60 is the 1900-02-29 Excel believes in; no export dates from then). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
/** Serials from 1930 to 2199: a plain year or a count in a date column is not read as a date. */
const SERIAL_MIN = 10_959;
const SERIAL_MAX = 109_574;

function fromSerial(n: number): string | null {
	if (!Number.isFinite(n) || n < SERIAL_MIN || n > SERIAL_MAX) return null;
	const t = new Date(EXCEL_EPOCH + Math.floor(n) * 86_400_000);
	return realDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

const TEXT_DATE =
	/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;

/**
 * `2014-03-05` from a date cell, an Excel serial number, or text such as `2014-03-05`,
 * `2014/3/5`, `2014.3.5`, `2014年3月5日`, `20140305` (a time after the date is dropped).
 * null when the value is not a real calendar date.
 */
export function toIsoDate(value: CellValue): string | null {
	if (value === null || typeof value === 'boolean') return null;
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) return null;
		// exceljs reads a date cell as that day's midnight UTC.
		return realDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
	}
	if (typeof value === 'number') return fromSerial(value);
	const s = value.normalize('NFKC').trim();
	const m = TEXT_DATE.exec(s);
	if (m) return realDate(+m[1]!, +m[2]!, +m[3]!);
	const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
	if (compact) return realDate(+compact[1]!, +compact[2]!, +compact[3]!);
	if (/^\d{5,6}(\.\d+)?$/.test(s)) return fromSerial(Number(s));
	return null;
}

const CHINESE_DIGITS = '一二三四五六七八九';

/** 一 … 十五 (and 1 … 15) to a number; NaN otherwise. */
function chineseNumber(s: string): number {
	if (/^\d+$/.test(s)) return Number(s);
	if (s === '十') return 10;
	const tens = /^([一二三四五六七八九]?)十([一二三四五六七八九]?)$/.exec(s);
	if (tens) {
		const t = tens[1] ? CHINESE_DIGITS.indexOf(tens[1]) + 1 : 1;
		const u = tens[2] ? CHINESE_DIGITS.indexOf(tens[2]) + 1 : 0;
		return t * 10 + u;
	}
	if (s.length === 1 && CHINESE_DIGITS.includes(s)) return CHINESE_DIGITS.indexOf(s) + 1;
	return Number.NaN;
}

/** Short names offices use for a category, checked after the exact names. First match wins. */
const CATEGORY_WORDS: readonly [RegExp, DisclosureCategory][] = [
	[/公开指南/, '公开指南'],
	[/公开制度/, '公开制度'],
	[/年报|年度报告/, '公开年报'],
	[/依申请/, '依申请公开'],
	[/规范性文件|规章|法规文件|政策法规/, '行政法规、规章和规范性文件'],
	[
		/机构职能|机关职能|机构设置|内设机构|领导(信息|简介|分工)|联系方式/,
		'机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名'
	],
	[/统计/, '国民经济和社会发展统计信息'],
	[/规划|政策解读/, '国民经济和社会发展规划、专项规划、区域规划及相关政策'],
	[/行政许可|行政审批|审批事项|服务事项|办理结果/, '行政许可和其他对外管理服务事项'],
	[/行政处罚|行政强制/, '行政处罚、行政强制'],
	[/收费/, '行政事业性收费项目及其依据、标准'],
	[/预算|决算|三公|专项资金|财政资金/, '财政预算、决算信息'],
	[/采购|招标|中标/, '政府集中采购项目'],
	[/建设项目/, '重大建设项目的批准和实施情况'],
	[/应急|预警|突发/, '突发公共事件的应急预案、预警信息及应对情况'],
	[
		/监督检查|安全生产|环境保护|食品药品|产品质量|质量监督/,
		'环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况'
	],
	[/公务员|招考|录用/, '公务员招考的职位、名额、报考条件等事项以及录用结果'],
	[
		/扶贫|教育|医疗|社会保障|就业/,
		'扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况'
	],
	[/^其[他它]/, '法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息']
];

const keyToCategory = new Map<string, DisclosureCategory>(
	disclosureCategories.map((c) => [disclosureCategoryKeys[c], c])
);

function squash(s: string): string {
	return s.normalize('NFKC').replace(/\s/g, '').replace(/,/g, '、');
}

/**
 * The schema's category for what a sheet says: the exact name, its URL key (`budgets`), the
 * Article 20 item (`（七）`, `第二十条第七项`, `7`), a leading number before the name
 * (`（七）财政预算、决算信息`), the statute's longer wording, or a common short name (三公经费).
 * `extra` is the office's own names, mapping to any of those. undefined when nothing fits.
 */
export function resolveCategory(
	raw: string,
	extra: Readonly<Record<string, string>> = {}
): DisclosureCategory | undefined {
	const s = squash(raw);
	if (!s) return undefined;
	for (const [k, v] of Object.entries(extra)) {
		if (squash(k) === s && squash(v) !== s) return resolveCategory(v);
	}
	const exact = disclosureCategories.find((c) => squash(c) === s);
	if (exact) return exact;
	const byKey = keyToCategory.get(s.toLowerCase());
	if (byKey) return byKey;
	const only = /^(?:第二十条)?第?\(?([一二三四五六七八九十]+|\d{1,2})\)?项?$/.exec(s);
	if (only) return article20Categories[chineseNumber(only[1]!) - 1];
	const lead =
		/^(?:\(([一二三四五六七八九十]+|\d{1,2})\)|([一二三四五六七八九十]+|\d{1,2})[、.])(.+)$/.exec(
			s
		);
	if (lead) return resolveCategory(lead[3]!);
	// The statute's full wording begins with the category's name (行政许可和其他对外管理服务事项的依据…).
	const prefixed = disclosureCategories.filter((c) => s.startsWith(squash(c)));
	if (prefixed.length === 1) return prefixed[0];
	return CATEGORY_WORDS.find(([re]) => re.test(s))?.[1];
}

/**
 * 索引号 as typed into a sheet: full-width letters and slashes, lower case, stray spaces. The
 * schema then checks the pattern.
 */
export function normalizeIndexNo(raw: string): string {
	return raw.normalize('NFKC').replace(/\s/g, '').toUpperCase();
}

/**
 * The file name (without `.md`) of an imported item: the 索引号 in lower case with every run of
 * other characters as one `-`. `430S00720/2014-38650` → `430s00720-2014-38650`. Stable, so a
 * re-import finds the same file.
 */
export function slugFromIndexNo(indexNo: string): string {
	return normalizeIndexNo(indexNo)
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/** 关键词 cells: `政府采购、中标公告；LED` → separate keywords. */
export function splitKeywords(raw: string): string[] {
	return [
		...new Set(
			raw
				.split(/[、,，;；|\s]+/)
				.map((k) => k.trim())
				.filter(Boolean)
		)
	];
}

/**
 * 正文 from a cell: each line a paragraph, because a cell's line breaks are the author's paragraph
 * breaks (in Markdown a single line break would join them).
 */
export function bodyParagraphs(raw: string): string {
	return raw
		.replace(/\r\n?/g, '\n')
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean)
		.join('\n\n');
}

/** How a value is quoted in a message: `“三月五日”`, shortened if long. */
export function quoted(value: string, max = 40): string {
	const v = value.length > max ? value.slice(0, max - 1) + '…' : value;
	return `“${v}”`;
}
