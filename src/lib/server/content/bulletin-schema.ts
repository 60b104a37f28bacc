/**
 * The bulletin screens' content (`content/bulletins/`): playlists of slides with their schedule,
 * the screens file (which screen plays which playlists, night dimming) and office closure days.
 * Parsed with zod like every content file; `checkBulletins` then does what a schema cannot:
 * cross-references (guides, media, playlists), windows that end before they start, and turning
 * the editors' local times into instants in the office's time zone.
 */
import * as z from 'zod';
import { problemsFromZod, type ContentProblem } from './errors.ts';
import { dateString, dateTimeString, mediaPath, webUrl } from './schema.ts';
import { localToInstant } from './time.ts';

// ---------------------------------------------------------------------------------------------
// Building blocks

const text = (what = 'text', max = 400) =>
	z
		.string({ error: `expected ${what}` })
		.trim()
		.min(1, { error: `${what} must not be empty` })
		// Long text cannot be read from across a hall; the limit keeps every slide legible.
		.max(max, { error: `is too long for a screen: at most ${max} characters` });

const slug = () =>
	z
		.string({ error: 'expected an id' })
		.regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'expected an id of lowercase letters, digits and -' });

/** `09:00`, or `24:00` as the end of the day. */
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const clockTime = () =>
	z.string({ error: 'expected a time like 09:00' }).regex(CLOCK, {
		error: 'expected a time like 09:00 (24-hour clock)'
	});

function minutesOf(clock: string): number {
	const [h = 0, m = 0] = clock.split(':').map(Number);
	return h * 60 + m;
}

/** `09:00-12:00`; a range may cross midnight (`22:00-06:00`). */
const timeRange = () =>
	z
		.string({ error: 'expected a time range like 09:00-12:00' })
		.regex(/^\d{2}:\d{2}\s*[-–—~]\s*\d{2}:\d{2}$/, {
			error: 'expected a time range like 09:00-12:00'
		})
		.transform((s) => s.split(/\s*[-–—~]\s*/) as [string, string])
		.refine(([from, to]) => CLOCK.test(from) && CLOCK.test(to), {
			error: 'expected times like 09:00 (24-hour clock)'
		})
		.refine(([from, to]) => minutesOf(from) !== minutesOf(to), {
			error: 'starts and ends at the same time'
		})
		.transform(([from, to]) => ({ from: minutesOf(from), to: minutesOf(to) }));

export const weekdayNames = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;
const WEEKDAY_ALIASES: Record<string, number> = Object.fromEntries(
	weekdayNames.flatMap((name, i) => [
		[name, i + 1],
		[name.replace('周', '星期'), i + 1]
	])
);
WEEKDAY_ALIASES['星期天'] = 7;
WEEKDAY_ALIASES['周天'] = 7;

/** ISO weekday 1 (Monday) … 7 (Sunday); editors write 周一 … 周日 (or 1 … 7). */
const weekday = () =>
	z
		.union([z.string(), z.number()], { error: 'expected a weekday like 周一' })
		.transform((v, ctx) => {
			const n = typeof v === 'number' ? v : WEEKDAY_ALIASES[v.trim()];
			if (n === undefined || !Number.isInteger(n) || n < 1 || n > 7) {
				ctx.addIssue({ code: 'custom', message: 'expected a weekday: 周一 … 周日 (or 1 … 7)' });
				return z.NEVER;
			}
			return n;
		});

/** Screen brightness at night: LED panels in an empty hall need not glare, nor wear. */
export const dimmingSchema = z
	.strictObject({
		from: clockTime(),
		to: clockTime(),
		/** Percent of full brightness while dimmed. */
		brightness: z
			.int({ error: 'expected a whole percentage' })
			.min(10, { error: 'below 10 % the screen looks switched off' })
			.max(90, { error: 'expected at most 90 %' })
	})
	.refine((d) => minutesOf(d.from) !== minutesOf(d.to), {
		error: 'from and to are the same time',
		path: ['to']
	});

// ---------------------------------------------------------------------------------------------
// Slides

const schedule = {
	/** Optional; generated from the playlist and position when missing. */
	id: slug().optional(),
	/** Seconds on screen. */
	duration: z
		.int({ error: 'expected whole seconds' })
		.min(5, { error: 'at least 5 seconds, or nobody can read it' })
		.max(120, { error: 'at most 120 seconds' })
		.default(12),
	/** Validity window in the office's local time; either end may be open. */
	start: dateTimeString().optional(),
	end: dateTimeString().optional(),
	weekdays: z
		.array(weekday(), { error: 'expected a list of weekdays' })
		.min(1, { error: 'expected at least one weekday (or leave the field out)' })
		.optional(),
	times: z
		.array(timeRange(), { error: 'expected a list of time ranges' })
		.min(1, { error: 'expected at least one time range (or leave the field out)' })
		.optional(),
	/** 1 … 5: plays first in each round and this many times per round. */
	priority: z
		.int({ error: 'expected a whole number from 1 to 5' })
		.min(1, { error: 'expected a whole number from 1 to 5' })
		.max(5, { error: 'expected a whole number from 1 to 5' })
		.default(1)
};

