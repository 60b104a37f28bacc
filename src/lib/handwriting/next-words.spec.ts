import { describe, expect, it } from 'vitest';
import { nextWords } from './next-words';

const phrases = {
	titles: [
		'无线电台（站）设置审批',
		'无线电频率使用许可',
		'无线电干扰投诉受理',
		'无线电台站在线申报'
	],
	keywords: ['无线电', '节能']
};

describe('next words', () => {
	it('offers the keywords and title words that continue what was written', () => {
		expect(nextWords('无', phrases)).toEqual(['无线电', '无线电台']);
	});

	it('a title that ends is a word, even when only one title has it', () => {
		const titles = ['节能审查', '节能监察办法', '节约用电'];
		expect(nextWords('节能', { titles, keywords: [] })).toEqual(['节能审查', '节能监察办法']);
	});

	it('continues a longer stem and offers nothing for what no title holds', () => {
		expect(nextWords('无线电', phrases)).toEqual(['无线电台']);
		expect(nextWords('龙', phrases)).toEqual([]);
		expect(nextWords('', phrases)).toEqual([]);
	});
});
