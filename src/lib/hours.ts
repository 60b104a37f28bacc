/**
 * Office hours as data: which weekdays, which sessions, and the dates that differ (closures,
 * 调休 working days, changed hours). Pure functions only, shared by the content loader (Node,
 * hence no `$lib` imports), the kiosk pages and the bulletin: the sentences visitors read, whether
 * the hall is open at an instant, and when it opens next.
 */
import { instantOf, localTime, minutesOf } from './zone.ts';

/** Local clock times `HH:MM`, `from` before `to`, on the same day. */
export interface Session {
	from: string;
	to: string;
}

export interface OfficeHours {
	/** ISO weekdays, 1 = Monday … 7 = Sunday, ascending. */
	days: number[];
	/** Ascending, not overlapping. */
	sessions: Session[];
	/** Said after “休息” on rest days, e.g. 网上办事大厅 24 小时受理申报. */
	online?: string | null | undefined;
	/** The online service hall, for a QR code while the windows are closed. */
	onlineUrl?: string | null | undefined;
}

/** Closed days, local `YYYY-MM-DD`, both inclusive. */
export interface ClosedDays {
	from: string;
	to: string;
}

/** A date that is open although its weekday is not (调休), or open at other times. */
export interface OpenDay {
	date: string;
	/** Null: the usual sessions. */
	sessions: Session[] | null;
	reason: string;
}

export interface HoursCalendar {
	hours: OfficeHours;
	closures: readonly ClosedDays[];
	openDays: readonly OpenDay[];
}

// ---------------------------------------------------------------------------------------------
// Words

const DAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;
const LONG_DAY_NAMES = ['', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];
const DAY_CHARS: Record<string, number> = {
	一: 1,
	二: 2,
	三: 3,
	四: 4,
	五: 5,
	六: 6,
	日: 7,
	天: 7
};

/**
 * `周一至周五`, `周一、周三、周五`, `周一至周三、周六` (also 星期一 …) → ISO weekdays; null when
 * the text is anything else. Strict: a misspelt day must not silently close the hall.
 */
export function parseDays(text: string): number[] | null {
	const day = '(?:周|星期)([一二三四五六日天])';
	const item = new RegExp(`^${day}(?:(?:至|到|—|-|~)${day})?$`);
	const out = new Set<number>();
	for (const part of text.trim().split(/\s*[、，,]\s*/)) {
		const m = item.exec(part);
		if (!m) return null;
		const from = DAY_CHARS[m[1]!]!;
		const to = m[2] ? DAY_CHARS[m[2]]! : from;
		if (to < from) return null;
		for (let d = from; d <= to; d++) out.add(d);
	}
	return [...out].sort((a, b) => a - b);
}

/** `[1,2,3,4,5]` → 周一至周五; `[6,7]` → 周六、周日; `[1,3,4,5]` → 周一、周三至周五. */
export function daysText(days: readonly number[]): string {
	const sorted = [...new Set(days)].sort((a, b) => a - b);
	const runs: [number, number][] = [];
	for (const d of sorted) {
		const last = runs.at(-1);
		if (last && last[1] === d - 1) last[1] = d;
		else runs.push([d, d]);
	}
	return runs
		.flatMap(([a, b]) =>
			b - a >= 2
				? [`${DAY_NAMES[a]}至${DAY_NAMES[b]}`]
				: Array.from({ length: b - a + 1 }, (_, i) => DAY_NAMES[a + i]!)
		)
		.join('、');
}

