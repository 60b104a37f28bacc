import { describe, expect, test } from 'vitest';
import { buildSearchIndex, type SearchSource } from '$lib/server/search/build';
import { SearchEngine } from './engine';
import { groupHits } from './group';
import type { SearchHit } from './types';

const NOW = Date.UTC(2026, 5, 1);
const DAY = 86_400_000;

function source(type: SearchSource['type'], title: string, extra: Partial<SearchSource> = {}) {
	return {
		type,
		url: `/${type}/${title}`,
		title,
		keywords: [],
		summary: '',
		body: '',
		meta: '',
		...extra
	};
}

const SOURCES: SearchSource[] = [
	source('guide', '无线电台（站）设置审批', { keywords: ['对讲机', '电台执照'] }),
	source('guide', '无线电频率使用许可', { summary: '使用无线电频率的单位须取得许可。' }),
	source('guide', '固定资产投资项目节能审查', {
		body: '所需材料：节能报告、项目单位营业执照。',
		codes: ['11430000006'],
		keywords: ['节能']
	}),
	source('guide', '工业企业技术改造项目备案'),
	source('disclosure', '2014年全省无线电管理行政处罚情况', { codes: ['430S00720/2015-40126'] }),
	source('notice', '关于无线电台执照核验的通知', {
		validFrom: NOW - 10 * DAY,
		validUntil: NOW + DAY
	}),
	source('notice', '无线电台执照核验已结束', { validFrom: NOW - 90 * DAY, validUntil: NOW - DAY }),
	source('service', '无线电台站在线申报', { summary: '网上申报无线电台站设置。' }),
	source('process', '一站式办理流程', { body: '投资项目应先完成节能审查，再办理备案。' }),
	source('guide', '婚姻设立审批（市级）'),
	source('guide', '高新技术企业证书（换发、补发）（新办）'),
	source('guide', '食品经营许可（新办）'),
	source('guide', '民用爆炸物品销售许可', { keywords: ['民爆'] }),
	source('disclosure', '2014年行政许可事项办理结果公示'),
	source('guide', '技术改造项目备案', { keywords: ['项目备案'] })
];

// Through JSON, exactly as the browser receives it.
const built = buildSearchIndex(SOURCES);
const engine = new SearchEngine(JSON.parse(JSON.stringify(built.index)));
engine.attachBodies(JSON.parse(JSON.stringify(built.body)));

const titles = (q: string, deep = false) =>
	engine.search(q, { now: NOW, deep }).hits.map((h) => h.title);
const first = (q: string, deep = false): SearchHit | undefined =>
	engine.search(q, { now: NOW, deep }).hits[0];

