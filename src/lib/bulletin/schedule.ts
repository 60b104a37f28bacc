/**
 * The scheduler: a pure function of (now, programme, zone, where the rotation stands) that says
 * what the screen shows next and for how long. No timers, no DOM: everything here is unit-tested
 * and the player merely executes its decisions.
 *
 * Rotation order is a fixed sequence built from every slide of the programme (smooth weighted
 * round robin on priority), so a slide whose window opens or closes mid-rotation neither resets
 * nor reorders the others: the cursor walks the same sequence and skips what is not live.
 */
import type { ActiveAlert } from '../alerts/feed.ts';
import { nextOpening, openUntil, type HoursCalendar } from '../hours.ts';
import { isCurrentNotice } from '../notices.ts';
import { inDailyRange, localTime, minutesOf, type LocalTime } from './time.ts';
import type { BulletinData, BulletinNotice, Closure, Dimming, Programme, Slide } from './types.ts';

/** A slide that would be cut shorter than this by its window's end is skipped instead. */
export const MIN_SHOW_MS = 4_000;
/** How long an urgent notice holds the screen in takeover mode before the rotation's turn. */
export const URGENT_MS = 20_000;
/** An urgent notice's share of the time when its content does not say. */
export const DEFAULT_URGENT_SHARE = 0.5;
/** Bounds of an urgent notice's later turns, sized to keep its share of the time. */
export const URGENT_MIN_MS = 15_000;
export const URGENT_MAX_MS = 60_000;
export const CLOSED_MS = 15_000;
/** With nothing to show, the default slide re-checks this often for a window that opened. */
export const DEFAULT_RECHECK_MS = 10_000;

export type Shown =
	| { type: 'slide'; key: string; slide: Slide; notices: BulletinNotice[] }
	/** A closure day (`closure`), or outside opening hours; `next`: when the windows open. */
	| { type: 'closed'; key: string; closure: Closure | null; next: number | null }
	| { type: 'urgent'; key: string; notice: BulletinNotice }
	| { type: 'default'; key: 'default' };

/** Where the rotation stands: a position in the sequence and the key that was there. */
export interface Cursor {
	pos: number;
	key: string;
	/**
	 * Takeover screens: milliseconds of rotation since an urgent notice last filled the screen;
	 * missing when none has yet (the next one shows at once).
	 */
	sinceUrgent?: number;
	/** The urgent notice that had the last turn, so several take turns. */
	lastUrgent?: string;
}

export interface Decision {
	shown: Shown;
	durationMs: number;
	/** Pass back in to get the following decision. */
	cursor: Cursor | null;
	/** Urgent notices for the ticker band (empty when none, or when they took over). */
	ticker: BulletinNotice[];
	/** 1 = full brightness. */
	brightness: number;
}

// ---------------------------------------------------------------------------------------------
// Programme

/** Whether `?screen=` names no screen of screens.yaml (a typo): the page says so to the staff. */
export function isUnknownScreen(data: BulletinData, screenId: string | null): boolean {
	return screenId !== null && !data.screens.some((s) => s.id === screenId);
}

/**
 * A screen's playlists merged; its first playlist decides the options. Without a screen every
 * playlist plays, with the cautious options: a ticker unless every playlist wants takeover, and
 * the office-wide dimming. An unknown screen plays nothing: a typo in its address must not put
 * every playlist on a wall meant for one.
 */
export function programmeFor(data: BulletinData, screenId: string | null): Programme {
	const screen = screenId ? data.screens.find((s) => s.id === screenId) : undefined;
	const ids = screen
		? [...new Set(screen.playlists)]
		: screenId
			? []
			: data.playlists.map((p) => p.id);
	const playlists = ids.flatMap((id) => data.playlists.filter((p) => p.id === id));
	const main = playlists[0];
	const takeover = screen
		? main?.urgent === 'takeover'
		: playlists.length > 0 && playlists.every((p) => p.urgent === 'takeover');
	return {
		screen: screen?.id ?? null,
		slides: playlists.flatMap((p) => p.slides),
		urgent: takeover ? 'takeover' : 'ticker',
		dimming: (screen ? main?.dimming : null) ?? data.dimming,
		closures: data.closures,
		calendar: { hours: data.site.officeHours, closures: data.closures, openDays: data.openDays },
		notices: data.notices
	};
}