const noticeSlide = z.strictObject({
	kind: z.literal('notice'),
	...schedule,
	title: text('a title', 60),
	body: text('the notice text', 240),
	/** Address of the full notice; shown as a QR code. */
	qr: webUrl().optional(),
	qrCaption: text('a caption', 16).optional()
});

const figure = z.strictObject({
	value: z.number({ error: 'expected a number' }).min(0, { error: 'expected 0 or more' }),
	unit: text('a unit', 6).optional(),
	label: text('a label', 20)
});

const figuresSlide = z.strictObject({
	kind: z.literal('figures'),
	...schedule,
	title: text('a title', 40),
	items: z
		.array(figure, { error: 'expected a list of figures' })
		.min(1, { error: 'expected at least one figure' })
		.max(4, { error: 'at most 4 figures fit on a screen' }),
	/** Where the numbers come from, e.g. the report they were published in. */
	source: text('a source', 60).optional()
});

const guideSlide = z.strictObject({
	kind: z.literal('guide'),
	...schedule,
	/** File name (without .md) of a guide in content/guides. */
	guide: slug(),
	note: text('a note', 60).optional()
});

const imageSlide = z.strictObject({
	kind: z.literal('image'),
	...schedule,
	image: mediaPath().refine((p) => !p.toLowerCase().endsWith('.pdf'), {
		error: 'a PDF cannot be shown on a screen: use png, jpg, webp, svg or gif'
	}),
	/** Required by `checkBulletins`, with a message that says why. */
	alt: text('a text alternative', 200).optional(),
	caption: text('a caption', 40).optional()
});

const hallSlide = z.strictObject({
	kind: z.literal('hall'),
	...schedule,
	title: text('a title', 20).default('办公时间与服务窗口')
});

const latestNoticesSlide = z.strictObject({
	kind: z.literal('latest-notices'),
	...schedule,
	title: text('a title', 20).default('最新通知公告'),
	count: z
		.int({ error: 'expected a whole number' })
		.min(1, { error: 'expected 1 to 6' })
		.max(6, { error: 'expected 1 to 6' })
		.default(4)
});

export const slideKinds = [
	'notice',
	'figures',
	'guide',
	'image',
	'hall',
	'latest-notices'
] as const;

export const slideSchema = z.discriminatedUnion(
	'kind',
	[noticeSlide, figuresSlide, guideSlide, imageSlide, hallSlide, latestNoticesSlide],
	{ error: `expected kind: one of ${slideKinds.join(' | ')}` }
);

// ---------------------------------------------------------------------------------------------
// Files

/** `content/bulletins/playlists/<id>.yaml` */
export const playlistSchema = z.object({
	name: text('a name', 40),
	/** How a current urgent notice (`urgent: true` in content/notices) is shown. */
	urgent: z
		.enum(['ticker', 'takeover'], { error: 'expected ticker or takeover' })
		.default('ticker'),
	dimming: dimmingSchema.optional(),
	/** Each slide is validated on its own (`checkBulletins`): one bad slide hides no other error. */
	slides: z.array(z.unknown(), { error: 'expected a list of slides' }).default([])
});

/** `content/bulletins/screens.yaml` */
export const screensSchema = z.object({
	/** Office-wide default; a playlist's own `dimming` wins. */
	dimming: dimmingSchema.optional(),
	screens: z
		.array(
			z.strictObject({
				id: slug(),
				name: text('a name', 40),
				playlists: z
					.array(slug(), { error: 'expected a list of playlist ids' })
					.min(1, { error: 'expected at least one playlist' })
			}),
			{ error: 'expected a list of screens' }
		)
		.default([])
});

/** `content/bulletins/closures.yaml` */
export const closuresSchema = z.object({
	closures: z
		.array(
			z.strictObject({
				from: dateString(),
				/** Last closed day, inclusive; a single day when missing. */
				to: dateString().optional(),
				reason: text('a reason', 20),
				note: text('a note', 120).optional()
			}),
			{ error: 'expected a list of closures' }
		)
		.default([])
});

export type SlideData = z.output<typeof slideSchema>;
export type PlaylistData = z.output<typeof playlistSchema>;
export type ScreensData = z.output<typeof screensSchema>;
export type ClosuresData = z.output<typeof closuresSchema>;
export type Dimming = z.output<typeof dimmingSchema>;

// ---------------------------------------------------------------------------------------------
// Resolved form, as the rest of the app sees it

type Timed = { id: string; startAt: number | null; endAt: number | null };
export type BulletinSlide = SlideData & Timed;

export interface Playlist {
	id: string;
	file: string;
	name: string;
	urgent: 'ticker' | 'takeover';
	dimming: Dimming | null;
	slides: BulletinSlide[];
}

export interface BulletinScreen {
	id: string;
	name: string;
	playlists: string[];
}

export interface Closure {
	/** `YYYY-MM-DD`, local office dates, both inclusive. */
	from: string;
	to: string;
	reason: string;
	note: string | null;
}

