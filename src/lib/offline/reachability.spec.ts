import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	PROBE_TIMEOUT_MS,
	PROBE_URL,
	Reachability,
	RECHECK_MS,
	RETRY_MS,
	type ReachState
} from './reachability';

/** What the banner and the status screen read. */
class FakeState implements ReachState {
	offlineSince: number | null = null;
	reachedAt: number | null = null;
	markOffline(now = Date.now()) {
		this.offlineSince ??= now;
	}
	markOnline(now = Date.now()) {
		this.offlineSince = null;
		this.reachedAt = now;
	}
}

type Server = 'up' | 'erroring' | 'down' | 'silent';

function setUp(options: { server: Server; linkUp?: boolean }) {
	let server = options.server;
	let linkUp = options.linkUp ?? true;
	const calls: { url: string; method: string | undefined; cache: string | undefined }[] = [];
	const fakeFetch = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
		calls.push({ url: String(input), method: init?.method, cache: init?.cache });
		if (server === 'up') return Promise.resolve(new Response(null, { status: 200 }));
		if (server === 'erroring') return Promise.resolve(new Response(null, { status: 503 }));
		if (server === 'down') return Promise.reject(new TypeError('Failed to fetch'));
		// A server that takes the connection and never answers: only the timeout ends the wait.
		return new Promise<Response>((_, reject) => {
			init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted')));
		});
	});
	const state = new FakeState();
	const events = new EventTarget();
	const reach = new Reachability({
		state,
		fetch: fakeFetch,
		events,
		linkUp: () => linkUp
	});
	return {
		state,
		events,
		reach,
		calls,
		setServer: (s: Server) => (server = s),
		setLink: (up: boolean) => (linkUp = up)
	};
}

/** Lets pending promise callbacks run without moving the clock. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
	vi.useFakeTimers();
	vi.setSystemTime(new Date('2026-05-03T06:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('Reachability', () => {
	it('at start with the server down, marks offline at once although the link is up', async () => {
		const t = setUp({ server: 'down' });
		const stop = t.reach.start();
		await settle();
		expect(t.state.offlineSince).toBe(Date.now());
		expect(t.state.reachedAt).toBeNull();
		expect(t.calls).toEqual([{ url: PROBE_URL, method: 'HEAD', cache: 'no-store' }]);
		stop();
	});

	it('a server that never answers is offline after the timeout, not before', async () => {
		const t = setUp({ server: 'silent' });
		const stop = t.reach.start();
		await vi.advanceTimersByTimeAsync(PROBE_TIMEOUT_MS - 1);
		expect(t.state.offlineSince).toBeNull();
		await vi.advanceTimersByTimeAsync(1);
		expect(t.state.offlineSince).toBe(Date.now());
		stop();
	});

	it('any HTTP answer, even an error status, is a server that is there', async () => {
		const t = setUp({ server: 'erroring' });
		const stop = t.reach.start();
		await settle();
		expect(t.state.offlineSince).toBeNull();
		expect(t.state.reachedAt).toBe(Date.now());
		stop();
	});

	it('retries often while unreachable and goes back online when the server answers', async () => {
		const t = setUp({ server: 'down' });
		const stop = t.reach.start();
		await settle();
		expect(t.calls).toHaveLength(1);
		await vi.advanceTimersByTimeAsync(RETRY_MS);
		expect(t.calls).toHaveLength(2);
		expect(t.state.offlineSince).not.toBeNull();
		t.setServer('up');
		await vi.advanceTimersByTimeAsync(RETRY_MS);
		expect(t.calls).toHaveLength(3);
		expect(t.state.offlineSince).toBeNull();
		// Reachable: the next look comes only after the slower interval.
		await vi.advanceTimersByTimeAsync(RECHECK_MS - 1);
		expect(t.calls).toHaveLength(3);
		await vi.advanceTimersByTimeAsync(1);
		expect(t.calls).toHaveLength(4);
		stop();
	});

	it('notices a server that went away at the next slow check', async () => {
		const t = setUp({ server: 'up' });
		const stop = t.reach.start();
		await settle();
		t.setServer('down');
		await vi.advanceTimersByTimeAsync(RECHECK_MS);
		expect(t.state.offlineSince).toBe(Date.now());
		stop();
	});

	it('the browser saying online proves nothing: the server is asked', async () => {
		const t = setUp({ server: 'down', linkUp: false });
		const stop = t.reach.start();
		await settle();
		expect(t.state.offlineSince).toBe(Date.now());
		// A link down is not asked about at all.
		expect(t.calls).toHaveLength(0);
		t.setLink(true);
		t.events.dispatchEvent(new Event('online'));
		await settle();
		expect(t.calls).toHaveLength(1);
		expect(t.state.offlineSince).not.toBeNull();
		stop();
	});

	it('the browser saying offline is believed at once', async () => {
		const t = setUp({ server: 'up' });
		const stop = t.reach.start();
		await settle();
		expect(t.state.offlineSince).toBeNull();
		t.setLink(false);
		t.events.dispatchEvent(new Event('offline'));
		expect(t.state.offlineSince).toBe(Date.now());
		stop();
	});

	it('a check on demand (after an update check) joins one already under way', async () => {
		const t = setUp({ server: 'silent' });
		const stop = t.reach.start();
		const a = t.reach.probe();
		const b = t.reach.probe();
		await vi.advanceTimersByTimeAsync(PROBE_TIMEOUT_MS);
		expect(await a).toBe(false);
		expect(await b).toBe(false);
		expect(t.calls).toHaveLength(1);
		stop();
	});

	it('stopped, it asks no more and leaves the events alone', async () => {
		const t = setUp({ server: 'down' });
		const stop = t.reach.start();
		await settle();
		stop();
		await vi.advanceTimersByTimeAsync(RETRY_MS * 4);
		t.events.dispatchEvent(new Event('online'));
		await settle();
		expect(t.calls).toHaveLength(1);
	});
});
