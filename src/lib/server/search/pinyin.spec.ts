import { expect, test } from 'vitest';
import { titleAliases } from './build';
import { spell } from './pinyin';

test('full pinyin, initials and per-character lengths', () => {
	expect(spell('无线电台（站）')).toEqual({
		full: 'wuxiandiantaizhan',
		initials: 'wxdtz',
		lens: '2443040'
	});
	expect(spell('5G基站')).toEqual({ full: '5gjizhan', initials: '5gjz', lens: '1124' });
});

test('readings come from context, ü is typed as v', () => {
	expect(spell('银行').full).toBe('yinhang');
	expect(spell('行政许可').initials).toBe('xzxk');
	expect(spell('绿色').full).toBe('lvse');
});

test('characters outside the basic plane keep one digit per UTF-16 unit', () => {
	const s = spell('𠀀台');
	expect(s.lens.length).toBe('𠀀台'.length);
	expect(s.full.endsWith('tai')).toBe(true);
});

test('titles get aliases without punctuation: with and without the bracketed asides', () => {
	expect(titleAliases('无线电台（站）设置审批')).toEqual([
		'无线电台设置审批',
		'无线电台站设置审批'
	]);
	expect(titleAliases('湖南省“十三五”工业发展规划（摘要）')).toEqual([
		'湖南省十三五工业发展规划',
		'湖南省十三五工业发展规划摘要'
	]);
	expect(titleAliases('证书（换发、补发）（新办）')).toEqual(['证书', '证书换发补发新办']);
	expect(titleAliases('关于“两化融合”的通知')).toEqual(['关于两化融合的通知']);
	expect(titleAliases('无线电频率使用许可')).toEqual([]);
});
