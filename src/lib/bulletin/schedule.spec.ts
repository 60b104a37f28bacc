import { describe, expect, it } from 'vitest';
import { WEEKDAY_HOURS } from '../hours.fixture';
import type { ActiveAlert } from '../alerts/feed.ts';
import type { HoursCalendar } from '../hours.ts';
import { localToInstant } from '../server/content/time.ts';
import {
	brightnessAt,
	CLOSED_MS,
	decide,
	DEFAULT_RECHECK_MS,
	isUnknownScreen,
	programmeFor,
	sequence,
	URGENT_MAX_MS,
	URGENT_MIN_MS,
	URGENT_MS,
	type Cursor,
	type Decision
} from './schedule.ts';
import type { BulletinData, BulletinNotice, Programme, Slide } from './types.ts';

const ZONE = 'Asia/Shanghai';
/** Office-local wall time -> instant. 2026-11-27 is a Friday. */
const at = (local: string, zone = ZONE) => localToInstant(local, zone);

function slide(id: string, extra: Partial<Slide> = {}): Slide {
	return {
		id,
		playlist: 'p',
		kind: 'notice',
		title: id,
		body: 'body',
		qr: null,
		duration: 10,
		startAt: null,
		endAt: null,
		weekdays: null,
		times: null,
		priority: 1,
		...extra
	} as Slide;
}

function notice(
	slug: string,
	from: string,
	to: string,
	urgent = false,
	share = 0.5
): BulletinNotice {
	return {
		slug,
		title: slug,
		excerpt: '',
		issuer: null,
		publishedAt: at(from),
		expiresAt: at(to),
		urgent,
		share
	};
}

function programme(slides: Slide[], extra: Partial<Programme> = {}): Programme {
	return {
		screen: null,
		slides,
		urgent: 'ticker',
		dimming: null,
		closures: [],
		notices: [],
		...extra
	};
}

/** Plays `count` decisions from `start`, each lasting as long as the scheduler said. */
function play(p: Programme, start: number, count: number, cursor: Cursor | null = null) {
	const out: Decision[] = [];
	let now = start;
	for (let i = 0; i < count; i++) {
		const d = decide(now, p, ZONE, cursor);
		out.push(d);
		cursor = d.cursor;
		now += d.durationMs;
	}
	return out;
}
const keys = (ds: Decision[]) => ds.map((d) => d.shown.key);

describe('rotation', () => {
	it('plays the slides in order and starts again', () => {
		const p = programme([slide('a'), slide('b'), slide('c')]);
		expect(keys(play(p, at('2026-11-27 10:00'), 5))).toEqual(['p/a', 'p/b', 'p/c', 'p/a', 'p/b']);
	});

	it('shows each slide for its own duration', () => {
		const p = programme([slide('a', { duration: 8 }), slide('b', { duration: 20 })]);
		expect(play(p, at('2026-11-27 10:00'), 2).map((d) => d.durationMs)).toEqual([8000, 20000]);
	});

	it('an empty playlist shows the default slide and checks again soon', () => {
		const d = decide(at('2026-11-27 10:00'), programme([]), ZONE, null);
		expect(d.shown.type).toBe('default');
		expect(d.durationMs).toBe(DEFAULT_RECHECK_MS);
		expect(d.ticker).toEqual([]);
	});

	it('continues after the same slide when the content changes', () => {
		const before = programme([slide('a'), slide('b'), slide('c')]);
		const d = decide(at('2026-11-27 10:00'), before, ZONE, null);
		const after = programme([slide('new'), slide('a'), slide('b'), slide('c')]);
		expect(decide(at('2026-11-27 10:00:10'), after, ZONE, d.cursor).shown.key).toBe('p/b');
	});
});

