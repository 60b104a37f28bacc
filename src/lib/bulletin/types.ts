/**
 * What the bulletin screen receives: one prerendered JSON document (`/bulletin/playlist.json`,
 * also embedded in the page) with everything resolved at build time — guides looked up, QR codes
 * drawn, local times turned into instants. The browser only decides *when* to show what.
 */
import type { HoursCalendar, OfficeHours, OpenDay } from '../hours.ts';
import type { PowerSchedule } from '../power.ts';

export type { OpenDay };

export interface Dimming {
	/** Local clock times `HH:MM`; the range may cross midnight. */
	from: string;
	to: string;
	/** Percent of full brightness while dimmed. */
	brightness: number;
}

export interface Qr {
	url: string;
	/** SVG markup drawn at build time. */
	svg: string;
	caption: string;
}

/** When a slide may be shown. Instants are epoch ms; `times` are minutes after local midnight. */
export interface SlideSchedule {
	id: string;
	/** Seconds. */
	duration: number;
	startAt: number | null;
	endAt: number | null;
	/** ISO weekdays, 1 = Monday … 7 = Sunday. */
	weekdays: number[] | null;
	times: { from: number; to: number }[] | null;
	/** 1 … 5: plays first in each round, and this many times per round. */
	priority: number;
	/** For the editors' preview: which playlist file the slide comes from. */
	playlist: string;
}

export interface NoticeContent {
	kind: 'notice';
	title: string;
	body: string;
	qr: Qr | null;
}

export interface Figure {
	value: number;
	unit: string | null;
	label: string;
}

export interface FiguresContent {
	kind: 'figures';
	title: string;
	items: Figure[];
	source: string | null;
}

export interface GuideContent {
	kind: 'guide';
	slug: string;
	name: string;
	theme: string;
	guideKind: string;
	/** Null for an item handled only at the hall windows. */
	visits: number | null;
	promised: string;
	statutory: string;
	window: string | null;
	note: string | null;
	qr: Qr;
}

export interface ImageContent {
	kind: 'image';
	src: string;
	alt: string;
	caption: string | null;
}

export interface HallContent {
	kind: 'hall';
	title: string;
}

export interface LatestNoticesContent {
	kind: 'latest-notices';
	title: string;
	count: number;
}

export interface VideoContent {
	kind: 'video';
	src: string;
	/** MIME type, so the browser knows before fetching whether it can play it. */
	type: 'video/mp4' | 'video/webm';
	/** `once`: the slide's turn ends when the video does (at `duration` at the latest). */
	play: 'loop' | 'once';
	title: string | null;
	description: string;
}

export interface CarouselContent {
	kind: 'carousel';
	title: string | null;
	images: { src: string; alt: string }[];
	/** How long each picture stays up (`carousel.ts`). */
	intervalMs: number;
	transition: 'fade' | 'cut';
}

export interface DataColumn {
	/** Key in each row of the feed. */
	field: string;
	label: string;
}

export interface DataContent {
	kind: 'data';
	title: string;
	/** Same-origin path of the JSON feed (`feed.ts`). */
	url: string;
	refreshMs: number;
	/** Data whose `updatedAt` is older than this is hidden, never shown as current. */
	maxAgeMs: number;
	columns: DataColumn[];
	maxRows: number;
	/** Shown instead of the rows when there is no fresh data. */
	unavailable: string;
	note: string | null;
	/** Shown only while the windows are open. */
	whileOpen: boolean;
}

export type SlideContent =
	| NoticeContent
	| FiguresContent
	| GuideContent
	| ImageContent
	| HallContent
	| LatestNoticesContent
	| VideoContent
	| CarouselContent
	| DataContent;

export type Slide = SlideSchedule & SlideContent;

export interface BulletinNotice {
	slug: string;
	title: string;
	/** Plain-text opening of the notice, for the ticker and the takeover screen. */
	excerpt: string;
	issuer: string | null;
	publishedAt: number;
	expiresAt: number;
	urgent: boolean;
	/** Takeover screens: the part of the time an urgent notice fills the screen (0.3 … 0.8). */
	share: number;
}

export interface Closure {
	/** Local dates `YYYY-MM-DD`, both inclusive. */
	from: string;
	to: string;
	reason: string;
	note: string | null;
}

export interface PlaylistInfo {
	id: string;
	name: string;
	urgent: 'ticker' | 'takeover';
	dimming: Dimming | null;
	slides: Slide[];
}

export interface ScreenInfo {
	id: string;
	name: string;
	/** The wall's resolution in pixels. */
	width: number;
	height: number;
	playlists: string[];
	/** When the panel is lit (see `$lib/power`); null: always. */
	power: PowerSchedule | null;
}

export interface SiteInfo {
	name: string;
	shortName: string | null;
	hallName: string;
	address: string;
	timeZone: string;
	/** The sentences on the signs, generated from `officeHours` (`$lib/hours`). */
	hours: { days: string; time: string }[];
	officeHours: OfficeHours;
	/** The online service hall's QR code (site.yaml `hours.onlineUrl`), for the closed slide. */
	onlineQr: Qr | null;
	windows: { number: string; name: string }[];
	enquiryPhone: string;
	complaintPhone: string;
	website: string | null;
	/** How often the screen asks whether new content was deployed. */
	updateCheckMinutes: number;
}

export interface BulletinData {
	/** Content version: changes whenever any content file changes. */
	version: string;
	site: SiteInfo;
	playlists: PlaylistInfo[];
	screens: ScreenInfo[];
	closures: Closure[];
	/** 调休 working days and days with changed hours. */
	openDays: OpenDay[];
	dimming: Dimming | null;
	notices: BulletinNotice[];
}

/** What one screen plays: its playlists merged, with the options that apply. */
export interface Programme {
	screen: string | null;
	slides: Slide[];
	urgent: 'ticker' | 'takeover';
	dimming: Dimming | null;
	closures: Closure[];
	/** When the windows are open: closed outside it, the closed slide replaces window slides. */
	calendar?: HoursCalendar;
	notices: BulletinNotice[];
}
