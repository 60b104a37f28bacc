/**
 * The content model. Every file in `content/` is parsed against one of these schemas; the
 * TypeScript types of the whole app are inferred from them, so a field exists in code only if an
 * editor can write it. Messages are plain words because editors read them (see `errors.ts`).
 */
import * as z from 'zod';
import { compassPoints, featureKinds } from '../../hall-map/plan.ts';
import { parseDays } from '../../hours.ts';
import { planIssues } from './hall-map.ts';

// ---------------------------------------------------------------------------------------------
// Field metadata: the one place a field's Chinese name lives

/**
 * What an editor sees of a field: its Chinese name (the 办事指南要素 / 政府信息公开 names), a help
 * sentence and an example. Stored as zod metadata (`.meta()`, the global registry), so error
 * messages (errors.ts), `z.toJSONSchema()` and the editors' form configuration read the same
 * words. `title` is the label, `description` the help, `examples[0]` the example.
 */
export interface FieldMeta extends z.core.GlobalMeta {
	title: string;
	description?: string;
	examples?: unknown[];
}

/** `label('申请材料', '每份材料一项', '营业执照')` → metadata for `.meta()`. */
export function label(title: string, help?: string, example?: unknown): FieldMeta {
	return {
		title,
		...(help ? { description: help } : {}),
		...(example !== undefined ? { examples: [example] } : {})
	};
}

// ---------------------------------------------------------------------------------------------
// Building blocks. Messages come from errors.ts by issue code; only refinements carry their own.

/** Longest free text in one field: long enough for a legal basis, short enough for a screen. */
export const TEXT_MAX = 2000;

const text = (max = TEXT_MAX) => z.string().trim().min(1).max(max);

const wholeNumber = () => z.int().min(0).meta({ examples: [1] });

const positiveNumber = () => z.number().positive().meta({ examples: [5] });

const textList = (max = TEXT_MAX) => z.array(text(max)).min(1);

const optionalTextList = (max = TEXT_MAX) => z.array(text(max));

const keywords = () =>
	optionalTextList(20)
		.default([])
		.meta(label('搜索关键词', '访客可能输入的词，每个词一项', '电台执照'));

function isRealDate(year: number, month: number, day: number): boolean {
	const d = new Date(Date.UTC(year, month - 1, day));
	return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** `2015-03-24` — a calendar date that exists. */
export const dateString = () =>
	z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/)
		.refine((s) => isRealDate(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10)), {
			error: '不是真实存在的日期'
		})
		.meta({ format: 'date', examples: ['2015-03-24'] });

/**
 * `2026-11-20 09:00` (or a plain date, meaning midnight) in the office's time zone. Kept as the
 * editor wrote it; `time.ts` turns it into an instant with the zone from site.yaml.
 */
export const dateTimeString = () =>
	z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?$/)
		.refine(
			(s) => {
				const [h = 0, m = 0, sec = 0] = s.length > 10 ? s.slice(11).split(':').map(Number) : [];
				return (
					isRealDate(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10)) && h < 24 && m < 60 && sec < 60
				);
			},
			{ error: '不是真实存在的日期和时间' }
		)
		.meta({ format: 'date-time', examples: ['2026-11-20 09:00'] });

/** Only http(s): a `javascript:` or `data:` URL must never become a link or a QR code. */
export const webUrl = () =>
	z
		.string()
		.trim()
		.max(500)
		.refine(
			(s) => {
				try {
					const u = new URL(s);
					return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
				} catch {
					return false;
				}
			},
			{ error: '应为以 http:// 或 https:// 开头的网址' }
		)
		.meta({ format: 'uri', examples: ['https://www.example.gov.cn/'] });

/** A file under `content/media/`, written as `media/name.png`; checked to exist by the loader. */
export const mediaPath = () =>
	z
		.string()
		.regex(/^media\/[\w\-./]+\.(png|jpe?g|webp|svg|gif|pdf)$/i)
		.refine((s) => !s.includes('..'), { error: '只能指向 media 文件夹里的文件' })
		.meta({
			format: 'media',
			description: 'media 文件夹里的文件（png、jpg、webp、svg、gif 或 pdf），文件名用字母、数字和 -',
			examples: ['media/flow.png']
		});

/**
 * A video under `content/media/` for a bulletin slide, written as `media/name.mp4`: MP4 (H.264)
 * or WebM, the two every screen's browser plays. Kept apart from `mediaPath`: nothing but a
 * video slide can show a video.
 */
export const videoPath = () =>
	z
		.string()
		.regex(/^media\/[\w\-./]+\.(mp4|webm)$/i, {
			error: '应为 media 文件夹里的 MP4 或 WebM 视频，如 media/hall-intro.mp4'
		})
		.refine((s) => !s.includes('..'), { error: '只能指向 media 文件夹里的文件' })
		.meta({
			format: 'media',
			description: 'media 文件夹里的视频（mp4 或 webm），文件名用字母、数字和 -',
			examples: ['media/hall-intro.mp4']
		});

