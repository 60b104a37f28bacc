import { expect, test } from 'vitest';
import { FieldTable } from './field-table';

test('exact scan finds every value holding the needle, folded', () => {
	const table = new FieldTable([
		{ doc: 0, sub: 0, text: '无线电台（站）设置审批' },
		{ doc: 1, sub: 0, text: 'ISO认证' },
		{ doc: 1, sub: 1, text: '无线电频率' }
	]);
	const hits: [number, number][] = [];
	table.scan('无线电', (v, off) => void hits.push([v, off]));
	expect(hits).toEqual([
		[0, 0],
		[2, 0]
	]);
	const folded: [number, number][] = [];
	table.scan('(站)', (v, off) => void folded.push([v, off]));
	table.scan('iso', (v, off) => void folded.push([v, off]));
	expect(folded).toEqual([
		[0, 4],
		[1, 0]
	]);
});

// 无线电台（站） -> wu xian dian tai ( zhan ): letters per unit 2 4 4 3 0 4 0
const LENS = '2443040';
const full = new FieldTable([{ doc: 0, sub: 0, text: 'wuxiandiantaizhan', lens: LENS }], 'full');
const initials = new FieldTable([{ doc: 0, sub: 0, text: 'wxdtz', lens: LENS }], 'initials');

test('full pinyin letters map back to the characters they spell', () => {
	expect(full.charRange(0, 2, 10)).toEqual([1, 3]); // xiandian -> 线电
	expect(full.charRange(0, 0, 7)).toEqual([0, 3]); // wuxiand -> 无线电 (partial syllable)
	expect(full.charRange(0, 13, 17)).toEqual([5, 6]); // zhan -> 站, past the bracket
});

test('initials map one letter per spelled character', () => {
	expect(initials.charRange(0, 2, 5)).toEqual([2, 6]); // dtz -> 电台（站
	expect(initials.isSyllableStart(0, 3)).toBe(true);
});

test('only syllable starts count as the start of a full-pinyin match', () => {
	expect(full.isSyllableStart(0, 0)).toBe(true);
	expect(full.isSyllableStart(0, 2)).toBe(true);
	expect(full.isSyllableStart(0, 4)).toBe(false); // the "an" inside "xian"
	expect(full.isSyllableStart(0, 13)).toBe(true);
});
