/**
 * Fetches a data slide's feed while some slide shows it: one poller per address and interval,
 * however many slides show it (the two layers of a screen, the editors' preview at each size).
 * Requests follow each other, never overlap, and each has a timeout. When the last watcher
 * leaves, the poller's timer is cleared and its request aborted: a screen runs for weeks.
 *
 * `cache: 'no-store'` keeps the browser's HTTP cache out of it; the service worker neither
 * precaches nor runtime-caches the feed (vite.config.ts), so a stale copy can never answer.
 */
import { parseFeed, type Feed, type ParsedFeed } from './feed.ts';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** A request that has not answered in this long is abandoned (at most the refresh interval). */
export const FEED_TIMEOUT_MS = 4_000;

export interface FeedUpdate {
	/** The last good feed, however old (null: none yet); the reader decides whether it is fresh. */
	feed: Feed | null;
	/** Whether any request has finished, well or not: until then a slide has nothing to say. */
	settled: boolean;
	/** Why the last request brought nothing new (for the console), or null. */
	problem: string | null;
}

export interface WatchOptions {
	url: string;
	refreshMs: number;
	timeoutMs?: number;
	fetcher?: FetchLike;
	/** Told when a problem starts or changes (for the console, never the screen). */
	log?: (message: string) => void;
}

type Listener = (update: FeedUpdate) => void;

interface Poller {
	listeners: Set<Listener>;
	update: FeedUpdate;
	stop: () => void;
}

const pollers = new Map<string, Poller>();

/** How many pollers run now: tests check that none outlives its watchers. */
export const runningPollers = () => pollers.size;

/** One request: the parsed feed, or why there is none. */
export async function fetchFeed(
	url: string,
	fetcher: FetchLike,
	signal: AbortSignal
): Promise<ParsedFeed> {
	try {
		const response = await fetcher(url, {
			cache: 'no-store',
			headers: { accept: 'application/json' },
			signal
		});
		if (!response.ok) return { ok: false, reason: `HTTP ${response.status}` };
		let data: unknown;
		try {
			data = JSON.parse(await response.text());
		} catch {
			return { ok: false, reason: '不是有效的 JSON' };
		}
		return parseFeed(data);
	} catch (e) {
		if (signal.aborted) return { ok: false, reason: '请求超时' };
		return { ok: false, reason: e instanceof Error ? e.message : String(e) };
	}
}

function startPoller(options: WatchOptions): Poller {
	const {
		url,
		refreshMs,
		fetcher = (u, init) => fetch(u, init),
		log = (m) => console.warn(m)
	} = options;
	const timeoutMs = Math.min(options.timeoutMs ?? FEED_TIMEOUT_MS, refreshMs);
	let stopped = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let inflight: AbortController | null = null;

	const poller: Poller = {
		listeners: new Set(),
		update: { feed: null, settled: false, problem: null },
		stop() {
			stopped = true;
			clearTimeout(timer);
			inflight?.abort();
		}
	};

	const poll = async () => {
		const controller = new AbortController();
		inflight = controller;
		const timeout = setTimeout(() => controller.abort(), timeoutMs);
		const outcome = await fetchFeed(url, fetcher, controller.signal);
		clearTimeout(timeout);
		inflight = null;
		if (stopped) return;
		const before = poller.update.problem;
		// A failed request keeps the last good feed: its own age decides whether it still shows.
		poller.update = outcome.ok
			? { feed: outcome.feed, settled: true, problem: null }
			: { feed: poller.update.feed, settled: true, problem: `${url}：${outcome.reason}` };
		// Once per problem, not every few seconds for as long as it lasts.
		if (poller.update.problem && poller.update.problem !== before) {
			log(`实时数据暂时取不到，屏幕显示“不可用”提示：${poller.update.problem}`);
		}
		for (const listener of [...poller.listeners]) listener(poller.update);
		timer = setTimeout(() => void poll(), refreshMs);
	};
	void poll();
	return poller;
}

/**
 * Calls `listener` with what is known now, then after every request. Returns the function that
 * stops watching; the poller stops with its last watcher.
 */
export function watchFeed(options: WatchOptions, listener: Listener): () => void {
	const key = `${options.refreshMs} ${options.url}`;
	let poller = pollers.get(key);
	if (!poller) {
		poller = startPoller(options);
		pollers.set(key, poller);
	}
	const mine = poller;
	mine.listeners.add(listener);
	listener(mine.update);
	return () => {
		if (!mine.listeners.delete(listener)) return;
		if (mine.listeners.size > 0) return;
		mine.stop();
		if (pollers.get(key) === mine) pollers.delete(key);
	};
}