export interface Bulletins {
	playlists: Playlist[];
	screens: BulletinScreen[];
	closures: Closure[];
	dimming: Dimming | null;
}

export interface BulletinSources {
	/** `data` is null when the file itself did not validate (its problems are already reported). */
	playlists: { id: string; file: string; data: PlaylistData | null }[];
	screens: { file: string; data: ScreensData } | null;
	closures: { file: string; data: ClosuresData } | null;
}

export interface BulletinRefs {
	guides: ReadonlyMap<string, { cancelled?: string | undefined }>;
	media: ReadonlySet<string>;
	timeZone: string;
}

/** Cross-checks and resolves the parsed bulletin files; every problem goes into `problems`. */
export function checkBulletins(
	src: BulletinSources,
	refs: BulletinRefs,
	problems: ContentProblem[]
): Bulletins {
	const error = (file: string, field: string, message: string) =>
		problems.push({ file, field, message, severity: 'error' });

	/** One slide: its own schema first, then what only the whole content can tell. */
	function slide(raw: unknown, i: number, playlist: string, file: string): BulletinSlide | null {
		const at = `slides[${i}]`;
		const kind = (raw as { kind?: unknown } | null)?.kind;
		if (!slideKinds.includes(kind as (typeof slideKinds)[number])) {
			const got = typeof kind === 'string' ? `, got "${kind}"` : '';
			error(
				file,
				`${at}.kind`,
				kind === undefined
					? `is required but missing: one of ${slideKinds.join(' | ')}`
					: `expected one of ${slideKinds.join(' | ')}${got}`
			);
			return null;
		}
		const parsed = slideSchema.safeParse(raw, { reportInput: true });
		if (!parsed.success) {
			problems.push(
				...problemsFromZod(
					file,
					parsed.error.issues.map((issue) => ({ ...issue, path: ['slides', i, ...issue.path] }))
				)
			);
			return null;
		}
		const data = parsed.data;
		const id = data.id ?? `${playlist}-${i + 1}`;
		const startAt = data.start ? localToInstant(data.start, refs.timeZone) : null;
		let endAt = data.end ? localToInstant(data.end, refs.timeZone) : null;
		if (startAt !== null && endAt !== null && endAt <= startAt) {
			error(file, `${at}.end`, `is not after start (${data.start})`);
		}
		if (data.kind === 'guide') {
			const guide = refs.guides.get(data.guide);
			if (!guide) {
				error(
					file,
					`${at}.guide`,
					`refers to guide "${data.guide}", which does not exist in content/guides`
				);
			} else if (guide.cancelled) {
				// A cancelled item must not be advertised after the day it stops.
				const cancelledAt = localToInstant(guide.cancelled, refs.timeZone);
				endAt = endAt === null ? cancelledAt : Math.min(endAt, cancelledAt);
			}
		}
		if (data.kind === 'image') {
			if (!refs.media.has(data.image)) {
				error(file, `${at}.image`, `refers to ${data.image}, which is not in the content/media folder`);
			}
			if (!data.alt) {
				error(file, `${at}.alt`, 'an image needs a text alternative for visitors who cannot see it');
			}
		}
		return { ...data, id, startAt, endAt };
	}

	const playlists: Playlist[] = [];
	for (const { id, file, data } of src.playlists) {
		if (!data) continue;
		const ids = new Map<string, number>();
		const slides: BulletinSlide[] = [];
		data.slides.forEach((raw, i) => {
			const s = slide(raw, i, id, file);
			if (!s) return;
			const dup = ids.get(s.id);
			if (dup !== undefined) error(file, `slides[${i}].id`, `"${s.id}" is already used by slides[${dup}]`);
			ids.set(s.id, i);
			slides.push(s);
		});
		playlists.push({
			id,
			file,
			name: data.name,
			urgent: data.urgent,
			dimming: data.dimming ?? null,
			slides
		});
	}

	// A playlist file with errors still exists: screens naming it are not wrong as well.
	const known = new Set(src.playlists.map((p) => p.id));
	const screens: BulletinScreen[] = [];
	if (src.screens) {
		const { file, data } = src.screens;
		const seen = new Set<string>();
		data.screens.forEach((screen, i) => {
			if (seen.has(screen.id)) error(file, `screens[${i}].id`, `"${screen.id}" is listed twice`);
			seen.add(screen.id);
			screen.playlists.forEach((ref, j) => {
				if (!known.has(ref)) {
					error(
						file,
						`screens[${i}].playlists[${j}]`,
						`refers to playlist "${ref}", which does not exist in content/bulletins/playlists`
					);
				}
			});
			screens.push({ id: screen.id, name: screen.name, playlists: screen.playlists });
		});
	}

	const closures: Closure[] = [];
	if (src.closures) {
		const { file, data } = src.closures;
		data.closures.forEach((c, i) => {
			const to = c.to ?? c.from;
			if (to < c.from) error(file, `closures[${i}].to`, `is before from (${c.from})`);
			closures.push({ from: c.from, to, reason: c.reason, note: c.note ?? null });
		});
	}

	return { playlists, screens, closures, dimming: src.screens?.data.dimming ?? null };
}