describe('validity windows', () => {
	it('skips a slide that has expired and one that is not yet valid', () => {
		const p = programme([
			slide('old', { endAt: at('2026-11-01 00:00') }),
			slide('now'),
			slide('later', { startAt: at('2026-12-25 00:00') })
		]);
		expect(keys(play(p, at('2026-11-27 10:00'), 3))).toEqual(['p/now', 'p/now', 'p/now']);
	});

	it('shows the default slide once everything has expired', () => {
		const p = programme([
			slide('a', { endAt: at('2026-12-01 00:00') }),
			slide('b', { endAt: at('2026-12-31 00:00') })
		]);
		expect(decide(at('2027-01-05 10:00'), p, ZONE, null).shown.type).toBe('default');
	});

	it('a window that closes mid-rotation drops the slide at the next change', () => {
		const p = programme([slide('a'), slide('b', { endAt: at('2026-11-27 10:00:05') }), slide('c')]);
		const first = decide(at('2026-11-27 10:00'), p, ZONE, null);
		expect(first.shown.key).toBe('p/a');
		// 'a' ran until 10:00:10; by then 'b' has closed.
		expect(decide(at('2026-11-27 10:00:10'), p, ZONE, first.cursor).shown.key).toBe('p/c');
	});

	it('a slide ends exactly when its window closes, or is skipped if too little is left', () => {
		const p = programme([slide('a', { duration: 12, endAt: at('2026-11-27 10:00:06') })]);
		expect(decide(at('2026-11-27 10:00'), p, ZONE, null).durationMs).toBe(6000);
		expect(decide(at('2026-11-27 10:00:04'), p, ZONE, null).shown.type).toBe('default');
	});

	it('a window that opens mid-rotation joins at its place in the order', () => {
		const p = programme([
			slide('a'),
			slide('b', { startAt: at('2026-11-27 10:00:15') }),
			slide('c')
		]);
		// a (10:00:00), c (10:00:10), a (10:00:20), b — now open — (10:00:30), c
		expect(keys(play(p, at('2026-11-27 10:00'), 5))).toEqual(['p/a', 'p/c', 'p/a', 'p/b', 'p/c']);
	});
});

describe('weekdays and times of day', () => {
	const office = slide('office', { weekdays: [1, 2, 3, 4, 5], times: [{ from: 540, to: 1020 }] });
	const always = slide('always');
	const p = programme([office, always]);

	it('shows a working-hours slide only on working days, in working hours', () => {
		expect(decide(at('2026-11-27 10:00'), p, ZONE, null).shown.key).toBe('p/office');
		expect(decide(at('2026-11-27 08:59'), p, ZONE, null).shown.key).toBe('p/always');
		expect(decide(at('2026-11-27 17:00'), p, ZONE, null).shown.key).toBe('p/always');
		// Saturday
		expect(decide(at('2026-11-28 10:00'), p, ZONE, null).shown.key).toBe('p/always');
	});

	it('cuts the slide at the end of the range', () => {
		expect(decide(at('2026-11-27 16:59:50'), p, ZONE, null).durationMs).toBe(10_000);
		expect(decide(at('2026-11-27 16:59:54'), p, ZONE, null).durationMs).toBe(6_000);
	});

	it('a night range crosses midnight and belongs to the day it started', () => {
		const night = slide('night', { weekdays: [5], times: [{ from: 22 * 60, to: 6 * 60 }] });
		const q = programme([night]);
		const type = (local: string) => decide(at(local), q, ZONE, null).shown.type;
		expect(type('2026-11-27 23:00')).toBe('slide'); // Friday night
		expect(type('2026-11-28 02:00')).toBe('slide'); // still Friday's night
		expect(type('2026-11-28 06:00')).toBe('default');
		expect(type('2026-11-28 23:00')).toBe('default'); // Saturday night
		expect(type('2026-11-27 02:00')).toBe('default'); // Thursday's night
		expect(decide(at('2026-11-28 05:59:55'), q, ZONE, null).durationMs).toBe(5000);
	});

	it('a weekday-only slide stops at midnight', () => {
		const fri = programme([slide('fri', { weekdays: [5] })]);
		expect(decide(at('2026-11-27 23:59:52'), fri, ZONE, null).durationMs).toBe(8000);
		expect(decide(at('2026-11-27 23:59:57'), fri, ZONE, null).shown.type).toBe('default');
	});

	it('uses the office time zone, not the device', () => {
		// 23:30 in Changsha is 15:30 UTC: inside working hours only if the zone were UTC.
		const instant = at('2026-11-27 23:30');
		expect(decide(instant, p, ZONE, null).shown.key).toBe('p/always');
		expect(decide(instant, p, 'UTC', null).shown.key).toBe('p/office');
	});
});