/** `09:00` → 9:00 (the way the hall's signs write it). */
export function clockText(clock: string): string {
	const m = minutesOf(clock);
	return `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
}

function partOfDay(clock: string): string {
	const m = minutesOf(clock);
	return m < 12 * 60 ? '上午' : m < 18 * 60 ? '下午' : '晚上';
}

/** `[{09:00,12:00},{13:30,17:00}]` → 上午 9:00—12:00，下午 13:30—17:00. */
export function sessionsText(sessions: readonly Session[]): string {
	return sessions
		.map((s) => `${partOfDay(s.from)} ${clockText(s.from)}—${clockText(s.to)}`)
		.join('，');
}

export interface HoursLine {
	days: string;
	time: string;
}

/**
 * What the signs say, as label and text: 周一至周五 / 上午 9:00—12:00，下午 13:30—17:00, then
 * 周六、周日及法定节假日 / 休息；网上办事大厅 24 小时受理申报.
 */
export function hoursLines(hours: OfficeHours): HoursLine[] {
	const rest = [1, 2, 3, 4, 5, 6, 7].filter((d) => !hours.days.includes(d));
	const restDays = rest.length > 0 ? `${daysText(rest)}及法定节假日` : '法定节假日';
	return [
		{ days: daysText(hours.days), time: sessionsText(hours.sessions) },
		{ days: restDays, time: hours.online ? `休息；${hours.online}` : '休息' }
	];
}

/** The same as whole sentences: 周一至周五 上午 9:00—12:00，… / 周六、周日及法定节假日休息；… */
export function hoursSentences(hours: OfficeHours): string[] {
	const [open, rest] = hoursLines(hours) as [HoursLine, HoursLine];
	return [`${open.days} ${open.time}`, `${rest.days}${rest.time}`];
}

// ---------------------------------------------------------------------------------------------
// Open or closed

/** `YYYY-MM-DD` plus `n` days, and that day's ISO weekday. */
function addDays(date: string, n: number): { date: string; weekday: number } {
	const [y, m, d] = date.split('-').map(Number);
	const t = new Date(Date.UTC(y!, m! - 1, d! + n));
	const day = t.getUTCDay();
	return { date: t.toISOString().slice(0, 10), weekday: day === 0 ? 7 : day };
}

/** The sessions of one local date: none on a closure day or a rest day without 调休. */
export function sessionsOn(cal: HoursCalendar, date: string, weekday: number): Session[] {
	if (cal.closures.some((c) => c.from <= date && date <= c.to)) return [];
	const special = cal.openDays.find((o) => o.date === date);
	if (special) return special.sessions ?? cal.hours.sessions;
	return cal.hours.days.includes(weekday) ? cal.hours.sessions : [];
}

/** When the session under way at `instant` ends; null when the windows are closed. */
export function openUntil(cal: HoursCalendar, instant: number, zone: string): number | null {
	const local = localTime(instant, zone);
	const minute = local.second / 60;
	const session = sessionsOn(cal, local.date, local.weekday).find(
		(s) => minutesOf(s.from) <= minute && minute < minutesOf(s.to)
	);
	if (!session) return null;
	const { date } = addDays(local.date, minutesOf(session.to) >= 24 * 60 ? 1 : 0);
	return instantOf(`${date} ${minutesOf(session.to) >= 24 * 60 ? '00:00' : session.to}`, zone);
}

/** Whether the windows are open at `instant` (in the office's zone, whatever the device's). */
export function isOpen(cal: HoursCalendar, instant: number, zone: string): boolean {
	return openUntil(cal, instant, zone) !== null;
}

/** How far ahead `nextOpening` looks: past the longest holiday plus its weekends. */
export const LOOKAHEAD_DAYS = 60;

/**
 * The next instant the windows open, strictly after `instant` unless they are closed now; null
 * when nothing opens within {@link LOOKAHEAD_DAYS}. While open, the start of the next session.
 */
export function nextOpening(cal: HoursCalendar, instant: number, zone: string): number | null {
	const today = localTime(instant, zone);
	for (let i = 0; i <= LOOKAHEAD_DAYS; i++) {
		const { date, weekday } = addDays(today.date, i);
		for (const s of sessionsOn(cal, date, weekday)) {
			const at = instantOf(`${date} ${s.from}`, zone);
			if (at > instant) return at;
		}
	}
	return null;
}

/**
 * `明天（星期一）上午 9:00 开始办理`: the next opening as the closed slide says it, relative to
 * `now` (今天, 明天, 后天, else the date).
 */
export function openingText(at: number, now: number, zone: string): string {
	const then = localTime(at, zone);
	const today = localTime(now, zone).date;
	const clock = `${String(Math.floor(then.second / 3600)).padStart(2, '0')}:${String(
		Math.floor((then.second % 3600) / 60)
	).padStart(2, '0')}`;
	const day = LONG_DAY_NAMES[then.weekday]!;
	let when: string;
	if (then.date === today) when = '今天';
	else if (then.date === addDays(today, 1).date) when = `明天（${day}）`;
	else if (then.date === addDays(today, 2).date) when = `后天（${day}）`;
	else when = `${Number(then.date.slice(5, 7))}月${Number(then.date.slice(8, 10))}日（${day}）`;
	return `${when}${partOfDay(clock)} ${clockText(clock)} 开始办理`;
}
