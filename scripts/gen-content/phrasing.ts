/**
 * How the generator makes text from the vocabulary: firm names, body paragraphs from sentence
 * templates, and the title templates of disclosure items and notices.
 */
import { pad, type Rng } from './random.ts';
import type { Category } from './types.ts';
import {
	FIRM_PREFIX,
	FIRM_TRADE,
	GOODS,
	HOLIDAYS,
	INDUSTRIES,
	OFFICE,
	QUARTERS,
	REGIONS,
	SENTENCES,
	TOPICS,
	type Theme
} from './vocabulary.ts';

export function firm(rng: Rng): string {
	const place = rng.pick(REGIONS)[0].replace(/市|自治州/, '');
	const [a, b] = rng.some(FIRM_PREFIX, 2, 2);
	return `${place}${b}${a}${rng.pick(FIRM_TRADE)}${rng.chance(0.3) ? '股份' : ''}有限公司`;
}

export interface Slots {
	topic: string;
	industry: string;
	dept: string;
	firm: string;
	year: number;
}

function fill(rng: Rng, template: string, s: Slots): string {
	return template.replace(/\{(\w+)\}/g, (_, key: string) => {
		switch (key) {
			case 'topic':
				return s.topic;
			case 'industry':
				return s.industry;
			case 'dept':
				return s.dept;
			case 'firm':
				return s.firm;
			case 'year':
				return String(s.year);
			case 'pct':
				return (rng.int(50, 150) / 10 + (rng.chance(0.5) ? 85 : 0)).toFixed(1);
			case 'count':
				return String(rng.int(3, 260));
			case 'month':
				return String(rng.int(1, 12));
			case 'day':
				return String(rng.int(1, 28));
			case 'phone':
				return pad(rng.int(31, 99), 2);
			default:
				return key;
		}
	});
}

export function paragraphs(rng: Rng, s: Slots, min: number, max: number): string {
	const count = rng.int(min, max);
	const out: string[] = [];
	for (let i = 0; i < count; i++) {
		const picked = rng.some(SENTENCES, 2, 4);
		// Rotate so that paragraphs do not all open with the earliest template.
		const start = rng.int(0, picked.length - 1);
		const order = [...picked.slice(start), ...picked.slice(0, start)];
		out.push(order.map((t) => fill(rng, t, s)).join(''));
	}
	return out.join('\n\n');
}