const slugRef = () =>
	z
		.string()
		.regex(/^[a-z0-9][a-z0-9-]*$/)
		.meta({
			format: 'slug',
			description: '办事指南的文件名（不含 .md）',
			examples: ['radio-station-license']
		});

const phone = () =>
	z
		.string()
		.regex(/^[0-9+\-() ]{5,20}$/)
		.meta({ examples: ['0731-88954321'] });

const email = () => z.email().meta({ examples: ['office@example.gov.cn'] });

const yesNo = () => z.boolean().meta({ examples: [true] });

export const timeUnits = ['工作日', '自然日', '小时'] as const;
const duration = () =>
	z.object({
		value: positiveNumber().meta(label('数值', undefined, 20)),
		unit: z.enum(timeUnits).meta(label('单位')),
		note: text(200).optional().meta(label('说明'))
	});

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values);

// ---------------------------------------------------------------------------------------------
// site.yaml

/** Today's 索引号 form, e.g. `430S00720/2015-40731`; an office may set its own in site.yaml. */
export const DEFAULT_INDEX_NO_PATTERN = '^[0-9A-Z]+/\\d{4}-\\d+$';
export const DEFAULT_INDEX_NO_EXAMPLE = '430S00720/2015-40731';

function compiles(pattern: string): boolean {
	try {
		new RegExp(pattern, 'u');
		return true;
	} catch {
		return false;
	}
}

/** Big enough for any hall, small enough that a cell stays large on a 1080 px wide screen. */
export const PLAN_MAX = 12;

/** One cell of the hall plan, counted from the top left. */
const planCell = () =>
	z.object({
		column: z
			.int()
			.min(1)
			.max(PLAN_MAX)
			.meta(label('列', '从左往右数，第1列在最左边', 2)),
		row: z
			.int()
			.min(1)
			.max(PLAN_MAX)
			.meta(label('行', '从上往下数，第1行在最上边', 1))
	});

const hallMap = z.object({
	columns: z
		.int()
		.min(2)
		.max(PLAN_MAX)
		.meta(label('列数', `平面图从左到右分几格（2–${PLAN_MAX}）`, 7)),
	rows: z
		.int()
		.min(2)
		.max(PLAN_MAX)
		.meta(label('行数', `平面图从上到下分几格（2–${PLAN_MAX}）`, 5)),
	top: z
		.enum(compassPoints)
		.default('北')
		.meta(label('上方朝向', '平面图的上边是大厅的哪一侧；访客听到的“东侧第二个”按它来说')),
	here: planCell()
		.optional()
		.meta(label('本机位置', '触摸屏所在的格子，地图在这里标“您在这里”；不填时标在入口')),
	features: z
		.array(
			z.object({
				kind: z.enum(featureKinds).meta(label('设施类型')),
				label: text(8)
					.optional()
					.meta(label('显示名称', '不填时显示设施类型，如写“导服台”“第三卫生间”', '导服台')),
				column: z
					.int()
					.min(1)
					.max(PLAN_MAX)
					.meta(label('列', '设施左上角所在的列', 1)),
				row: z
					.int()
					.min(1)
					.max(PLAN_MAX)
					.meta(label('行', '设施左上角所在的行', 1)),
				width: z
					.int()
					.min(1)
					.max(PLAN_MAX)
					.default(1)
					.meta(label('宽（格）', '向右占几格，不填为 1', 1)),
				height: z
					.int()
					.min(1)
					.max(PLAN_MAX)
					.default(1)
					.meta(label('高（格）', '向下占几格，不填为 1', 1))
			})
		)
		.default([])
		.meta(label('设施', '入口、咨询台、自助服务区、等候区、电梯、楼梯、卫生间等，每样一项'))
});

// ---------------------------------------------------------------------------------------------
// Office hours (site.yaml `hours`, closures.yaml `openDays`): structured, so the kiosk and the
// bulletin can tell whether the hall is open; the sentences on the signs are generated
// (`$lib/hours`).

/** `09:00` or `9:00`, kept as `09:00`; `24:00` only as an end. */
const sessionClock = (end: boolean) =>
	z
		.string()
		.trim()
		.regex(end ? /^([01]?\d|2[0-3]):[0-5]\d$|^24:00$/ : /^([01]?\d|2[0-3]):[0-5]\d$/, {
			error: '应为 24 小时制的时刻，如 09:00 或 13:30'
		})
		.transform((s) => s.padStart(5, '0'))
		.meta({ examples: [end ? '12:00' : '09:00'], description: '24 小时制' });

