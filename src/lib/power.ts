/**
 * When a bulletin screen's panel should be lit (screens.yaml `power`): an LED wall that glows all
 * night in an empty hall wastes power and wears out. Pure functions: the build writes the coming
 * weeks' on-times to `/bulletin/power.txt`, and the terminal's timer compares them with its clock
 * (deploy/kiosk/lobby-kiosk-power).
 */
import { sessionsOn, type HoursCalendar } from './hours.ts';
import { instantOf, localTime, minutesOf } from './zone.ts';

export interface PowerSchedule {
	/** Fixed on and off times `HH:MM`, both or neither; without them the day's sessions ± margin. */
	on: string | null;
	off: string | null;
	/** ISO weekdays the panel is lit; null: the days the hall is open (closures off, 调休 on). */
	days: number[] | null;
	/** Minutes before the first session and after the last one, without fixed times. */
	margin: number;
}

const DAY_MINUTES = 24 * 60;

/** The minutes after local midnight the panel is on, `[on, off)`, for one date; null: off all day. */
export function powerWindow(
	power: PowerSchedule,
	cal: HoursCalendar,
	date: string,
	weekday: number
): [number, number] | null {
	const sessions = sessionsOn(cal, date, weekday);
	const lit = power.days ? power.days.includes(weekday) : sessions.length > 0;
	if (!lit) return null;
	if (power.on !== null && power.off !== null) return [minutesOf(power.on), minutesOf(power.off)];
	const first = sessions[0];
	const last = sessions.at(-1);
	// Fixed days without fixed times on a day without sessions: the usual sessions.
	const day = first && last ? { from: first.from, to: last.to } : usualDay(cal);
	if (!day) return null;
	return [
		Math.max(0, minutesOf(day.from) - power.margin),
		Math.min(DAY_MINUTES, minutesOf(day.to) + power.margin)
	];
}

function usualDay(cal: HoursCalendar): { from: string; to: string } | null {
	const first = cal.hours.sessions[0];
	const last = cal.hours.sessions.at(-1);
	return first && last ? { from: first.from, to: last.to } : null;
}

/** Whether the panel should be on at `instant` (office time, whatever the device's zone). */
export function displayOn(
	power: PowerSchedule,
	cal: HoursCalendar,
	instant: number,
	zone: string
): boolean {
	const local = localTime(instant, zone);
	const window = powerWindow(power, cal, local.date, local.weekday);
	const minute = local.second / 60;
	return window !== null && window[0] <= minute && minute < window[1];
}

function dateAfter(date: string, n: number): { date: string; weekday: number } {
	const [y, m, d] = date.split('-').map(Number);
	const t = new Date(Date.UTC(y!, m! - 1, d! + n));
	const day = t.getUTCDay();
	return { date: t.toISOString().slice(0, 10), weekday: day === 0 ? 7 : day };
}

/**
 * The on-times of `days` local days from the one holding `from`, as epoch-second pairs
 * `[on, off)`: what a terminal without the office's calendar needs to follow the schedule.
 */
export function powerIntervals(
	power: PowerSchedule,
	cal: HoursCalendar,
	from: number,
	days: number,
	zone: string
): [number, number][] {
	const start = localTime(from, zone).date;
	const out: [number, number][] = [];
	for (let i = 0; i < days; i++) {
		const { date, weekday } = dateAfter(start, i);
		const window = powerWindow(power, cal, date, weekday);
		if (!window) continue;
		const at = (minute: number) =>
			minute >= DAY_MINUTES
				? instantOf(`${dateAfter(date, 1).date} 00:00`, zone) / 1000
				: instantOf(
						`${date} ${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`,
						zone
					) / 1000;
		out.push([at(window[0]), at(window[1])]);
	}
	return out;
}
