/**
 * Reads an office export into rows of cells, numbered as Excel shows them (the first row is 1).
 * xlsx through exceljs; CSV through csv-parse, in whatever encoding Excel saved it: UTF-8 (with or
 * without a BOM), GB18030 (“CSV” on a Chinese Windows) or UTF-16 (“Unicode text”, tab-separated).
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Cell, CellValue } from './values.ts';

export interface SheetRow {
	/** The row number Excel shows. */
	number: number;
	cells: Cell[];
}

export interface Sheet {
	/** The worksheet's name (xlsx) or the encoding the CSV was read in. */
	name: string;
	rows: SheetRow[];
}

export interface DecodedText {
	text: string;
	encoding: 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';
}

/**
 * The text of a CSV file. Without a BOM, a file that is not valid UTF-8 is taken as GB18030, the
 * superset of GBK/GB2312 that Excel on a Chinese Windows writes; valid UTF-8 is practically never
 * also meaningful GB18030 Chinese, so the strict UTF-8 attempt decides.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
	}
	if (bytes[0] === 0xff && bytes[1] === 0xfe) {
		return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
	}
	if (bytes[0] === 0xfe && bytes[1] === 0xff) {
		return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
	}
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
	} catch {
		return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
	}
}

/** Excel's “Unicode text” is tab-separated; its CSV uses commas. Decided by the first line. */
function delimiterOf(text: string): string {
	const first = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
	const tabs = first.split('\t').length;
	const commas = first.split(',').length;
	return tabs > commas ? '\t' : ',';
}

export function readCsv(bytes: Uint8Array): Sheet {
	const { text, encoding } = decodeText(bytes);
	const records = parse(text, {
		delimiter: delimiterOf(text),
		relax_column_count: true,
		relax_quotes: true,
		skip_empty_lines: false
	}) as string[][];
	return {
		name: encoding,
		// One record is one row in Excel, even when a quoted cell spans several lines.
		rows: records.map((r, i) => ({ number: i + 1, cells: r.map((v) => ({ value: v })) }))
	};
}

type ExcelValue = ExcelJS.CellValue;

function richText(v: { richText: { text: string }[] }): string {
	return v.richText.map((r) => r.text).join('');
}

/** exceljs cell values (rich text, hyperlinks, formulas, errors) as plain values. */
export function fromExcel(v: ExcelValue): Cell {
	if (v === null || v === undefined) return { value: null };
	if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { value: v };
	if (v instanceof Date) return { value: v };
	if ('richText' in v) return { value: richText(v) };
	if ('hyperlink' in v) {
		const text: unknown = v.text;
		const shown =
			typeof text === 'string'
				? text
				: text && typeof text === 'object' && 'richText' in text
					? richText(text as { richText: { text: string }[] })
					: '';
		return { value: shown, link: v.hyperlink };
	}
	if ('formula' in v || 'sharedFormula' in v) {
		const result = (v as { result?: unknown }).result;
		if (result === undefined || result === null) return { value: null };
		if (typeof result === 'object' && !(result instanceof Date)) {
			return { value: 'error' in result ? String(result.error) : null };
		}
		return { value: result as CellValue };
	}
	if ('error' in v) return { value: String(v.error) };
	return { value: null };
}

/**
 * The first worksheet (or the one named `sheetName`) as rows. Rows Excel shows as empty are
 * left out; the numbers of the others are Excel's.
 */
export async function readXlsx(bytes: Uint8Array, sheetName?: string): Promise<Sheet> {
	const wb = new ExcelJS.Workbook();
	// exceljs wants a Node Buffer; its types lag behind Node's.
	await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
	const ws = sheetName ? wb.getWorksheet(sheetName) : wb.worksheets[0];
	if (!ws) {
		const names = wb.worksheets.map((w) => `“${w.name}”`).join('、');
		throw new Error(
			sheetName
				? `工作簿里没有名为“${sheetName}”的工作表（有：${names || '无'}）`
				: '工作簿里没有工作表'
		);
	}
	const rows: SheetRow[] = [];
	const width = ws.columnCount;
	ws.eachRow({ includeEmpty: false }, (row, number) => {
		const cells: Cell[] = [];
		for (let c = 1; c <= width; c++) cells.push(fromExcel(row.getCell(c).value));
		rows.push({ number, cells });
	});
	return { name: ws.name, rows };
}

/** Reads `.xlsx` or `.csv` (also `.txt`/`.tsv` as saved by Excel) by the file's extension. */
export async function readSheet(
	bytes: Uint8Array,
	fileName: string,
	sheetName?: string
): Promise<Sheet> {
	const ext = fileName.toLowerCase().split('.').pop();
	if (ext === 'xlsx') return readXlsx(bytes, sheetName);
	if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return readCsv(bytes);
	if (ext === 'xls') {
		throw new Error(
			'不能读取旧的 .xls 格式：请在 Excel 中“另存为”Excel 工作簿（.xlsx）或 CSV 后再导入'
		);
	}
	throw new Error(`不认识的文件类型“.${ext}”：请导入 .xlsx 或 .csv 文件`);
}