const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** Sessions of one day: each ends after it starts, none overlaps another; kept in time order. */
export const sessionsSchema = () =>
	z
		.array(
			z.strictObject({
				from: sessionClock(false).meta(label('开始', '24 小时制', '09:00')),
				to: sessionClock(true).meta(label('结束', '24 小时制', '12:00'))
			})
		)
		.min(1)
		.superRefine((sessions, ctx) => {
			sessions.forEach((s, i) => {
				if (minutes(s.to) <= minutes(s.from)) {
					ctx.addIssue({
						code: 'custom',
						path: [i, 'to'],
						message: `应晚于开始时间（${s.from}）`
					});
					return;
				}
				const j = sessions.findIndex(
					(o, k) =>
						k < i &&
						minutes(o.from) < minutes(o.to) &&
						minutes(o.from) < minutes(s.to) &&
						minutes(s.from) < minutes(o.to)
				);
				if (j >= 0) {
					const o = sessions[j]!;
					ctx.addIssue({
						code: 'custom',
						path: [i],
						message: `与第${j + 1}段（${o.from}—${o.to}）时间重叠`
					});
				}
			});
		})
		.transform((sessions) => [...sessions].sort((a, b) => minutes(a.from) - minutes(b.from)));

const officeDays = () =>
	z
		.union([z.string(), z.array(z.int())])
		.transform((v, ctx) => {
			if (typeof v === 'string') {
				const days = parseDays(v);
				if (days) return days;
				ctx.addIssue({
					code: 'custom',
					message: '应写成“周一至周五”或“周一、周三、周五”，也可写 [1, 2, 3, 4, 5]'
				});
				return z.NEVER;
			}
			if (v.length === 0 || v.some((d) => d < 1 || d > 7) || new Set(v).size !== v.length) {
				ctx.addIssue({
					code: 'custom',
					message: '应为 1（周一）到 7（周日）之间、互不重复的数字，如 [1, 2, 3, 4, 5]'
				});
				return z.NEVER;
			}
			return [...v].sort((a, b) => a - b);
		});

export const officeHoursSchema = z
	.strictObject({
		days: officeDays().meta(
			label('办公日', '如“周一至周五”或“周一、周三、周五”；法定节假日写在 closures.yaml', '周一至周五')
		),
		sessions: sessionsSchema().meta(label('办公时段', '每段一项，如上午一段、下午一段')),
		online: text(60)
			.optional()
			.meta(label('休息日说明', '显示在“休息”之后', '网上办事大厅 24 小时受理申报')),
		/** Shown as a QR code on the bulletin's closed slide. */
		onlineUrl: webUrl()
			.optional()
			.meta(label('网上办事大厅网址', '下班和闭厅时，信息发布屏显示它的二维码'))
	})
	.meta(label('办公时间'));