/** Title templates per category; the weights follow what a commission actually publishes. */
export const DISCLOSURE_KINDS: readonly (readonly [
	Category,
	number,
	(rng: Rng, year: number, theme: Theme) => string
])[] = [
	[
		'行政法规、规章和规范性文件',
		10,
		(rng) =>
			rng.chance(0.5)
				? `关于印发《湖南省${rng.pick(TOPICS)}管理办法》的通知`
				: `${OFFICE}关于${rng.pick(TOPICS)}的实施意见`
	],
	[
		'机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名',
		2,
		(rng, _y, theme) =>
			rng.pick([`${theme.dept}主要职责`, '委领导工作分工调整', `${theme.dept}联系方式`])
	],
	[
		'国民经济和社会发展规划、专项规划、区域规划及相关政策',
		6,
		(rng, year) =>
			rng.chance(0.5)
				? `湖南省${rng.pick(INDUSTRIES)}产业发展规划（${year}—${year + 4}年）`
				: `${rng.pick(TOPICS)}三年行动计划（${year}—${year + 2}年）`
	],
	[
		'国民经济和社会发展统计信息',
		14,
		(rng, year) =>
			rng.pick([
				`${year}年${rng.int(1, 12)}月全省工业经济运行情况`,
				`${year}年${rng.pick(QUARTERS)}全省规模工业增加值情况`,
				`${year}年${rng.pick(QUARTERS)}全省电力运行情况`,
				`${year}年${rng.int(1, 12)}月全省${rng.pick(INDUSTRIES)}产业运行简况`
			])
	],
	[
		'行政许可和其他对外管理服务事项',
		22,
		(rng, year, theme) => {
			const base = rng.pick(theme.bases);
			return rng.chance(0.6)
				? `关于${firm(rng)}${base.name}的批复`
				: `${year}年第${rng.int(1, 12)}批${base.name}结果公示`;
		}
	],
	[
		'行政处罚、行政强制',
		3,
		(rng) =>
			`关于对${firm(rng)}${rng.pick(['擅自设置使用无线电台', '违反民用爆炸物品安全管理规定', '未按规定报送能源利用状况报告'])}的行政处罚决定`
	],
	[
		'财政预算、决算信息',
		3,
		(rng, year) =>
			rng.pick([
				`${OFFICE}${year}年部门预算`,
				`${OFFICE}${year}年部门决算`,
				`${year}年“三公”经费预算情况说明`
			])
	],
	[
		'行政事业性收费项目及其依据、标准',
		1,
		(rng) => `${rng.pick(['无线电频率占用费', '新型墙体材料专项基金'])}收费项目、依据及标准`
	],
	[
		'政府集中采购项目',
		4,
		(rng, year) =>
			`${year}年${rng.pick(GOODS)}政府采购项目${rng.pick(['中标公告', '采购公告', '合同公示'])}`
	],
	[
		'重大建设项目的批准和实施情况',
		4,
		(rng, year) => `${year}年省重点工业项目${firm(rng)}${rng.pick(INDUSTRIES)}项目建设进展情况`
	],
	[
		'扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况',
		3,
		(rng, year) =>
			rng.pick([
				`关于做好${year}年中小企业稳岗就业工作的通知`,
				`${year}年产业扶贫项目资金安排情况`,
				`关于开展${year}年“万企帮万村”行动的通知`
			])
	],
	[
		'突发公共事件的应急预案、预警信息及应对情况',
		2,
		(rng, year) =>
			rng.pick([
				`${year}年全省电力迎峰度夏应急预案`,
				`关于做好${year}年迎峰度冬电力保供工作的紧急通知`,
				'民用爆炸物品生产安全事故应急预案'
			])
	],
	[
		'环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况',
		6,
		(rng, year) =>
			rng.pick([
				`${year}年民用爆炸物品安全生产专项检查情况通报`,
				`${year}年工业节能监察结果公告`,
				`关于${year}年重点用能单位能源利用状况的通报`
			])
	],
	[
		'公务员招考的职位、名额、报考条件等事项以及录用结果',
		1,
		(rng, year) =>
			`${OFFICE}${year}年考试录用公务员${rng.pick(['拟录用人员公示', '面试公告', '体检结果公告'])}`
	],
	[
		'法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息',
		16,
		(rng, year, theme) =>
			rng.pick([
				`${year}年${rng.pick(TOPICS)}项目公示`,
				`关于下达${year}年${rng.pick(TOPICS)}计划的通知`,
				`关于开展${year}年${rng.pick(theme.bases).name}工作的通知`
			])
	],
	['公开指南', 0.2, (_rng, year) => `${OFFICE}政府信息公开指南（${year}年修订）`],
	[
		'公开制度',
		0.3,
		(rng) =>
			`${OFFICE}${rng.pick(['政府信息公开工作制度', '政府信息发布保密审查制度', '政府信息公开考核办法', '政务公开联系人制度'])}`
	],
	[
		'依申请公开',
		0.5,
		(rng) =>
			rng.pick([
				'依申请公开政府信息申请表',
				'依申请公开办理流程说明',
				'依申请公开受理机构及联系方式'
			])
	]
];

export const NOTICE_TITLES: readonly ((rng: Rng, year: number, theme: Theme) => string)[] = [
	(rng, year) => `关于${year}年${rng.pick(HOLIDAYS)}放假期间政务服务大厅暂停窗口受理的通知`,
	(rng, year) => `关于开展${year}年度${rng.pick(TOPICS)}申报工作的通知`,
	(rng, year, theme) =>
		`关于${year}年第${rng.int(1, 6)}批${rng.pick(theme.bases).name}拟认定名单的公示`,
	(rng) =>
		`政务服务大厅${rng.pick(['排队叫号', '网上申报', '电子证照', '自助终端'])}系统升级维护公告`,
	(_rng, _y, theme) => `关于${theme.window.replace(' ', '')}临时调整办公地点的通知`,
	(rng, year) => `关于召开${year}年${rng.pick(TOPICS)}政策宣讲会的通知`
];
