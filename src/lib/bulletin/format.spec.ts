import { describe, expect, it } from 'vitest';
import { sentences } from './format.ts';

describe('sentences', () => {
	it('splits a paragraph after each closing mark, keeping the mark and any closing quote', () => {
		expect(
			sentences(
				'申报时间为12月1日9:00至1月15日17:30，逾期系统自动关闭。三类资金均在线填报；详见“通知。”其余照常'
			)
		).toEqual([
			'申报时间为12月1日9:00至1月15日17:30，逾期系统自动关闭。',
			'三类资金均在线填报；',
			'详见“通知。”',
			'其余照常'
		]);
	});

	it('keeps times, telephone numbers and decimals inside one sentence', () => {
		expect(sentences('咨询电话0731-84441234，办结率97.5%。下午13:30起恢复受理。')).toEqual([
			'咨询电话0731-84441234，办结率97.5%。',
			'下午13:30起恢复受理。'
		]);
	});

	it('gives nothing for empty text and one sentence for text without marks', () => {
		expect(sentences('')).toEqual([]);
		expect(sentences('  窗口照常受理  ')).toEqual(['窗口照常受理']);
	});
});