export const siteSchema = z
	.object({
		name: text(40).meta(label('单位名称', '本单位的全称', '湖南省经济和信息化委员会')),
		shortName: text(12).optional().meta(label('单位简称', '屏幕空间不够时显示', '省经信委')),
		hallName: text(20).default('政务服务大厅').meta(label('大厅名称', undefined, '政务服务大厅')),
		address: text(100).meta(label('地址', undefined, '长沙市芙蓉区五一大道98号')),
		transport: text(300).optional().meta(label('交通指引')),
		hours: officeHoursSchema,
		enquiryPhone: phone().meta(label('咨询电话')),
		complaintPhone: phone().meta(label('投诉电话', '应与咨询电话不同')),
		email: email().optional().meta(label('电子邮箱')),
		website: webUrl().optional().meta(label('网站')),
		windows: z
			.array(
				z.object({
					number: z
						.union([text(10), wholeNumber()])
						.transform(String)
						.meta(label('窗口号', undefined, 1)),
					name: text(30).meta(label('窗口名称', undefined, '综合受理窗口')),
					services: optionalTextList(60).default([]).meta(label('办理事项')),
					position: planCell()
						.optional()
						.meta(label('地图位置', '这个窗口在大厅平面图上的格子；有大厅平面图时必填'))
				})
			)
			.min(1)
			.meta(label('服务窗口', '大厅的每个窗口一项；办事指南的“窗口”须是这里的窗口')),
		hallMap: hallMap.optional().meta(
			label(
				'大厅平面图',
				'把大厅分成若干列、若干行的方格，从左上角的第1列第1行数起；窗口的位置写在每个窗口的“地图位置”里'
			)
		),
		/** Where this site is published; "take this page with you" QR codes point here. */
		publicBaseUrl: webUrl().meta(
			label('公开网址', '本系统发布的网址，“带走此页”的二维码指向这里', 'https://www.example.gov.cn/kiosk')
		),
		timeZone: text(40)
			.default('Asia/Shanghai')
			.refine(
				(tz) => {
					try {
						new Intl.DateTimeFormat('en', { timeZone: tz });
						return true;
					} catch {
						return false;
					}
				},
				{ error: '不是已知的时区，如 Asia/Shanghai' }
			)
			.meta(label('时区', undefined, 'Asia/Shanghai')),
		/**
		 * The office's own 索引号 form (a regular expression) and an example of it. Without them,
		 * today's form `430S00720/2015-40731` applies.
		 */
		indexNoPattern: text(200)
			.refine(compiles, { error: '不是有效的正则表达式' })
			.default(DEFAULT_INDEX_NO_PATTERN)
			.meta(label('索引号格式', '正则表达式；不填时为“机构代码/年份-序号”', DEFAULT_INDEX_NO_PATTERN)),
		indexNoExample: text(60)
			.default(DEFAULT_INDEX_NO_EXAMPLE)
			.meta(label('索引号示例', '一个符合索引号格式的例子，出错时提示编辑', DEFAULT_INDEX_NO_EXAMPLE)),
		kiosk: z
			.object({
				idleTimeoutSeconds: wholeNumber()
					.min(15, { error: '至少 15 秒' })
					.default(90)
					.meta(label('无操作返回首页（秒）', undefined, 90)),
				idleCountdownSeconds: wholeNumber()
					.min(20, { error: '至少 20 秒（WCAG 2.2.1）' })
					.default(20)
					.meta(label('返回首页前倒计时（秒）', undefined, 20)),
				updateCheckMinutes: wholeNumber()
					.min(1, { error: '至少 1 分钟' })
					.default(15)
					.meta(label('检查更新间隔（分钟）', undefined, 15)),
				/** The staff PIN as a slow salted hash (PBKDF2-SHA-256): `npm run pin -- 2468`. */
				statusPin: z
					.object({
						salt: z
							.string()
							.regex(/^[0-9a-f]{32,128}$/)
							.meta(label('盐值', '16–64 字节的十六进制，由 npm run pin 生成')),
						iterations: wholeNumber()
							.min(100_000)
							.meta(label('迭代次数', '不少于 100000，由 npm run pin 生成', 1_000_000)),
						hash: z
							.string()
							.regex(/^[0-9a-f]{64}$/)
							.meta(label('摘要', '32 字节的十六进制，由 npm run pin 生成'))
					})
					.optional()
					.meta(label('员工密码', '用 npm run pin -- 密码 生成这三行；密码本身从不写入文件'))
			})
			.prefault({})
			.meta(label('终端设置')),
		/** Chips shown on the search screen before typing. */
		frequentSearches: optionalTextList(12)
			.default([])
			.meta(label('常用搜索词', '搜索页上直接可点的词', '无线电'))
	})
	.superRefine((site, ctx) => {
		for (const issue of planIssues(site.hallMap, site.windows)) {
			ctx.addIssue({ code: 'custom', ...issue });
		}
		if (compiles(site.indexNoPattern) && !new RegExp(site.indexNoPattern, 'u').test(site.indexNoExample)) {
			ctx.addIssue({
				code: 'custom',
				path: ['indexNoExample'],
				message: `不符合索引号格式 ${site.indexNoPattern}`
			});
		}
	});

// ---------------------------------------------------------------------------------------------
// guides/<slug>.md — 办事指南, elements from shared/reference/service-guide-elements.md

export const guideKinds = [
	'行政许可',
	'行政给付',
	'行政确认',
	'行政奖励',
	'行政裁决',
	'其他行政权力',
	'公共服务'
] as const;

/** 行使层级. A district hall writes 区级 (the national model counts it as 县级): both are accepted. */
export const guideLevels = [
	'国家级',
	'省级',
	'市级',
	'县级',
	'区级',
	'乡镇（街道）级',
	'村（社区）级'
] as const;

/** In increasing order: the index is the depth level. */
export const onlineDepths = [
	'互联网咨询',
	'收件',
	'预审',
	'受理',
	'办理',
	'结果信息反馈',
	'电子证照反馈'
] as const;

/** Shown on the guide tiles and the LED strip: a name longer than this does not fit. */
export const GUIDE_NAME_MAX = 40;

