/**
 * Time in the office's zone (from site.yaml), never the device's: cached formatters, calendar
 * facts for an instant, and office-local wall-clock times to instants. Shared by the content
 * loader (Node, hence no `$lib` imports here), the bulletin and the kiosk.
 *
 * Date formats in the office's time zone, never the device's. Each is made once:
 * creating an `Intl.DateTimeFormat` costs far more than using one, and a page start on a slow
 * terminal made several (the clock made two a minute).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

export function dateFormat(
	locale: string,
	timeZone: string,
	options: Intl.DateTimeFormatOptions
): Intl.DateTimeFormat {
	const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
	let f = formatters.get(key);
	if (!f) {
		f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
		formatters.set(key, f);
	}
	return f;
}

/**
 * Every calendar part in 24-hour form. Both the content loader (office time -> instant) and the
 * bulletin (instant -> office day) read wall-clock parts in the office's zone.
 */
export function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
	return dateFormat('en-US', timeZone, {
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit'
	});
}

export interface LocalTime {
	/** `YYYY-MM-DD` in the office's zone. */
	date: string;
	/** ISO weekday: 1 = Monday … 7 = Sunday. */
	weekday: number;
	/** Seconds since local midnight. */
	second: number;
}

/** Office-local calendar facts for an instant (a screen set to UTC still follows the office). */
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

/**
 * `2026-11-27 10:00` (or `2026-11-27T10:00`, `2026-11-27`) in `timeZone` -> epoch ms; NaN if
 * malformed. Editors write office times; the kiosk compares instants.
 */
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
