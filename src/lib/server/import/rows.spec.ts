import { describe, expect, it } from 'vitest';
import { mapHeaders } from './headers.ts';
import type { SheetRow } from './read.ts';
import { formatRowProblem, rowsToItems } from './rows.ts';
import type { CellValue } from './values.ts';

const row = (number: number, values: CellValue[], link?: string): SheetRow => ({
	number,
	cells: values.map((value, i) => (i === 1 && link ? { value, link } : { value }))
});

describe('rows', () => {
	const map = mapHeaders([
		'索引号',
		'标题',
		'发布机构',
		'发布日期',
		'公开类别',
		'关键词',
		'摘要',
		'公开方式'
	]);

	it('fills the schema fields the sheet has, in the files’ order', () => {
		const { items, problems } = rowsToItems(
			[
				row(2, [
					'430s00720／2014-00001',
					' 采购结果公告 ',
					'某委',
					new Date(Date.UTC(2014, 7, 8)),
					'（九）',
					'政府采购、中标',
					'第一行\n第二行',
					'政府网站'
				])
			],
			map
		);
		expect(problems).toEqual([]);
		expect(items[0]).toMatchObject({
			row: 2,
			indexNo: '430S00720/2014-00001',
			slug: '430s00720-2014-00001',
			data: {
				title: '采购结果公告',
				indexNo: '430S00720/2014-00001',
				category: '政府集中采购项目',
				date: '2014-08-08',
				issuer: '某委',
				publishMethod: '政府网站',
				keywords: ['政府采购', '中标'],
				summary: '第一行 第二行'
			},
			body: ''
		});
		expect(Object.keys(items[0]!.data)).toEqual([
			'title',
			'indexNo',
			'category',
			'date',
			'issuer',
			'publishMethod',
			'keywords',
			'summary'
		]);
	});

	it('names every problem of a row, skips empty rows and refuses a repeated 索引号', () => {
		const { items, problems, emptyRows, seenIndexNos } = rowsToItems(
			[
				row(2, ['430S00720/2014-00001', '标题', '某委', '2014-01-02', '其他']),
				row(3, [null, '', null]),
				row(4, ['430S00720/2014-00001', '', '', '2014-02-30', '工作动态']),
				row(5, ['430S00720-2014-5', '标题', '某委', '2014-01-02', '其他'])
			],
			map
		);
		expect(items.map((i) => i.row)).toEqual([2]);
		expect(emptyRows).toBe(1);
		expect([...seenIndexNos]).toEqual(['430S00720/2014-00001', '430S00720-2014-5']);
		expect(problems.map(formatRowProblem)).toEqual([
			'第4行 · 标题：不能为空',
			'第4行 · 索引号：与第2行重复（430S00720/2014-00001）',
			'第4行 · 发布日期：应为日期（如 2014-03-05），现在是“2014-02-30”',
			expect.stringMatching(/^第4行 · 公开类别：“工作动态”不是公开目录的类别/),
			'第4行 · 发布机构：不能为空',
			'第5行 · 索引号：应为索引号（如 430S00720/2015-40731：机构代码/年份-顺序号），现在是“430S00720-2014-5”'
		]);
	});

	it('puts 文号, 有效性, 正文 and the link in the body; a linked title gives the link', () => {
		const m = mapHeaders(['索引号', '名称', '生成日期', '主题分类', '文号', '有效性', '正文']);
		const { items } = rowsToItems(
			[
				row(
					2,
					[
						'430S00720/2014-00001',
						'办法',
						'2014-01-02',
						'规范性文件',
						'湘经信发〔2014〕1号',
						'有效',
						'第一条\n第二条'
					],
					'https://gxt.hunan.gov.cn/a.html'
				)
			],
			m,
			{ defaultIssuer: '湖南省经济和信息化委员会' }
		);
		expect(items[0]!.data.issuer).toBe('湖南省经济和信息化委员会');
		expect(items[0]!.body).toBe(
			'**文号**：湘经信发〔2014〕1号　**有效性**：有效\n\n第一条\n\n第二条\n\n**原文链接**：<https://gxt.hunan.gov.cn/a.html>'
		);
	});
});
