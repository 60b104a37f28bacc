import {
	cpSync,
	existsSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadContent } from '../content/load.ts';
import { MANIFEST_FILE } from './plan.ts';
import { formatRowProblem } from './rows.ts';
import { ImportError, importDisclosure, parseHeaderMap } from './run.ts';
import { sampleRows, sampleXlsx, type SampleRow } from './sample.ts';

const REPO = path.resolve(import.meta.dirname, '../../../..');
const FIXTURES = path.join(REPO, 'tests/fixtures/import');
const SAMPLE_ITEMS = readdirSync(path.join(REPO, 'content/disclosure')).filter((f) =>
	f.endsWith('.md')
).length;

let tmp: string;
let content: string;
const disclosureFiles = () =>
	readdirSync(path.join(content, 'disclosure')).filter((f) => f.endsWith('.md'));

beforeEach(() => {
	tmp = mkdtempSync(path.join(os.tmpdir(), 'import-spec-'));
	content = path.join(tmp, 'content');
	cpSync(path.join(REPO, 'content'), content, { recursive: true });
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

async function xlsxFile(rows: SampleRow[], name = 'catalogue.xlsx'): Promise<string> {
	const file = path.join(tmp, name);
	writeFileSync(file, await sampleXlsx(rows));
	return file;
}

describe('GB18030 CSV with three bad rows', () => {
	const file = path.join(FIXTURES, 'bad-rows-gb18030.csv');

	it('names the three rows by Excel row and column, and writes nothing', async () => {
		const report = await importDisclosure({ file, contentDir: content });
		expect(report.source).toBe('gb18030');
		expect(report.problems.map(formatRowProblem)).toEqual([
			'第3行 · 发布日期：应为日期（如 2014-03-05），现在是“三月五日”',
			expect.stringMatching(/^第5行 · 公开类别：“工作动态”不是公开目录的类别/),
			'第7行 · 链接：应为以 http:// 或 https:// 开头的网址，现在是“gxt.hunan.gov.cn/xxgk/2014/08/t2014_01006.html”'
		]);
		expect(report.written).toBe(false);
		expect(disclosureFiles()).toHaveLength(SAMPLE_ITEMS);
		expect(existsSync(path.join(content, 'disclosure', MANIFEST_FILE))).toBe(false);
	});

	it('with skipBad imports the other four, and the content check passes', async () => {
		const report = await importDisclosure({ file, contentDir: content, skipBad: true });
		expect(report.problems).toHaveLength(3);
		expect(report.written).toBe(true);
		expect(report.plan.added.map((e) => e.row)).toEqual([2, 4, 6, 8]);
		expect(disclosureFiles()).toHaveLength(SAMPLE_ITEMS + 4);
		const text = readFileSync(path.join(content, 'disclosure/430s00720-2014-01003.md'), 'utf8');
		expect(text).toBe(
			[
				'---',
				'title: 2014年省中小企业发展专项资金拟支持项目公示',
				'indexNo: 430S00720/2014-01003',
				'category: 财政预算、决算信息',
				"date: '2014-04-28'",
				'issuer: 湖南省经济和信息化委员会 湖南省财政厅',
				'---',
				'',
				'经企业申报、专家评审，拟对12个项目安排专项资金。',
				'',
				'公示期7天，如有异议请与我委联系。',
				'',
				'**原文链接**：<https://gxt.hunan.gov.cn/xxgk/2014/04/t2014_01003.html>',
				''
			].join('\n')
		);
		const { content: loaded, problems } = loadContent(content);
		expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(loaded?.disclosures).toHaveLength(SAMPLE_ITEMS + 4);
	});

	it('the same rows fixed, as UTF-8 with a BOM, import in full', async () => {
		const report = await importDisclosure({
			file: path.join(FIXTURES, 'good-utf8-bom.csv'),
			contentDir: content
		});
		expect(report.problems).toEqual([]);
		expect(report.plan.added).toHaveLength(7);
	});
});

describe('re-import (idempotent by 索引号)', () => {
	it('an xlsx made with exceljs: re-import adds nothing and counts every row unchanged', async () => {
		const rows = sampleRows(60);
		const file = await xlsxFile(rows);
		const first = await importDisclosure({ file, contentDir: content });
		expect(first.problems).toEqual([]);
		expect(first.plan.added).toHaveLength(60);
		expect(disclosureFiles()).toHaveLength(SAMPLE_ITEMS + 60);

		const again = await importDisclosure({ file, contentDir: content });
		expect([
			again.plan.added.length,
			again.plan.updated.length,
			again.plan.unchanged.length
		]).toEqual([0, 0, 60]);
		expect(again.plan.writes).toEqual([]);
		expect(disclosureFiles()).toHaveLength(SAMPLE_ITEMS + 60);
		expect(loadContent(content).problems.filter((p) => p.severity === 'error')).toEqual([]);
	});

	it('updates a changed row in place, reports rows gone, and deletes them only with prune', async () => {
		const rows = sampleRows(10);
		await importDisclosure({ file: await xlsxFile(rows), contentDir: content });
		const changed = rows.slice(0, 8).map((r, i) => (i === 1 ? { ...r, title: '新的标题' } : r));
		const file = await xlsxFile(changed, 'changed.xlsx');

		const report = await importDisclosure({ file, contentDir: content });
		expect(report.plan.updated.map((e) => [e.row, e.indexNo, e.title])).toEqual([
			[3, '430S00720/2014-00002', '新的标题']
		]);
		expect(report.plan.unchanged).toHaveLength(7);
		expect(report.plan.removed.map((e) => e.indexNo)).toEqual([
			'430S00720/2014-00009',
			'430S00720/2014-00010'
		]);
		expect(disclosureFiles()).toHaveLength(SAMPLE_ITEMS + 10);
		expect(
			readFileSync(path.join(content, 'disclosure/430s00720-2014-00002.md'), 'utf8')
		).toContain('title: 新的标题');

		const pruned = await importDisclosure({ file, contentDir: content, prune: true });
		expect(pruned.plan.removed).toHaveLength(2);
		expect(disclosureFiles()).toHaveLength(SAMPLE_ITEMS + 8);
		expect(existsSync(path.join(content, 'disclosure/430s00720-2014-00010.md'))).toBe(false);
		const after = await importDisclosure({ file, contentDir: content });
		expect(after.plan.removed).toEqual([]);
	});

	it('a row that is bad this time (skipBad) is neither removed nor pruned', async () => {
		const rows = sampleRows(3);
		await importDisclosure({ file: await xlsxFile(rows), contentDir: content });
		const broken = rows.map((r, i) => (i === 2 ? { ...r, date: '不详' } : r));
		const report = await importDisclosure({
			file: await xlsxFile(broken, 'broken.xlsx'),
			contentDir: content,
			skipBad: true,
			prune: true
		});
		expect(report.problems.map(formatRowProblem)).toEqual([
			'第4行 · 生成日期：应为日期（如 2014-03-05），现在是“不详”'
		]);
		expect(report.plan.removed).toEqual([]);
		expect(existsSync(path.join(content, 'disclosure/430s00720-2014-00003.md'))).toBe(true);
	});

	it('prunes nothing while a row is bad: an unreadable 索引号 must not cost a file', async () => {
		const rows = sampleRows(3);
		await importDisclosure({ file: await xlsxFile(rows), contentDir: content });
		const broken = rows.map((r, i) => (i === 2 ? { ...r, indexNo: '' } : r));
		const report = await importDisclosure({
			file: await xlsxFile(broken, 'broken.xlsx'),
			contentDir: content,
			skipBad: true,
			prune: true
		});
		expect(report.problems.map(formatRowProblem)).toEqual(['第4行 · 索引号：不能为空']);
		expect(report.plan.removed.map((e) => e.indexNo)).toEqual(['430S00720/2014-00003']);
		expect(report.pruneHeld).toBe(true);
		expect(report.plan.deletes).toEqual([]);
		expect(existsSync(path.join(content, 'disclosure/430s00720-2014-00003.md'))).toBe(true);
	});

	it('updates a hand-written file with the same 索引号 and keeps what the sheet does not have', async () => {
		const [row] = sampleRows(1);
		const file = await xlsxFile([
			{
				...row!,
				indexNo: '430S00720/2014-38650',
				title: '机构职能（更新）',
				date: '2014-03-05',
				category: '（二）',
				body: ''
			}
		]);
		const report = await importDisclosure({ file, contentDir: content });
		expect(report.plan.updated.map((e) => [e.file, e.note])).toEqual([
			['agency-functions.md', '手写的文件：只改了表格里有的字段']
		]);
		expect(disclosureFiles()).toHaveLength(SAMPLE_ITEMS);
		const text = readFileSync(path.join(content, 'disclosure/agency-functions.md'), 'utf8');
		expect(text).toContain('title: 机构职能（更新）');
		expect(text).toContain('  - 机构职能');
		expect(text).toContain('## 主要职责');
		expect(loadContent(content).problems.filter((p) => p.severity === 'error')).toEqual([]);
		// Not the importer's file: a later sheet without it never lists it as removed.
		const other = await importDisclosure({
			file: await xlsxFile(sampleRows(1), 'b.xlsx'),
			contentDir: content
		});
		expect(other.plan.removed).toEqual([]);
	});

	it('refuses to overwrite a file that has the item’s name but another 索引号', async () => {
		const rows = sampleRows(2);
		const taken = readFileSync(path.join(content, 'disclosure/agency-functions.md'), 'utf8');
		writeFileSync(path.join(content, 'disclosure/430s00720-2014-00002.md'), taken);
		const report = await importDisclosure({ file: await xlsxFile(rows), contentDir: content });
		expect(report.problems.map(formatRowProblem)).toEqual([
			expect.stringMatching(
				/^第3行 · 索引号：要写入的文件 disclosure\/430s00720-2014-00002\.md 已存在，但它的索引号是“430S00720\/2014-38650”/
			)
		]);
		expect(report.written).toBe(false);
	});

	it('a dry run writes nothing', async () => {
		const report = await importDisclosure({
			file: await xlsxFile(sampleRows(5)),
			contentDir: content,
			dryRun: true
		});
		expect(report.plan.added).toHaveLength(5);
		expect(report.written).toBe(false);
		expect(disclosureFiles()).toHaveLength(SAMPLE_ITEMS);
	});
});

describe('columns', () => {
	it("reads other column and category names from the office's header map", async () => {
		const csv = [
			'索引号,信息题目,发布机构,发布日期,公开类别',
			'430S00720/2014-00001,全省两化融合工作座谈会召开,湖南省经济和信息化委员会,2014-05-06,工作动态',
			'430S00720/2014-00002,2014年5月全省工业经济运行情况,湖南省经济和信息化委员会,2014-06-10,统计信息',
			'430S00720/2014-00003,民爆企业安全检查情况通报,湖南省经济和信息化委员会,2014-07-01,（十三）'
		].join('\n');
		const file = path.join(tmp, 'own-names.csv');
		writeFileSync(file, csv);
		await expect(importDisclosure({ file, contentDir: content, dryRun: true })).rejects.toThrow(
			/缺少 “标题”/
		);
		const headerMap = parseHeaderMap('headers:\n  信息题目: 标题\ncategories:\n  工作动态: 其他\n');
		const report = await importDisclosure({ file, contentDir: content, dryRun: true, headerMap });
		expect(report.problems).toEqual([]);
		expect(report.plan.added).toHaveLength(3);
	});

	it('says which header map entries are wrong', () => {
		expect(() => parseHeaderMap('headers:\n  信息题目: 题目\n')).toThrow(ImportError);
		expect(() => parseHeaderMap('categories:\n  工作动态: 动态\n')).toThrow('不是公开目录的类别');
		expect(() => parseHeaderMap('header:\n  a: 标题\n')).toThrow('只有 headers');
	});

	it('takes 发布机构 from site.yaml when the sheet has no such column', async () => {
		const file = path.join(tmp, 'no-issuer.csv');
		writeFileSync(
			file,
			'索引号,标题,发布日期,公开类别\n430S00720/2014-00001,标题一,2014-01-02,其他\n'
		);
		const report = await importDisclosure({ file, contentDir: content });
		expect(report.defaultIssuer).toBe('湖南省经济和信息化委员会');
		expect(
			readFileSync(path.join(content, 'disclosure/430s00720-2014-00001.md'), 'utf8')
		).toContain('issuer: 湖南省经济和信息化委员会');
	});
});
