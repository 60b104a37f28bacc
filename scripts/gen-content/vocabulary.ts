/**
 * The words the content generator builds with: the commission's departments and their service
 * items, places, firms, topics and the sentences that bodies are made of. Data only; how they are
 * combined is in phrasing.ts and generators.ts.
 */
import type { GuideInput } from './types.ts';

type Kind = GuideInput['kind'];

export const OFFICE = '湖南省经济和信息化委员会';
export const HALL = '省经信委政务服务大厅（长沙市芙蓉区五一大道98号办公楼一楼）';
export const HALL_HOURS = '周一至周五 9:00—12:00，13:30—17:00（法定节假日除外）';
export const COMPLAINT_PHONE = '0731-84420199';

export const REGIONS = [
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

export interface Base {
	name: string;
	slug: string;
	kind: Kind;
	result?: { type: '证照' | '批文' | '其他'; name: string };
	keywords: string[];
}

export interface Theme {
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

export const THEMES: Theme[] = [
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

export const BASES = THEMES.flatMap((theme) => theme.bases.map((base) => ({ theme, base })));

/** 行政许可 items come in the variants a 权力清单 lists; the others recur per year or per review. */
export const LICENCE_VARIANTS = [
	['', ''],
	['（变更）', 'change'],
	['（延续）', 'renew'],
	['（注销）', 'cancel'],
	['（补办）', 'reissue']
] as const;
export const OTHER_VARIANTS = [
	['', ''],
	['（复核）', 'review'],
	['（年度评价）', 'annual']
] as const;

export const COMMON_MATERIALS: Theme['materials'] = [
	['营业执照（统一社会信用代码证）', '复印件', '政府部门核发'],
	['法定代表人身份证明', '原件和复印件', '政府部门核发'],
	['授权委托书及经办人身份证', '原件', '申请人自备']
];

export const MISTAKES = [
	'复印件未加盖单位公章',
	'申请表填写日期与盖章日期不一致',
	'材料未按清单顺序装订',
	'委托书未写明委托权限和期限',
	'统一社会信用代码填写错误',
	'扫描件不清晰或缺页'
];

export const FAQ: [string, string][] = [
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

export const FIRM_PREFIX = [
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
export const FIRM_TRADE = [
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

export const TOPICS = [
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
export const INDUSTRIES = [
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
export const GOODS = [
	'办公设备',
	'网络安全设备',
	'无线电监测设备',
	'政务服务系统运维',
	'档案数字化服务',
	'公务用车'
];
export const HOLIDAYS = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'];
export const QUARTERS = ['一季度', '上半年', '前三季度', '全年'];

export const SENTENCES = [
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

export const PROCESS_TITLES = [
	'政府信息依申请公开办理流程',
	'投诉举报处理流程',
	'一次性告知与容缺受理流程',
	'专项资金申报与拨付流程',
	'并联审批流程',
	'网上预约与现场办理流程',
	'办理结果领取与邮寄流程',
	'延时服务与预约服务流程'
];

export const SERVICES: [name: string, description: string, host: string][] = [
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
