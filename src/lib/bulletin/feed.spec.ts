import { describe, expect, it } from 'vitest';
import {
	CLOCK_SKEW_MS,
	cellText,
	feedState,
	freshFor,
	MAX_CELL_CHARS,
	parseFeed,
	tableRows,
	type Feed
} from './feed.ts';

const T = Date.parse('2026-11-27T09:15:00+08:00');

describe('parseFeed', () => {
	it('reads an ISO time with its zone, or epoch milliseconds', () => {
		const iso = parseFeed({
			updatedAt: '2026-11-27T09:15:00+08:00',
			rows: [{ window: '3号', number: 'A023' }]
		});
		expect(iso).toEqual({
			ok: true,
			feed: { updatedAt: T, rows: [{ window: '3号', number: 'A023' }] }
		});
		const ms = parseFeed({ updatedAt: T, rows: [] });
		expect(ms).toEqual({ ok: true, feed: { updatedAt: T, rows: [] } });
	});

	it('refuses a time without a zone, a nested value, or a missing list, saying where', () => {
		expect(parseFeed({ updatedAt: '2026-11-27 09:15', rows: [] })).toEqual({
			ok: false,
			reason: 'updatedAt：应为带时区的时间（如 2026-11-27T09:15:02+08:00）或毫秒数'
		});
		expect(parseFeed({ updatedAt: T, rows: [{ window: 1 }, { window: { no: 2 } }] })).toEqual({
			ok: false,
			reason: 'rows · 第2行 · window：应为文字、数字、true/false 或 null'
		});
		expect(parseFeed({ updatedAt: T })).toEqual({ ok: false, reason: 'rows：缺少这一项' });
		expect(parseFeed({ updatedAt: T, rows: {} })).toEqual({ ok: false, reason: 'rows：应为列表' });
		expect(parseFeed(null)).toEqual({
			ok: false,
			reason: '数据文件：应为对象，含 updatedAt 和 rows'
		});
	});

	it('keeps no more rows than a screen could ever show', () => {
		const rows = Array.from({ length: 500 }, (_, i) => ({ n: i }));
		const parsed = parseFeed({ updatedAt: T, rows });
		expect(parsed.ok && parsed.feed.rows.length).toBe(200);
	});
});

describe('feedState', () => {
	const feed: Feed = { updatedAt: T, rows: [] };

	it('is fresh up to the maximum age, stale after it', () => {
		expect(feedState(feed, T, 30_000)).toBe('fresh');
		expect(feedState(feed, T + 30_000, 30_000)).toBe('fresh');
		expect(feedState(feed, T + 30_001, 30_000)).toBe('stale');
		expect(feedState(feed, T + 86_400_000, 30_000)).toBe('stale');
	});

	it('is unavailable without data, or with a time from a clock that runs ahead', () => {
		expect(feedState(null, T, 30_000)).toBe('unavailable');
		expect(feedState(feed, T - CLOCK_SKEW_MS, 30_000)).toBe('fresh');
		expect(feedState(feed, T - CLOCK_SKEW_MS - 1, 30_000)).toBe('unavailable');
	});

	it('says how long the data stays fresh', () => {
		expect(freshFor(feed, T + 10_000, 30_000)).toBe(20_000);
		expect(freshFor(feed, T + 40_000, 30_000)).toBe(0);
	});
});

describe('cells and rows', () => {
	it('shows a missing or empty value as a dash, never as blank or “undefined”', () => {
		expect([null, undefined, '', '   ', Number.NaN].map(cellText)).toEqual([
			'—',
			'—',
			'—',
			'—',
			'—'
		]);
		expect([12, 0, true, false, ' A 023 '].map(cellText)).toEqual(['12', '0', '是', '否', 'A 023']);
	});

	it('cuts long text', () => {
		const long = '综'.repeat(MAX_CELL_CHARS + 4);
		expect(cellText(long)).toBe(`${'综'.repeat(MAX_CELL_CHARS - 1)}…`);
		expect([...cellText(long)].length).toBe(MAX_CELL_CHARS);
	});

	it('lays out the configured columns in order, at most maxRows rows', () => {
		const feed: Feed = {
			updatedAt: T,
			rows: [
				{ window: '1号', number: 'A001', extra: 'x' },
				{ number: 'B017', window: '2号' },
				{ window: '3号' },
				{ window: '4号', number: 'C003' }
			]
		};
		const columns = [
			{ field: 'window', label: '窗口' },
			{ field: 'number', label: '当前叫号' }
		];
		expect(tableRows(feed, columns, 3)).toEqual([
			['1号', 'A001'],
			['2号', 'B017'],
			['3号', '—']
		]);
	});

	it('reads only a row’s own fields, never what every object inherits', () => {
		const feed: Feed = { updatedAt: T, rows: [{ window: '1号' }] };
		const columns = [
			{ field: 'constructor', label: 'a' },
			{ field: 'toString', label: 'b' }
		];
		expect(tableRows(feed, columns, 5)).toEqual([['—', '—']]);
	});
});
