/**
 * One content file per call: a guide, a disclosure item (with an annual report's tables when it is
 * one), a notice, a process, an online service, a flow chart. Each takes the shared Rng, so the
 * order of calls decides the corpus.
 */
import { stringify } from 'yaml';
import { applicantKinds, applicationResultKinds } from '../../src/lib/server/content/schema.ts';
import { firm, paragraphs, NOTICE_TITLES, type Slots } from './phrasing.ts';
import { addDays, pad, randomDate, type Rng } from './random.ts';
import type {
	AnnualReportInput,
	Category,
	DisclosureInput,
	GuideInput,
	NoticeInput,
	ProcessInput,
	ServiceInput
} from './types.ts';
import {
	BASES,
	COMMON_MATERIALS,
	COMPLAINT_PHONE,
	FAQ,
	HALL,
	HALL_HOURS,
	INDUSTRIES,
	LICENCE_VARIANTS,
	MISTAKES,
	OFFICE,
	OTHER_VARIANTS,
	PROCESS_TITLES,
	REGIONS,
	SERVICES,
	THEMES,
	TOPICS,
	type Theme
} from './vocabulary.ts';

export function frontMatter(data: object, body: string): string {
	return `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body}\n`;
}

export interface GeneratedGuide {
	slug: string;
	theme: Theme;
}

export function makeGuide(
	rng: Rng,
	i: number,
	flowCharts: Set<string>
): { slug: string; text: string; theme: Theme } {
	const { theme, base } = BASES[i % BASES.length] as (typeof BASES)[number];
	const round = Math.floor(i / BASES.length);
	const variants = base.kind === '行政许可' ? LICENCE_VARIANTS : OTHER_VARIANTS;
	const [variantName, variantSlug] = variants[round % variants.length] as readonly [string, string];
	// Beyond province x variants, the same item recurs per city (市级 delegation), then per batch.
	const regionRound = Math.floor(round / variants.length);
	const region = regionRound > 0 ? REGIONS[(regionRound - 1) % REGIONS.length] : undefined;
	const batch = Math.floor((regionRound - 1) / REGIONS.length);
	const name = `${region ? region[0] : ''}${base.name}${variantName}${batch > 0 ? `（第${batch + 1}批）` : ''}`;
	const slug = [base.slug, variantSlug, region?.[1], batch > 0 ? `b${batch + 1}` : '']
		.filter(Boolean)
		.join('-');

	const itemCode = `430S00720-${base.kind === '行政许可' ? 'XK' : 'QT'}-${pad(i + 1, 5)}`;
	const materials = [
		[`${base.name}申请表`, '原件', '申请人自备'] as const,
		...rng.some(COMMON_MATERIALS, 1, 3),
		...rng.some(theme.materials, 1, 4)
	].map(([mName, form, source]) => ({
		name: mName,
		form,
		medium: rng.pick(['纸质', '电子', '纸质或电子'] as const),
		necessity: rng.weighted([
			['必要', 8],
			['非必要', 1],
			['容缺', 1]
		] as const),
		originals: form === '复印件' ? 0 : 1,
		copies: form === '原件' ? 0 : rng.int(1, 2),
		paper: 'A4',
		source,
		...(rng.chance(0.4) ? { commonMistakes: rng.some(MISTAKES, 1, 2) } : {}),
		...(rng.chance(0.5) ? { requirements: '如实、完整填写，复印件加盖单位公章' } : {})
	}));

	const stepLimits = [1, rng.int(3, 10), rng.int(2, 5), rng.int(1, 3)];
	const promised = stepLimits.reduce((a, b) => a + b, 0);
	const statutory = Math.max(20, promised + rng.pick([0, 5, 10]));
	const steps = [
		['申请与受理', `政务服务大厅${theme.window.slice(0, 2)}窗口`],
		['审查', theme.dept],
		['决定', '委领导签批'],
		['送达', '政务服务大厅1号窗口']
	].map(([sName, office], k) => ({
		name: sName as string,
		office: office as string,
		limit: { value: stepLimits[k] as number, unit: '工作日' as const }
	}));

	const published = randomDate(rng, 2014, 2024);
	const flowChart = `media/flow-${theme.slug}.svg`;
	const withFlow = rng.chance(0.3);
	if (withFlow) flowCharts.add(theme.slug);
	const slots: Slots = {
		topic: base.name,
		industry: rng.pick(INDUSTRIES),
		dept: theme.dept,
		firm: firm(rng),
		year: +published.slice(0, 4)
	};

	const data: GuideInput = {
		name,
		implCode: itemCode,
		kind: base.kind,
		theme: theme.name,
		summary: `${region ? `受省经信委委托，由${region[0]}经信部门受理。` : ''}申请人办理${base.name}${variantName}，向${OFFICE}${theme.dept}提出申请，经审查符合条件的予以办理。`,
		keywords: base.keywords,
		legalBasis: rng.some(theme.legalBasis, 1, 3),
		level: region ? '市级' : '省级',
		authority: OFFICE,
		audience: base.kind === '公共服务' ? ['自然人', '法人', '其他组织'] : ['法人'],
		caseType: rng.chance(0.2) ? '即办件' : '承诺件',
		channels: rng.some(['窗口办理', '网上办理', '快递申请'] as const, 1, 3),
		quantityLimit: '无数量限制',
		conditions: rng.some(theme.conditions, 1, theme.conditions.length),
		materials,
		steps,
		...(withFlow ? { flowChart } : {}),
		timeLimits: {
			statutory: { value: statutory, unit: '工作日' },
			promised: { value: promised, unit: '工作日', note: '自受理之日起计算' }
		},
		fees: [],
		where: { place: HALL, hours: HALL_HOURS, window: theme.window },
		online: {
			depth: rng.pick(['受理', '办理', '结果信息反馈', '电子证照反馈'] as const),
			url: `https://zwfw-new.hunan.gov.cn/hnzwfw/bszn/detail.do?itemCode=${itemCode}`,
			mobileUrl: `https://zwfw-new.hunan.gov.cn/mobile/bszn/detail.do?itemCode=${itemCode}`,
			visits: rng.int(0, 1),
			appointment: rng.chance(0.5),
			mailDelivery: rng.chance(0.6)
		},
		contact: {
			enquiry: { phone: `0731-844201${theme.phone}`, window: theme.window },
			complaint: { phone: COMPLAINT_PHONE, email: 'jiandu@gxt.hunan.gov.cn' }
		},
		...(base.result
			? { result: { ...base.result, delivery: rng.some(['窗口领取', '邮寄'] as const, 1, 2) } }
			: {}),
		remedies: {
			reconsideration: { body: '湖南省人民政府', phone: '0731-82218200' },
			litigation: { body: '长沙市芙蓉区人民法院' }
		},
		rights: ['对不予受理、不予许可决定不服的，有权依法申请行政复议或者提起行政诉讼'],
		duties: ['如实提交申请材料，并对材料的真实性、合法性负责'],
		faq: rng.some(FAQ, 1, 3).map(([q, a]) => ({ q, a })),
		published
	};
	const body = [
		'## 事项说明',
		paragraphs(rng, slots, 1, 2),
		'## 办理须知',
		[
			'1. 材料齐全、符合法定形式的，窗口当场受理；不齐全的，**一次性告知**需补正的全部内容。',
			'2. 复印件请使用 A4 纸，加盖单位公章。',
			`3. 咨询请拨打 0731-844201${theme.phone}，或到${theme.window}。`
		].join('\n')
	].join('\n\n');
	return { slug, text: frontMatter(data, body), theme };
}

