/**
 * Asking the server for `/alerts.json`, as plain functions (the state class in
 * `feed.svelte.ts` runs them on a timer). Every terminal asks about every 30 s, so an unchanged
 * file must cost one small 304: the request carries the last ETag in `If-None-Match`, and
 * `cache: 'no-store'` keeps the browser (and the service worker, which never caches this file)
 * from answering in the server's place.
 */
import { instantOf } from '../zone.ts';
import { ALERTS_FILE, parseAlerts, type Alert } from './schema.ts';

export const ALERTS_URL = `/${ALERTS_FILE}`;
export const POLL_MS = 30_000;
/** Each terminal waits POLL_MS ± this, so a hall switched on at once does not ask in step. */
export const POLL_JITTER_MS = 5_000;

export type PollOutcome =
	| { kind: 'changed'; etag: string | null; alerts: Alert[] }
	| { kind: 'unchanged' }
	/** Network down, server error, timeout: keep what we have. */
	| { kind: 'failed'; reason: string }
	/** The file is not valid alerts: ignored, and what we have is kept. */
	| { kind: 'malformed'; reason: string };

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export async function pollAlerts(
	etag: string | null,
	fetcher: FetchLike = (url, init) => fetch(url, init),
	signal?: AbortSignal
): Promise<PollOutcome> {
	try {
		const response = await fetcher(ALERTS_URL, {
			cache: 'no-store',
			headers: etag ? { 'If-None-Match': etag } : {},
			signal
		});
		if (response.status === 304) return { kind: 'unchanged' };
		if (!response.ok) return { kind: 'failed', reason: `HTTP ${response.status}` };
		let data: unknown;
		try {
			data = JSON.parse(await response.text());
		} catch {
			return { kind: 'malformed', reason: `${ALERTS_FILE} 不是有效的 JSON` };
		}
		const parsed = parseAlerts(data);
		if (!parsed.ok) return { kind: 'malformed', reason: parsed.errors.join('；') };
		return { kind: 'changed', etag: response.headers.get('etag'), alerts: parsed.alerts };
	} catch (e) {
		return { kind: 'failed', reason: e instanceof Error ? e.message : String(e) };
	}
}

/** An alert with its end as an instant, for the screens. */
export interface ActiveAlert {
	id: string;
	text: string;
	takeover: boolean;
	publishedAt: number;
	expiresAt: number;
}

/** The alerts still running at `now` (office time zone), newest first. */
export function activeAlerts(alerts: readonly Alert[], now: number, zone: string): ActiveAlert[] {
	return alerts
		.map((a) => ({
			id: a.id,
			text: a.text,
			takeover: a.level === 'takeover',
			publishedAt: Date.parse(a.publishedAt),
			expiresAt: instantOf(a.until, zone)
		}))
		.filter((a) => now < a.expiresAt)
		.sort((a, b) => b.publishedAt - a.publishedAt);
}

/** When the next of these alerts ends (null: none left), so a screen clears it on time. */
export function nextExpiry(alerts: readonly Alert[], now: number, zone: string): number | null {
	const ends = activeAlerts(alerts, now, zone).map((a) => a.expiresAt);
	return ends.length > 0 ? Math.min(...ends) : null;
}

/** The wait before the next poll: POLL_MS ± POLL_JITTER_MS. */
export function nextPollDelay(random: () => number = Math.random): number {
	return POLL_MS + Math.round((random() * 2 - 1) * POLL_JITTER_MS);
}
