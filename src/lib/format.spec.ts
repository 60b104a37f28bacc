import { describe, expect, it } from 'vitest';
import { formatDate, formatDuration, formatVisits } from './format';

describe('format', () => {
	it('formats durations in Chinese units', () => {
		expect(formatDuration({ value: 20, unit: '工作日' })).toBe('20 个工作日');
		expect(formatDuration({ value: 2, unit: '小时' })).toBe('2 小时');
	});
	it('says zero visits plainly', () => {
		expect(formatVisits(0)).toBe('全程网办，不用跑');
		expect(formatVisits(1)).toBe('到现场 1 次');
	});
	it('formats dates without leading zeros', () => {
		expect(formatDate('2015-03-24')).toBe('2015年3月24日');
	});
});