// ---------------------------------------------------------------------------------------------
// Facts at an instant

/** Current notices, newest first. */
export function currentNotices(notices: readonly BulletinNotice[], now: number): BulletinNotice[] {
	return notices
		.filter((n) => isCurrentNotice(n, now))
		.sort((a, b) => b.publishedAt - a.publishedAt);
}

export function urgentNotices(notices: readonly BulletinNotice[], now: number): BulletinNotice[] {
	return currentNotices(notices, now).filter((n) => n.urgent);
}

export function closureOn(closures: readonly Closure[], date: string): Closure | null {
	return closures.find((c) => c.from <= date && date <= c.to) ?? null;
}

export function brightnessAt(now: number, dimming: Dimming | null, zone: string): number {
	if (!dimming) return 1;
	const minute = Math.floor(localTime(now, zone).second / 60);
	return inDailyRange(minute, minutesOf(dimming.from), minutesOf(dimming.to))
		? dimming.brightness / 100
		: 1;
}

/**
 * Slides about being served at a window: shown only while the windows are open (a guide's
 * “办理窗口 2号” at 22:00 sends nobody anywhere, and a queue's 当前叫号 has nothing to call).
 */
export function needsOpenWindows(slide: Slide): boolean {
	return slide.kind === 'guide' || (slide.kind === 'data' && slide.whileOpen);
}

/** The calendar of a programme made without one (tests, older payloads): always open. */
export const ALWAYS_OPEN: HoursCalendar = {
	hours: { days: [1, 2, 3, 4, 5, 6, 7], sessions: [{ from: '00:00', to: '24:00' }] },
	closures: [],
	openDays: []
};

const DAY = 86_400;
const prevWeekday = (w: number) => (w === 1 ? 7 : w - 1);
const nextWeekday = (w: number) => (w === 7 ? 1 : w + 1);

/**
 * Milliseconds until the slide stops being live; 0 if it is not live now; Infinity if nothing
 * ends it. A daily range that crosses midnight belongs to the weekday it started on.
 */
export function liveFor(slide: Slide, now: number, local: LocalTime): number {
	if (slide.startAt !== null && now < slide.startAt) return 0;
	if (slide.endAt !== null && now >= slide.endAt) return 0;
	const dayOk = (w: number) => !slide.weekdays || slide.weekdays.includes(w);
	const sub = now % 1000;
	let rest = slide.endAt === null ? Infinity : slide.endAt - now;
	if (slide.times) {
		let end = -1;
		for (const r of slide.times) {
			const from = r.from * 60;
			const to = r.to * 60;
			if (from < to) {
				if (local.second >= from && local.second < to && dayOk(local.weekday)) end = to;
			} else if (local.second >= from && dayOk(local.weekday)) end = to + DAY;
			else if (local.second < to && dayOk(prevWeekday(local.weekday))) end = to;
			if (end >= 0) break;
		}
		if (end < 0) return 0;
		rest = Math.min(rest, (end - local.second) * 1000 - sub);
	} else if (slide.weekdays) {
		if (!dayOk(local.weekday)) return 0;
		if (!dayOk(nextWeekday(local.weekday))) {
			rest = Math.min(rest, (DAY - local.second) * 1000 - sub);
		}
	}
	return rest;
}

/** Urgent news from `/alerts.json` in the shape of an urgent notice, for the ticker and slide. */
export function alertNotice(alert: ActiveAlert): BulletinNotice {
	return {
		slug: `alert:${alert.id}`,
		title: alert.text,
		excerpt: '',
		issuer: null,
		publishedAt: alert.publishedAt,
		expiresAt: alert.expiresAt,
		urgent: true,
		share: DEFAULT_URGENT_SHARE
	};
}

// ---------------------------------------------------------------------------------------------
// Rotation

interface Entry {
	key: string;
	slide: Slide | null;
}

const sequences = new WeakMap<Programme, Entry[]>();

/**
 * The rotation: every slide `priority` times per round, its showings evenly spaced across the
 * round, higher priority first. A leading entry stands for the closure notice, live only on
 * closure days, weighted like the most important slide.
 */
