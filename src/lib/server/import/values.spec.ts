import { describe, expect, it } from 'vitest';
import {
	bodyParagraphs,
	resolveCategory,
	slugFromIndexNo,
	splitKeywords,
	toIsoDate
} from './values.ts';

describe('dates', () => {
	it('reads date cells, Excel serial numbers and the usual text forms', () => {
		const inputs = [
			new Date(Date.UTC(2014, 2, 5)),
			41703,
			'41703',
			'2014-03-05',
			'2014/3/5',
			'2014.3.5',
			'2014年3月5日',
			'2014 年 3 月 5 日',
			'２０１４－０３－０５',
			'20140305',
			'2014-03-05 10:30:00',
			'2014/3/5 0:00'
		];
		expect(inputs.map(toIsoDate)).toEqual(inputs.map(() => '2014-03-05'));
	});

	it('refuses what is not a real date', () => {
		const inputs = [
			'三月五日',
			'2014-02-30',
			'2014-13-01',
			'2014',
			2014,
			'',
			null,
			true,
			'5/3/2014'
		];
		expect(inputs.map(toIsoDate)).toEqual(inputs.map(() => null));
	});
});

describe('categories', () => {
	it('knows a category by name, key, Article 20 number, longer wording or short name', () => {
		const cases: [string, string][] = [
			['财政预算、决算信息', '财政预算、决算信息'],
			['budgets', '财政预算、决算信息'],
			['（七）', '财政预算、决算信息'],
			['7', '财政预算、决算信息'],
			['第二十条第七项', '财政预算、决算信息'],
			['(七)财政预算、决算信息', '财政预算、决算信息'],
			['三公经费', '财政预算、决算信息'],
			['（十五）', '法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息'],
			[
				'行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果',
				'行政许可和其他对外管理服务事项'
			],
			['规范性文件', '行政法规、规章和规范性文件'],
			['政府采购', '政府集中采购项目'],
			['年度报告', '公开年报'],
			['其他', '法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息']
		];
		expect(cases.map(([raw]) => resolveCategory(raw))).toEqual(cases.map(([, c]) => c));
	});

	it("uses the office's own names and refuses unknown ones", () => {
		expect(resolveCategory('工作动态')).toBeUndefined();
		expect(resolveCategory('（十六）')).toBeUndefined();
		expect(resolveCategory('')).toBeUndefined();
		expect(resolveCategory('工作动态', { 工作动态: '（十五）' })).toBe(
			'法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息'
		);
	});
});

describe('file names and text', () => {
	it('derives a stable file name from the 索引号', () => {
		expect(slugFromIndexNo('430S00720/2014-38650')).toBe('430s00720-2014-38650');
		expect(slugFromIndexNo(' ４３０Ｓ００７２０／2014-38650 ')).toBe('430s00720-2014-38650');
	});

	it('splits keywords and keeps a cell’s lines as paragraphs', () => {
		expect(splitKeywords('政府采购、中标公告；LED  政府采购')).toEqual([
			'政府采购',
			'中标公告',
			'LED'
		]);
		expect(bodyParagraphs('第一段。\r\n  第二段。\n\n第三段。')).toBe(
			'第一段。\n\n第二段。\n\n第三段。'
		);
	});
});
