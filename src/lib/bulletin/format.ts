/** Display formats for the bulletin screens, always in the office's zone. */
import { dateFormat } from '$lib/zone';
const OPTIONS: Record<'time' | 'date' | 'day', Intl.DateTimeFormatOptions> = {
	time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
	date: { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' },
	day: { month: 'numeric', day: 'numeric' }
};

const fmt = (zone: string, kind: keyof typeof OPTIONS) => dateFormat('zh-CN', zone, OPTIONS[kind]);

/** `09:05` */
export const clockText = (now: number, zone: string) => fmt(zone, 'time').format(now);
/** `2026年11月27日星期五` */
export const dateText = (now: number, zone: string) => fmt(zone, 'date').format(now);
/** `11/27` -> shown as `11月27日` */
export function dayText(instant: number, zone: string): string {
	const [m, d] = fmt(zone, 'day').format(instant).split('/');
	return `${m}月${d}日`;
}

const numbers = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });
/** `2,385` */
export const numberText = (n: number) => numbers.format(n);

/** `2027-01-04` -> `1月4日` */
export function localDayText(date: string): string {
	const [, m, d] = date.split('-').map(Number);
	return `${m}月${d}日`;
}

/** `1月1日至1月3日`, or one day. */
export function periodText(from: string, to: string): string {
	return from === to ? localDayText(from) : `${localDayText(from)}至${localDayText(to)}`;
}

/**
 * A paragraph as its sentences (each keeps its closing mark), so a slide too small for all of it
 * can leave out whole sentences from the end instead of cutting one off mid-word or mid-number.
 */
export function sentences(text: string): string[] {
	return (
		text
			.match(/[^。！？；!?;]+[。！？；!?;」”）)]*|[。！？；!?;]+/g)
			?.map((s) => s.trim())
			.filter(Boolean) ?? []
	);
}
