import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText, readCsv, readSheet, readXlsx } from './read.ts';
import { cellText, toIsoDate } from './values.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../../tests/fixtures/import');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));

describe('CSV encodings', () => {
	it('reads GB18030, which is not UTF-8, as Excel on a Chinese Windows saves it', () => {
		const bytes = fixture('bad-rows-gb18030.csv');
		// The fixture really is GB18030: strict UTF-8 refuses it.
		expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
		const { text, encoding } = decodeText(bytes);
		expect(encoding).toBe('gb18030');
		expect(text.startsWith('索引号,名称,发布机构,发布日期')).toBe(true);
		expect(text).toContain('湘经信发〔2014〕12号');
	});

	it('drops a UTF-8 BOM and reads UTF-16 with its BOM', () => {
		const withBom = decodeText(fixture('good-utf8-bom.csv'));
		expect(withBom).toMatchObject({ encoding: 'utf-8' });
		expect(withBom.text.startsWith('索引号')).toBe(true);
		const utf16 = Buffer.concat([
			Buffer.from([0xff, 0xfe]),
			Buffer.from('索引号\t名称\n', 'utf16le')
		]);
		expect(decodeText(utf16)).toEqual({ text: '索引号\t名称\n', encoding: 'utf-16le' });
	});

	it('numbers rows as Excel does, a quoted cell over several lines being one row', () => {
		const sheet = readCsv(fixture('bad-rows-gb18030.csv'));
		expect(sheet.rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
		expect(cellText(sheet.rows[4]!.cells[0])).toBe('430S00720/2014-01004');
		expect(cellText(sheet.rows[3]!.cells[8])).toContain('\n');
	});

	it('reads tab-separated “Unicode text”', () => {
		const bytes = Buffer.concat([
			Buffer.from([0xff, 0xfe]),
			Buffer.from('索引号\t名称\r\n430S00720/2014-00001\t标题，含逗号\r\n', 'utf16le')
		]);
		expect(readCsv(bytes).rows[1]!.cells.map(cellText)).toEqual([
			'430S00720/2014-00001',
			'标题，含逗号'
		]);
	});
});

describe('xlsx', () => {
	it('reads date cells, serials, rich text, hyperlinks and formulas, with Excel row numbers', async () => {
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('目录');
		ws.addRow(['索引号', '名称', '生成日期', '链接']);
		ws.addRow([]);
		ws.getRow(3).values = [
			'430S00720/2014-00001',
			{ richText: [{ text: '关于' }, { text: '通知', font: { bold: true } }] },
			new Date(Date.UTC(2014, 2, 5)),
			{ text: '原文', hyperlink: 'https://gxt.hunan.gov.cn/a.html' }
		];
		ws.getRow(4).values = [
			'430S00720/2014-00002',
			'标题二',
			41703,
			{ formula: '"https://x.cn/"&"b"', result: 'https://x.cn/b' }
		];
		const sheet = await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
		expect(sheet.name).toBe('目录');
		expect(sheet.rows.map((r) => r.number)).toEqual([1, 3, 4]);
		const [, a, b] = sheet.rows;
		expect(a!.cells.map(cellText)).toEqual([
			'430S00720/2014-00001',
			'关于通知',
			'2014-03-05',
			'原文'
		]);
		expect(a!.cells[3]!.link).toBe('https://gxt.hunan.gov.cn/a.html');
		expect(toIsoDate(a!.cells[2]!.value)).toBe('2014-03-05');
		expect(toIsoDate(b!.cells[2]!.value)).toBe('2014-03-05');
		expect(cellText(b!.cells[3])).toBe('https://x.cn/b');
	});

	it('says what to do with an old .xls or another file type', async () => {
		await expect(readSheet(new Uint8Array(), '目录.xls')).rejects.toThrow('另存为');
		await expect(readSheet(new Uint8Array(), '目录.pdf')).rejects.toThrow('.pdf');
	});
});
