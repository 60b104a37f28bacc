import { describe, expect, test } from 'vitest';
import { buildSearchIndex, type SearchSource } from '$lib/server/search/build';
import { BODY_URL, INDEX_URL, parseIndex, SearchLoadError } from './load';
import { SearchService, type SearchMessage } from './service';

const sources: SearchSource[] = [
	{
		type: 'guide',
		url: '/guides/a',
		title: '无线电台（站）设置审批',
		keywords: ['对讲机'],
		summary: '',
		body: '所需材料：营业执照。',
		meta: ''
	},
	{
		type: 'notice',
		url: '/notices/b',
		title: '窗口调整公告',
		keywords: [],
		summary: '',
		body: '',
		meta: '',
		validFrom: 0,
		validUntil: 10
	}
];
const built = buildSearchIndex(sources);
const indexText = JSON.stringify(built.index);
const bodyText = JSON.stringify(built.body);

function files(overrides: Record<string, string | number> = {}) {
	const served: Record<string, string | number> = {
		[INDEX_URL]: indexText,
		[BODY_URL]: bodyText,
		...overrides
	};
	return async (url: string) => {
		const file = served[url];
		if (file === undefined) throw new TypeError('Failed to fetch');
		if (typeof file === 'number') return new Response('', { status: file });
		return new Response(file);
	};
}

/** Runs a service to the end of its work, collecting what it posts. */
async function run(fetcher: ReturnType<typeof files>, query?: string, submitted = false) {
	const posted: SearchMessage[] = [];
	const service = new SearchService((m) => posted.push(m), fetcher);
	if (query !== undefined)
		await service.search({ id: 7, query, now: 5, submitted }, (m) => posted.push(m));
	await new Promise((r) => setTimeout(r, 0));
	return posted;
}

describe('the search worker service', () => {
	test('loads the index at once and reports how long it took', async () => {
		const [ready] = await run(files());
		expect(ready).toMatchObject({ kind: 'ready', docs: 2 });
		expect(ready?.kind === 'ready' && ready.parseMs).toBeGreaterThanOrEqual(0);
	});

	test('answers a query with its id; notices follow the clock given', async () => {
		const posted = await run(files(), '窗口');
		const result = posted.find((m) => m.kind === 'result');
		expect(result).toMatchObject({ kind: 'result', id: 7, pending: false });
		expect(result?.kind === 'result' && result.response.hits.map((h) => h.title)).toEqual([
			'窗口调整公告'
		]);
	});

	test('on submit: the quick answer first, then the one with body text', async () => {
		const posted = await run(files(), '营业执照', true);
		const results = posted.filter((m) => m.kind === 'result');
		expect(results.map((m) => m.pending)).toEqual([true, false]);
		expect(results[1]?.kind === 'result' && results[1].response.deep).toBe(true);
		expect(results[1]?.kind === 'result' && results[1].response.total).toBe(1);
	});

	test('body text that cannot be loaded: the quick answer stands, marked as all there is', async () => {
		const posted = await run(files({ [BODY_URL]: 404 }), '营业执照', true);
		const last = posted.at(-1);
		expect(last).toMatchObject({ kind: 'result', pending: false, bodiesFailed: true });
	});

	test.each([
		['a truncated file', indexText.slice(0, indexText.length / 2), 'corrupt'],
		['a file of something else', '{"version":2,"title":"x"}', 'corrupt'],
		['an old format', JSON.stringify({ version: 1, docs: [], fuse: {} }), 'corrupt'],
		['a missing file', 404, 'unreachable']
	] as const)('%s is reported as %s, for loading and for each search', async (_, file, reason) => {
		const posted = await run(files({ [INDEX_URL]: file }), '无线电');
		expect(posted.map((m) => m.kind)).toEqual(['failed', 'failed']);
		expect(posted[0]).toMatchObject({ kind: 'failed', reason });
	});

	test('no network at all is unreachable', async () => {
		const posted = await run(async () => {
			throw new TypeError('Failed to fetch');
		});
		expect(posted).toMatchObject([{ kind: 'failed', reason: 'unreachable' }]);
	});
});

describe('the index check', () => {
	const good = () => JSON.parse(indexText) as Record<string, unknown>;
	test('accepts what the build writes', () => {
		expect(parseIndex(good()).title).toEqual(['无线电台（站）设置审批', '窗口调整公告']);
	});

	test.each([
		['a column cut short', (o: Record<string, unknown>) => (o.url as string[]).pop(), /url has 1/],
		['a wrong type', (o: Record<string, unknown>) => ((o.type as string[])[0] = 'x'), /type\[0\]/],
		[
			'a keyword list cut short',
			(o: Record<string, unknown>) => (o.keyword as string[]).pop(),
			/keyword has/
		],
		[
			'a number as text',
			(o: Record<string, unknown>) => ((o.keywordCount as unknown[])[0] = '3'),
			/keywordCount\[0\]/
		],
		[
			'a window out of range',
			(o: Record<string, unknown>) => ((o.windows as unknown[][])[0]![0] = 9),
			/windows\[0\]/
		]
	])('refuses %s, naming it', (_, damage, message) => {
		const o = good();
		damage(o);
		expect(() => parseIndex(o)).toThrow(SearchLoadError);
		expect(() => parseIndex(o)).toThrow(message);
	});
});
