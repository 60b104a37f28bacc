import { describe, expect, it } from 'vitest';
import { fieldOfName, findHeaderRow, mapHeaders, normalizeHeader } from './headers.ts';

describe('header names', () => {
	it('knows each field by the names office exports use', () => {
		const cases: [string, string][] = [
			['索引号', 'indexNo'],
			['名称', 'title'],
			['标题', 'title'],
			['信息名称', 'title'],
			['发布机构', 'issuer'],
			['生成日期', 'date'],
			['发布日期', 'date'],
			['发文日期', 'date'],
			['文号', 'docNo'],
			['主题分类', 'category'],
			['公开类别', 'category'],
			['有效性', 'validity'],
			['正文', 'body'],
			['链接', 'link'],
			['URL', 'link'],
			['主题词', 'keywords']
		];
		expect(cases.map(([h]) => fieldOfName(h))).toEqual(cases.map(([, f]) => f));
		expect(fieldOfName('备注')).toBeUndefined();
	});

	it('ignores the decorations people add to headers', () => {
		expect(normalizeHeader(' *发布日期（YYYY-MM-DD）：')).toBe('发布日期');
		expect(normalizeHeader('标 题')).toBe('标题');
		expect(mapHeaders(['＊索引号', '标　题', '发布日期(必填)', '公开类别']).missing).toEqual([]);
	});

	it('maps columns, prefers 公开类别 over 主题分类 and reports what it does not use', () => {
		const m = mapHeaders([
			'序号',
			'主题分类',
			'索引号',
			'名称',
			'生成日期',
			'公开类别',
			'发布日期'
		]);
		expect(m.columns).toEqual({ category: 5, indexNo: 2, title: 3, date: 6 });
		expect(m.headers.category).toBe('公开类别');
		expect(m.unused).toEqual([
			{ header: '序号', reason: '不认识的列名' },
			{ header: '主题分类', reason: '已用“公开类别”列' },
			{ header: '生成日期', reason: '已用“发布日期”列' }
		]);
		expect(m.missing).toEqual([]);
	});

	it('names the required columns that are missing', () => {
		expect(mapHeaders(['索引号', '标题']).missing).toEqual(['date', 'category']);
	});

	it("takes the office's own names from the header map, before the built-in ones", () => {
		const m = mapHeaders(['信息编号', '题目', '日期', '类目', '名称'], {
			信息编号: 'indexNo',
			题目: 'title',
			类目: 'category'
		});
		expect(m.columns).toEqual({ indexNo: 0, title: 1, date: 2, category: 3 });
		expect(m.unused).toEqual([{ header: '名称', reason: '已用“题目”列' }]);
	});

	it('finds the header row under a title line', () => {
		const rows = [
			['湖南省经信委政府信息公开目录'],
			[],
			['索引号', '名称', '生成日期'],
			['x', 'y', 'z']
		];
		expect(findHeaderRow(rows)).toBe(2);
		expect(findHeaderRow([['甲', '乙'], ['丙']])).toBe(-1);
	});
});