describe('priority', () => {
	it('never shows a slide twice in a row when another one is live', () => {
		const p = programme([
			slide('a', { priority: 3 }),
			slide('b'),
			slide('gone', { endAt: at('2026-01-01 00:00') }),
			slide('gone2', { endAt: at('2026-01-01 00:00') })
		]);
		const ks = keys(play(p, at('2026-11-27 10:00'), 12));
		ks.forEach((k, i) => expect(k === ks[i + 1]).toBe(false));
		expect(ks.filter((k) => k === 'p/a').length).toBeGreaterThan(4);
	});

	it('repeats the only live slide', () => {
		const p = programme([slide('a'), slide('gone', { endAt: at('2026-01-01 00:00') })]);
		expect(keys(play(p, at('2026-11-27 10:00'), 3))).toEqual(['p/a', 'p/a', 'p/a']);
	});

	it('plays higher priority first and as many times per round as its priority', () => {
		const p = programme([
			slide('a'),
			slide('b'),
			slide('c'),
			slide('d'),
			slide('top', { priority: 3 })
		]);
		const round = sequence(p)
			.map((e) => e.key)
			.filter((k) => k !== 'closed');
		expect(round[0]).toBe('p/top');
		expect(round.filter((k) => k === 'p/top')).toHaveLength(3);
		expect(round.filter((k) => k === 'p/a')).toHaveLength(1);
		// Spread out, never back to back, also from one round into the next.
		[...round, ...round].forEach((k, i, all) =>
			expect(k === 'p/top' && all[i + 1] === 'p/top').toBe(false)
		);
	});
});

describe('closure days', () => {
	const closures = [{ from: '2027-01-01', to: '2027-01-03', reason: '元旦', note: null }];
	const p = programme([slide('a'), slide('b')], { closures });

	it('shows the closed notice first on a closure day, then the rotation', () => {
		const ds = play(p, at('2027-01-02 10:00'), 4);
		expect(ds[0]?.shown.type).toBe('closed');
		expect(ds[0]?.durationMs).toBe(CLOSED_MS);
		expect(keys(ds).slice(1, 3)).toEqual(['p/a', 'p/b']);
		expect(ds[3]?.shown.type).toBe('closed');
	});

	it('not on other days', () => {
		expect(keys(play(p, at('2027-01-04 10:00'), 3))).toEqual(['p/a', 'p/b', 'p/a']);
	});

	it('shows the closed notice even when nothing else is live', () => {
		const d = decide(at('2027-01-01 00:30'), programme([], { closures }), ZONE, null);
		expect(d.shown.type).toBe('closed');
	});
});

describe('opening hours', () => {
	const calendar: HoursCalendar = {
		hours: WEEKDAY_HOURS,
		closures: [{ from: '2027-01-01', to: '2027-01-03' }],
		openDays: []
	};
	const guide = slide('g', { kind: 'guide', window: '2号' } as Partial<Slide>);
	const closures = [{ from: '2027-01-01', to: '2027-01-03', reason: '元旦', note: null }];
	const p = programme([slide('a'), guide], { calendar, closures });
	const closedKeys = (start: number) => keys(play(p, start, 6));

	it('at 22:00 on a weekday the closed slide replaces the window guides', () => {
		// 2026-11-27 is a Friday.
		const ds = play(p, at('2026-11-27 22:00'), 6);
		expect(keys(ds)).toEqual([
			'closed:off-hours',
			'p/a',
			'closed:off-hours',
			'p/a',
			'closed:off-hours',
			'p/a'
		]);
		const first = ds[0]!.shown;
		expect(first.type === 'closed' && first.next).toBe(at('2026-11-30 09:00'));
	});

	it('on Sunday and in the lunch break too', () => {
		expect(closedKeys(at('2026-11-29 10:00'))).not.toContain('p/g');
		expect(closedKeys(at('2026-11-29 10:00'))).toContain('closed:off-hours');
		expect(closedKeys(at('2026-11-27 12:15'))).not.toContain('p/g');
	});

	it('on a closure day the closure is named, and guides stay off', () => {
		const ks = closedKeys(at('2027-01-01 10:00'));
		expect(ks).toContain('closed:2027-01-01');
		expect(ks).not.toContain('p/g');
		const d = decide(at('2027-01-01 10:00'), p, ZONE, null);
		expect(d.shown.type === 'closed' && d.shown.next).toBe(at('2027-01-04 09:00'));
	});

	it('in opening hours shows the guides and no closed slide', () => {
		expect(closedKeys(at('2026-11-27 10:00'))).toEqual(['p/a', 'p/g', 'p/a', 'p/g', 'p/a', 'p/g']);
	});

	it('the day before a closure is an ordinary day', () => {
		expect(closedKeys(at('2026-12-31 10:00'))).toContain('p/g');
	});

	it('a guide stops at closing time and the closed slide stops at opening time', () => {
		const g = programme([guide], { calendar });
		expect(decide(at('2026-11-27 11:59:52'), g, ZONE, null).durationMs).toBe(8_000);
		const d = decide(at('2026-11-30 08:59:50'), g, ZONE, null);
		expect(d.shown.key).toBe('closed:off-hours');
		expect(d.durationMs).toBe(10_000);
	});

	it('a queue’s data slide plays only while the windows are open, unless told otherwise', () => {
		const queue = slide('q', { kind: 'data', whileOpen: true } as Partial<Slide>);
		const parking = slide('park', { kind: 'data', whileOpen: false } as Partial<Slide>);
		const d = programme([slide('a'), queue, parking], { calendar });
		expect(keys(play(d, at('2026-11-27 10:00'), 3))).toEqual(['p/a', 'p/q', 'p/park']);
		const night = keys(play(d, at('2026-11-27 22:00'), 6));
		expect(night).not.toContain('p/q');
		expect(night).toContain('p/park');
	});

	it('follows the office clock, not UTC', () => {
		// Friday 14:00 UTC is 22:00 in Changsha; Monday 01:00 UTC is 09:00 there.
		expect(closedKeys(Date.parse('2026-11-27T14:00:00Z'))).not.toContain('p/g');
		expect(closedKeys(Date.parse('2026-11-30T02:00:00Z'))).toContain('p/g');
	});
});

