/**
 * One cached `Intl.DateTimeFormat` per time zone giving every calendar part in 24-hour form. Both
 * the content loader (office time -> instant) and the bulletin (instant -> office day) read
 * wall-clock parts in the office's zone, never the device's.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

export function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
	let f = formatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit'
		});
		formatters.set(timeZone, f);
	}
	return f;
}
