/**
 * The bulletin screens' content (`content/bulletins/`): playlists of slides with their schedule,
 * the screens file (which screen plays which playlists, night dimming) and office closure days.
 * Parsed with zod like every content file; `checkBulletins` then does what a schema cannot:
 * cross-references (guides, media, playlists), windows that end before they start, and turning
 * the editors' local times into instants in the office's time zone.
 */
import type { OpenDay } from '../../hours.ts';
import type { PowerSchedule } from '../../power.ts';
import { minutesOf } from '../../zone.ts';
import * as z from 'zod';
import { describePath, formatFieldPath, problemsFromZod, type ContentProblem } from './errors.ts';
import { carouselIntervalMs, MIN_CAROUSEL_SECONDS } from '../../bulletin/carousel.ts';
import {
	dateString,
	dateTimeString,
	label,
	mediaPath,
	sessionsSchema,
	videoPath,
	webUrl
} from './schema.ts';
import { localToInstant } from './time.ts';

// ---------------------------------------------------------------------------------------------
// Building blocks

// Long text cannot be read from across a hall; the limit keeps every slide legible.
const text = (max = 400) => z.string().trim().min(1).max(max);

const slug = () =>
	z
		.string()
		.regex(/^[a-z0-9][a-z0-9-]*$/)
		.meta({ description: '小写英文字母、数字和 -', examples: ['hall-main'] });

/** `09:00`, or `24:00` as the end of the day. */
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const clockTime = () =>
	z.string().regex(CLOCK).meta({ examples: ['09:00'], description: '24 小时制' });

