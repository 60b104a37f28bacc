/**
 * A realistic 政府信息公开目录 export of one year, for tests and the import bench: the columns an
 * office's catalogue system exports, titles of the kinds the 2014 summary counts (2,385 items),
 * categories written the different ways offices write them, dates as date cells and as text.
 * Deterministic: the same count gives the same sheet.
 */
import ExcelJS from 'exceljs';

export const SAMPLE_HEADERS = [
	'索引号',
	'名称',
	'发布机构',
	'生成日期',
	'文号',
	'主题分类',
	'有效性',
	'链接',
	'正文'
] as const;

export interface SampleRow {
	indexNo: string;
	title: string;
	issuer: string;
	/** A date cell in xlsx; some rows carry text dates as offices type them. */
	date: Date | string;
	docNo: string;
	category: string;
	validity: string;
	link: string;
	body: string;
}

const OFFICE = '湖南省经济和信息化委员会';
const INDUSTRIES = [
	'工程机械',
	'轨道交通装备',
	'电子信息',
	'新材料',
	'生物医药',
	'食品',
	'有色金属',
	'石化',
	'纺织',
	'软件和信息服务'
];
const TOPICS = [
	'工业节能',
	'中小企业服务体系建设',
	'两化融合',
	'无线电管理',
	'民用爆炸物品安全管理',
	'电力设施保护',
	'工业企业技术改造',
	'移动互联网产业发展',
	'企业减负',
	'工业园区建设'
];
const CITIES = ['长沙', '株洲', '湘潭', '衡阳', '岳阳', '常德', '邵阳', '益阳', '郴州', '永州'];

/** Small seeded PRNG (mulberry32): the same sheet on every machine. */
function rng(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
		pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
		chance: (p: number) => next() < p
	};
}
type Rng = ReturnType<typeof rng>;

/** [how the export writes the category (several ways), weight, title]. */
const KINDS: readonly [readonly string[], number, (r: Rng, month: number) => string][] = [
	[
		['行政法规、规章和规范性文件', '规范性文件', '（一）'],
		6,
		(r) => `关于印发《湖南省${r.pick(TOPICS)}管理办法》的通知`
	],
	[
		['国民经济和社会发展统计信息', '统计信息'],
		14,
		(r, m) => `2014年${m}月全省${r.pick(INDUSTRIES)}产业运行简况`
	],
	[
		['行政许可和其他对外管理服务事项', '行政许可', '（五）'],
		30,
		(r) =>
			r.chance(0.6)
				? `关于${r.pick(CITIES)}${r.pick(['华泰', '中联', '金岳', '星衡', '瑞丰'])}有限公司无线电台（站）设置的批复`
				: `2014年第${r.int(1, 24)}批固定资产投资项目节能审查结果公示`
	],
	[
		['财政预算、决算信息', '三公经费', '专项资金'],
		12,
		(r) =>
			`2014年省${r.pick(['中小企业发展', '信息化', '移动互联网产业发展'])}专项资金拟支持项目公示（第${r.int(1, 6)}批）`
	],
	[
		['行政处罚、行政强制', '行政处罚'],
		6,
		(r) => `${r.pick(CITIES)}市擅自设置使用无线电台（站）行政处罚决定书`
	],
	[
		['国民经济和社会发展规划、专项规划、区域规划及相关政策', '规划计划'],
		8,
		(r) => `湖南省${r.pick(INDUSTRIES)}产业发展三年行动计划（2014—2016年）`
	],
	[['政府集中采购项目', '政府采购'], 5, (r) => `${r.pick(TOPICS)}信息系统采购项目中标公告`],
	[
		['环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况', '安全生产'],
		7,
		(r) => `关于${r.pick(CITIES)}市民爆企业安全生产检查情况的通报`
	],
	[
		['法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息', '其他'],
		12,
		(r) => `${r.pick(TOPICS)}工作座谈会在${r.pick(CITIES)}召开`
	]
];
const TOTAL_WEIGHT = KINDS.reduce((s, k) => s + k[1], 0);

/** `count` rows of a year's catalogue; 索引号 430S00720/2014-00001 upwards. */
export function sampleRows(count: number, seed = 2014): SampleRow[] {
	const r = rng(seed);
	const rows: SampleRow[] = [];
	for (let i = 0; i < count; i++) {
		let pick = r.int(0, TOTAL_WEIGHT - 1);
		const kind = KINDS.find((k) => (pick -= k[1]) < 0) ?? KINDS[0]!;
		const month = Math.min(12, 1 + Math.floor((i * 12) / Math.max(1, count)));
		const day = r.int(1, 28);
		const no = String(i + 1).padStart(5, '0');
		const normative = kind[0][0] === '行政法规、规章和规范性文件';
		const dateStyle = r.int(0, 9);
		rows.push({
			indexNo: `430S00720/2014-${no}`,
			title: kind[2](r, month),
			issuer: r.chance(0.1) ? `${OFFICE} 湖南省财政厅` : OFFICE,
			date:
				dateStyle === 0
					? `2014/${month}/${day}`
					: dateStyle === 1
						? `2014年${month}月${day}日`
						: new Date(Date.UTC(2014, month - 1, day)),
			docNo:
				normative || r.chance(0.2)
					? `湘经信${r.pick(['发', '办', '函'])}〔2014〕${r.int(1, 300)}号`
					: '',
			category: r.pick(kind[0]),
			validity: normative ? '有效' : '',
			link: `https://gxt.hunan.gov.cn/xxgk/2014/${String(month).padStart(2, '0')}/t2014_${no}.html`,
			body: r.chance(0.3)
				? `${kind[2](r, month)}。\n现予公开，公开期间如有异议，请与我委联系。\n联系电话：0731-84420131`
				: ''
		});
	}
	return rows;
}

/** The rows as an xlsx workbook, header in row 1, as a catalogue system exports it. */
export async function sampleXlsx(rows: readonly SampleRow[]): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet('政府信息公开目录');
	ws.addRow([...SAMPLE_HEADERS]);
	for (const x of rows) {
		ws.addRow([
			x.indexNo,
			x.title,
			x.issuer,
			x.date,
			x.docNo,
			x.category,
			x.validity,
			x.link,
			x.body
		]);
	}
	ws.getColumn(4).numFmt = 'yyyy-mm-dd';
	return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The rows as CSV text (quoted where needed), as Excel saves it. */
export function sampleCsv(rows: readonly SampleRow[]): string {
	const q = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
	const date = (d: Date | string) =>
		d instanceof Date ? `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()}` : d;
	return (
		[
			SAMPLE_HEADERS.join(','),
			...rows.map((x) =>
				[
					x.indexNo,
					x.title,
					x.issuer,
					date(x.date),
					x.docNo,
					x.category,
					x.validity,
					x.link,
					x.body
				]
					.map(q)
					.join(',')
			)
		].join('\r\n') + '\r\n'
	);
}