export function sequence(programme: Programme): Entry[] {
	const cached = sequences.get(programme);
	if (cached) return cached;
	const top = programme.slides.reduce((m, s) => Math.max(m, s.priority), 1);
	const ranked = [
		{ entry: { key: 'closed', slide: null } as Entry, weight: top, order: -1 },
		...programme.slides.map((slide, order) => ({
			entry: { key: `${slide.playlist}/${slide.id}`, slide },
			weight: slide.priority,
			order
		}))
	].sort(
		(a, b) =>
			(a.entry.slide ? 0 : -1) - (b.entry.slide ? 0 : -1) ||
			b.weight - a.weight ||
			a.order - b.order
	);
	// The slide ranked r (of n) first shows at (r + 1/2) / n of the round, then every 1/weight.
	const n = ranked.length;
	const showings = ranked.flatMap((e, rank) =>
		Array.from({ length: e.weight }, (_, j) => ({
			entry: e.entry,
			rank,
			at: ((rank + 0.5) / n + j / e.weight) % 1
		}))
	);
	showings.sort((a, b) => a.at - b.at || a.rank - b.rank);
	const out = showings.map((s) => s.entry);
	sequences.set(programme, out);
	return out;
}

function startPos(seq: Entry[], after: Cursor | null): number {
	if (!after) return -1;
	if (seq[after.pos]?.key === after.key) return after.pos;
	// The sequence changed (new content): continue after the same slide if it still exists.
	return seq.findIndex((e) => e.key === after.key);
}

/**
 * What to show next, after `after` (null: from the top), and for how long. Alerts (urgent news
 * from `/alerts.json`) run in the ticker; a takeover alert also fills the screen every other
 * turn, interleaved with the rotation, so the screen never freezes on one frame. Urgent notices
 * on a takeover screen take turns with the rotation too, by their share (`interleave`).
 */
export function decide(
	now: number,
	programme: Programme,
	zone: string,
	after: Cursor | null,
	alerts: readonly ActiveAlert[] = []
): Decision {
	const local = localTime(now, zone);
	const live = alerts.filter((a) => now < a.expiresAt);
	const alertTicker = live.map(alertNotice);
	const urgentOwn = urgentNotices(programme.notices, now);
	const urgent = [...alertTicker, ...urgentOwn];
	const brightness = brightnessAt(now, programme.dimming, zone);
	// An urgent notice about to expire is not worth a screen change.
	const takeover = urgentOwn.filter((n) => n.expiresAt - now >= MIN_SHOW_MS);

	const fullScreen = live
		.filter((a) => a.takeover && a.expiresAt - now >= MIN_SHOW_MS)
		.map(alertNotice);
	if (fullScreen.length > 0 && !after?.key.startsWith('urgent:alert:')) {
		// Several take turns by the clock: the slide in between forgets which one was last.
		const notice = fullScreen[Math.floor(now / URGENT_MS) % fullScreen.length]!;
		const key = `urgent:${notice.slug}`;
		return {
			shown: { type: 'urgent', key, notice },
			durationMs: Math.min(URGENT_MS, notice.expiresAt - now),
			cursor: { pos: after?.pos ?? -1, key },
			ticker: [],
			brightness
		};
	}

	const next = rotate(now, programme, local, zone, after, urgent, brightness);
	if (programme.urgent !== 'takeover' || takeover.length === 0) {
		// No takeover running: the next urgent notice shows as soon as it is published.
		return { ...next, cursor: next.cursor && { pos: next.cursor.pos, key: next.cursor.key } };
	}
	return interleave(now, takeover, after, next, alertTicker, brightness);
}

/**
 * Takeover screens: urgent notices take turns with the rotation, each filling the screen for
 * about its `share` of the time, never two turns running (so the wall is never one still frame
 * for long). After R ms of rotation a notice is owed R × share / (1 − share) ms: it comes back
 * once that is worth a turn (URGENT_MIN_MS), for that long (at most URGENT_MAX_MS).
 */
