/**
 * `npm run gen:content -- --items N --out DIR [--seed S] [--force]`: writes a synthetic but valid
 * content folder of N items (10% guides, 80% disclosure items, 10% notices, plus a few processes
 * and online services) in the domain of a provincial Economic and Information Commission, so every
 * cost can be measured at any size with `CONTENT_DIR=DIR`. The same N and seed always give the
 * same bytes: figures taken on two machines are taken on the same corpus.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import type * as z from 'zod';
import {
	applicantKinds,
	applicationResultKinds,
	type annualReportSchema,
	type disclosureCategories,
	type disclosureSchema,
	type guideSchema,
	type noticeSchema,
	type processSchema,
	type serviceSchema
} from '../src/lib/server/content/schema.ts';

type GuideInput = z.input<typeof guideSchema>;
type DisclosureInput = z.input<typeof disclosureSchema>;
type NoticeInput = z.input<typeof noticeSchema>;
type ProcessInput = z.input<typeof processSchema>;
type ServiceInput = z.input<typeof serviceSchema>;
type AnnualReportInput = z.input<typeof annualReportSchema>;
type Category = (typeof disclosureCategories)[number];
type Kind = GuideInput['kind'];

/** Written at the root of a generated folder; only such a folder is ever overwritten. */
const MARKER = '.generated-content';
const FOLDERS = ['guides', 'disclosure', 'notices', 'processes', 'services', 'media'];
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: tiny, fast and good enough to pick building blocks reproducibly. */
class Rng {
	private state: number;
	constructor(seed: number) {
		this.state = seed >>> 0;
	}
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}
	/** Integer in [min, max]. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}
	chance(p: number): boolean {
		return this.next() < p;
	}
	pick<T>(list: readonly T[]): T {
		const v = list[Math.floor(this.next() * list.length)];
		if (v === undefined) throw new Error('pick from an empty list');
		return v;
	}
	/** `count` distinct entries in their original order. */
	some<T>(list: readonly T[], min: number, max: number): T[] {
		const count = Math.min(list.length, this.int(min, max));
		const idx = list.map((_, i) => i);
		for (let i = idx.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[idx[i], idx[j]] = [idx[j] as number, idx[i] as number];
		}
		return idx
			.slice(0, count)
			.sort((a, b) => a - b)
			.map((i) => list[i] as T);
	}
	weighted<T>(entries: readonly (readonly [T, number])[]): T {
		const total = entries.reduce((s, [, w]) => s + w, 0);
		let r = this.next() * total;
		for (const [v, w] of entries) {
			r -= w;
			if (r < 0) return v;
		}
		return (entries[entries.length - 1] as readonly [T, number])[0];
	}
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function isoDate(year: number, month: number, day: number): string {
	return `${year}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** A real calendar date, `days` after the given one. */
function addDays(date: string, days: number): string {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

function randomDate(rng: Rng, fromYear: number, toYear: number): string {
	return isoDate(rng.int(fromYear, toYear), rng.int(1, 12), rng.int(1, 28));
}

// ---------------------------------------------------------------------------------------------
// Building blocks: the commission's departments, items, places, firms and phrasing

const OFFICE = '湖南省经济和信息化委员会';
const HALL = '省经信委政务服务大厅（长沙市芙蓉区五一大道98号办公楼一楼）';
const HALL_HOURS = '周一至周五 9:00—12:00，13:30—17:00（法定节假日除外）';
const COMPLAINT_PHONE = '0731-84420199';

const REGIONS = [
	['长沙市', 'changsha'],
	['株洲市', 'zhuzhou'],
	['湘潭市', 'xiangtan'],
	['衡阳市', 'hengyang'],
	['邵阳市', 'shaoyang'],
	['岳阳市', 'yueyang'],
	['常德市', 'changde'],
	['张家界市', 'zhangjiajie'],
	['益阳市', 'yiyang'],
	['郴州市', 'chenzhou'],
	['永州市', 'yongzhou'],
	['怀化市', 'huaihua'],
	['娄底市', 'loudi'],
	['湘西自治州', 'xiangxi']
] as const;

interface Base {
	name: string;
	slug: string;
	kind: Kind;
	result?: { type: '证照' | '批文' | '其他'; name: string };
	keywords: string[];
}

interface Theme {
	name: string;
	slug: string;
	dept: string;
	window: string;
	/** Last two digits of the theme's enquiry line (0731-844201xx). */
	phone: number;
	legalBasis: string[];
	conditions: string[];
	materials: [
		name: string,
		form: '原件' | '复印件' | '原件和复印件',
		source: '申请人自备' | '政府部门核发' | '其他'
	][];
	bases: Base[];
}

const THEMES: Theme[] = [
	{
		name: '无线电管理',
		slug: 'radio',
		dept: '省无线电管理局频率台站管理处',
		window: '2号 无线电管理窗口',
		phone: 85,
		legalBasis: [
			'《中华人民共和国无线电管理条例》（国务院、中央军事委员会令第672号）',
			'《无线电台执照管理规定》（工业和信息化部令第57号）',
			'《湖南省无线电管理条例》'
		],
		conditions: [
			'有可用的无线电频率，或者已依法取得相应的无线电频率使用许可',
			'所使用的无线电发射设备依法取得无线电发射设备型号核准证',
			'有熟悉无线电管理规定、具备相关业务技能的人员',
			'有明确具体的用途，且技术方案可行',
			'有能够保证无线电台（站）正常使用的电磁环境'
		],
		materials: [
			['无线电台（站）技术资料申报表', '原件', '申请人自备'],
			['无线电发射设备型号核准证', '复印件', '政府部门核发'],
			['无线电频率使用许可证', '复印件', '政府部门核发'],
			['网络设计方案及电磁环境测试报告', '原件', '其他'],
			['台站设置地点权属证明或租赁协议', '复印件', '申请人自备']
		],
		bases: [
			{
				name: '无线电台（站）设置审批',
				slug: 'radio-station',
				kind: '行政许可',
				result: { type: '证照', name: '中华人民共和国无线电台执照' },
				keywords: ['无线电', '电台', '台站', '对讲机']
			},
			{
				name: '无线电频率使用许可',
				slug: 'radio-frequency',
				kind: '行政许可',
				result: { type: '证照', name: '无线电频率使用许可证' },
				keywords: ['无线电', '频率', '频点']
			},
			{
				name: '业余无线电台设置审批',
				slug: 'amateur-radio',
				kind: '行政许可',
				result: { type: '证照', name: '业余无线电台执照' },
				keywords: ['业余无线电', '呼号', '火腿']
			},
			{
				name: '无线电台呼号指配',
				slug: 'radio-callsign',
				kind: '行政确认',
				keywords: ['呼号', '无线电']
			},
			{
				name: '无线电干扰投诉受理',
				slug: 'radio-interference',
				kind: '公共服务',
				keywords: ['干扰', '投诉', '无线电']
			}
		]
	},
	{
		name: '节能审查',
		slug: 'energy',
		dept: '节能与综合利用处',
		window: '3号 节能与电力窗口',
		phone: 86,
		legalBasis: [
			'《中华人民共和国节约能源法》第十五条',
			'《固定资产投资项目节能审查办法》（国家发展改革委令第44号）',
			'《湖南省实施〈中华人民共和国节约能源法〉办法》'
		],
		conditions: [
			'项目符合国家和本省产业政策及行业准入条件',
			'项目用能分析客观准确，能源消费量和能效水平满足管理要求',
			'节能措施合理可行，能效指标达到国内先进水平',
			'项目已按规定取得立项（核准、备案）文件'
		],
		materials: [
			['项目节能报告', '原件', '其他'],
			['项目核准或备案文件', '复印件', '政府部门核发'],
			['能源消费量及能效指标计算书', '原件', '申请人自备'],
			['主要用能设备清单', '原件', '申请人自备'],
			['上年度能源利用状况报告', '原件', '申请人自备']
		],
		bases: [
			{
				name: '固定资产投资项目节能审查',
				slug: 'energy-review',
				kind: '行政许可',
				result: { type: '批文', name: '节能审查意见' },
				keywords: ['节能', '节能审查', '能评', '固定资产投资']
			},
			{
				name: '重点用能单位能源利用状况报告',
				slug: 'energy-report',
				kind: '其他行政权力',
				keywords: ['能源利用', '重点用能单位', '能耗']
			},
			{
				name: '节能技术改造财政奖励',
				slug: 'energy-reward',
				kind: '行政奖励',
				keywords: ['节能', '奖励', '技术改造']
			},
			{
				name: '能源审计报告审核',
				slug: 'energy-audit',
				kind: '行政确认',
				keywords: ['能源审计', '节能']
			}
		]
	},
	{
		name: '电力管理',
		slug: 'power',
		dept: '电力处',
		window: '3号 节能与电力窗口',
		phone: 87,
		legalBasis: [
			'《中华人民共和国电力法》',
			'《电力设施保护条例》（国务院令第239号）',
			'《湖南省电力设施保护和供用电秩序维护条例》'
		],
		conditions: [
			'作业方案确保电力设施安全，并已征得电力设施产权单位同意',
			'施工单位具备相应资质和安全生产许可',
			'制定了电力设施保护措施和应急预案'
		],
		materials: [
			['施工作业方案及电力设施保护措施', '原件', '申请人自备'],
			['电力设施产权单位书面意见', '原件', '其他'],
			['施工单位资质证书', '复印件', '政府部门核发'],
			['施工区域平面图', '原件', '申请人自备']
		],
		bases: [
			{
				name: '电力设施保护区内施工作业许可',
				slug: 'power-protection',
				kind: '行政许可',
				result: { type: '批文', name: '电力设施保护区内施工作业许可决定书' },
				keywords: ['电力设施', '保护区', '施工']
			},
			{
				name: '供电营业区划分核准',
				slug: 'power-area',
				kind: '行政许可',
				result: { type: '批文', name: '供电营业区划分核准意见' },
				keywords: ['供电营业区', '电力']
			},
			{
				name: '电力设施迁改审核',
				slug: 'power-relocation',
				kind: '其他行政权力',
				keywords: ['电力设施', '迁改']
			}
		]
	},
	{
		name: '中小企业服务',
		slug: 'sme',
		dept: '中小企业处',
		window: '4号 中小企业服务窗口',
		phone: 88,
		legalBasis: [
			'《中华人民共和国中小企业促进法》',
			'《湖南省中小企业促进条例》',
			'《湖南省中小企业发展专项资金管理办法》'
		],
		conditions: [
			'在湖南省境内依法登记注册，具有独立法人资格',
			'符合国家中小企业划型标准',
			'财务管理制度健全，近三年无不良信用记录',
			'申报项目符合当年度专项资金支持方向'
		],
		materials: [
			['近三年财务审计报告', '原件', '其他'],
			['企业纳税证明', '复印件', '政府部门核发'],
			['项目可行性研究报告', '原件', '申请人自备'],
			['信用承诺书', '原件', '申请人自备'],
			['市州主管部门推荐意见', '原件', '其他']
		],
		bases: [
			{
				name: '中小企业发展专项资金申报',
				slug: 'sme-fund',
				kind: '行政给付',
				keywords: ['中小企业', '专项资金', '资金申报']
			},
			{
				name: '中小企业公共服务示范平台认定',
				slug: 'sme-platform',
				kind: '行政确认',
				keywords: ['中小企业', '服务平台', '示范平台']
			},
			{
				name: '小型微型企业创业创新示范基地认定',
				slug: 'sme-base',
				kind: '行政确认',
				keywords: ['小微企业', '创业', '示范基地']
			},
			{
				name: '专精特新中小企业认定',
				slug: 'sme-specialised',
				kind: '行政确认',
				keywords: ['专精特新', '中小企业']
			}
		]
	},
	{
		name: '信息化推进',
		slug: 'info',
		dept: '信息化推进处',
		window: '5号 信息化与软件窗口',
		phone: 89,
		legalBasis: [
			'《湖南省信息化条例》',
			'《湖南省信息化专项资金管理办法》',
			'《湖南省移动互联网产业发展专项资金管理办法》'
		],
		conditions: [
			'在湖南省境内注册，从事信息技术研发、应用或服务',
			'项目技术先进，具有较好的示范带动作用',
			'企业具备项目实施所需的技术、人才和资金条件'
		],
		materials: [
			['项目申报书', '原件', '申请人自备'],
			['知识产权证明材料', '复印件', '政府部门核发'],
			['项目自筹资金证明', '原件', '申请人自备'],
			['两化融合评估报告', '原件', '其他']
		],
		bases: [
			{
				name: '信息化专项资金申报',
				slug: 'info-fund',
				kind: '行政给付',
				keywords: ['信息化', '专项资金']
			},
			{
				name: '移动互联网产业发展专项资金申报',
				slug: 'mobile-fund',
				kind: '行政给付',
				keywords: ['移动互联网', '专项资金']
			},
			{
				name: '两化融合管理体系贯标试点申报',
				slug: 'lianghua',
				kind: '行政确认',
				keywords: ['两化融合', '贯标']
			},
			{
				name: '智能制造示范企业认定',
				slug: 'smart-manufacturing',
				kind: '行政确认',
				keywords: ['智能制造', '示范企业']
			}
		]
	},
	{
		name: '技术创新',
		slug: 'tech',
		dept: '技术进步处',
		window: '6号 技术创新与投资窗口',
		phone: 90,
		legalBasis: [
			'《湖南省工业企业技术改造项目备案管理办法》',
			'《湖南省企业技术中心认定管理办法》',
			'《首台（套）重大技术装备认定及奖励办法》'
		],
		conditions: [
			'企业在湖南省境内依法设立，具有独立法人资格',
			'具有较强的技术创新能力和较高的研究开发投入',
			'项目不属于国家明令淘汰的落后产能'
		],
		materials: [
			['技术改造项目备案申请表', '原件', '申请人自备'],
			['研究开发投入专项审计报告', '原件', '其他'],
			['主要创新成果证明材料', '复印件', '申请人自备'],
			['产品检测报告', '复印件', '其他']
		],
		bases: [
			{
				name: '工业企业技术改造项目备案',
				slug: 'tech-renovation',
				kind: '其他行政权力',
				result: { type: '批文', name: '技术改造项目备案证明' },
				keywords: ['技术改造', '技改', '备案']
			},
			{
				name: '省级企业技术中心认定',
				slug: 'tech-center',
				kind: '行政确认',
				keywords: ['企业技术中心', '认定']
			},
			{
				name: '省级工业设计中心认定',
				slug: 'design-center',
				kind: '行政确认',
				keywords: ['工业设计', '设计中心']
			},
			{
				name: '首台（套）重大技术装备认定',
				slug: 'first-set',
				kind: '行政确认',
				keywords: ['首台套', '重大技术装备']
			},
			{
				name: '新产品新技术鉴定',
				slug: 'new-product',
				kind: '行政确认',
				keywords: ['新产品', '鉴定']
			}
		]
	},
	{
		name: '产业园区',
		slug: 'park',
		dept: '产业园区处',
		window: '6号 技术创新与投资窗口',
		phone: 91,
		legalBasis: ['《湖南省新型工业化产业示范基地管理办法》', '《湖南省产业园区发展规划》'],
		conditions: [
			'主导产业特色鲜明，产业集聚度高',
			'园区基础设施完善，公共服务体系健全',
			'近三年未发生重大安全生产和环境污染事故'
		],
		materials: [
			['示范基地申报材料', '原件', '申请人自备'],
			['园区总体规划及批复文件', '复印件', '政府部门核发'],
			['市州人民政府推荐文件', '原件', '其他']
		],
		bases: [
			{
				name: '省级新型工业化产业示范基地认定',
				slug: 'demo-base',
				kind: '行政确认',
				keywords: ['示范基地', '新型工业化', '园区']
			},
			{
				name: '工业集中区扩区审核',
				slug: 'park-expansion',
				kind: '其他行政权力',
				keywords: ['工业集中区', '扩区', '园区']
			}
		]
	},
	{
		name: '民爆行业管理',
		slug: 'explosives',
		dept: '民爆行业管理处',
		window: '7号 民爆行业管理窗口',
		phone: 92,
		legalBasis: [
			'《民用爆炸物品安全管理条例》（国务院令第466号）',
			'《民用爆炸物品生产许可实施办法》（工业和信息化部令第67号）',
			'《民用爆炸物品销售许可实施办法》（工业和信息化部令第69号）'
		],
		conditions: [
			'符合民用爆炸物品行业技术发展规划和产业政策',
			'厂房和专用仓库的设计、结构、建筑材料、安全距离以及防火、防爆、防雷、防静电等安全设备设施符合国家有关标准和规范',
			'有具备相应资格的专业技术人员、安全生产管理人员和生产岗位人员',
			'有健全的安全管理制度、岗位安全责任制度'
		],
		materials: [
			['安全评价报告', '原件', '其他'],
			['专用仓库竣工验收报告', '复印件', '其他'],
			['从业人员资格证书', '复印件', '政府部门核发'],
			['安全管理制度汇编', '原件', '申请人自备'],
			['公安机关出具的意见', '原件', '政府部门核发']
		],
		bases: [
			{
				name: '民用爆炸物品生产许可初审',
				slug: 'explosives-production',
				kind: '行政许可',
				result: { type: '批文', name: '民用爆炸物品生产许可初审意见' },
				keywords: ['民爆', '民用爆炸物品', '生产许可']
			},
			{
				name: '民用爆炸物品销售许可',
				slug: 'explosives-sales',
				kind: '行政许可',
				result: { type: '证照', name: '民用爆炸物品销售许可证' },
				keywords: ['民爆', '民用爆炸物品', '销售许可']
			},
			{
				name: '民用爆炸物品安全生产许可',
				slug: 'explosives-safety',
				kind: '行政许可',
				result: { type: '证照', name: '民用爆炸物品安全生产许可证' },
				keywords: ['民爆', '安全生产许可']
			},
			{
				name: '民用爆炸物品生产作业场所安全评价报告备案',
				slug: 'explosives-assessment',
				kind: '其他行政权力',
				keywords: ['民爆', '安全评价', '备案']
			}
		]
	},
	{
		name: '墙体材料革新',
		slug: 'wall',
		dept: '墙体材料革新办公室',
		window: '6号 技术创新与投资窗口',
		phone: 93,
		legalBasis: [
			'《湖南省新型墙体材料推广应用条例》',
			'《新型墙体材料专项基金征收使用管理办法》（财综〔2007〕77号）'
		],
		conditions: [
			'建设项目已按规定预缴新型墙体材料专项基金',
			'工程竣工后新型墙体材料使用比例达到规定要求',
			'在规定期限内提出返退申请'
		],
		materials: [
			['专项基金预缴凭证', '原件', '政府部门核发'],
			['工程竣工验收备案表', '复印件', '政府部门核发'],
			['新型墙体材料购销合同及发票', '复印件', '申请人自备']
		],
		bases: [
			{
				name: '新型墙体材料专项基金返退',
				slug: 'wall-refund',
				kind: '行政给付',
				keywords: ['墙改基金', '新型墙体材料', '返退']
			},
			{
				name: '新型墙体材料产品认定',
				slug: 'wall-product',
				kind: '行政确认',
				keywords: ['新型墙体材料', '产品认定']
			}
		]
	},
	{
		name: '减轻企业负担',
		slug: 'burden',
		dept: '企业负担监督处',
		window: '8号 减轻企业负担投诉举报窗口',
		phone: 94,
		legalBasis: ['《湖南省企业负担监督管理条例》', '《信访工作条例》'],
		conditions: [
			'投诉举报事项属于涉企乱收费、乱罚款、乱摊派等加重企业负担的行为',
			'有明确的被投诉对象和基本事实'
		],
		materials: [
			['投诉举报书', '原件', '申请人自备'],
			['相关收费票据或文书', '复印件', '其他']
		],
		bases: [
			{
				name: '涉企乱收费投诉举报受理',
				slug: 'burden-complaint',
				kind: '公共服务',
				keywords: ['乱收费', '投诉', '举报', '企业负担']
			},
			{
				name: '企业负担调查评价',
				slug: 'burden-survey',
				kind: '公共服务',
				keywords: ['企业负担', '调查']
			}
		]
	}
];

const BASES = THEMES.flatMap((theme) => theme.bases.map((base) => ({ theme, base })));

/** 行政许可 items come in the variants a 权力清单 lists; the others recur per year or per review. */
const LICENCE_VARIANTS = [
	['', ''],
	['（变更）', 'change'],
	['（延续）', 'renew'],
	['（注销）', 'cancel'],
	['（补办）', 'reissue']
] as const;
const OTHER_VARIANTS = [
	['', ''],
	['（复核）', 'review'],
	['（年度评价）', 'annual']
] as const;

const COMMON_MATERIALS: Theme['materials'] = [
	['营业执照（统一社会信用代码证）', '复印件', '政府部门核发'],
	['法定代表人身份证明', '原件和复印件', '政府部门核发'],
	['授权委托书及经办人身份证', '原件', '申请人自备']
];

const MISTAKES = [
	'复印件未加盖单位公章',
	'申请表填写日期与盖章日期不一致',
	'材料未按清单顺序装订',
	'委托书未写明委托权限和期限',
	'统一社会信用代码填写错误',
	'扫描件不清晰或缺页'
];

const FAQ: [string, string][] = [
	[
		'可以全程网上办理吗？',
		'可以在湖南政务服务网在线提交申请和上传材料，预审通过后按通知到窗口核验原件，结果可选择免费邮寄。'
	],
	[
		'材料不齐全怎么办？',
		'窗口工作人员会一次性告知需要补正的全部内容，补齐后即可受理，不必重复排队。'
	],
	[
		'可以委托他人办理吗？',
		'可以。请携带授权委托书原件和经办人身份证原件，委托书须写明委托事项和权限。'
	],
	[
		'办理进度怎么查？',
		'可凭受理通知书上的办件编号在湖南政务服务网或大厅自助终端查询，也可拨打咨询电话。'
	],
	['办理需要收费吗？', '本事项不收取任何费用；如有人以加快办理等名义收费，请拨打投诉电话反映。'],
	[
		'节假日可以办理吗？',
		'窗口节假日休息，网上办事大厅24小时受理申报，节后第一个工作日起计算办理时限。'
	]
];

const FIRM_PREFIX = [
	'华',
	'兴',
	'远',
	'瑞',
	'恒',
	'鑫',
	'湘',
	'达',
	'宏',
	'泰',
	'科',
	'盛',
	'新',
	'中',
	'金'
];
const FIRM_TRADE = [
	'电子科技',
	'机械制造',
	'新材料',
	'建材',
	'化工',
	'信息技术',
	'通信技术',
	'钢铁',
	'有色金属',
	'食品',
	'汽车零部件',
	'工程机械',
	'软件',
	'生物医药',
	'民爆器材'
];

function firm(rng: Rng): string {
	const place = rng.pick(REGIONS)[0].replace(/市|自治州/, '');
	const [a, b] = rng.some(FIRM_PREFIX, 2, 2);
	return `${place}${b}${a}${rng.pick(FIRM_TRADE)}${rng.chance(0.3) ? '股份' : ''}有限公司`;
}

const TOPICS = [
	'中小企业发展专项资金',
	'移动互联网产业发展专项资金',
	'工业企业技术改造',
	'新型墙体材料专项基金',
	'无线电台站设置使用',
	'民用爆炸物品安全生产',
	'重点用能单位节能',
	'两化融合管理体系贯标',
	'工业设计中心认定',
	'信息化专项资金',
	'制造强省建设',
	'工业园区高质量发展',
	'首台（套）重大技术装备推广应用',
	'企业技术中心认定',
	'电力设施保护'
];
const INDUSTRIES = [
	'工程机械',
	'轨道交通装备',
	'新材料',
	'电子信息',
	'生物医药',
	'汽车',
	'食品',
	'有色金属',
	'石化',
	'软件和信息技术服务业',
	'节能环保',
	'航空航天'
];
const GOODS = [
	'办公设备',
	'网络安全设备',
	'无线电监测设备',
	'政务服务系统运维',
	'档案数字化服务',
	'公务用车'
];
const HOLIDAYS = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'];
const QUARTERS = ['一季度', '上半年', '前三季度', '全年'];

const SENTENCES = [
	'为深入贯彻落实省委、省政府关于{topic}的决策部署，进一步优化营商环境，现将有关事项通知如下。',
	'各市州经信部门要高度重视，明确责任分工，认真组织{topic}相关工作，确保各项措施落到实处。',
	'申报单位应当对申报材料的真实性负责，凡弄虚作假的，一经查实，取消申报资格并纳入信用记录。',
	'{year}年，全省{industry}产业保持平稳增长，规模以上工业增加值同比增长{pct}%，高于全省平均水平。',
	'我委按照“一次性告知、限时办结”的要求，对{topic}实行窗口统一受理、内部流转、限时办结。',
	'本通知自印发之日起施行，有效期五年。此前有关规定与本通知不一致的，以本通知为准。',
	'联系人：{dept}，联系电话：0731-844201{phone}，地址：长沙市芙蓉区五一大道98号。',
	'经专家评审、现场核查和委主任办公会审议，拟对{firm}等{count}家单位予以认定，现予公示。',
	'公示期间，任何单位和个人对公示对象有异议的，可以书面形式向我委{dept}反映，逾期不予受理。',
	'{year}年我委共受理{topic}申请{count}件，按时办结率100%，群众满意率{pct}%。',
	'各有关单位要加强安全生产管理，严格落实企业主体责任，坚决防范和遏制重特大事故发生。',
	'请各市州于{year}年{month}月{day}日前将推荐材料一式三份报送我委，同时通过申报系统上传电子版。',
	'对检查中发现的问题，已责令相关企业限期整改，整改情况将适时向社会公开。',
	'下一步，我委将继续推进{topic}工作，完善政策体系，强化服务保障，推动全省{industry}产业高质量发展。'
];

interface Slots {
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

function paragraphs(rng: Rng, s: Slots, min: number, max: number): string {
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

// ---------------------------------------------------------------------------------------------
// Files

function frontMatter(data: object, body: string): string {
	return `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body}\n`;
}

interface GeneratedGuide {
	slug: string;
	theme: Theme;
}

function makeGuide(
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

function makeAnnualReport(rng: Rng, year: number): AnnualReportInput {
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

/** Title templates per category; the weights follow what a commission actually publishes. */
const DISCLOSURE_KINDS: readonly (readonly [
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

function makeDisclosure(
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

const NOTICE_TITLES: readonly ((rng: Rng, year: number, theme: Theme) => string)[] = [
	(rng, year) => `关于${year}年${rng.pick(HOLIDAYS)}放假期间政务服务大厅暂停窗口受理的通知`,
	(rng, year) => `关于开展${year}年度${rng.pick(TOPICS)}申报工作的通知`,
	(rng, year, theme) =>
		`关于${year}年第${rng.int(1, 6)}批${rng.pick(theme.bases).name}拟认定名单的公示`,
	(rng) =>
		`政务服务大厅${rng.pick(['排队叫号', '网上申报', '电子证照', '自助终端'])}系统升级维护公告`,
	(_rng, _y, theme) => `关于${theme.window.replace(' ', '')}临时调整办公地点的通知`,
	(rng, year) => `关于召开${year}年${rng.pick(TOPICS)}政策宣讲会的通知`
];

function makeNotice(rng: Rng, published: string, theme: Theme): string {
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

const PROCESS_TITLES = [
	'政府信息依申请公开办理流程',
	'投诉举报处理流程',
	'一次性告知与容缺受理流程',
	'专项资金申报与拨付流程',
	'并联审批流程',
	'网上预约与现场办理流程',
	'办理结果领取与邮寄流程',
	'延时服务与预约服务流程'
];

function makeProcess(rng: Rng, i: number, guides: GeneratedGuide[]): string {
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

const SERVICES: [name: string, description: string, host: string][] = [
	['湖南政务服务网', '全省政务服务事项在线申报、办件查询', 'zwfw-new.hunan.gov.cn'],
	['网上办事大厅', '省经信委行政审批事项在线申报', 'gxt.hunan.gov.cn'],
	['办件进度查询', '凭办件编号查询办理进度和结果', 'zwfw-new.hunan.gov.cn'],
	['无线电管理业务系统', '台站、频率许可在线申报与执照查询', 'wxdgl.hunan.gov.cn'],
	['专项资金申报系统', '中小企业、信息化、移动互联网专项资金申报', 'zxzj.gxt.hunan.gov.cn'],
	['节能审查在线申报', '固定资产投资项目节能报告在线提交', 'jn.gxt.hunan.gov.cn'],
	['民爆行业信息系统', '民用爆炸物品生产、销售许可在线申报', 'mb.gxt.hunan.gov.cn'],
	['企业负担监测系统', '涉企收费投诉举报和负担调查在线填报', 'fd.gxt.hunan.gov.cn'],
	['两化融合公共服务平台', '两化融合评估诊断和贯标咨询', 'lhrh.gxt.hunan.gov.cn'],
	['中小企业公共服务平台', '融资、培训、法律咨询等服务对接', 'sme.hunan.gov.cn'],
	['依申请公开在线申请', '在线提交政府信息公开申请', 'gxt.hunan.gov.cn'],
	['主任信箱', '向委领导反映问题、提出意见建议', 'gxt.hunan.gov.cn']
];

function makeService(
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

function flowChartSvg(theme: Theme): string {
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

// ---------------------------------------------------------------------------------------------

export interface GenerateOptions {
	items: number;
	out: string;
	seed?: number;
	/** Overwrite a non-empty folder that this script did not write. */
	force?: boolean;
	/** site.yaml to copy; defaults to the repository's content/site.yaml. */
	siteFile?: string;
}

export interface GenerateSummary {
	guides: number;
	disclosures: number;
	notices: number;
	processes: number;
	services: number;
	media: number;
	files: number;
	bytes: number;
}

function prepareFolder(out: string, force: boolean): void {
	if (existsSync(out)) {
		const entries = readdirSync(out);
		if (entries.length > 0 && !entries.includes(MARKER) && !force) {
			throw new Error(
				`${out} is not empty and was not written by gen:content; choose another --out or pass --force`
			);
		}
		for (const f of [...FOLDERS, 'site.yaml'])
			rmSync(path.join(out, f), { recursive: true, force: true });
	}
	for (const f of FOLDERS) mkdirSync(path.join(out, f), { recursive: true });
	writeFileSync(path.join(out, MARKER), 'Written by `npm run gen:content`; safe to delete.\n');
}

export function generateContent(options: GenerateOptions): GenerateSummary {
	const { items, out, seed = 1, force = false } = options;
	if (!Number.isInteger(items) || items < 10)
		throw new Error('--items must be a whole number of at least 10');
	const rng = new Rng(seed);
	const nGuides = Math.max(1, Math.round(items * 0.1));
	const nNotices = Math.max(1, Math.round(items * 0.1));
	const nDisclosures = items - nGuides - nNotices;
	const nProcesses = Math.min(40, Math.max(3, Math.round(items / 250)));
	const nServices = Math.min(24, Math.max(4, Math.round(items / 400)));

	prepareFolder(out, force);
	let files = 0;
	let bytes = 0;
	const write = (rel: string, text: string) => {
		writeFileSync(path.join(out, rel), text);
		files++;
		bytes += Buffer.byteLength(text);
	};

	const siteFile =
		options.siteFile ??
		[path.join(REPO, 'content/site.yaml'), path.join(REPO, 'tests/fixtures/good/site.yaml')].find(
			(f) => existsSync(f)
		);
	if (!siteFile) throw new Error('no site.yaml to copy (content/site.yaml is missing)');
	write('site.yaml', readFileSync(siteFile, 'utf8'));

	const guides: GeneratedGuide[] = [];
	const flowCharts = new Set<string>();
	for (let i = 0; i < nGuides; i++) {
		const g = makeGuide(rng, i, flowCharts);
		write(`guides/${g.slug}.md`, g.text);
		guides.push({ slug: g.slug, theme: g.theme });
	}
	for (const theme of THEMES.filter((t) => flowCharts.has(t.slug))) {
		write(`media/flow-${theme.slug}.svg`, flowChartSvg(theme));
	}

	// 索引号 are numbered per year in publication order, as the seed's 430S00720/2015-40731.
	const firstYear = 2014;
	const lastYear = 2025;
	const reportYears = Math.min(
		lastYear - firstYear + 1,
		Math.max(1, Math.round(nDisclosures / 600))
	);
	const perYear = new Map<number, number>();
	const indexNo = (year: number) => {
		const n = (perYear.get(year) ?? 0) + 1;
		perYear.set(year, n);
		return `430S00720/${year}-${pad(n, 5)}`;
	};
	for (let i = 0; i < nDisclosures; i++) {
		const theme = rng.pick(THEMES);
		if (i < reportYears) {
			// Annual reports are published each March for the year before.
			const year = lastYear - 1 - i;
			const date = isoDate(year + 1, 3, rng.int(10, 31));
			const text = makeDisclosure(
				rng,
				indexNo(+date.slice(0, 4)),
				'公开年报',
				`${OFFICE}${year}年政府信息公开工作年度报告`,
				date,
				theme,
				makeAnnualReport(rng, year)
			);
			write(`disclosure/annual-report-${year}.md`, text);
			continue;
		}
		const [category, , title] = rng.weighted(DISCLOSURE_KINDS.map((k) => [k, k[1]] as const));
		const date = randomDate(rng, firstYear, lastYear);
		const year = +date.slice(0, 4);
		const no = indexNo(year);
		write(
			`disclosure/gk-${year}-${no.slice(-5)}.md`,
			makeDisclosure(rng, no, category, title(rng, year, theme), date, theme)
		);
	}

	for (let i = 0; i < nNotices; i++) {
		const published = randomDate(rng, 2016, 2026);
		write(
			`notices/notice-${published.slice(0, 4)}-${pad(i + 1, 5)}.md`,
			makeNotice(rng, published, rng.pick(THEMES))
		);
	}
	for (let i = 0; i < nProcesses; i++) {
		write(`processes/process-${pad(i + 1, 3)}.md`, makeProcess(rng, i, guides));
	}
	for (let i = 0; i < nServices; i++) {
		const s = makeService(rng, i, guides);
		write(`services/${s.slug}.yaml`, s.text);
	}

	return {
		guides: nGuides,
		disclosures: nDisclosures,
		notices: nNotices,
		processes: nProcesses,
		services: nServices,
		media: flowCharts.size,
		files,
		bytes
	};
}

function parseArgs(argv: string[]): GenerateOptions {
	const opts: Partial<GenerateOptions> = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const value = () => {
			const v = argv[++i];
			if (v === undefined) throw new Error(`${arg} needs a value`);
			return v;
		};
		if (arg === '--items') opts.items = Number(value().replace(/[,_]/g, ''));
		else if (arg === '--out') opts.out = path.resolve(value());
		else if (arg === '--seed') opts.seed = Number(value());
		else if (arg === '--force') opts.force = true;
		else throw new Error(`unknown argument ${arg}`);
	}
	if (!opts.items || !opts.out)
		throw new Error('usage: npm run gen:content -- --items N --out DIR [--seed S] [--force]');
	return opts as GenerateOptions;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	try {
		const opts = parseArgs(process.argv.slice(2));
		const t0 = performance.now();
		const s = generateContent(opts);
		const ms = performance.now() - t0;
		console.log(
			`✓ ${opts.out}: ${s.guides} guides, ${s.disclosures} disclosure items, ${s.notices} notices, ` +
				`${s.processes} processes, ${s.services} services, ${s.media} media files ` +
				`(${s.files} files, ${(s.bytes / 1e6).toFixed(1)} MB) in ${(ms / 1000).toFixed(1)} s. ` +
				`Check it with CONTENT_DIR=${opts.out} npm run content:check`
		);
	} catch (e) {
		console.error(`✗ ${e instanceof Error ? e.message : String(e)}`);
		process.exit(1);
	}
}
