import { describe, expect, test } from 'vitest';
import { fold, parseQuery } from './text';

describe('fold', () => {
	test('full-width letters, digits and punctuation become ASCII, one character each', () => {
		expect(fold('ＷＸＤ５Ｇ（站）　')).toBe('wxd5g(站) ');
		expect(fold('无线电台（站）').length).toBe('无线电台（站）'.length);
	});
});

describe('parseQuery routes each term by script', () => {
	const kinds = (q: string) => parseQuery(q).map((r) => r.map((t) => `${t.kind}:${t.text}`));

	test('hanzi, pinyin and codes', () => {
		expect(kinds('无线电')).toEqual([['han:无线电']]);
		expect(kinds('WXD')).toEqual([['pinyin:wxd']]);
		expect(kinds("wu'xian")).toEqual([['pinyin:wuxian']]);
		expect(kinds('430S00720/2015-40731')).toEqual([['code:430s00720/2015-40731']]);
		expect(kinds('2015')).toEqual([['code:2015']]);
	});

	test('mixed words split at script boundaries, but 5G stays with its hanzi', () => {
		expect(kinds('无线dian')).toEqual([['han:无线', 'pinyin:dian']]);
		expect(kinds('5G基站')).toEqual([['han:5g基站']]);
		expect(kinds('wxd 执照')).toEqual([['pinyin:wxd', 'han:执照']]);
	});

	test('several pinyin words are also read as one', () => {
		expect(kinds('wu xian dian')).toEqual([
			['pinyin:wuxiandian'],
			['pinyin:wu', 'pinyin:xian', 'pinyin:dian']
		]);
	});

	test('blank input has no reading; long input is cut to what Bitap handles', () => {
		expect(parseQuery('   ')).toEqual([]);
		expect(parseQuery('无'.repeat(50))[0]?.[0]?.text.length).toBe(32);
	});
});
