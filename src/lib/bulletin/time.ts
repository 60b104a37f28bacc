/**
 * Office-local calendar facts for an instant. The screen's own time zone setting is never used:
 * a display shipped with UTC or a wrong zone still follows the office's day.
 */

import { zoneFormatter } from '$lib/zone';

export interface LocalTime {
	/** `YYYY-MM-DD` in the office's zone. */
	date: string;
	/** ISO weekday: 1 = Monday … 7 = Sunday. */
	weekday: number;
	/** Seconds since local midnight. */
	second: number;
}

export function localTime(now: number, timeZone: string): LocalTime {
	const parts = zoneFormatter(timeZone).formatToParts(new Date(now));
	const get = (type: Intl.DateTimeFormatPartTypes) =>
		parts.find((p) => p.type === type)?.value ?? '0';
	const y = get('year');
	const mo = get('month');
	const d = get('day');
	const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))).getUTCDay();
	return {
		date: `${y}-${mo}-${d}`,
		weekday: day === 0 ? 7 : day,
		second: Number(get('hour')) * 3600 + Number(get('minute')) * 60 + Number(get('second'))
	};
}

/** `HH:MM` -> minutes after midnight. */
export function minutesOf(clock: string): number {
	const [h = 0, m = 0] = clock.split(':').map(Number);
	return h * 60 + m;
}

/** Whether `minute` lies in [from, to), a range that may cross midnight. */
export function inDailyRange(minute: number, from: number, to: number): boolean {
	return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

/** `2026-11-27 10:00` (or `2026-11-27T10:00`) in `timeZone` -> epoch ms; NaN if malformed. */
export function instantOf(local: string, timeZone: string): number {
	const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(local.trim());
	if (!m) return NaN;
	const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
	const naive = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s);
	const offset = (instant: number) => {
		const l = localTime(instant, timeZone);
		const [ly, lm, ld] = l.date.split('-').map(Number);
		return Date.UTC(ly!, lm! - 1, ld!) + l.second * 1000 - instant;
	};
	// Two passes settle the offset across a daylight-saving change.
	const first = offset(naive);
	return naive - offset(naive - first);
}