const material = z.object({
	name: text(100).meta(label('材料名称', undefined, '营业执照')),
	form: oneOf(['原件', '复印件', '原件和复印件']).meta(label('材料类型')),
	medium: oneOf(['纸质', '电子', '纸质或电子']).default('纸质').meta(label('材料形式')),
	necessity: oneOf(['必要', '非必要', '容缺']).default('必要').meta(label('必要性')),
	necessityNote: text(200).optional().meta(label('必要性说明', '什么情况下不需要')),
	originals: wholeNumber().meta(label('原件份数', undefined, 1)),
	copies: wholeNumber().meta(label('复印件份数', undefined, 1)),
	paper: text(30).optional().meta(label('纸质规格', undefined, 'A4')),
	source: oneOf(['申请人自备', '政府部门核发', '其他']).meta(label('来源渠道')),
	sourceNote: text(200).optional().meta(label('来源渠道说明')),
	blankForm: mediaPath().optional().meta(label('空白表格')),
	sample: mediaPath().optional().meta(label('示例样表')),
	commonMistakes: optionalTextList(200)
		.default([])
		.meta(label('常见错误示例', '每条一项', '未加盖公章')),
	requirements: text(500).optional().meta(label('填报须知'))
});

const step = z.object({
	name: text(30).meta(label('环节名称', undefined, '受理')),
	office: text(60).meta(label('办理处室/岗位', undefined, '综合受理窗口')),
	limit: duration().meta(label('时限')),
	description: text(500).optional().meta(label('环节说明'))
});

const fee = z.object({
	item: text(100).meta(label('收费项目')),
	standard: text(300).meta(label('收费标准')),
	basis: text(300).meta(label('收费依据')),
	waiver: text(300).optional().meta(label('减免依据')),
	onlinePayment: yesNo().default(false).meta(label('是否支持网上支付'))
});

const contactChannel = z.object({
	phone: phone().meta(label('电话')),
	window: text(60).optional().meta(label('窗口')),
	email: email().optional().meta(label('邮箱')),
	url: webUrl().optional().meta(label('网址')),
	address: text(100).optional().meta(label('信函地址'))
});

const remedyBody = z.object({
	body: text(100).meta(label('机关')),
	address: text(100).optional().meta(label('地址')),
	phone: phone().optional().meta(label('电话')),
	url: webUrl().optional().meta(label('网址'))
});

export const guideSchema = z.object({
	name: text(GUIDE_NAME_MAX).meta(
		label('事项名称', `最多 ${GUIDE_NAME_MAX} 个字，屏幕上才放得下`, '无线电台（站）设置审批')
	),
	catalogCode: text(60).optional().meta(label('基本编码')),
	implCode: text(60).optional().meta(label('实施编码')),
	kind: oneOf(guideKinds).meta(label('事项类型')),
	/** Grouping on the guide list, e.g. 无线电管理, 节能审查. */
	theme: text(12).meta(label('主题分类', '办事指南列表按它分组', '无线电管理')),
	summary: text(300).optional().meta(label('事项简介')),
	keywords: keywords(),
	legalBasis: textList().meta(
		label('设定依据', '法律法规条款，每条一项，位阶高的在前', '《中华人民共和国无线电管理条例》第二十七条')
	),
	level: oneOf(guideLevels).default('省级').meta(label('行使层级')),
	authority: text(60).meta(label('实施主体', undefined, '湖南省经济和信息化委员会')),
	authorityNature: oneOf(['法定机关', '授权组织', '受委托组织'])
		.default('法定机关')
		.meta(label('实施主体性质')),
	audience: z.array(oneOf(['自然人', '法人', '其他组织'])).default([]).meta(label('服务对象')),
	caseType: oneOf(['即办件', '承诺件']).optional().meta(label('办件类型')),
	channels: z
		.array(oneOf(['窗口办理', '网上办理', '快递申请']))
		.default([])
		.meta(label('办理形式')),
	quantityLimit: text(200).optional().meta(label('数量限制')),
	conditions: textList().meta(label('受理条件', '每条一项')),
	prohibitions: optionalTextList().default([]).meta(label('禁止性要求')),
	materials: z.array(material).min(1).meta(label('申请材料', '每份材料一项')),
	steps: z.array(step).min(1).meta(label('办理环节', '按先后顺序，每个环节一项')),
	specialProcedures: z
		.array(
			z.object({
				name: text(30).meta(label('程序名称', undefined, '专家评审')),
				limit: duration().meta(label('时限')),
				countsTowardLimit: yesNo().meta(label('是否计入法定时限'))
			})
		)
		.default([])
		.meta(label('特别程序')),
	flowChart: mediaPath().optional().meta(label('流程图')),
	timeLimits: z
		.object({
			statutory: duration().meta(label('法定办结时限')),
			promised: duration().meta(label('承诺办结时限'))
		})
		.meta(label('办结时限')),
	/** No fees (an empty list, or none written, as the forms save it) means free of charge. */
	fees: z.array(fee).default([]).meta(label('收费', '不收费时不填')),
	where: z
		.object({
			place: text(100).meta(label('办理地点')),
			hours: text(100).meta(label('办理时间')),
			window: text(60)
				.optional()
				.meta(label('窗口号', '须是 site.yaml 里的窗口，如“3号”或“3号 节能与电力窗口”', '3号')),
			transport: text(300).optional().meta(label('交通指引'))
		})
		.meta(label('办理地点与时间')),
	/** Missing for an item handled only at the hall windows. */
	online: z
		.object({
			depth: oneOf(onlineDepths).meta(label('网上办理深度')),
			url: webUrl().meta(label('网办地址')),
			mobileUrl: webUrl().optional().meta(label('移动端办理地址')),
			visits: wholeNumber().meta(label('到办事现场次数', undefined, 1)),
			visitReason: text(100).optional().meta(label('到现场原因')),
			appointment: yesNo().default(false).meta(label('预约')),
			mailDelivery: yesNo().default(false).meta(label('物流快递'))
		})
		.optional()
		.meta(label('网上办理', '只能在大厅窗口办理的事项不写这一组')),
	contact: z
		.object({
			enquiry: contactChannel.meta(label('咨询方式')),
			complaint: contactChannel.meta(label('监督投诉方式', '电话应与咨询电话不同'))
		})
		.meta(label('联系方式')),
	result: z
		.object({
			type: oneOf(['证照', '批文', '其他']).meta(label('结果类型')),
			name: text(60).meta(label('结果名称')),
			delivery: z
				.array(oneOf(['窗口领取', '邮寄', '电子证照']))
				.default([])
				.meta(label('送达方式'))
		})
		.optional()
		.meta(label('办理结果')),
	remedies: z
		.object({
			reconsideration: remedyBody.optional().meta(label('行政复议')),
			litigation: remedyBody.optional().meta(label('行政诉讼'))
		})
		.optional()
		.meta(label('救济途径')),
	rights: optionalTextList().default([]).meta(label('依法享有的权利')),
	duties: optionalTextList().default([]).meta(label('依法履行的义务')),
	faq: z
		.array(
			z.object({
				q: text(100).meta(label('问题')),
				a: text().meta(label('解答'))
			})
		)
		.default([])
		.meta(label('常见问题')),
	published: dateString().meta(label('发布时间')),
	effective: dateString().optional().meta(label('生效日期')),
	/** From this date the item is no longer current and is hidden. */
	cancelled: dateString().optional().meta(label('取消日期', '从这一天起不再显示'))
});

