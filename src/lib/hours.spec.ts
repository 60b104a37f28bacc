import { describe, expect, it } from 'vitest';
import {
	daysText,
	hoursLines,
	hoursSentences,
	isOpen,
	nextOpening,
	openingText,
	openUntil,
	parseDays,
	type HoursCalendar,
	type OfficeHours
} from './hours.ts';

const ZONE = 'Asia/Shanghai';
/** Office-local time (UTC+8) → instant. 2026-12-07 is a Monday. */
const at = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+08:00`);

const hours: OfficeHours = {
	days: [1, 2, 3, 4, 5],
	sessions: [
		{ from: '09:00', to: '12:00' },
		{ from: '13:30', to: '17:00' }
	],
	online: '网上办事大厅 24 小时受理申报'
};
const cal: HoursCalendar = {
	hours,
	closures: [{ from: '2027-01-01', to: '2027-01-03' }],
	openDays: [
		{ date: '2026-12-12', sessions: null, reason: '调休上班' },
		{ date: '2026-12-09', sessions: [{ from: '09:00', to: '11:00' }], reason: '内部培训' }
	]
};

describe('parseDays', () => {
	it('reads ranges and lists of weekdays', () => {
		expect(parseDays('周一至周五')).toEqual([1, 2, 3, 4, 5]);
		expect(parseDays('周一、周三、周五')).toEqual([1, 3, 5]);
		expect(parseDays('星期一至星期三，周六')).toEqual([1, 2, 3, 6]);
		expect(parseDays('周六、周日')).toEqual([6, 7]);
	});

	it('refuses anything else', () => {
		expect(parseDays('工作日')).toBeNull();
		expect(parseDays('周五至周一')).toBeNull();
		expect(parseDays('周一至周五 上午')).toBeNull();
		expect(parseDays('')).toBeNull();
	});
});

describe('the sentences on the signs', () => {
	it('are generated from the structure', () => {
		expect(hoursSentences(hours)).toEqual([
			'周一至周五 上午 9:00—12:00，下午 13:30—17:00',
			'周六、周日及法定节假日休息；网上办事大厅 24 小时受理申报'
		]);
		expect(hoursLines(hours)[0]).toEqual({
			days: '周一至周五',
			time: '上午 9:00—12:00，下午 13:30—17:00'
		});
	});

	it('name odd weekdays and evening sessions', () => {
		expect(daysText([1, 3, 4, 5])).toBe('周一、周三至周五');
		const six: OfficeHours = {
			days: [1, 2, 3, 4, 5, 6, 7],
			sessions: [{ from: '18:30', to: '21:00' }],
			online: null
		};
		expect(hoursSentences(six)).toEqual(['周一至周日 晚上 18:30—21:00', '法定节假日休息']);
	});
});

describe('isOpen', () => {
	it('follows the sessions of a weekday', () => {
		expect(isOpen(cal, at('2026-12-07 10:00'), ZONE)).toBe(true);
		expect(isOpen(cal, at('2026-12-07 08:59'), ZONE)).toBe(false);
		expect(isOpen(cal, at('2026-12-07 12:30'), ZONE)).toBe(false); // lunch break
		expect(isOpen(cal, at('2026-12-07 17:00'), ZONE)).toBe(false);
		expect(isOpen(cal, at('2026-12-07 22:00'), ZONE)).toBe(false);
	});

	it('is closed on Sunday, on a closure day, open on a 调休 Saturday and on changed hours', () => {
		expect(isOpen(cal, at('2026-12-06 10:00'), ZONE)).toBe(false);
		expect(isOpen(cal, at('2027-01-01 10:00'), ZONE)).toBe(false); // a Friday, closed
		expect(isOpen(cal, at('2026-12-12 10:00'), ZONE)).toBe(true); // Saturday, 调休
		expect(isOpen(cal, at('2026-12-09 10:30'), ZONE)).toBe(true);
		expect(isOpen(cal, at('2026-12-09 14:00'), ZONE)).toBe(false);
	});

	it('reads the office day, not the UTC one', () => {
		// Monday 01:30 UTC is 09:30 in Changsha: open, though UTC says it is night.
		expect(isOpen(cal, Date.parse('2026-12-07T01:30:00Z'), ZONE)).toBe(true);
		// Sunday 16:30 UTC is already Monday 00:30 in Changsha: closed, though UTC says afternoon.
		expect(isOpen(cal, Date.parse('2026-12-06T16:30:00Z'), ZONE)).toBe(false);
		// Friday 17:00 UTC is Saturday 01:00 in Changsha.
		expect(isOpen(cal, Date.parse('2026-12-11T02:00:00Z'), ZONE)).toBe(true);
	});
});

describe('openUntil', () => {
	it('is the end of the session under way', () => {
		expect(openUntil(cal, at('2026-12-07 10:00'), ZONE)).toBe(at('2026-12-07 12:00'));
		expect(openUntil(cal, at('2026-12-07 16:59'), ZONE)).toBe(at('2026-12-07 17:00'));
		expect(openUntil(cal, at('2026-12-07 12:00'), ZONE)).toBeNull();
		const allDay: HoursCalendar = {
			...cal,
			hours: { days: [1], sessions: [{ from: '00:00', to: '24:00' }] }
		};
		expect(openUntil(allDay, at('2026-12-07 23:00'), ZONE)).toBe(at('2026-12-08 00:00'));
	});
});

describe('nextOpening', () => {
	it('finds the next session', () => {
		expect(nextOpening(cal, at('2026-12-07 22:00'), ZONE)).toBe(at('2026-12-08 09:00'));
		expect(nextOpening(cal, at('2026-12-07 12:10'), ZONE)).toBe(at('2026-12-07 13:30'));
		expect(nextOpening(cal, at('2026-12-07 06:00'), ZONE)).toBe(at('2026-12-07 09:00'));
		// Sunday: Monday morning.
		expect(nextOpening(cal, at('2026-12-13 15:00'), ZONE)).toBe(at('2026-12-14 09:00'));
		// Friday evening, Saturday a 调休 working day.
		expect(nextOpening(cal, at('2026-12-11 18:00'), ZONE)).toBe(at('2026-12-12 09:00'));
	});

	it('skips closure days, from the day before and during them', () => {
		expect(nextOpening(cal, at('2026-12-31 18:00'), ZONE)).toBe(at('2027-01-04 09:00'));
		expect(nextOpening(cal, at('2027-01-02 10:00'), ZONE)).toBe(at('2027-01-04 09:00'));
	});

	it('counts in the office zone across midnight UTC', () => {
		// 2026-12-07 16:30 UTC = Tuesday 00:30 in Changsha: opens the same local morning.
		expect(nextOpening(cal, Date.parse('2026-12-07T16:30:00Z'), ZONE)).toBe(
			Date.parse('2026-12-08T01:00:00Z')
		);
	});

	it('is null when nothing ever opens', () => {
		const never: HoursCalendar = { ...cal, hours: { ...hours, days: [] }, openDays: [] };
		expect(nextOpening(never, at('2026-12-07 10:00'), ZONE)).toBeNull();
	});
});

describe('openingText', () => {
	it('says when, relative to now', () => {
		expect(openingText(at('2026-12-14 09:00'), at('2026-12-13 15:00'), ZONE)).toBe(
			'明天（星期一）上午 9:00 开始办理'
		);
		expect(openingText(at('2026-12-07 13:30'), at('2026-12-07 12:10'), ZONE)).toBe(
			'今天下午 13:30 开始办理'
		);
		expect(openingText(at('2026-12-14 09:00'), at('2026-12-12 18:00'), ZONE)).toBe(
			'后天（星期一）上午 9:00 开始办理'
		);
		expect(openingText(at('2027-01-04 09:00'), at('2026-12-31 18:00'), ZONE)).toBe(
			'1月4日（星期一）上午 9:00 开始办理'
		);
	});
});
