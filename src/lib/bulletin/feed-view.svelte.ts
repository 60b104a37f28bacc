/**
 * A data slide's feed as a component sees it: the state (`loading`, `fresh`, `stale`,
 * `unavailable`) and, only while fresh, the rows as text. Call `useFeed` while a component
 * initialises: it watches the feed for as long as the component lives, turns the data stale
 * the moment it outlives its maximum age (even with no request answering), and tells the
 * player's stage when the first answer is in and whenever what is shown changes.
 */
import { untrack } from 'svelte';
import { feedState, freshFor, tableRows, type Feed, type FeedState } from './feed.ts';
import { watchFeed } from './feed-watch.ts';
import { slideStage } from './stage.ts';
import type { DataContent } from './types.ts';

export interface FeedView {
	readonly state: FeedState;
	/** Cell text, the configured columns in order; empty unless `state` is `fresh`. */
	readonly rows: string[][];
	/** Epoch ms of the data shown; null unless fresh. */
	readonly updatedAt: number | null;
}

export function useFeed(content: () => DataContent): FeedView {
	const stage = slideStage();
	let feed: Feed | null = $state.raw(null);
	let settled = $state(false);
	let now = $state(Date.now());

	// The screen shows the slide once the first answer is in (data or not): never “loading”.
	let answered: () => void = () => {};
	stage?.ready(new Promise<void>((resolve) => (answered = () => resolve())));

	$effect(() => {
		const { url, refreshMs, maxAgeMs } = content();
		let expiry: ReturnType<typeof setTimeout> | undefined;
		const stop = watchFeed({ url, refreshMs }, (update) => {
			clearTimeout(expiry);
			feed = update.feed;
			settled = update.settled;
			now = Date.now();
			const left = update.feed ? freshFor(update.feed, now, maxAgeMs) : 0;
			// Stale on time even if the next answer is late or never comes.
			if (left > 0) expiry = setTimeout(() => (now = Date.now()), left + 1);
			if (update.settled) answered();
		});
		return () => {
			stop();
			clearTimeout(expiry);
		};
	});

	const state: FeedState = $derived(settled ? feedState(feed, now, content().maxAgeMs) : 'loading');
	const rows = $derived.by(() => {
		const c = content();
		return feed && state === 'fresh' ? tableRows(feed, c.columns, c.maxRows) : [];
	});

	// New rows or a new state change the text's size: the player fits the slide again.
	$effect(() => {
		void state;
		void rows;
		untrack(() => stage?.changed());
	});

	return {
		get state() {
			return state;
		},
		get rows() {
			return rows;
		},
		get updatedAt() {
			return state === 'fresh' ? (feed?.updatedAt ?? null) : null;
		}
	};
}
