/**
 * Office-local time for the bulletin. The screen's own time zone setting is never used: a display
 * shipped with UTC or a wrong zone still follows the office's day. The calendar facts themselves
 * live in `$lib/zone`, shared with the content loader.
 */
export { instantOf, localTime, minutesOf, type LocalTime } from '../zone.ts';

/** Whether `minute` lies in [from, to), a range that may cross midnight. */
export function inDailyRange(minute: number, from: number, to: number): boolean {
	return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}