// ---------------------------------------------------------------------------------------------
// processes/<slug>.md — 办事流程 that are not a single guide

export const processSchema = z.object({
	title: text(40).meta(label('流程名称', undefined, '依申请公开办理流程')),
	summary: text(300).optional().meta(label('简介')),
	keywords: keywords(),
	steps: z
		.array(
			z.object({
				name: text(30).meta(label('环节名称', undefined, '提交申请')),
				description: text(1000).optional().meta(label('环节说明')),
				office: text(60).optional().meta(label('办理处室/岗位')),
				limit: duration().optional().meta(label('时限'))
			})
		)
		.min(1)
		.meta(label('办理环节', '按先后顺序，每个环节一项')),
	/** Slugs of guides this process refers to; each must exist. */
	guides: z.array(slugRef()).default([]).meta(label('相关办事指南')),
	published: dateString().meta(label('发布时间'))
});

// ---------------------------------------------------------------------------------------------
// disclosure/<slug>.md — 政务公开 (shared/reference/disclosure-catalogue.md)

export const article20Categories = [
	'行政法规、规章和规范性文件',
	'机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名',
	'国民经济和社会发展规划、专项规划、区域规划及相关政策',
	'国民经济和社会发展统计信息',
	'行政许可和其他对外管理服务事项',
	'行政处罚、行政强制',
	'财政预算、决算信息',
	'行政事业性收费项目及其依据、标准',
	'政府集中采购项目',
	'重大建设项目的批准和实施情况',
	'扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况',
	'突发公共事件的应急预案、预警信息及应对情况',
	'环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况',
	'公务员招考的职位、名额、报考条件等事项以及录用结果',
	'法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息'
] as const;

export const disclosureCategories = [
	'公开指南',
	'公开制度',
	...article20Categories,
	'公开年报',
	'依申请公开'
] as const;

export type DisclosureCategory = (typeof disclosureCategories)[number];

/**
 * The ASCII URL key of each category (`/disclosure/c/<key>`). Named, not numbered, so that the
 * URLs terminals and QR codes already point at survive a category being added or reordered.
 */