describe('urgent notices', () => {
	const notices = [
		notice('upgrade', '2026-11-26 16:00', '2026-12-14 09:00', true),
		notice('plain', '2026-11-20 09:00', '2026-12-31 17:00'),
		notice('old-alarm', '2026-10-01 09:00', '2026-10-02 09:00', true)
	];

	it('run as a ticker on every slide until they expire', () => {
		const p = programme([slide('a'), slide('b')], { notices });
		const ds = play(p, at('2026-11-27 10:00'), 3);
		for (const d of ds) expect(d.ticker.map((n) => n.slug)).toEqual(['upgrade']);
		expect(decide(at('2026-12-14 09:00'), p, ZONE, null).ticker).toEqual([]);
	});

	it('a ticker also runs over the default slide', () => {
		const d = decide(at('2026-11-27 10:00'), programme([], { notices }), ZONE, null);
		expect(d.shown.type).toBe('default');
		expect(d.ticker).toHaveLength(1);
	});

	it('take over the screen when the playlist asks, taking turns with the rotation', () => {
		const p = programme([slide('a'), slide('b'), slide('c')], { notices, urgent: 'takeover' });
		const before = decide(at('2026-11-20 10:00'), p, ZONE, null);
		expect(before.shown.key).toBe('p/a');
		// Published mid-rotation: on screen at the next turn.
		const during = decide(at('2026-11-27 10:00'), p, ZONE, before.cursor);
		expect(during.shown).toMatchObject({ type: 'urgent', notice: { slug: 'upgrade' } });
		expect(during.durationMs).toBe(URGENT_MS);
		expect(during.ticker).toEqual([]);
		// Never the same still frame twice in a row: the rotation goes on where it stood.
		const between = decide(at('2026-11-27 10:00:20'), p, ZONE, during.cursor);
		expect(between.shown.key).toBe('p/b');
		// It stays in the ticker between its turns.
		expect(between.ticker.map((n) => n.slug)).toEqual(['upgrade']);
		const after = decide(at('2026-12-14 09:00'), p, ZONE, between.cursor);
		expect(after.shown.key).toBe('p/c');
	});

	/** Plays `minutes` of fake time; the urgent part of it and the longest urgent spell. */
	function urgentTime(p: Programme, minutes: number) {
		let now = at('2026-11-27 10:00');
		const end = now + minutes * 60_000;
		let cursor: Cursor | null = null;
		let urgent = 0;
		let spell = 0;
		let longest = 0;
		let turns = 0;
		while (now < end) {
			const d = decide(now, p, ZONE, cursor);
			turns++;
			if (d.shown.type === 'urgent') {
				urgent += d.durationMs;
				spell += d.durationMs;
				longest = Math.max(longest, spell);
			} else spell = 0;
			cursor = d.cursor;
			now += d.durationMs;
		}
		return { part: urgent / (now - at('2026-11-27 10:00')), longest, turns };
	}

	it.each([
		[0.5, 12],
		[0.3, 12],
		[0.8, 12],
		[0.5, 45],
		[0.3, 5]
	])('an urgent notice with share %s fills that part of the time (slides of %s s)', (share, s) => {
		const urgent = [notice('upgrade', '2026-11-26 16:00', '2026-12-14 09:00', true, share)];
		const slides = ['a', 'b', 'c'].map((id) => slide(id, { duration: s }));
		const p = programme(slides, { notices: urgent, urgent: 'takeover' });
		const { part, longest, turns } = urgentTime(p, 60);
		expect(turns).toBeGreaterThan(60);
		expect(part).toBeGreaterThan(share - 0.08);
		expect(part).toBeLessThan(share + 0.08);
		// One turn at a time: never one still frame for more than a minute.
		expect(longest).toBeGreaterThanOrEqual(URGENT_MIN_MS);
		expect(longest).toBeLessThanOrEqual(URGENT_MAX_MS);
	});

	it('with nothing else live an urgent notice takes turns with the default slide', () => {
		const urgent = [notice('upgrade', '2026-11-26 16:00', '2026-12-14 09:00', true)];
		const p = programme([], { notices: urgent, urgent: 'takeover' });
		const ds = play(p, at('2026-11-27 10:00'), 5);
		expect(keys(ds)).toEqual(['urgent:upgrade', 'default', 'default', 'urgent:upgrade', 'default']);
		const { part, longest } = urgentTime(p, 30);
		expect(part).toBeCloseTo(0.5, 1);
		expect(longest).toBe(URGENT_MS);
		expect(ds[0]!.durationMs).toBe(URGENT_MS);
	});

	it('several urgent notices take turns, with the rotation in between', () => {
		const two = [...notices, notice('storm', '2026-11-27 08:00', '2026-11-28 08:00', true)];
		const p = programme([slide('a', { duration: 20 })], { notices: two, urgent: 'takeover' });
		expect(keys(play(p, at('2026-11-27 10:00'), 6))).toEqual([
			'urgent:storm',
			'p/a',
			'urgent:upgrade',
			'p/a',
			'urgent:storm',
			'p/a'
		]);
	});
});

