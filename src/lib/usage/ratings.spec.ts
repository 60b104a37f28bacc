import { describe, expect, it } from 'vitest';
import {
	addRating,
	emptyTally,
	formatShare,
	ratingsCsv,
	ratingsLine,
	ratingTotal,
	satisfiedShare,
	tallyFrom
} from './ratings';

describe('rating tally', () => {
	it('counts each level and the days it spans', () => {
		let t = addRating(undefined, '满意', '2026-11-30');
		t = addRating(t, '满意', '2026-12-01');
		t = addRating(t, '不满意', '2026-12-01');
		expect(t.counts).toEqual({ 非常满意: 0, 满意: 2, 基本满意: 0, 不满意: 1, 非常不满意: 0 });
		expect([t.firstDay, t.lastDay]).toEqual(['2026-11-30', '2026-12-01']);
		expect(ratingTotal(t)).toBe(3);
	});

	it('does not change the tally it was given', () => {
		const before = addRating(undefined, '满意', '2026-12-01');
		addRating(before, '非常满意', '2026-12-02');
		expect(before.counts['非常满意']).toBe(0);
		expect(before.lastDay).toBe('2026-12-01');
	});

	it('reads back only what has the right shape', () => {
		expect(tallyFrom(null)).toEqual(emptyTally());
		expect(tallyFrom('x')).toEqual(emptyTally());
		const t = tallyFrom({ counts: { 满意: 4, 很好: 9, 不满意: -1, 基本满意: 1.5 }, firstDay: 3 });
		expect(t.counts).toEqual({ 非常满意: 0, 满意: 4, 基本满意: 0, 不满意: 0, 非常不满意: 0 });
		expect(t.firstDay).toBeNull();
	});

	it('reports the share of 满意 and above', () => {
		expect(satisfiedShare(emptyTally())).toBeNull();
		expect(formatShare(null)).toBe('—');
		let t = addRating(undefined, '非常满意', 'd');
		t = addRating(t, '满意', 'd');
		t = addRating(t, '基本满意', 'd');
		expect(formatShare(satisfiedShare(t))).toBe('66.7%');
		expect(formatShare(satisfiedShare(addRating(undefined, '满意', 'd')))).toBe('100%');
	});

	it('exports one CSV row per level and a short line for the QR code', () => {
		const t = addRating(addRating(undefined, '满意', '2026-12-01'), '非常不满意', '2026-12-02');
		const csv = ratingsCsv(t, 'A-01');
		expect(csv.startsWith('\uFEFF终端,评价等级,次数,起始日期,截止日期\r\n')).toBe(true);
		expect(csv.trim().split('\r\n')).toHaveLength(6);
		expect(csv).toContain('A-01,满意,1,2026-12-01,2026-12-02\r\n');
		expect(csv).toContain('A-01,非常满意,0,');
		expect(ratingsLine(t)).toBe('好差评：满意×1；非常不满意×1');
		expect(ratingsLine(emptyTally())).toBe('好差评：无');
	});
});