export const disclosureCategoryKeys = {
	公开指南: 'guide',
	公开制度: 'rules',
	'行政法规、规章和规范性文件': 'regulations',
	'机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名': 'organisation',
	'国民经济和社会发展规划、专项规划、区域规划及相关政策': 'plans',
	国民经济和社会发展统计信息: 'statistics',
	行政许可和其他对外管理服务事项: 'licensing',
	'行政处罚、行政强制': 'enforcement',
	'财政预算、决算信息': 'budgets',
	'行政事业性收费项目及其依据、标准': 'fees',
	政府集中采购项目: 'procurement',
	重大建设项目的批准和实施情况: 'projects',
	'扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况': 'welfare',
	'突发公共事件的应急预案、预警信息及应对情况': 'emergencies',
	'环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况': 'inspections',
	'公务员招考的职位、名额、报考条件等事项以及录用结果': 'civil-service',
	'法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息': 'other',
	公开年报: 'annual-reports',
	依申请公开: 'on-request'
} as const satisfies Record<DisclosureCategory, string>;

/**
 * What a category's button in the catalogue says: Article 20 names run to 30 characters, which no
 * button holds whole. The list heading under the buttons gives the full name.
 */
export const disclosureCategoryShortNames = {
	公开指南: '公开指南',
	公开制度: '公开制度',
	'行政法规、规章和规范性文件': '法规文件',
	'机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名': '机构职能',
	'国民经济和社会发展规划、专项规划、区域规划及相关政策': '规划政策',
	国民经济和社会发展统计信息: '统计信息',
	行政许可和其他对外管理服务事项: '行政许可',
	'行政处罚、行政强制': '处罚强制',
	'财政预算、决算信息': '预算决算',
	'行政事业性收费项目及其依据、标准': '收费项目',
	政府集中采购项目: '政府采购',
	重大建设项目的批准和实施情况: '重大项目',
	'扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况': '民生政策',
	'突发公共事件的应急预案、预警信息及应对情况': '应急管理',
	'环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况': '监督检查',
	'公务员招考的职位、名额、报考条件等事项以及录用结果': '公务员招考',
	'法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息': '其他信息',
	公开年报: '公开年报',
	依申请公开: '依申请公开'
} as const satisfies Record<DisclosureCategory, string>;

export const applicantKinds = [
	'naturalPersons',
	'businesses',
	'researchInstitutions',
	'nonprofits',
	'legalServices',
	'others'
] as const;

/** One row of table 三: a count per applicant kind (the total is derived, never typed). */
/** Column names of table 三 (国办公开办函〔2021〕30号). */
export const applicantKindLabels = {
	naturalPersons: '自然人',
	businesses: '商业企业',
	researchInstitutions: '科研机构',
	nonprofits: '社会公益组织',
	legalServices: '法律服务机构',
	others: '其他'
} as const satisfies Record<(typeof applicantKinds)[number], string>;

const applicantCounts = z.object(
	Object.fromEntries(
		applicantKinds.map((k) => [k, wholeNumber().default(0).meta(label(applicantKindLabels[k]))])
	) as Record<(typeof applicantKinds)[number], z.ZodDefault<z.ZodInt>>
);

export const applicationResultKinds = [
	'disclosed',
	'partiallyDisclosed',
	'refused',
	'unavailable',
	'notProcessed',
	'otherwise'
] as const;

/** Rows of table 三 part 三 (办理结果). */
export const applicationResultLabels = {
	disclosed: '（一）予以公开',
	partiallyDisclosed: '（二）部分公开',
	refused: '（三）不予公开',
	unavailable: '（四）无法提供',
	notProcessed: '（五）不予处理',
	otherwise: '（六）其他处理'
} as const satisfies Record<(typeof applicationResultKinds)[number], string>;

const reviewRow = z.object({
	upheld: wholeNumber().default(0).meta(label('结果维持')),
	corrected: wholeNumber().default(0).meta(label('结果纠正')),
	other: wholeNumber().default(0).meta(label('其他结果')),
	pending: wholeNumber().default(0).meta(label('尚未审结'))
});

export const annualReportSchema = z.object({
	year: z.int().min(2008).max(2100).meta(label('年度', undefined, 2014)),
	/** Table 二: proactive disclosure figures, as label/value pairs. */
	proactive: z
		.array(
			z.object({
				label: text(60).meta(label('项目', undefined, '本年制发规范性文件')),
				value: z.number().meta(label('数值', undefined, 9))
			})
		)
		.default([])
		.meta(label('二、主动公开政府信息情况')),
	/** Table 三: applications. Rule: 一 + 二 = 三 + 四 for every column. */
	applications: z
		.object({
			newlyReceived: applicantCounts.meta(label('一、本年新收政府信息公开申请数量')),
			carriedOver: applicantCounts.meta(label('二、上年结转政府信息公开申请数量')),
			results: z
				.object(
					Object.fromEntries(
						applicationResultKinds.map((k) => [
							k,
							applicantCounts.prefault({}).meta(label(applicationResultLabels[k]))
						])
					) as Record<
						(typeof applicationResultKinds)[number],
						z.ZodPrefault<typeof applicantCounts>
					>
				)
				.meta(label('三、本年度办理结果')),
			carriedForward: applicantCounts.meta(label('四、结转下年度继续办理'))
		})
		.meta(label('三、收到和处理政府信息公开申请情况')),
	/** Table 四: administrative review and litigation. */
	review: z
		.object({
			reconsideration: reviewRow.prefault({}).meta(label('行政复议')),
			litigationDirect: reviewRow.prefault({}).meta(label('行政诉讼（未经复议直接起诉）')),
			litigationAfterReview: reviewRow.prefault({}).meta(label('行政诉讼（复议后起诉）'))
		})
		.optional()
		.meta(label('四、政府信息公开行政复议、行政诉讼情况'))
});