describe('alerts from /alerts.json', () => {
	const alert = (id: string, takeover: boolean, until: string): ActiveAlert => ({
		id,
		text: `${id} 暂停办理`,
		takeover,
		publishedAt: at('2026-11-27 09:00'),
		expiresAt: at(until)
	});
	/** Like play(), with the same alerts passed to every decision. */
	function playWith(p: Programme, alerts: ActiveAlert[], start: number, count: number) {
		const out: Decision[] = [];
		let now = start;
		let cursor: Cursor | null = null;
		for (let i = 0; i < count; i++) {
			const d = decide(now, p, ZONE, cursor, alerts);
			out.push(d);
			cursor = d.cursor;
			now += d.durationMs;
		}
		return out;
	}

	it('an urgent alert runs in the ticker ahead of urgent notices, until its time', () => {
		const p = programme([slide('a'), slide('b')]);
		const alerts = [alert('x', false, '2026-11-27 10:30')];
		const ds = playWith(p, alerts, at('2026-11-27 10:00'), 3);
		expect(keys(ds)).toEqual(['p/a', 'p/b', 'p/a']);
		for (const d of ds) expect(d.ticker.map((n) => n.title)).toEqual(['x 暂停办理']);
		expect(decide(at('2026-11-27 10:30'), p, ZONE, null, alerts).ticker).toEqual([]);
	});

	it('a takeover alert fills every other turn, the rotation going on in between', () => {
		const p = programme([slide('a'), slide('b'), slide('c')]);
		const ds = playWith(p, [alert('x', true, '2026-11-27 11:00')], at('2026-11-27 10:00'), 6);
		expect(keys(ds)).toEqual([
			'urgent:alert:x',
			'p/a',
			'urgent:alert:x',
			'p/b',
			'urgent:alert:x',
			'p/c'
		]);
		expect(ds[0]!.durationMs).toBe(URGENT_MS);
		// Between its turns it stays in the ticker.
		expect(ds[1]!.ticker.map((n) => n.slug)).toEqual(['alert:x']);
	});

	it('a takeover alert alternates with the default slide when nothing else is live', () => {
		const ds = playWith(
			programme([]),
			[alert('x', true, '2026-11-27 11:00')],
			at('2026-11-27 10:00'),
			3
		);
		expect(keys(ds)).toEqual(['urgent:alert:x', 'default', 'urgent:alert:x']);
	});

	it('an expired takeover alert is gone', () => {
		const p = programme([slide('a'), slide('b')]);
		const alerts = [alert('x', true, '2026-11-27 10:00')];
		const ds = playWith(p, alerts, at('2026-11-27 10:00'), 2);
		expect(keys(ds)).toEqual(['p/a', 'p/b']);
		expect(ds.every((d) => d.ticker.length === 0)).toBe(true);
	});
});

