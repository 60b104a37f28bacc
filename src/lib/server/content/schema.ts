/**
 * The content model. Every file in `content/` is parsed against one of these schemas; the
 * TypeScript types of the whole app are inferred from them, so a field exists in code only if an
 * editor can write it. Messages are plain words because editors read them (see `errors.ts`).
 */
import * as z from 'zod';

// ---------------------------------------------------------------------------------------------
// Building blocks

const text = (what = 'text') =>
	z.string({ error: `expected ${what}` }).trim().min(1, { error: `${what} must not be empty` });

const wholeNumber = () =>
	z
		.int({ error: 'expected a whole number' })
		.min(0, { error: 'expected a whole number of 0 or more' });

const positiveNumber = () =>
	z.number({ error: 'expected a number' }).positive({ error: 'expected a number above 0' });

const textList = (what = 'text') =>
	z.array(text(what), { error: 'expected a list' }).min(1, { error: 'expected at least one entry' });

const optionalTextList = (what = 'text') => z.array(text(what), { error: 'expected a list' });

function isRealDate(year: number, month: number, day: number): boolean {
	const d = new Date(Date.UTC(year, month - 1, day));
	return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** `2015-03-24` — a calendar date that exists. */
export const dateString = () =>
	z
		.string({ error: 'expected a date like 2015-03-24' })
		.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date like 2015-03-24' })
		.refine((s) => isRealDate(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10)), {
			error: 'is not a real calendar date'
		});

/**
 * `2026-11-20 09:00` (or a plain date, meaning midnight) in the office's time zone. Kept as the
 * editor wrote it; `time.ts` turns it into an instant with the zone from site.yaml.
 */
export const dateTimeString = () =>
	z
		.string({ error: 'expected a date-time like 2026-11-20 09:00' })
		.regex(/^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?$/, {
			error: 'expected a date-time like 2026-11-20 09:00'
		})
		.refine(
			(s) => {
				const [h = 0, m = 0, sec = 0] = s.length > 10 ? s.slice(11).split(':').map(Number) : [];
				return (
					isRealDate(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10)) && h < 24 && m < 60 && sec < 60
				);
			},
			{ error: 'is not a real date and time' }
		);

/** Only http(s): a `javascript:` or `data:` URL must never become a link or a QR code. */
export const webUrl = () =>
	z
		.string({ error: 'expected a web address' })
		.trim()
		.refine(
			(s) => {
				try {
					const u = new URL(s);
					return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
				} catch {
					return false;
				}
			},
			{ error: 'expected a web address starting with http:// or https://' }
		);

/** A file under `content/media/`, written as `media/name.png`; checked to exist by the loader. */
export const mediaPath = () =>
	z
		.string({ error: 'expected a media path like media/flow.png' })
		.regex(/^media\/[\w\-./]+\.(png|jpe?g|webp|svg|gif|pdf)$/i, {
			error: 'expected a media path like media/flow.png (png, jpg, webp, svg, gif or pdf)'
		})
		.refine((s) => !s.includes('..'), { error: 'must stay inside content/media' });

const slugRef = () =>
	z
		.string({ error: 'expected a slug' })
		.regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'expected a slug of lowercase letters, digits and -' });

const phone = () =>
	z
		.string({ error: 'expected a phone number' })
		.regex(/^[0-9+\-() ]{5,20}$/, { error: 'expected a phone number like 0731-88954321' });

export const timeUnits = ['工作日', '自然日', '小时'] as const;
const duration = () =>
	z.object(
		{
			value: positiveNumber(),
			unit: z.enum(timeUnits, { error: `expected one of ${timeUnits.join(' | ')}` }),
			note: text().optional()
		},
		{ error: 'expected { value, unit }' }
	);

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
	z.enum(values, { error: `expected one of ${values.join(' | ')}` });

// ---------------------------------------------------------------------------------------------
// site.yaml