export function makeAnnualReport(rng: Rng, year: number): AnnualReportInput {
	type Counts = Record<(typeof applicantKinds)[number], number>;
	const zero = (): Counts => Object.fromEntries(applicantKinds.map((k) => [k, 0])) as Counts;
	const newlyReceived = zero();
	const carriedOver = zero();
	const carriedForward = zero();
	const results = Object.fromEntries(applicationResultKinds.map((r) => [r, zero()])) as Record<
		(typeof applicationResultKinds)[number],
		Counts
	>;
	// Table 三 must balance: every application received or carried over ends in a result or is
	// carried forward (一 + 二 = 三 + 四).
	for (const kind of applicantKinds) {
		newlyReceived[kind] = rng.int(0, kind === 'naturalPersons' ? 40 : 12);
		carriedOver[kind] = rng.int(0, 2);
		let left = newlyReceived[kind] + carriedOver[kind];
		carriedForward[kind] = Math.min(left, rng.int(0, 2));
		left -= carriedForward[kind];
		// Most requests are answered in full; the rest spread over the other outcomes.
		for (const r of applicationResultKinds.filter((r) => r !== 'disclosed')) {
			const n = Math.min(left, rng.int(0, Math.ceil(left * 0.1)));
			results[r][kind] = n;
			left -= n;
		}
		results.disclosed[kind] = left;
	}
	return {
		year,
		proactive: [
			{ label: '主动公开政府信息', value: rng.int(1200, 2600) },
			{ label: '其中：规范性文件', value: rng.int(3, 15) },
			{ label: '行政许可处理决定', value: rng.int(300, 900) },
			{ label: '行政事业性收费金额（万元）', value: rng.int(500, 3000) }
		],
		applications: { newlyReceived, carriedOver, results, carriedForward },
		review: {
			reconsideration: { upheld: rng.int(0, 3), corrected: rng.int(0, 1) },
			litigationDirect: { upheld: rng.int(0, 2) },
			litigationAfterReview: {}
		}
	};
}