describe('latest notices slide', () => {
	const latest = slide('latest', {
		kind: 'latest-notices',
		title: '最新',
		count: 2
	} as Partial<Slide>);

	it('lists the newest current notices', () => {
		const notices = [
			notice('n1', '2026-11-01 09:00', '2026-12-31 00:00'),
			notice('n2', '2026-11-10 09:00', '2026-12-31 00:00'),
			notice('n3', '2026-11-20 09:00', '2026-12-31 00:00'),
			notice('gone', '2026-11-25 09:00', '2026-11-26 00:00')
		];
		const d = decide(at('2026-11-27 10:00'), programme([latest], { notices }), ZONE, null);
		expect(d.shown.type === 'slide' && d.shown.notices.map((n) => n.slug)).toEqual(['n3', 'n2']);
	});

	it('is skipped when there is no current notice', () => {
		const d = decide(at('2026-11-27 10:00'), programme([latest]), ZONE, null);
		expect(d.shown.type).toBe('default');
	});
});

describe('night dimming', () => {
	const dimming = { from: '20:00', to: '07:30', brightness: 40 };
	it('dims between the times, across midnight, in office time', () => {
		expect(brightnessAt(at('2026-11-27 19:59'), dimming, ZONE)).toBe(1);
		expect(brightnessAt(at('2026-11-27 20:00'), dimming, ZONE)).toBe(0.4);
		expect(brightnessAt(at('2026-11-28 03:00'), dimming, ZONE)).toBe(0.4);
		expect(brightnessAt(at('2026-11-28 07:30'), dimming, ZONE)).toBe(1);
		expect(brightnessAt(at('2026-11-28 03:00'), null, ZONE)).toBe(1);
	});
});

describe('screens', () => {
	const data: BulletinData = {
		version: 'v',
		site: {} as BulletinData['site'],
		playlists: [
			{ id: 'hall', name: 'H', urgent: 'ticker', dimming: null, slides: [slide('h')] },
			{
				id: 'strip',
				name: 'S',
				urgent: 'takeover',
				dimming: { from: '20:00', to: '07:00', brightness: 30 },
				slides: [slide('s', { playlist: 'strip' })]
			}
		],
		screens: [
			{ id: 'door', name: 'Door', width: 1920, height: 360, playlists: ['strip'], power: null }
		],
		closures: [],
		openDays: [],
		dimming: { from: '21:00', to: '07:00', brightness: 50 },
		notices: []
	};

	it('a screen plays its playlists with their options', () => {
		const p = programmeFor(data, 'door');
		expect(p.slides.map((s) => s.id)).toEqual(['s']);
		expect(p.urgent).toBe('takeover');
		expect(p.dimming?.brightness).toBe(30);
	});

	it('no screen plays every playlist, with cautious options', () => {
		const p = programmeFor(data, null);
		expect(p.slides.map((s) => s.id)).toEqual(['h', 's']);
		// Not every playlist wants takeover: a ticker.
		expect(p.urgent).toBe('ticker');
		expect(p.dimming?.brightness).toBe(50);
		expect(isUnknownScreen(data, null)).toBe(false);
	});

	it('an unknown screen is named as such and plays no playlist', () => {
		expect(isUnknownScreen(data, 'dor')).toBe(true);
		expect(isUnknownScreen(data, 'door')).toBe(false);
		expect(programmeFor(data, 'dor').slides).toEqual([]);
	});
});
