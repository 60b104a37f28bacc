import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	fetchFeed,
	runningPollers,
	watchFeed,
	type FeedUpdate,
	type FetchLike
} from './feed-watch.ts';

const URL = '/queue/now.json';
const T = Date.parse('2026-11-27T09:15:00+08:00');
const body = (n: string) => JSON.stringify({ updatedAt: T, rows: [{ number: n }] });

/** A server whose answers the test hands out one at a time; it records every request. */
function server() {
	const requests: { url: string; init: RequestInit }[] = [];
	const answers: ((r: Response | Error) => void)[] = [];
	const fetcher: FetchLike = (url, init) =>
		new Promise<Response>((resolve, reject) => {
			requests.push({ url, init });
			init.signal?.addEventListener('abort', () => reject(new Error('aborted')));
			answers.push((r) => (r instanceof Error ? reject(r) : resolve(r)));
		});
	const answer = async (r: Response | Error) => {
		const next = answers.shift();
		expect(next, 'a request is waiting for its answer').toBeDefined();
		next!(r);
		// Let the poller read the body and publish.
		await vi.advanceTimersByTimeAsync(0);
	};
	return { requests, fetcher, answer };
}

beforeEach(() => {
	vi.useFakeTimers();
});
afterEach(() => {
	vi.useRealTimers();
});

describe('watchFeed', () => {
	it('asks once per refresh interval, one request at a time, shared by every watcher', async () => {
		const s = server();
		const a: FeedUpdate[] = [];
		const b: FeedUpdate[] = [];
		const stopA = watchFeed({ url: URL, refreshMs: 5_000, fetcher: s.fetcher }, (u) => a.push(u));
		const stopB = watchFeed({ url: URL, refreshMs: 5_000, fetcher: s.fetcher }, (u) => b.push(u));
		expect(s.requests).toHaveLength(1);
		expect(s.requests[0]!.init.cache).toBe('no-store');
		expect(a).toEqual([{ feed: null, settled: false, problem: null }]);
		await s.answer(new Response(body('A001')));
		expect(a.at(-1)).toEqual({
			feed: { updatedAt: T, rows: [{ number: 'A001' }] },
			settled: true,
			problem: null
		});
		expect(b.at(-1)).toEqual(a.at(-1));
		// The next request waits for the interval, counted from the last answer.
		await vi.advanceTimersByTimeAsync(4_999);
		expect(s.requests).toHaveLength(1);
		await vi.advanceTimersByTimeAsync(1);
		expect(s.requests).toHaveLength(2);
		stopA();
		stopB();
	});

	it('keeps the last good data through failures, and says why nothing new came', async () => {
		const s = server();
		const seen: FeedUpdate[] = [];
		const logged: string[] = [];
		const stop = watchFeed(
			{ url: URL, refreshMs: 5_000, fetcher: s.fetcher, log: (m) => logged.push(m) },
			(u) => seen.push(u)
		);
		await s.answer(new Response(body('A001')));
		await vi.advanceTimersByTimeAsync(5_000);
		await s.answer(new Response('oops', { status: 502 }));
		await vi.advanceTimersByTimeAsync(5_000);
		await s.answer(new Response('oops', { status: 502 }));
		expect(seen.at(-1)).toEqual({
			feed: { updatedAt: T, rows: [{ number: 'A001' }] },
			settled: true,
			problem: '/queue/now.json：HTTP 502'
		});
		await vi.advanceTimersByTimeAsync(5_000);
		await s.answer(new Response('{"rows": 1}'));
		expect(seen.at(-1)?.problem).toMatch(/^\/queue\/now\.json：updatedAt：/);
		expect(seen.at(-1)?.feed?.rows).toEqual([{ number: 'A001' }]);
		// Said once when it starts and once when it changes, not at every request.
		expect(logged).toHaveLength(2);
		expect(logged[0]).toBe('实时数据暂时取不到，屏幕显示“不可用”提示：/queue/now.json：HTTP 502');
		stop();
	});

	it('abandons a request that does not answer in time, and asks again later', async () => {
		const s = server();
		const seen: FeedUpdate[] = [];
		const stop = watchFeed(
			{ url: URL, refreshMs: 5_000, timeoutMs: 3_000, fetcher: s.fetcher, log: () => {} },
			(u) => seen.push(u)
		);
		await vi.advanceTimersByTimeAsync(3_000);
		expect(s.requests[0]!.init.signal?.aborted).toBe(true);
		expect(seen.at(-1)).toEqual({
			feed: null,
			settled: true,
			problem: '/queue/now.json：请求超时'
		});
		await vi.advanceTimersByTimeAsync(5_000);
		expect(s.requests).toHaveLength(2);
		stop();
	});

	it('leaves nothing running once the last watcher stops: no timer, no open request', async () => {
		const s = server();
		const stopA = watchFeed({ url: URL, refreshMs: 5_000, fetcher: s.fetcher }, () => {});
		const stopB = watchFeed({ url: URL, refreshMs: 5_000, fetcher: s.fetcher }, () => {});
		expect(runningPollers()).toBe(1);
		stopA();
		expect(runningPollers()).toBe(1);
		expect(s.requests[0]!.init.signal?.aborted).toBe(false);
		stopB();
		expect(runningPollers()).toBe(0);
		expect(s.requests[0]!.init.signal?.aborted).toBe(true);
		await vi.advanceTimersByTimeAsync(0);
		expect(vi.getTimerCount()).toBe(0);
		await vi.advanceTimersByTimeAsync(60_000);
		expect(s.requests).toHaveLength(1);
		// Stopping twice is harmless.
		stopB();
		expect(runningPollers()).toBe(0);
	});

	it('stops between requests too, with the next one not yet due', async () => {
		const s = server();
		const stop = watchFeed({ url: URL, refreshMs: 5_000, fetcher: s.fetcher }, () => {});
		await s.answer(new Response(body('A001')));
		expect(vi.getTimerCount()).toBe(1);
		stop();
		expect(vi.getTimerCount()).toBe(0);
		await vi.advanceTimersByTimeAsync(60_000);
		expect(s.requests).toHaveLength(1);
	});
});

describe('fetchFeed', () => {
	it('tells a page that is not JSON from a network failure', async () => {
		vi.useRealTimers();
		const signal = new AbortController().signal;
		const html: FetchLike = async () => new Response('<!doctype html>');
		expect(await fetchFeed(URL, html, signal)).toEqual({ ok: false, reason: '不是有效的 JSON' });
		const down: FetchLike = async () => {
			throw new TypeError('Failed to fetch');
		};
		expect(await fetchFeed(URL, down, signal)).toEqual({ ok: false, reason: 'Failed to fetch' });
	});
});