function interleave(
	now: number,
	takeover: BulletinNotice[],
	after: Cursor | null,
	next: Decision,
	alertTicker: BulletinNotice[],
	brightness: number
): Decision {
	const last = takeover.findIndex((n) => n.slug === after?.lastUrgent);
	const notice = takeover[(last + 1) % takeover.length]!;
	const since = after?.key.startsWith('urgent:') ? 0 : after?.sinceUrgent;
	const owed = since === undefined ? URGENT_MS : (since * notice.share) / (1 - notice.share);
	if (owed >= URGENT_MIN_MS) {
		const key = `urgent:${notice.slug}`;
		return {
			shown: { type: 'urgent', key, notice },
			durationMs: Math.min(owed, URGENT_MAX_MS, notice.expiresAt - now),
			// Remember where the rotation stood, so it resumes there afterwards.
			cursor: { pos: after?.pos ?? -1, key, sinceUrgent: 0, lastUrgent: notice.slug },
			ticker: alertTicker,
			brightness
		};
	}
	const pos = next.cursor?.pos ?? after?.pos ?? -1;
	return {
		...next,
		cursor: {
			pos,
			key: next.shown.key,
			sinceUrgent: (since ?? 0) + next.durationMs,
			lastUrgent: after?.lastUrgent
		}
	};
}

/** The rotation's next slide (or the closure notice, or the default slide). */
function rotate(
	now: number,
	programme: Programme,
	local: LocalTime,
	zone: string,
	after: Cursor | null,
	ticker: BulletinNotice[],
	brightness: number
): Decision {
	const closure = closureOn(programme.closures, local.date);
	const calendar = programme.calendar ?? { ...ALWAYS_OPEN, closures: programme.closures };
	// Closed: a closure day, or outside the day's sessions. Then the closed slide takes the
	// window guides' turns; while open, a guide stops at closing time.
	const openEnd = closure ? null : openUntil(calendar, now, zone);
	const next = openEnd === null ? nextOpening(calendar, now, zone) : null;
	const closedFor = next === null ? CLOSED_MS : next - now;
	const notices = currentNotices(programme.notices, now);
	const seq = sequence(programme);
	let pos = startPos(seq, after);
	if (pos < 0 && after?.key.startsWith('urgent:')) pos = after.pos;

	// The same slide twice in a row only when it is the only one live.
	let repeat: Decision | null = null;
	for (let step = 1; step <= seq.length; step++) {
		const at = (((pos + step) % seq.length) + seq.length) % seq.length;
		const entry = seq[at]!;
		const cursor = { pos: at, key: entry.key };
		let decision: Decision | null = null;
		if (!entry.slide) {
			if (openEnd !== null || closedFor < MIN_SHOW_MS) continue;
			const key = closure ? `closed:${closure.from}` : 'closed:off-hours';
			const shown: Shown = { type: 'closed', key, closure, next };
			decision = { shown, durationMs: Math.min(CLOSED_MS, closedFor), cursor, ticker, brightness };
		} else {
			const slide = entry.slide;
			if (slide.kind === 'latest-notices' && notices.length === 0) continue;
			const windows = needsOpenWindows(slide);
			if (windows && openEnd === null) continue;
			const untilClosing = windows && openEnd !== null ? openEnd - now : Infinity;
			const live = Math.min(liveFor(slide, now, local), untilClosing);
			if (live < MIN_SHOW_MS) continue;
			const shown: Shown = {
				type: 'slide',
				key: entry.key,
				slide,
				notices: slide.kind === 'latest-notices' ? notices.slice(0, slide.count) : []
			};
			const durationMs = Math.min(slide.duration * 1000, live);
			decision = { shown, durationMs, cursor, ticker, brightness };
		}
		if (decision.shown.key !== after?.key) return decision;
		repeat ??= decision;
	}
	if (repeat) return repeat;

	return {
		shown: { type: 'default', key: 'default' },
		durationMs: DEFAULT_RECHECK_MS,
		// After an alert's turn the default slide takes the next one, or the alert would repeat.
		cursor: after?.key.startsWith('urgent:alert:') ? { pos: after.pos, key: 'default' } : after,
		ticker,
		brightness
	};
}

/** The longest a decision can last: the watchdog's yardstick. */
export function longestMs(programme: Programme): number {
	return Math.max(
		URGENT_MAX_MS,
		CLOSED_MS,
		DEFAULT_RECHECK_MS,
		...programme.slides.map((s) => s.duration * 1000)
	);
}
