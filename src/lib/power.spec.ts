import { describe, expect, it } from 'vitest';
import { WEEKDAY_HOURS } from './hours.fixture.ts';
import type { HoursCalendar } from './hours.ts';
import { displayOn, powerIntervals, type PowerSchedule } from './power.ts';

const ZONE = 'Asia/Shanghai';
/** Office-local time (UTC+8) → instant. 2026-12-07 is a Monday. */
const at = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+08:00`);

const cal: HoursCalendar = {
	hours: WEEKDAY_HOURS,
	closures: [{ from: '2027-01-01', to: '2027-01-03' }],
	openDays: [{ date: '2026-12-12', sessions: null, reason: '调休上班' }]
};

const fixed: PowerSchedule = { on: '07:30', off: '20:00', days: null, margin: 30 };
const derived: PowerSchedule = { on: null, off: null, days: null, margin: 30 };

describe('displayOn', () => {
	it('with fixed times: on between them on the days the hall is open', () => {
		expect(displayOn(fixed, cal, at('2026-12-07 07:29'), ZONE)).toBe(false);
		expect(displayOn(fixed, cal, at('2026-12-07 07:30'), ZONE)).toBe(true);
		expect(displayOn(fixed, cal, at('2026-12-07 12:30'), ZONE)).toBe(true); // lunch: stays on
		expect(displayOn(fixed, cal, at('2026-12-07 19:59'), ZONE)).toBe(true);
		expect(displayOn(fixed, cal, at('2026-12-07 22:00'), ZONE)).toBe(false);
		expect(displayOn(fixed, cal, at('2026-12-06 10:00'), ZONE)).toBe(false); // Sunday
		expect(displayOn(fixed, cal, at('2027-01-01 10:00'), ZONE)).toBe(false); // closure
		expect(displayOn(fixed, cal, at('2026-12-12 10:00'), ZONE)).toBe(true); // 调休 Saturday
	});

	it('derived from the hours: the first session less the margin to the last one plus it', () => {
		expect(displayOn(derived, cal, at('2026-12-07 08:29'), ZONE)).toBe(false);
		expect(displayOn(derived, cal, at('2026-12-07 08:30'), ZONE)).toBe(true);
		expect(displayOn(derived, cal, at('2026-12-07 17:29'), ZONE)).toBe(true);
		expect(displayOn(derived, cal, at('2026-12-07 17:30'), ZONE)).toBe(false);
		expect(displayOn(derived, cal, at('2026-12-31 17:00'), ZONE)).toBe(true); // the day before
	});

	it('with fixed days: those weekdays, closures or not', () => {
		const everyDay: PowerSchedule = { ...fixed, days: [1, 2, 3, 4, 5, 6, 7] };
		expect(displayOn(everyDay, cal, at('2026-12-06 10:00'), ZONE)).toBe(true);
		expect(displayOn(everyDay, cal, at('2027-01-01 10:00'), ZONE)).toBe(true);
		const weekend: PowerSchedule = { ...derived, days: [6, 7] };
		expect(displayOn(weekend, cal, at('2026-12-06 08:45'), ZONE)).toBe(true);
		expect(displayOn(weekend, cal, at('2026-12-07 10:00'), ZONE)).toBe(false);
	});

	it('reads the office clock, not UTC', () => {
		// Monday 23:30 UTC is Tuesday 07:30 in Changsha.
		expect(displayOn(fixed, cal, Date.parse('2026-12-07T23:30:00Z'), ZONE)).toBe(true);
		// Friday 11:00 UTC is 19:00 in Changsha, 12:00 UTC is 20:00.
		expect(displayOn(fixed, cal, Date.parse('2026-12-04T11:00:00Z'), ZONE)).toBe(true);
		expect(displayOn(fixed, cal, Date.parse('2026-12-04T12:00:00Z'), ZONE)).toBe(false);
	});
});

describe('powerIntervals', () => {
	it('lists the on-times of the coming days in epoch seconds', () => {
		const list = powerIntervals(fixed, cal, at('2026-12-04 22:00'), 4, ZONE);
		// Friday, (Saturday, Sunday off), Monday.
		expect(list).toEqual([
			[at('2026-12-04 07:30') / 1000, at('2026-12-04 20:00') / 1000],
			[at('2026-12-07 07:30') / 1000, at('2026-12-07 20:00') / 1000]
		]);
	});
});
