import { describe, expect, it } from 'vitest';
import { addRating, emptyTally } from './ratings';
import { usageReport, usageSummary } from './report';

const usage = {
	views: Array.from({ length: 30 }, (_, i) => ({
		path: `/guides/item-${i}`,
		title: `无线电台（站）设置审批第${i}项 · 办事指南`,
		count: 30 - i,
		firstDay: '2026-01-01',
		lastDay: '2026-05-01'
	})),
	misses: [{ query: '火星护照', count: 4, firstDay: '2026-02-01', lastDay: '2026-05-02' }],
	ratings: addRating(addRating(undefined, '满意', '2026-05-01'), '满意', '2026-05-02')
};

describe('usage report', () => {
	it('names the terminal and content version, and keeps days only', () => {
		const report = usageReport(
			usage,
			{ id: 'T-07', mode: 'kiosk', setOn: '2026-01-01' },
			'abc123',
			'2026-05-03'
		);
		expect(report).toMatchObject({
			format: 'lobby-kiosk-usage/1',
			terminal: 'T-07',
			day: '2026-05-03'
		});
		expect(report.views).toHaveLength(30);
		expect(report.ratings.counts['满意']).toBe(2);
	});

	it('summary fits the QR budget and keeps the most used first', () => {
		const report = usageReport(usage, null, 'abc123', '2026-05-03');
		const summary = usageSummary(report, 400);
		expect(new TextEncoder().encode(summary).length).toBeLessThanOrEqual(400);
		expect(summary).toContain('第0项');
		expect(summary).toContain('火星护照×4');
		expect(summary).toContain('好差评：满意×2');
		expect(summary).not.toContain('第9项');
	});

	it('says so when there is nothing yet', () => {
		const summary = usageSummary(
			usageReport({ views: [], misses: [], ratings: emptyTally() }, null, 'x', '2026-05-03')
		);
		expect(summary).toContain('常看：无');
		expect(summary).toContain('未找到：无');
		expect(summary).toContain('好差评：无');
	});
});
