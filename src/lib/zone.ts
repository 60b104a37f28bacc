/**
 * Date formats in the office's time zone (from site.yaml), never the device's. Each is made once:
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