/** Disclosure items come by the thousand from spreadsheet exports: titles may be long. */
export const DISCLOSURE_TITLE_MAX = 120;

export const disclosureSchema = z.object({
	title: text(DISCLOSURE_TITLE_MAX).meta(
		label('标题', undefined, '湖南省经济和信息化委员会2014年政府信息公开工作年度报告')
	),
	/** Checked against site.yaml's 索引号格式 by the loader (each office has its own). */
	indexNo: text(60).meta(label('索引号', '格式见 site.yaml 的索引号格式', DEFAULT_INDEX_NO_EXAMPLE)),
	category: oneOf(disclosureCategories).meta(label('公开类别')),
	date: dateString().meta(label('发文日期')),
	issuer: text(60).meta(label('发布机构', undefined, '湖南省经济和信息化委员会')),
	publishMethod: text(30).default('政府网站').meta(label('公开方式')),
	keywords: keywords(),
	summary: text(300).optional().meta(label('内容概述')),
	annualReport: annualReportSchema.optional().meta(label('年度报告表格'))
});

// ---------------------------------------------------------------------------------------------
// notices/<slug>.md — 通知公告

/** The notice list, the bulletin and the ticker show the title on one or two lines. */
export const NOTICE_TITLE_MAX = 60;

export const noticeSchema = z.object({
	title: text(NOTICE_TITLE_MAX).meta(
		label('标题', `最多 ${NOTICE_TITLE_MAX} 个字`, '关于2027年元旦假期大厅办公时间的通知')
	),
	issuer: text(60).optional().meta(label('发布单位')),
	published: dateTimeString().meta(label('发布时间')),
	expires: dateTimeString().meta(label('截止时间', '到这个时间不再显示')),
	/** Urgent notices also run as the bulletin ticker until they expire. */
	urgent: yesNo().default(false).meta(label('紧急', '紧急通知在信息发布屏上滚动显示')),
	/**
	 * On a screen whose playlist takes over for urgent notices: the part of the time the notice
	 * fills the screen, taking turns with the playlist, so no wall shows one still frame for hours.
	 */
	share: z
		.number()
		.min(0.3, { error: '至少 0.3，否则紧急通知太久才出现一次' })
		.max(0.8, { error: '最多 0.8，其余时间照常播放幻灯片' })
		.default(0.5)
		.meta(
			label(
				'整屏显示占比',
				'紧急通知整屏显示时，与幻灯片轮流播放，占播放时间的比例（0.3 到 0.8，默认 0.5）',
				0.5
			)
		),
	keywords: keywords(),
	image: mediaPath().optional().meta(label('图片')),
	imageAlt: text(200).optional().meta(label('图片文字说明', '给看不见图片的访客读的文字'))
});

// ---------------------------------------------------------------------------------------------
// services/<slug>.yaml — online services, shown as QR codes

export const serviceSchema = z.object({
	name: text(30).meta(label('服务名称', undefined, '湖南政务服务网')),
	description: text(200).meta(label('服务说明')),
	url: webUrl().meta(label('网址')),
	category: text(12).default('在线服务').meta(label('分类')),
	keywords: keywords(),
	guides: z.array(slugRef()).default([]).meta(label('相关办事指南'))
});

export type SiteInput = z.input<typeof siteSchema>;
export type Site = z.output<typeof siteSchema>;
export type HallMap = z.output<typeof hallMap>;
export type GuideLevel = (typeof guideLevels)[number];
export type GuideData = z.output<typeof guideSchema>;
export type ProcessData = z.output<typeof processSchema>;
export type DisclosureData = z.output<typeof disclosureSchema>;
export type AnnualReport = z.output<typeof annualReportSchema>;
export type NoticeData = z.output<typeof noticeSchema>;
export type ServiceData = z.output<typeof serviceSchema>;
export type Duration = z.output<ReturnType<typeof duration>>;
export type ApplicantCounts = z.output<typeof applicantCounts>;
