/**
 * Local usage counts, so editors learn what visitors look at and what they miss. Privacy first:
 * counts per page and per zero-result query only, days not times, no visitor data, a fixed
 * maximum size, and nothing leaves the terminal unless staff export it from the status screen.
 */
import { dateFormat } from '$lib/zone';
import { db } from '$lib/offline/db';
import type { RatingLevel } from '$lib/rating/levels';
import { keptQuery } from './kept-query';
import { addRating, tallyFrom, type RatingTally } from './ratings';

export interface ViewCount {
	/** Page path, e.g. `/guides/radio-station-license`. */
	path: string;
	/** Page title when last seen, so the report reads as words. */
	title: string;
	count: number;
	firstDay: string;
	lastDay: string;
}

export interface MissCount {
	query: string;
	count: number;
	firstDay: string;
	lastDay: string;
}

export const MAX_VIEWS = 200;
export const MAX_MISSES = 100;

/** `2026-05-03` in the office's time zone: the finest time the counts ever keep. */
export function localDay(date: Date, timeZone: string): string {
	return dateFormat('en-CA', timeZone, {
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).format(date);
}

/**
 * Pages worth counting: one content item each (a guide, a notice…), not lists or staff pages, and
 * not an address nothing answers (the catch-all "not found" route, or a page shown as an error).
 */
export function countedPath(routeId: string | null, pathname: string, status = 200): string | null {
	if (!routeId?.startsWith('/(kiosk)/') || !routeId.includes('/[')) return null;
	if (routeId.includes('[...') || status >= 400) return null;
	return pathname.replace(/\/+$/, '');
}

interface Ranked {
	count: number;
	lastDay: string;
}

/** Most used first; among equals, the most recently used. */
export function byUse(a: Ranked, b: Ranked): number {
	return b.count - a.count || b.lastDay.localeCompare(a.lastDay);
}

/** Entries to drop so that at most `cap` remain: the least used, oldest first. */
export function overflow<T extends Ranked>(entries: T[], cap: number): T[] {
	return entries.length <= cap ? [] : [...entries].sort(byUse).slice(cap);
}

export async function recordView(path: string, title: string, day: string): Promise<void> {
	const tx = (await db()).transaction('views', 'readwrite');
	const old = await tx.store.get(path);
	await tx.store.put({
		path,
		title: title.slice(0, 80),
		count: (old?.count ?? 0) + 1,
		firstDay: old?.firstDay ?? day,
		lastDay: day
	});
	if (!old && (await tx.store.count()) > MAX_VIEWS) {
		for (const drop of overflow(await tx.store.getAll(), MAX_VIEWS))
			await tx.store.delete(drop.path);
	}
	await tx.done;
}

/** Counts a zero-result query; `replaces` is an earlier version of the same search, uncounted. */
export async function recordMiss(query: string, day: string, replaces: string | null = null) {
	const tx = (await db()).transaction('misses', 'readwrite');
	if (replaces) {
		const earlier = await tx.store.get(replaces);
		if (earlier && earlier.count > 1) await tx.store.put({ ...earlier, count: earlier.count - 1 });
		else if (earlier) await tx.store.delete(replaces);
	}
	const old = await tx.store.get(query);
	await tx.store.put({
		query,
		count: (old?.count ?? 0) + 1,
		firstDay: old?.firstDay ?? day,
		lastDay: day
	});
	if (!old && (await tx.store.count()) > MAX_MISSES) {
		for (const drop of overflow(await tx.store.getAll(), MAX_MISSES)) {
			await tx.store.delete(drop.query);
		}
	}
	await tx.done;
}

/** Counts one 好差评 tap: the level and the day, nothing else. */
export async function recordRating(level: RatingLevel, day: string): Promise<void> {
	const tx = (await db()).transaction('settings', 'readwrite');
	const old = (await tx.store.get('ratings')) as RatingTally | undefined;
	await tx.store.put(addRating(old, level, day), 'ratings');
	await tx.done;
}

export interface Usage {
	views: ViewCount[];
	misses: MissCount[];
	ratings: RatingTally;
}

export async function readUsage(): Promise<Usage> {
	const database = await db();
	const [views, misses, ratings] = await Promise.all([
		database.getAll('views'),
		database.getAll('misses'),
		database.get('settings', 'ratings')
	]);
	// Entries kept under an older, looser rule are not shown or exported any more.
	const kept = misses.filter((m) => keptQuery(m.query) === m.query);
	return { views: views.sort(byUse), misses: kept.sort(byUse), ratings: tallyFrom(ratings) };
}

export async function clearUsage(): Promise<void> {
	const tx = (await db()).transaction(['views', 'misses', 'settings'], 'readwrite');
	await Promise.all([
		tx.objectStore('views').clear(),
		tx.objectStore('misses').clear(),
		tx.objectStore('settings').delete('ratings'),
		tx.done
	]);
}