/** `09:00-12:00`; a range may cross midnight (`22:00-06:00`). */
const timeRange = () =>
	z
		.string()
		.regex(/^\d{2}:\d{2}\s*[-–—~]\s*\d{2}:\d{2}$/)
		.meta({ examples: ['09:00-12:00'] })
		.transform((s) => s.split(/\s*[-–—~]\s*/) as [string, string])
		.refine(([from, to]) => CLOCK.test(from) && CLOCK.test(to), {
			error: '时间应为 24 小时制，如 09:00-12:00'
		})
		.refine(([from, to]) => minutesOf(from) !== minutesOf(to), {
			error: '开始和结束是同一时间'
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
		.union([z.string(), z.number()])
		.meta({ examples: ['周一'] })
		.transform((v, ctx) => {
			const n = typeof v === 'number' ? v : WEEKDAY_ALIASES[v.trim()];
			if (n === undefined || !Number.isInteger(n) || n < 1 || n > 7) {
				ctx.addIssue({ code: 'custom', message: '应为 周一 … 周日（或 1 … 7）' });
				return z.NEVER;
			}
			return n;
		});

/** Screen brightness at night: LED panels in an empty hall need not glare, nor wear. */
export const dimmingSchema = z
	.strictObject({
		from: clockTime().meta(label('开始', undefined, '19:30')),
		to: clockTime().meta(label('结束', undefined, '07:30')),
		/** Percent of full brightness while dimmed. */
		brightness: z
			.int()
			.min(10, { error: '低于 10% 屏幕看起来像关了' })
			.max(90)
			.meta(label('亮度（%）', undefined, 35))
	})
	.refine((d) => minutesOf(d.from) !== minutesOf(d.to), {
		error: '开始和结束是同一时间',
		path: ['to']
	})
	.meta(label('夜间调光', '这段时间内降低亮度，可跨零点'));

// ---------------------------------------------------------------------------------------------
// Slides

const schedule = {
	/** Optional; generated from the playlist and position when missing. */
	id: slug().optional().meta(label('编号', '不填时自动生成')),
	/** Seconds on screen. */
	duration: z
		.int()
		.min(5, { error: '至少 5 秒，否则来不及看' })
		.max(120)
		.default(12)
		.meta(label('播放时长（秒）', undefined, 12)),
	/** Validity window in the office's local time; either end may be open. */
	start: dateTimeString().optional().meta(label('开始时间')),
	end: dateTimeString().optional().meta(label('结束时间')),
	weekdays: z
		.array(weekday())
		.min(1)
		.optional()
		.meta(label('播放日', '不填表示每天', '周一')),
	times: z
		.array(timeRange())
		.min(1)
		.optional()
		.meta(label('播放时段', '不填表示全天', '09:00-12:00')),
	/** 1 … 5: plays first in each round and this many times per round. */
	priority: z.int().min(1).max(5).default(1).meta(label('优先级', '1 到 5，越大越常播放', 1))
};

const noticeSlide = z.strictObject({
	kind: z.literal('notice').meta(label('类型')),
	...schedule,
	title: text(60).meta(label('标题')),
	body: text(240).meta(label('正文')),
	/** Address of the full notice; shown as a QR code. */
	qr: webUrl().optional().meta(label('二维码网址')),
	qrCaption: text(16).optional().meta(label('二维码说明'))
});

const figure = z.strictObject({
	value: z.number().min(0).meta(label('数值', undefined, 140)),
	unit: text(6).optional().meta(label('单位', undefined, '件')),
	label: text(20).meta(label('名称', undefined, '受理件数'))
});

const figuresSlide = z.strictObject({
	kind: z.literal('figures').meta(label('类型')),
	...schedule,
	title: text(40).meta(label('标题')),
	items: z.array(figure).min(1).max(4).meta(label('数字', '最多 4 个，屏幕才放得下')),
	/** Where the numbers come from, e.g. the report they were published in. */
	source: text(60).optional().meta(label('数据来源'))
});

const guideSlide = z.strictObject({
	kind: z.literal('guide').meta(label('类型')),
	...schedule,
	/** File name (without .md) of a guide in content/guides. */
	guide: slug().meta(label('办事指南', '办事指南的文件名（不含 .md）', 'radio-station-license')),
	note: text(60).optional().meta(label('备注'))
});

/** A picture a screen can show: any media file but a PDF. */
const pictureFile = () =>
	mediaPath().refine((p) => !p.toLowerCase().endsWith('.pdf'), {
		error: 'PDF 不能在屏幕上显示：请用 png、jpg、webp、svg 或 gif'
	});

const imageSlide = z.strictObject({
	kind: z.literal('image').meta(label('类型')),
	...schedule,
	image: pictureFile().meta(label('图片')),
	/** Required by `checkBulletins`, with a message that says why. */
	alt: text(200).optional().meta(label('图片文字说明')),
	caption: text(40).optional().meta(label('图片标题'))
});

const videoSlide = z.strictObject({
	kind: z.literal('video').meta(label('类型')),
	...schedule,
	video: videoPath().meta(label('视频', '静音播放，请用无声或有字幕的视频')),
	/** `once` ends the slide's turn when the video ends; `duration` is then the longest it runs. */
	play: z
		.enum(['loop', 'once'])
		.default('loop')
		.meta(label('播放方式', 'loop 循环播放到播放时长结束；once 播完一遍就换下一张（最长为播放时长）')),
	title: text(40).optional().meta(label('标题')),
	/** Required by `checkBulletins`, with a message that says why. */
	description: text(200).optional().meta(label('视频文字说明', '视频讲的是什么，一两句话'))
});

const carouselImage = z.strictObject({
	image: pictureFile().meta(label('图片')),
	/** Required by `checkBulletins`, like the image slide's. */
	alt: text(200).optional().meta(label('图片文字说明'))
});

const carouselSlide = z.strictObject({
	kind: z.literal('carousel').meta(label('类型')),
	...schedule,
	images: z.array(carouselImage).min(2).max(8).meta(label('图片', '2 到 8 张，按顺序轮流显示')),
	/** Seconds per picture; the slide's `duration` split evenly when missing. */
	interval: z
		.int()
		.min(MIN_CAROUSEL_SECONDS, { error: `每张至少 ${MIN_CAROUSEL_SECONDS} 秒，否则来不及看` })
		.max(60)
		.optional()
		.meta(label('每张图片秒数', '不填时把播放时长平均分给每张图片', 5)),
	transition: z
		.enum(['fade', 'cut'])
		.default('fade')
		.meta(label('切换方式', 'fade 淡入淡出；cut 直接切换')),
	title: text(40).optional().meta(label('标题'))
});

/**
 * A file on this site, e.g. `/queue/now.json`: a screen never fetches from another origin (the
 * page's `connect-src 'self'` would refuse it anyway, and the slide must not depend on one).
 */
const feedUrl = () =>
	z
		.string()
		.trim()
		.max(200)
		.regex(/^\/[\w\-.][\w\-./]*$/, {
			error: '应为本站的地址，以 / 开头，如 /queue/now.json；不能是其他网站的网址'
		})
		.refine((s) => !s.includes('..'), { error: '地址里不能有 ..' })
		.meta({ examples: ['/queue/now.json'] });

const dataColumn = z.strictObject({
	/** Key of each row object in the feed. */
	field: z
		.string()
		.regex(/^[A-Za-z_][A-Za-z0-9_]*$/)
		.meta(label('数据字段', '数据文件每行里的字段名（英文字母、数字和 _）', 'window')),
	label: text(10).meta(label('列名', undefined, '窗口'))
});

const dataSlide = z.strictObject({
	kind: z.literal('data').meta(label('类型')),
	...schedule,
	title: text(30).meta(label('标题', undefined, '当前叫号')),
	url: feedUrl().meta(label('数据地址', '本站上由其他系统（如排队叫号系统）写入的 JSON 文件')),
	refresh: z.int().min(2).max(60).default(5).meta(label('刷新间隔（秒）', undefined, 5)),
	/** Older data is hidden, never shown as current; `checkBulletins` relates it to `refresh`. */
	maxAge: z
		.int()
		.min(5)
		.max(3600)
		.default(30)
		.meta(label('数据有效期（秒）', '数据的更新时间早于这么多秒就不再显示，改为显示下面的提示', 30)),
	columns: z.array(dataColumn).min(1).max(4).meta(label('列', '最多 4 列，屏幕才放得下')),
	maxRows: z.int().min(1).max(12).default(8).meta(label('最多显示行数', '1 到 12', 8)),
	unavailable: text(30)
		.default('信息暂不可用')
		.meta(label('数据不可用时的提示', '取不到数据或数据过期时显示', '叫号信息暂不可用')),
	note: text(60).optional().meta(label('备注', undefined, '请留意窗口叫号屏和语音提示')),
	/** Queue numbers mean nothing while the windows are closed. */
	whileOpen: z.boolean().default(true).meta(label('只在办公时间播放'))
});

const hallSlide = z.strictObject({
	kind: z.literal('hall').meta(label('类型')),
	...schedule,
	title: text(20).default('办公时间与服务窗口').meta(label('标题'))
});

const latestNoticesSlide = z.strictObject({
	kind: z.literal('latest-notices').meta(label('类型')),
	...schedule,
	title: text(20).default('最新通知公告').meta(label('标题')),
	count: z.int().min(1).max(6).default(4).meta(label('显示条数', '1 到 6', 4))
});

export const slideKinds = [
	'notice',
	'figures',
	'guide',
	'image',
	'hall',
	'latest-notices',
	'video',
	'carousel',
	'data'
] as const;

export const slideSchema = z.discriminatedUnion('kind', [
	noticeSlide,
	figuresSlide,
	guideSlide,
	imageSlide,
	hallSlide,
	latestNoticesSlide,
	videoSlide,
	carouselSlide,
	dataSlide
]);

// ---------------------------------------------------------------------------------------------
// Files

/** `content/bulletins/playlists/<id>.yaml` */
export const playlistSchema = z.object({
	name: text(40).meta(label('播放列表名称', undefined, '大厅主屏')),
	/** How a current urgent notice (`urgent: true` in content/notices) is shown. */
	urgent: z
		.enum(['ticker', 'takeover'])
		.default('ticker')
		.meta(label('紧急通知显示方式', 'ticker 底部滚动，takeover 整屏显示')),
	dimming: dimmingSchema.optional(),
	/** Each slide is validated on its own (`checkBulletins`): one bad slide hides no other error. */
	slides: z.array(z.unknown()).default([]).meta(label('幻灯片'))
});

/** The playlist as editors see it, slides included: for the Chinese names of slide fields. */
export const playlistWithSlides = playlistSchema.extend({
	slides: z.array(slideSchema).meta(label('幻灯片'))
});

/** When a screen's panel is lit (`$lib/power`); the terminal's timer switches it. */
const powerSchema = z
	.strictObject({
		on: clockTime().optional().meta(label('开屏时间', '与关屏时间一起填；不填时按办公时间', '07:30')),
		off: clockTime().optional().meta(label('关屏时间', '与开屏时间一起填', '20:00')),
		days: z
			.array(weekday())
			.min(1)
			.optional()
			.meta(label('开屏日', '不填时为大厅办公的日子（闭馆日关屏，调休上班日开屏）', '周一')),
		margin: z
			.int()
			.min(0)
			.max(180)
			.default(30)
			.meta(label('提前和推后（分钟）', '不填开关屏时间时：第一段办公前和最后一段办公后亮屏的分钟数', 30))
	})
	.refine((p) => (p.on === undefined) === (p.off === undefined), {
		error: '开屏时间和关屏时间要么都填，要么都不填',
		path: ['off']
	})
	.refine((p) => !p.on || !p.off || minutesOf(p.on) < minutesOf(p.off), {
		error: '关屏时间应晚于开屏时间（不能跨零点）',
		path: ['off']
	})
	.meta(label('开关屏', '终端按此定时关闭和打开显示屏；不写则一直亮'));

/** An LED wall's resolution: from a 256-pixel-wide module to an 8K wall. */
const screenPixels = () =>
	z
		.int()
		.min(128, { error: '至少 128 像素' })
		.max(7680, { error: '最多 7680 像素' });

/** `content/bulletins/screens.yaml` */
export const screensSchema = z.object({
	/** Office-wide default; a playlist's own `dimming` wins. */
	dimming: dimmingSchema.optional(),
	screens: z
		.array(
			z.strictObject({
				id: slug().meta(label('屏幕编号')),
				name: text(40).meta(label('屏幕名称', undefined, '一楼大厅北墙主屏')),
				/** Pixels the LED controller sends: what the preview and the layouts are checked at. */
				width: screenPixels().meta(label('宽度（像素）', '屏幕实际分辨率的宽，如 1920', 1920)),
				height: screenPixels().meta(label('高度（像素）', '屏幕实际分辨率的高，如 1080', 1080)),
				playlists: z
					.array(slug())
					.min(1)
					.meta(label('播放列表', '播放列表的文件名（不含 .yaml）', 'hall')),
				power: powerSchema.optional()
			})
		)
		.default([])
		.meta(label('屏幕'))
});

/** `content/bulletins/closures.yaml` */
export const closuresSchema = z.object({
	closures: z
		.array(
			z.strictObject({
				from: dateString().meta(label('开始日期')),
				/** Last closed day, inclusive; a single day when missing. */
				to: dateString().optional().meta(label('结束日期', '只闭馆一天时不填')),
				reason: text(20).meta(label('原因', undefined, '元旦')),
				note: text(120).optional().meta(label('说明'))
			})
		)
		.default([])
		.meta(label('闭馆日')),
	/** Dates that differ from site.yaml's hours the other way: 调休 working days, changed hours. */
	openDays: z
		.array(
			z.strictObject({
				date: dateString().meta(label('日期')),
				reason: text(20).meta(label('原因', undefined, '调休上班')),
				sessions: sessionsSchema()
					.optional()
					.meta(label('办公时段', '不填时与平时相同（site.yaml 的办公时段）'))
			})
		)
		.default([])
		.meta(label('调休上班和调整办公时间', '周末调休上班的日子，或当天办公时间与平时不同'))
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
	width: number;
	height: number;
	playlists: string[];
	/** Null: the panel stays on. */
	power: PowerSchedule | null;
}

export interface Closure {
	/** `YYYY-MM-DD`, local office dates, both inclusive. */
	from: string;
	to: string;
	reason: string;
	note: string | null;
}

export type { OpenDay };

export interface Bulletins {
	playlists: Playlist[];
	screens: BulletinScreen[];
	closures: Closure[];
	openDays: OpenDay[];
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
	/** Every guide file name, valid or not: a guide with errors of its own still exists. */
	guideFiles?: ReadonlySet<string>;
	media: ReadonlySet<string>;
	timeZone: string;
}

/** What an editor writes as a slide's 类型, with what each shows. */
export const slideKindLabels = {
	notice: '通知',
	figures: '数字',
	guide: '办事指南',
	image: '图片',
	hall: '办公时间与窗口',
	'latest-notices': '最新通知公告',
	video: '视频',
	carousel: '图片轮播',
	data: '实时数据（如当前叫号）'
} as const satisfies Record<(typeof slideKinds)[number], string>;

/** Cross-checks and resolves the parsed bulletin files; every problem goes into `problems`. */
export function checkBulletins(
	src: BulletinSources,
	refs: BulletinRefs,
	problems: ContentProblem[]
): Bulletins {
	/** A problem at `fieldPath` of a file parsed with `schema` (for the field's Chinese name). */
	const report = (
		file: string,
		schema: z.core.$ZodType,
		fieldPath: PropertyKey[],
		message: string,
		severity: 'error' | 'warning' = 'error'
	) =>
		problems.push({
			file,
			field: formatFieldPath(fieldPath),
			label: describePath(schema, fieldPath).label,
			message,
			severity
		});
	const kinds = slideKinds.map((k) => `${k}（${slideKindLabels[k]}）`).join('、');

	/** One slide: its own schema first, then what only the whole content can tell. */
	function slide(raw: unknown, i: number, playlist: string, file: string): BulletinSlide | null {
		const at = (...rest: PropertyKey[]) => ['slides', i, ...rest];
		const slideError = (field: string, message: string) =>
			report(file, playlistWithSlides, at(field), message);
		const missingMedia = (media: string, where: PropertyKey[]) => {
			if (refs.media.has(media)) return;
			report(
				file,
				playlistWithSlides,
				where,
				`media 文件夹里没有 ${media}：请检查文件名（区分大小写），或把文件放进 media/`
			);
		};
		const kind = (raw as { kind?: unknown } | null)?.kind;
		if (!slideKinds.includes(kind as (typeof slideKinds)[number])) {
			slideError(
				'kind',
				kind === undefined
					? `必须填写，应为以下之一：${kinds}`
					: `应为以下之一：${kinds}，现在是${typeof kind === 'string' ? `“${kind}”` : String(kind)}`
			);
			return null;
		}
		const parsed = slideSchema.safeParse(raw, { reportInput: true });
		if (!parsed.success) {
			problems.push(
				...problemsFromZod(file, slideSchema, parsed.error.issues, {
					path: ['slides', i],
					label: `幻灯片 第${i + 1}项`
				})
			);
			return null;
		}
		const data = parsed.data;
		const id = data.id ?? `${playlist}-${i + 1}`;
		const startAt = data.start ? localToInstant(data.start, refs.timeZone) : null;
		let endAt = data.end ? localToInstant(data.end, refs.timeZone) : null;
		if (startAt !== null && endAt !== null && endAt <= startAt) {
			slideError('end', `应晚于开始时间（${data.start}）`);
		}
		if (data.kind === 'guide') {
			const guide = refs.guides.get(data.guide);
			if (!guide && refs.guideFiles?.has(data.guide)) {
				report(
					file,
					playlistWithSlides,
					at('guide'),
					`指向的办事指南 guides/${data.guide}.md 本身有错误：先改正那个文件`,
					'warning'
				);
			} else if (!guide) {
				slideError('guide', `没有这个办事指南：guides 文件夹里没有 ${data.guide}.md，请检查文件名`);
			} else if (guide.cancelled) {
				// A cancelled item must not be advertised after the day it stops.
				const cancelledAt = localToInstant(guide.cancelled, refs.timeZone);
				endAt = endAt === null ? cancelledAt : Math.min(endAt, cancelledAt);
			}
		}
		if (data.kind === 'image') {
			missingMedia(data.image, at('image'));
			if (!data.alt) {
				slideError('alt', '有图片就要写图片文字说明：看不见图片的访客会听到这段文字');
			}
		}
		if (data.kind === 'video') {
			missingMedia(data.video, at('video'));
			if (!data.description) {
				slideError('description', '有视频就要写视频文字说明：看不见画面的访客会听到这段文字');
			}
		}
		if (data.kind === 'carousel') {
			data.images.forEach((img, j) => {
				missingMedia(img.image, at('images', j, 'image'));
				if (!img.alt) {
					report(
						file,
						playlistWithSlides,
						at('images', j, 'alt'),
						'有图片就要写图片文字说明：看不见图片的访客会听到这段文字'
					);
				}
			});
			const n = data.images.length;
			if (data.interval !== undefined && n * data.interval > data.duration) {
				slideError(
					'interval',
					`${n} 张图片每张 ${data.interval} 秒共 ${n * data.interval} 秒，超过播放时长 ${data.duration} 秒：后面的图片播不到，请加长播放时长或减少图片`
				);
			} else if (carouselIntervalMs(data.duration, n, data.interval) < MIN_CAROUSEL_SECONDS * 1000) {
				slideError(
					'duration',
					`${n} 张图片分 ${data.duration} 秒，每张不到 ${MIN_CAROUSEL_SECONDS} 秒，来不及看：请把播放时长加到至少 ${n * MIN_CAROUSEL_SECONDS} 秒，或减少图片`
				);
			}
		}
		if (data.kind === 'data' && data.maxAge < 2 * data.refresh) {
			slideError(
				'maxAge',
				`应至少是刷新间隔的 2 倍（${2 * data.refresh} 秒），否则一次刷新稍慢，数据就会显示为不可用`
			);
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
			if (dup !== undefined) {
				report(
					file,
					playlistWithSlides,
					['slides', i, 'id'],
					`“${s.id}”已被第${dup + 1}张幻灯片使用：每个编号只能用一次`
				);
			}
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
			if (seen.has(screen.id)) {
				report(file, screensSchema, ['screens', i, 'id'], `“${screen.id}”写了两次：每块屏幕只写一次`);
			}
			seen.add(screen.id);
			screen.playlists.forEach((ref, j) => {
				if (!known.has(ref)) {
					report(
						file,
						screensSchema,
						['screens', i, 'playlists', j],
						`没有这个播放列表：bulletins/playlists 里没有 ${ref}.yaml`
					);
				}
			});
			const p = screen.power;
			const power = p
				? { on: p.on ?? null, off: p.off ?? null, days: p.days ?? null, margin: p.margin }
				: null;
			screens.push({
				id: screen.id,
				name: screen.name,
				width: screen.width,
				height: screen.height,
				playlists: screen.playlists,
				power
			});
		});
	}

	const closures: Closure[] = [];
	const openDays: OpenDay[] = [];
	if (src.closures) {
		const { file, data } = src.closures;
		data.closures.forEach((c, i) => {
			const to = c.to ?? c.from;
			if (to < c.from) {
				report(file, closuresSchema, ['closures', i, 'to'], `早于开始日期（${c.from}）`);
			}
			closures.push({ from: c.from, to, reason: c.reason, note: c.note ?? null });
		});
		const seen = new Map<string, number>();
		data.openDays.forEach((o, i) => {
			const closed = closures.find((c) => c.from <= o.date && o.date <= c.to);
			if (closed) {
				report(
					file,
					closuresSchema,
					['openDays', i, 'date'],
					`这一天在闭馆日“${closed.reason}”（${closed.from} 至 ${closed.to}）之内：同一天不能既闭馆又办公`
				);
			}
			const dup = seen.get(o.date);
			if (dup !== undefined) {
				report(file, closuresSchema, ['openDays', i, 'date'], `与第${dup + 1}项是同一天：每天只写一次`);
			}
			seen.set(o.date, i);
			openDays.push({ date: o.date, reason: o.reason, sessions: o.sessions ?? null });
		});
	}

	return { playlists, screens, closures, openDays, dimming: src.screens?.data.dimming ?? null };
}