describe('what a visitor can type', () => {
	test('a Chinese substring', () => {
		expect(titles('节能审查')).toEqual(['固定资产投资项目节能审查']);
		expect(first('频率')?.titleRanges).toEqual([[3, 5]]);
	});

	test('one wrong character', () => {
		expect(titles('无线电频律')[0]).toBe('无线电频率使用许可');
		expect(titles('技术改照')).toContain('工业企业技术改造项目备案');
	});

	test('the title as people say it, without its bracketed aside and with a typo', () => {
		const hit = first('无线电台设直审批');
		expect(hit?.title).toBe('无线电台（站）设置审批');
		// The match is marked on the title itself, not as a keyword.
		expect(hit?.detail).toBeUndefined();
		expect(hit?.titleRanges.length).toBeGreaterThan(0);
	});

	test('full pinyin, marked on the characters it spells', () => {
		const hit = first('jienengshencha');
		expect(hit?.title).toBe('固定资产投资项目节能审查');
		expect(hit?.titleRanges).toEqual([[8, 12]]);
	});

	test('full pinyin only from a syllable start', () => {
		// "an" occurs inside xian/dian but starts no syllable of these titles
		expect(titles('an')).not.toContain('无线电频率使用许可');
		// The same letters from a syllable start do find it (so the line above can fail).
		expect(titles('xian')).toContain('无线电频率使用许可');
	});

	test('pinyin initials', () => {
		expect(titles('wxdpl')).toEqual(['无线电频率使用许可']);
		expect(first('jnsc')?.titleRanges).toEqual([[8, 12]]);
	});

	test('a pinyin typo', () => {
		expect(titles('jienengshenca')).toContain('固定资产投资项目节能审查');
	});

	test('keywords, with the keyword shown', () => {
		const hit = first('对讲机');
		expect(hit?.title).toBe('无线电台（站）设置审批');
		expect(hit?.detail).toMatchObject({ field: 'keyword', text: '对讲机', ranges: [[0, 3]] });
	});

	test('office-wide synonyms', () => {
		expect(titles('技改')).toContain('工业企业技术改造项目备案');
	});

	test('a reference number, as a scanner types it', () => {
		expect(titles('430S00720/2015-40126')).toEqual(['2014年全省无线电管理行政处罚情况']);
		expect(titles('11430000006')).toEqual(['固定资产投资项目节能审查']);
	});

	test('several words must all match', () => {
		const both = ['关于无线电台执照核验的通知', '无线电台（站）设置审批'];
		expect(titles('无线电 执照').sort()).toEqual(both.sort());
		expect(titles('wxd zhizhao').sort()).toEqual(both.sort());
		// Both words in the title beats one in the title and one in a keyword.
		expect(titles('无线电 执照')[0]).toBe('关于无线电台执照核验的通知');
	});

	test('body text only on submit', () => {
		expect(titles('营业执照')).toEqual([]);
		const hit = first('营业执照', true);
		expect(hit?.title).toBe('固定资产投资项目节能审查');
		expect(hit?.detail?.field).toBe('body');
		expect(hit?.detail?.text.slice(...hit.detail.ranges[0]!)).toBe('营业执照');
	});

	test('pinyin reaches body text through the hanzi it matched in titles', () => {
		// "jieneng" spells 节能 in a title; only the body of the process mentions it.
		expect(titles('jieneng')).not.toContain('一站式办理流程');
		expect(titles('jieneng')).toContain('固定资产投资项目节能审查');
		const hit = engine
			.search('jieneng', { now: NOW, deep: true })
			.hits.find((h) => h.title === '一站式办理流程');
		expect(hit?.detail?.field).toBe('body');
		expect(hit?.detail?.text.slice(...hit.detail.ranges[0]!)).toBe('节能');
	});
});

describe('bracketed qualifiers, typed without the brackets', () => {
	// Visitors read the qualifier as part of the name and type it, minus the punctuation.
	const labelled: [query: string, title: string][] = [
		['婚姻设立审批市级', '婚姻设立审批（市级）'],
		['婚姻设立审展市级', '婚姻设立审批（市级）'],
		['审批市级', '婚姻设立审批（市级）'],
		['换发补发新办', '高新技术企业证书（换发、补发）（新办）'],
		['补发新办', '高新技术企业证书（换发、补发）（新办）'],
		['证书换发', '高新技术企业证书（换发、补发）（新办）'],
		['食品经营许可新办', '食品经营许可（新办）'],
		['无线电台站设置审批', '无线电台（站）设置审批'],
		['无线电台站设直审批', '无线电台（站）设置审批']
	];
	test.each(labelled)('%s finds %s in the top 5, marked on the title', (query, title) => {
		const hits = engine.search(query, { now: NOW, limit: 5 }).hits;
		const hit = hits.find((h) => h.title === title);
		expect(hits.map((h) => h.title)).toContain(title);
		expect(hit?.titleRanges.length).toBeGreaterThan(0);
	});
});

describe('ranking and grouping', () => {
	test("an item's own name puts it first", () => {
		const named = SOURCES.filter((s) => s.type !== 'notice');
		expect(named.length).toBe(13);
		for (const s of named) expect(first(s.title)?.title).toBe(s.title);
	});

	test('a title starting with the query ranks above one containing it', () => {
		const order = titles('无线电');
		// Both present first: indexOf of a missing title is -1, which is "less than" anything.
		expect(order).toContain('无线电频率使用许可');
		expect(order).toContain('2014年全省无线电管理行政处罚情况');
		expect(order.indexOf('无线电频率使用许可')).toBeLessThan(
			order.indexOf('2014年全省无线电管理行政处罚情况')
		);
	});

	test('groups follow their best hit', () => {
		const groups = groupHits(engine.search('无线电', { now: NOW }).hits);
		expect(groups[0]?.type).toBe('guide');
		expect(new Set(groups.map((g) => g.type)).size).toBe(groups.length);
	});
});

