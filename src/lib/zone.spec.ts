import { describe, expect, it } from 'vitest';
import { instantOf, localTime, minutesOf } from './zone';

describe('office time', () => {
	it('turns an office wall-clock time into the instant, whatever the device zone', () => {
		expect(instantOf('2026-11-20 09:00', 'Asia/Shanghai')).toBe(Date.parse('2026-11-20T01:00:00Z'));
		expect(instantOf('2026-11-20T09:00:30', 'Asia/Shanghai')).toBe(
			Date.parse('2026-11-20T01:00:30Z')
		);
		expect(instantOf('2026-11-20', 'Asia/Shanghai')).toBe(Date.parse('2026-11-19T16:00:00Z'));
	});

	it('settles the offset on both sides of a daylight-saving change', () => {
		expect(instantOf('2026-03-07 12:00', 'America/New_York')).toBe(
			Date.parse('2026-03-07T17:00:00Z')
		);
		expect(instantOf('2026-03-09 12:00', 'America/New_York')).toBe(
			Date.parse('2026-03-09T16:00:00Z')
		);
	});

	it('says NaN for what is not a date, never a wrong instant', () => {
		expect(instantOf('2026-11-20 9:00', 'Asia/Shanghai')).toBeNaN();
		expect(instantOf('next monday', 'Asia/Shanghai')).toBeNaN();
	});

	it('reads the office day and clock from an instant', () => {
		expect(localTime(Date.parse('2026-11-22T16:30:00Z'), 'Asia/Shanghai')).toEqual({
			date: '2026-11-23',
			weekday: 1,
			second: 30 * 60
		});
		expect(minutesOf('13:30')).toBe(13 * 60 + 30);
	});
});
