/**
 * A data slide's feed: a JSON file on this site that another system keeps writing (the hall's
 * queue system writes `/queue/now.json` every few seconds):
 *
 *     { "updatedAt": "2026-11-27T09:15:02+08:00", "rows": [{ "window": "3号", "number": "A023" }] }
 *
 * `updatedAt` is an ISO time with its zone, or epoch milliseconds. Parsing, age and cell text are
 * plain functions here; `feed-watch.ts` fetches the file. Data older than the slide's maximum
 * age is never shown as current: the slide says it is unavailable instead.
 */
import * as v from 'valibot';
import type { DataColumn } from './types.ts';

/** Rows past this are not kept: a screen shows a dozen at most. */
export const MAX_FEED_ROWS = 200;
/** Longer cell text is cut with “…”: a cell holds a window name or a number, not a sentence. */
export const MAX_CELL_CHARS = 16;
/**
 * Two machines' clocks differ a little. An `updatedAt` further in the future than this is a
 * wrong clock, whose data could be of any age: it is not shown.
 */
export const CLOCK_SKEW_MS = 60_000;

const CellSchema = v.union(
	[v.string(), v.number(), v.boolean(), v.null()],
	'应为文字、数字、true/false 或 null'
);

const TIME = '应为带时区的时间（如 2026-11-27T09:15:02+08:00）或毫秒数';

export const FeedSchema = v.object(
	{
		updatedAt: v.union(
			[
				v.pipe(v.number(), v.finite(TIME), v.minValue(0, TIME)),
				v.pipe(v.string(), v.isoTimestamp(TIME))
			],
			TIME
		),
		rows: v.array(v.record(v.string(), CellSchema), '应为列表')
	},
	'应为对象，含 updatedAt 和 rows'
);

export type FeedCell = v.InferOutput<typeof CellSchema>;
export type FeedRow = Record<string, FeedCell>;

export interface Feed {
	/** Epoch ms. */
	updatedAt: number;
	rows: FeedRow[];
}

export type ParsedFeed = { ok: true; feed: Feed } | { ok: false; reason: string };

/** Checks a parsed feed; the reason (for the console, never the screen) names the place. */
export function parseFeed(data: unknown): ParsedFeed {
	const result = v.safeParse(FeedSchema, data);
	if (!result.success) {
		const issue = result.issues[0]!;
		const where = (issue.path ?? [])
			.map((p) => (typeof p.key === 'number' ? `第${p.key + 1}行` : String(p.key)))
			.join(' · ');
		const message = where && issue.input === undefined ? '缺少这一项' : issue.message;
		return { ok: false, reason: `${where || '数据文件'}：${message}` };
	}
	const { updatedAt, rows } = result.output;
	const at = typeof updatedAt === 'number' ? updatedAt : Date.parse(updatedAt);
	if (!Number.isFinite(at)) return { ok: false, reason: `updatedAt：不是有效的时间` };
	return { ok: true, feed: { updatedAt: at, rows: rows.slice(0, MAX_FEED_ROWS) } };
}

/** `loading`: nothing asked yet; the rest as `feedState` says. */
export type FeedState = 'loading' | 'fresh' | 'stale' | 'unavailable';

/**
 * Whether the feed may be shown at `now`: `fresh` within `maxAgeMs` of its `updatedAt`, `stale`
 * after, `unavailable` without a feed or with one from a clock that runs ahead.
 */
export function feedState(
	feed: Feed | null,
	now: number,
	maxAgeMs: number
): 'fresh' | 'stale' | 'unavailable' {
	if (!feed) return 'unavailable';
	const age = now - feed.updatedAt;
	if (age < -CLOCK_SKEW_MS) return 'unavailable';
	return age > maxAgeMs ? 'stale' : 'fresh';
}

/** Milliseconds until a fresh feed turns stale (0 when it already is). */
export function freshFor(feed: Feed, now: number, maxAgeMs: number): number {
	return Math.max(0, feed.updatedAt + maxAgeMs - now);
}

/** One cell as shown: a missing or empty value is “—”, long text is cut. */
export function cellText(value: FeedCell | undefined): string {
	if (value === null || value === undefined) return '—';
	if (typeof value === 'boolean') return value ? '是' : '否';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '—';
	const chars = [...value.replace(/\s+/g, ' ').trim()];
	if (chars.length === 0) return '—';
	return chars.length > MAX_CELL_CHARS
		? `${chars.slice(0, MAX_CELL_CHARS - 1).join('')}…`
		: chars.join('');
}

/** The table the slide shows: the first `maxRows` rows, the configured columns in order. */
export function tableRows(feed: Feed, columns: readonly DataColumn[], maxRows: number): string[][] {
	return feed.rows
		.slice(0, maxRows)
		.map((row) =>
			columns.map((c) => cellText(Object.hasOwn(row, c.field) ? row[c.field] : undefined))
		);
}
