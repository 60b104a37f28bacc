import { describe, expect, it } from 'vitest';
import { keptQuery, MAX_KEPT_LENGTH } from './kept-query';

describe('keptQuery', () => {
	it('normalises what visitors type', () => {
		expect(keptQuery('  ＷＸＤ   无线电 ')).toBe('wxd 无线电');
	});

	it('keeps service words, short numbers such as years included', () => {
		for (const word of [
			'无线电',
			'节能审查',
			'民爆',
			'许可证',
			'高新区',
			'2014年报',
			'5g',
			'技术改造备案'
		])
			expect(keptQuery(word), word).toBe(word);
	});

	it('never keeps phone, ID-card or case numbers, whatever the separators', () => {
		for (const raw of [
			'13800138000',
			'138.1234.5678',
			'138.123.456',
			'138.1234.5678',
			'138.123.456',
			'0731-8442-0131',
			'(0731)84420131',
			'430102 1990',
			'身份证 43010219900101123X',
			'案号12345'
		])
			expect(keptQuery(raw), raw).toBeNull();
	});

	it('never keeps e-mail addresses, also typed with a full-width @', () => {
		expect(keptQuery('zhang@example.com')).toBeNull();
		expect(keptQuery('zhang＠qq')).toBeNull();
	});

	it('never keeps what looks like a person’s name', () => {
		for (const name of ['王小明', '李娜', '张伟', '欧阳娜娜', '司马光', '王 小明'])
			expect(keptQuery(name), name).toBeNull();
	});

	it(`keeps nothing longer than ${MAX_KEPT_LENGTH} characters (sentences may hold anything)`, () => {
		expect(keptQuery('长'.repeat(MAX_KEPT_LENGTH))).toBe('长'.repeat(MAX_KEPT_LENGTH));
		expect(keptQuery('长'.repeat(MAX_KEPT_LENGTH + 1))).toBeNull();
		expect(keptQuery('我叫王小明住在五一大道九十八号')).toBeNull();
	});

	it('keeps nothing empty', () => {
		expect(keptQuery('   ')).toBeNull();
	});
});