describe('misses found by hand', () => {
	test('two swapped letters of pinyin still find the item', () => {
		const hit = first('wuxiandain');
		expect(hit?.title).toMatch(/^无线电/);
		expect(hit?.titleRanges[0]?.[0]).toBe(0);
		// Swapped hanzi too.
		expect(titles('技术改造目项备案')).toContain('技术改造项目备案');
	});

	test('a short pinyin word with two swapped letters (minboa for minbao)', () => {
		expect(titles('minbao')).toContain('民用爆炸物品销售许可');
		expect(titles('minboa')).toContain('民用爆炸物品销售许可');
		// A swap that matches nothing stays nothing.
		expect(titles('qxzv')).toEqual([]);
	});

	test('words run together that no item holds whole are searched as their pieces', () => {
		// 无线电 and 执照 occur, 下 and 的 hold nothing: the item with both pieces is found.
		expect(titles('无线电台站设置审批')).toContain('无线电台（站）设置审批');
		expect(titles('对讲机的执照')[0]).toBe('无线电台（站）设置审批');
		expect(titles('jienengdeshencha')[0]).toBe('固定资产投资项目节能审查');
		// Pieces that cover too little of what was typed find nothing.
		expect(titles('节能阿斯顿发生')).toEqual([]);
	});

	test('a polyphone read out of context still finds the title (行 as xing in 银行)', () => {
		const polyphone = buildSearchIndex([
			source('guide', '银行账户变更'),
			source('guide', '项目备案', { keywords: ['技改'] })
		]);
		expect(polyphone.index.keyword.length).toBe(
			polyphone.index.keywordCount.reduce((a, b) => a + b, 0)
		);
		const single = new SearchEngine(JSON.parse(JSON.stringify(polyphone.index)));
		const find = (q: string) => single.search(q, { now: NOW }).hits.map((h) => h.title);
		expect(find('yinhang')).toEqual(['银行账户变更']);
		expect(find('yinxing')).toEqual(['银行账户变更']);
		expect(find('yx')).toEqual(['银行账户变更']);
		// The extra spelling does not shift the next item's keywords.
		expect(find('技改')).toEqual(['项目备案']);
	});

	test('two initials: a whole keyword beats letters that happen to meet inside a title', () => {
		// 技术改造项目备案 spells …xmba…, which holds "mb" across two words.
		const order = titles('mb');
		expect(order).toContain('技术改造项目备案');
		expect(order[0]).toBe('民用爆炸物品销售许可');
	});

	test('for a service word, guides come before disclosure documents', () => {
		for (const q of ['许可', 'xuke']) {
			const hits = engine.search(q, { now: NOW }).hits;
			const types = hits.map((h) => h.type);
			expect(types, q).toContain('guide');
			expect(types, q).toContain('disclosure');
			expect(types.indexOf('guide'), q).toBeLessThan(types.indexOf('disclosure'));
			const groups = groupHits(hits).map((g) => g.type);
			expect(groups.indexOf('guide'), q).toBeLessThan(groups.indexOf('disclosure'));
		}
		// Not a service word: a disclosure title that starts with the words keeps its place.
		expect(first('2014年行政')?.type).toBe('disclosure');
	});
});

describe('notices by the kiosk clock', () => {
	test('expired and future notices are left out', () => {
		expect(titles('核验')).toEqual(['关于无线电台执照核验的通知']);
		const later = engine.search('核验', { now: NOW + 2 * DAY }).hits;
		expect(later).toEqual([]);
		const earlier = engine.search('核验', { now: NOW - 60 * DAY }).hits.map((h) => h.title);
		expect(earlier).toEqual(['无线电台执照核验已结束']);
	});
});

test('posting lists are built one step at a time, and typos work before and after', () => {
	const fresh = new SearchEngine(JSON.parse(JSON.stringify(built.index)));
	expect(fresh.search('无线电频律', { now: NOW }).hits[0]?.title).toBe('无线电频率使用许可');
	const again = new SearchEngine(JSON.parse(JSON.stringify(built.index)));
	let steps = 0;
	while (again.warmStep()) steps++;
	expect(steps).toBe(3);
	expect(again.warmStep()).toBe(false);
	expect(again.search('无线电频律', { now: NOW }).hits[0]?.title).toBe('无线电频率使用许可');
});

test('nothing matches nonsense, and blank input is no search', () => {
	expect(titles('火星移民')).toEqual([]);
	expect(engine.search('  ', { now: NOW }).total).toBe(0);
});