export function makeDisclosure(
	rng: Rng,
	indexNo: string,
	category: Category,
	title: string,
	date: string,
	theme: Theme,
	annualReport?: AnnualReportInput
): string {
	const data: DisclosureInput = {
		title,
		indexNo,
		category,
		date,
		issuer: rng.chance(0.8) ? OFFICE : `${OFFICE}${theme.dept}`,
		publishMethod: '政府网站',
		...(annualReport ? { annualReport } : {})
	};
	const slots: Slots = {
		topic: rng.pick(TOPICS),
		industry: rng.pick(INDUSTRIES),
		dept: theme.dept,
		firm: firm(rng),
		year: +date.slice(0, 4)
	};
	return frontMatter(data, paragraphs(rng, slots, 2, 6));
}

export function makeNotice(rng: Rng, published: string, theme: Theme): string {
	const year = +published.slice(0, 4);
	const data: NoticeInput = {
		title: rng.pick(NOTICE_TITLES)(rng, year, theme),
		issuer: rng.chance(0.5) ? OFFICE : `${OFFICE}${theme.dept}`,
		published: `${published} ${pad(rng.int(8, 17), 2)}:${rng.pick(['00', '30'])}`,
		expires: `${addDays(published, rng.int(3, 60))} 17:00`,
		urgent: rng.chance(0.08),
		keywords: rng.some(rng.pick(theme.bases).keywords, 1, 2)
	};
	const slots: Slots = {
		topic: rng.pick(TOPICS),
		industry: rng.pick(INDUSTRIES),
		dept: theme.dept,
		firm: firm(rng),
		year
	};
	return frontMatter(data, paragraphs(rng, slots, 1, 3));
}

export function makeProcess(rng: Rng, i: number, guides: GeneratedGuide[]): string {
	const base = PROCESS_TITLES[i % PROCESS_TITLES.length] as string;
	const round = Math.floor(i / PROCESS_TITLES.length);
	const title = round === 0 ? base : `${base}（${REGIONS[(round - 1) % REGIONS.length]?.[0]}）`;
	const data: ProcessInput = {
		title,
		summary: `${title}：从提出申请到取得结果，每一步由谁办理、多长时间。`,
		keywords: ['流程', '办理'],
		steps: [
			{ name: '提出申请', description: '通过窗口、网站、信函或传真提出' },
			{ name: '受理登记', office: '政务服务大厅1号窗口', limit: { value: 1, unit: '工作日' } },
			{
				name: '审查办理',
				office: rng.pick(THEMES).dept,
				limit: { value: rng.int(5, 15), unit: '工作日' }
			},
			{
				name: '答复与送达',
				office: '政务服务大厅1号窗口',
				limit: { value: rng.int(1, 3), unit: '工作日' }
			}
		],
		guides: rng.some(guides, 1, 3).map((g) => g.slug),
		published: randomDate(rng, 2015, 2024)
	};
	const theme = rng.pick(THEMES);
	const slots: Slots = {
		topic: title,
		industry: rng.pick(INDUSTRIES),
		dept: theme.dept,
		firm: firm(rng),
		year: 2020
	};
	return frontMatter(data, paragraphs(rng, slots, 1, 2));
}

export function makeService(
	rng: Rng,
	i: number,
	guides: GeneratedGuide[]
): { slug: string; text: string } {
	const [name, description, host] = SERVICES[i % SERVICES.length] as (typeof SERVICES)[number];
	const round = Math.floor(i / SERVICES.length);
	const data: ServiceInput = {
		name: round === 0 ? name : `${name}（${REGIONS[(round - 1) % REGIONS.length]?.[0]}）`,
		description,
		url: `https://${host}/service/${pad(i + 1, 3)}`,
		category: '在线服务',
		keywords: ['网上办', '在线'],
		guides: rng.some(guides, 0, 2).map((g) => g.slug)
	};
	return { slug: `service-${pad(i + 1, 3)}`, text: stringify(data, { lineWidth: 0 }) };
}

export function flowChartSvg(theme: Theme): string {
	const steps = ['申请与受理', '审查', '决定', '送达'];
	const boxes = steps
		.map(
			(s, i) =>
				`<rect x="20" y="${20 + i * 90}" width="280" height="56" rx="8" fill="#eef4fb" stroke="#1d5fa8"/>` +
				`<text x="160" y="${54 + i * 90}" font-size="20" text-anchor="middle">${s}</text>` +
				(i < steps.length - 1
					? `<path d="M160 ${76 + i * 90}v34" stroke="#1d5fa8" stroke-width="2"/>`
					: '')
		)
		.join('');
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 400" role="img"><title>${theme.name}办理流程</title>${boxes}</svg>\n`;
}
