import { zoneFormatter } from '../../zone.ts';

/** Editors write local office times; the kiosk compares instants. The zone comes from site.yaml. */

function zoneOffsetMinutes(instant: Date, timeZone: string): number {
	const parts = zoneFormatter(timeZone).formatToParts(instant);
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return Math.round((asUtc - instant.getTime()) / 60000);
}

/** `2026-11-20 09:00` in `timeZone` -> epoch milliseconds. */
export function localToInstant(local: string, timeZone: string): number {
	const [date, time = '00:00:00'] = local.split(/[ T]/);
	const [y, mo, d] = (date ?? '').split('-').map(Number);
	const [h = 0, mi = 0, s = 0] = time.split(':').map(Number);
	const naive = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h, mi, s);
	// Two passes settle the offset across a daylight-saving change.
	let offset = zoneOffsetMinutes(new Date(naive), timeZone);
	offset = zoneOffsetMinutes(new Date(naive - offset * 60000), timeZone);
	return naive - offset * 60000;
}
