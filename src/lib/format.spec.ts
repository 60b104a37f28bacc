import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatDateTime, formatDuration, formatVisits } from './format';

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
	it('formats sizes in binary units, one way for the build log and the status screen', () => {
		expect(formatBytes(null)).toBe('未知');
		expect(formatBytes(1023)).toBe('1023 B');
		expect(formatBytes(2048)).toBe('2.0 KiB');
		expect(formatBytes(60.9 * 1024 ** 2)).toBe('60.9 MiB');
		expect(formatBytes(3 * 1024 ** 3)).toBe('3.00 GiB');
	});
	it('formats instants in the office zone, not the device zone', () => {
		expect(formatDateTime('2026-05-03T06:05:00Z', 'Asia/Shanghai')).toBe('2026年5月3日 14:05');
		expect(formatDateTime('not a date', 'Asia/Shanghai')).toBe('not a date');
	});
});