export const siteSchema = z.object({
	name: text('the office name'),
	shortName: text().optional(),
	hallName: text().default('政务服务大厅'),
	address: text('an address'),
	transport: text().optional(),
	hours: z
		.array(z.object({ days: text(), time: text() }), { error: 'expected a list' })
		.min(1, { error: 'expected at least one entry' }),
	enquiryPhone: phone(),
	complaintPhone: phone(),
	email: z.email({ error: 'expected an e-mail address' }).optional(),
	website: webUrl().optional(),
	windows: z
		.array(
			z.object({
				number: z.union([text(), wholeNumber()]).transform(String),
				name: text(),
				services: optionalTextList().default([])
			})
		)
		.min(1, { error: 'expected at least one hall window' }),
	/** Where this site is published; "take this page with you" QR codes point here. */
	publicBaseUrl: webUrl(),
	timeZone: text()
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
			{ error: 'is not a known time zone, e.g. Asia/Shanghai' }
		),
	kiosk: z
		.object({
			idleTimeoutSeconds: wholeNumber().min(15, { error: 'must be at least 15 seconds' }).default(90),
			idleCountdownSeconds: wholeNumber()
				.min(20, { error: 'must be at least 20 seconds (WCAG 2.2.1)' })
				.default(20),
			updateCheckMinutes: wholeNumber().min(1, { error: 'must be at least 1 minute' }).default(15),
			/** The staff PIN as a slow salted hash (PBKDF2-SHA-256): `npm run pin -- 2468`. */
			statusPin: z
				.object({
					salt: z.string().regex(/^[0-9a-f]{32,128}$/, { error: 'expected 16-64 bytes as hex' }),
					iterations: wholeNumber().min(100_000, { error: 'must be at least 100000' }),
					hash: z.string().regex(/^[0-9a-f]{64}$/, { error: 'expected 32 bytes as hex' })
				})
				.optional()
		})
		.prefault({}),
	/** Chips shown on the search screen before typing. */
	frequentSearches: optionalTextList().default([])
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

const material = z.object({
	name: text('the material name'),
	form: oneOf(['原件', '复印件', '原件和复印件']),
	medium: oneOf(['纸质', '电子', '纸质或电子']).default('纸质'),
	necessity: oneOf(['必要', '非必要', '容缺']).default('必要'),
	necessityNote: text().optional(),
	originals: wholeNumber(),
	copies: wholeNumber(),
	paper: text().optional(),
	source: oneOf(['申请人自备', '政府部门核发', '其他']),
	sourceNote: text().optional(),
	blankForm: mediaPath().optional(),
	sample: mediaPath().optional(),
	commonMistakes: optionalTextList().default([]),
	requirements: text().optional()
});

const step = z.object({
	name: text('the step name'),
	office: text('the office or post'),
	limit: duration(),
	description: text().optional()
});

const fee = z.object({
	item: text(),
	standard: text(),
	basis: text(),
	waiver: text().optional(),
	onlinePayment: z.boolean({ error: 'expected true or false' }).default(false)
});

const contactChannel = z.object({
	phone: phone(),
	window: text().optional(),
	email: z.email({ error: 'expected an e-mail address' }).optional(),
	url: webUrl().optional(),
	address: text().optional()
});

const remedyBody = z.object({
	body: text(),
	address: text().optional(),
	phone: phone().optional(),
	url: webUrl().optional()
});

export const guideSchema = z.object({
	name: text('the item name'),
	catalogCode: text().optional(),
	implCode: text().optional(),
	kind: oneOf(guideKinds),
	/** Grouping on the guide list, e.g. 无线电管理, 节能审查. */
	theme: text('a theme'),
	summary: text().optional(),
	keywords: optionalTextList().default([]),
	legalBasis: textList('a law or article'),
	level: oneOf(['省级', '市级', '县级']).default('省级'),
	authority: text('the authority'),
	authorityNature: oneOf(['法定机关', '授权组织', '受委托组织']).default('法定机关'),
	audience: z.array(oneOf(['自然人', '法人', '其他组织'])).default([]),
	caseType: oneOf(['即办件', '承诺件']).optional(),
	channels: z.array(oneOf(['窗口办理', '网上办理', '快递申请'])).default([]),
	quantityLimit: text().optional(),
	conditions: textList('a condition'),
	prohibitions: optionalTextList().default([]),
	materials: z.array(material).min(1, { error: 'expected at least one material' }),
	steps: z.array(step).min(1, { error: 'expected at least one step' }),
	specialProcedures: z
		.array(
			z.object({
				name: text(),
				limit: duration(),
				countsTowardLimit: z.boolean({ error: 'expected true or false' })
			})
		)
		.default([]),
	flowChart: mediaPath().optional(),
	timeLimits: z.object({ statutory: duration(), promised: duration() }),
	/** An empty list means the item is free of charge. */
	fees: z.array(fee, { error: 'expected a list (empty means free)' }),
	where: z.object({
		place: text(),
		hours: text(),
		window: text().optional(),
		transport: text().optional()
	}),
	online: z.object({
		depth: oneOf(onlineDepths),
		url: webUrl(),
		mobileUrl: webUrl(),
		visits: wholeNumber(),
		visitReason: text().optional(),
		appointment: z.boolean().default(false),
		mailDelivery: z.boolean().default(false)
	}),
	contact: z.object({ enquiry: contactChannel, complaint: contactChannel }),
	result: z
		.object({
			type: oneOf(['证照', '批文', '其他']),
			name: text(),
			delivery: z.array(oneOf(['窗口领取', '邮寄', '电子证照'])).default([])
		})
		.optional(),
	remedies: z
		.object({ reconsideration: remedyBody.optional(), litigation: remedyBody.optional() })
		.optional(),
	rights: optionalTextList().default([]),
	duties: optionalTextList().default([]),
	faq: z.array(z.object({ q: text('a question'), a: text('an answer') })).default([]),
	published: dateString(),
	effective: dateString().optional(),
	/** From this date the item is no longer current and is hidden. */
	cancelled: dateString().optional()
});

// ---------------------------------------------------------------------------------------------
// processes/<slug>.md — 办事流程 that are not a single guide

export const processSchema = z.object({
	title: text('a title'),
	summary: text().optional(),
	keywords: optionalTextList().default([]),
	steps: z
		.array(
			z.object({
				name: text('the step name'),
				description: text().optional(),
				office: text().optional(),
				limit: duration().optional()
			})
		)
		.min(1, { error: 'expected at least one step' }),
	/** Slugs of guides this process refers to; each must exist. */
	guides: z.array(slugRef()).default([]),
	published: dateString()
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

export const applicantKinds = [
	'naturalPersons',
	'businesses',
	'researchInstitutions',
	'nonprofits',
	'legalServices',
	'others'
] as const;

/** One row of table 三: a count per applicant kind (the total is derived, never typed). */
const applicantCounts = z.object(
	Object.fromEntries(applicantKinds.map((k) => [k, wholeNumber().default(0)])) as Record<
		(typeof applicantKinds)[number],
		z.ZodDefault<z.ZodInt>
	>
);

export const applicationResultKinds = [
	'disclosed',
	'partiallyDisclosed',
	'refused',
	'unavailable',
	'notProcessed',
	'otherwise'
] as const;

const reviewRow = z.object({
	upheld: wholeNumber().default(0),
	corrected: wholeNumber().default(0),
	other: wholeNumber().default(0),
	pending: wholeNumber().default(0)
});

export const annualReportSchema = z.object({
	year: z.int({ error: 'expected a year' }).min(2008).max(2100),
	/** Table 二: proactive disclosure figures, as label/value pairs. */
	proactive: z
		.array(z.object({ label: text(), value: z.number({ error: 'expected a number' }) }))
		.default([]),
	/** Table 三: applications. Rule: 一 + 二 = 三 + 四 for every column. */
	applications: z.object({
		newlyReceived: applicantCounts,
		carriedOver: applicantCounts,
		results: z.object(
			Object.fromEntries(applicationResultKinds.map((k) => [k, applicantCounts.prefault({})])) as Record<
				(typeof applicationResultKinds)[number],
				z.ZodPrefault<typeof applicantCounts>
			>
		),
		carriedForward: applicantCounts
	}),
	/** Table 四: administrative review and litigation. */
	review: z
		.object({
			reconsideration: reviewRow.prefault({}),
			litigationDirect: reviewRow.prefault({}),
			litigationAfterReview: reviewRow.prefault({})
		})
		.optional()
});

export const disclosureSchema = z.object({
	title: text('a title'),
	indexNo: z
		.string({ error: 'expected an 索引号 like 430S00720/2015-40731' })
		.regex(/^[0-9A-Z]+\/\d{4}-\d+$/, { error: 'expected an 索引号 like 430S00720/2015-40731' }),
	category: oneOf(disclosureCategories),
	date: dateString(),
	issuer: text('the issuing body'),
	publishMethod: text().default('政府网站'),
	keywords: optionalTextList().default([]),
	summary: text().optional(),
	annualReport: annualReportSchema.optional()
});

// ---------------------------------------------------------------------------------------------
// notices/<slug>.md — 通知公告

export const noticeSchema = z.object({
	title: text('a title'),
	issuer: text().optional(),
	published: dateTimeString(),
	expires: dateTimeString(),
	/** Urgent notices also run as the bulletin ticker until they expire. */
	urgent: z.boolean({ error: 'expected true or false' }).default(false),
	keywords: optionalTextList().default([]),
	image: mediaPath().optional(),
	imageAlt: text().optional()
});

// ---------------------------------------------------------------------------------------------
// services/<slug>.yaml — online services, shown as QR codes

export const serviceSchema = z.object({
	name: text('the service name'),
	description: text('a description'),
	url: webUrl(),
	category: text().default('在线服务'),
	keywords: optionalTextList().default([]),
	guides: z.array(slugRef()).default([])
});

export type SiteInput = z.input<typeof siteSchema>;
export type Site = z.output<typeof siteSchema>;
export type GuideData = z.output<typeof guideSchema>;
export type ProcessData = z.output<typeof processSchema>;
export type DisclosureData = z.output<typeof disclosureSchema>;
export type AnnualReport = z.output<typeof annualReportSchema>;
export type NoticeData = z.output<typeof noticeSchema>;
export type ServiceData = z.output<typeof serviceSchema>;
export type Duration = z.output<ReturnType<typeof duration>>;
export type ApplicantCounts = z.output<typeof applicantCounts>;
