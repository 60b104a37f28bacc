import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { activeAlerts, pollAlerts, POLL_JITTER_MS, POLL_MS, type FetchLike } from './feed';
import { AlertFeed } from './feed.svelte';
import type { Alert, AlertsFile } from './schema';

const ZONE = 'Asia/Shanghai';
/** 2026-12-01 10:00 in the office (UTC+8). */
const MORNING = Date.parse('2026-12-01T02:00:00Z');

const alert = (over: Partial<Alert> = {}): Alert => ({
	id: 'a1',
	text: '今日下午暂停办理不动产登记',
	level: 'urgent',
	until: '2026-12-01 18:00',
	publishedAt: '2026-12-01T01:55:00Z',
	...over
});

/** A server holding one file: 304 for a matching ETag, like nginx. */
class FakeServer {
	body = JSON.stringify({ alerts: [] } satisfies AlertsFile);
	etag = '"v0"';
	down = false;
	requests: { ifNoneMatch: string | null; cache: RequestCache | undefined }[] = [];

	publish(file: AlertsFile | string) {
		this.body = typeof file === 'string' ? file : JSON.stringify(file);
		this.etag = `"v${this.requests.length + 1}-${this.body.length}"`;
	}

	fetch: FetchLike = async (_url, init) => {
		const headers = new Headers(init.headers);
		this.requests.push({ ifNoneMatch: headers.get('if-none-match'), cache: init.cache });
		if (this.down) throw new TypeError('Failed to fetch');
		if (headers.get('if-none-match') === this.etag) return new Response(null, { status: 304 });
		return new Response(this.body, { status: 200, headers: { etag: this.etag } });
	};
}

describe('pollAlerts', () => {
	it('sends the last ETag and reports an unchanged file on 304, bypassing the browser cache', async () => {
		const server = new FakeServer();
		server.publish({ alerts: [alert()] });
		const first = await pollAlerts(null, server.fetch);
		expect(first.kind).toBe('changed');
		const etag = first.kind === 'changed' ? first.etag : null;
		expect(etag).toBe(server.etag);
		expect(await pollAlerts(etag, server.fetch)).toEqual({ kind: 'unchanged' });
		expect(server.requests.map((r) => r.ifNoneMatch)).toEqual([null, server.etag]);
		expect(server.requests.map((r) => r.cache)).toEqual(['no-store', 'no-store']);
	});

	it('calls a file that is not JSON or not alerts malformed, naming field and position', async () => {
		const server = new FakeServer();
		server.publish('{"alerts": [');
		expect(await pollAlerts(null, server.fetch)).toMatchObject({ kind: 'malformed' });
		server.publish(JSON.stringify({ alerts: [alert(), alert({ until: '18点' })] }));
		const outcome = await pollAlerts(null, server.fetch);
		expect(outcome).toEqual({
			kind: 'malformed',
			reason: expect.stringContaining('alerts.json · 第2条 · 截止时间：')
		});
	});

	it('reports a server error or a dropped network as failed', async () => {
		const server = new FakeServer();
		server.down = true;
		expect(await pollAlerts(null, server.fetch)).toMatchObject({ kind: 'failed' });
		const error: FetchLike = async () => new Response('x', { status: 502 });
		expect(await pollAlerts(null, error)).toEqual({ kind: 'failed', reason: 'HTTP 502' });
	});
});

describe('activeAlerts', () => {
	it('ends an alert at its wall-clock time in the office zone, not the device zone', () => {
		const alerts = [alert({ until: '2026-12-01 18:00' })];
		// 18:00 in Shanghai is 10:00 UTC.
		const end = Date.parse('2026-12-01T10:00:00Z');
		expect(activeAlerts(alerts, end - 1, ZONE)).toHaveLength(1);
		expect(activeAlerts(alerts, end, ZONE)).toEqual([]);
		// The same words in another office end at another instant.
		expect(activeAlerts(alerts, end, 'Asia/Urumqi')).toHaveLength(1);
	});

	it('lists the newest first and marks takeovers', () => {
		const list = activeAlerts(
			[
				alert({ id: 'old', publishedAt: '2026-12-01T01:00:00Z' }),
				alert({ id: 'new', level: 'takeover', publishedAt: '2026-12-01T01:30:00Z' })
			],
			MORNING,
			ZONE
		);
		expect(list.map((a) => [a.id, a.takeover])).toEqual([
			['new', true],
			['old', false]
		]);
	});
});

