import { describe, expect, it } from 'vitest';
import { keepTogetherHtml, keepTogetherRuns } from './typography';

const kept = (text: string) =>
	keepTogetherRuns(text)
		.filter((r) => r.keep)
		.map((r) => r.text);

describe('runs that never break across lines', () => {
	it('keeps phone numbers, 索引号, time ranges, dates and numbers with their units', () => {
		expect(kept('如有疑问请拨打0731-84420131或400-123-4567。')).toEqual([
			'0731-84420131',
			'400-123-4567'
		]);
		expect(kept('索引号：430S00720/2015-40702')).toEqual(['430S00720/2015-40702']);
		expect(kept('承诺 15 个工作日办结，法定20个工作日')).toEqual(['15 个工作日', '20个工作日']);
		expect(kept('上午 9:00—12:00，下午 13:30—17:00')).toEqual(['9:00—12:00', '13:30—17:00']);
		expect(kept('统计期限为2014年1月1日至12月31日，公开2385条，满意率100%')).toEqual([
			'2014年1月1日',
			'12月31日',
			'2385条',
			'100%'
		]);
		expect(kept('3 个月内，每台 2.5 万元')).toEqual(['3 个月', '2.5 万元']);
	});

	it('gives the text back unchanged, and leaves plain text alone', () => {
		const text = '咨询电话0731-84420131，15 个工作日内答复。';
		expect(
			keepTogetherRuns(text)
				.map((r) => r.text)
				.join('')
		).toBe(text);
		expect(keepTogetherRuns('材料齐全的，窗口当场受理')).toEqual([
			{ text: '材料齐全的，窗口当场受理', keep: false }
		]);
		expect(keepTogetherRuns('')).toEqual([]);
	});

	it('does not cut a run out of a longer number or code', () => {
		expect(kept('编号 A12345-678')).toEqual([]);
		expect(kept('电话 10731-84420131')).toEqual([]);
	});

	it('wraps runs in HTML text, never inside a tag or a character reference', () => {
		expect(
			keepTogetherHtml(
				'<p title="0731-84420131">电话 0731-84420131，<a href="/x">15 个工作日</a></p>'
			)
		).toBe(
			'<p title="0731-84420131">电话 <span class="nowrap">0731-84420131</span>，<a href="/x"><span class="nowrap">15 个工作日</span></a></p>'
		);
		expect(keepTogetherHtml('<p>&#12345;年 &amp; 5年</p>')).toBe(
			'<p>&#12345;年 &amp; <span class="nowrap">5年</span></p>'
		);
	});
});