describe('AlertFeed', () => {
	let server: FakeServer;
	let logged: string[];
	let feed: AlertFeed;
	let stop: () => void;

	/** Lets every pending fetch settle. */
	const settle = () => vi.advanceTimersByTimeAsync(0);

	beforeEach(async () => {
		vi.useFakeTimers({ now: MORNING });
		server = new FakeServer();
		logged = [];
		feed = new AlertFeed({ zone: () => ZONE, fetcher: server.fetch, log: (m) => logged.push(m) });
		stop = feed.start();
		await settle();
	});

	afterEach(() => {
		stop();
		vi.useRealTimers();
	});

	it('shows a published alert within one poll interval and asks with If-None-Match meanwhile', async () => {
		expect(feed.active).toEqual([]);
		server.publish({ alerts: [alert()] });
		await vi.advanceTimersByTimeAsync(POLL_MS + POLL_JITTER_MS);
		expect(feed.active.map((a) => a.text)).toEqual(['今日下午暂停办理不动产登记']);
		const before = server.requests.length;
		await vi.advanceTimersByTimeAsync(10 * (POLL_MS + POLL_JITTER_MS));
		const later = server.requests.slice(before);
		expect(later.length).toBeGreaterThanOrEqual(10);
		expect(later.every((r) => r.ifNoneMatch === server.etag)).toBe(true);
		expect(feed.active).toHaveLength(1);
	});

	it('polls about every 30 s: 1,000 terminals make about 33 requests a second', async () => {
		const before = server.requests.length;
		await vi.advanceTimersByTimeAsync(60 * 60_000);
		const perHour = server.requests.length - before;
		expect(perHour).toBeGreaterThanOrEqual(3600 / 35);
		expect(perHour).toBeLessThanOrEqual(3600 / 25 + 1);
	});

	it('keeps the last alert through a network failure, and clears it at its time anyway', async () => {
		server.publish({ alerts: [alert({ until: '2026-12-01 10:30' })] });
		await vi.advanceTimersByTimeAsync(POLL_MS + POLL_JITTER_MS);
		expect(feed.active).toHaveLength(1);
		server.down = true;
		await vi.advanceTimersByTimeAsync(5 * 60_000);
		expect(feed.active).toHaveLength(1);
		expect(logged.some((m) => m.includes('暂时取不到'))).toBe(true);
		// 10:30 office time, with the network still down.
		const untilEnd = Date.parse('2026-12-01T02:30:00Z') - Date.now();
		await vi.advanceTimersByTimeAsync(untilEnd - 500);
		expect(feed.active).toHaveLength(1);
		await vi.advanceTimersByTimeAsync(1_000);
		expect(feed.active).toEqual([]);
	});

	it('ignores a malformed file with a console message and keeps what it showed', async () => {
		server.publish({ alerts: [alert()] });
		await vi.advanceTimersByTimeAsync(POLL_MS + POLL_JITTER_MS);
		server.publish('<html>502 Bad Gateway</html>');
		await vi.advanceTimersByTimeAsync(POLL_MS + POLL_JITTER_MS);
		expect(feed.active.map((a) => a.id)).toEqual(['a1']);
		expect(logged).toEqual([expect.stringContaining('紧急通知文件有误，已忽略')]);
	});

	it('clears an alert when the file is emptied', async () => {
		server.publish({ alerts: [alert()] });
		await vi.advanceTimersByTimeAsync(POLL_MS + POLL_JITTER_MS);
		server.publish({ alerts: [] });
		await vi.advanceTimersByTimeAsync(POLL_MS + POLL_JITTER_MS);
		expect(feed.active).toEqual([]);
	});
});
