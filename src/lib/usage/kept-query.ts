/**
 * Which zero-result queries the terminal may keep. Visitors sometimes type a phone number, an ID
 * card number, an e-mail address or a person's name into the search box; none of that may be
 * stored. Only what looks like a service word is kept:
 *
 * - at most MAX_KEPT_LENGTH characters (service words are short; sentences may hold anything);
 * - at most MAX_DIGITS digits in all, counted after dropping separators, so `138.1234.5678`,
 *   `0731-8442-0131` and ID numbers are refused while `2014年报` is kept;
 * - nothing with an `@` (e-mail);
 * - no 2–4 hanzi that start with a common surname (or a two-character one such as 欧阳) and hold
 *   after it none of the characters service words are made of (证, 办, 区, 费…): `王小明` is refused,
 *   `许可证` and `高新区` are kept. This refuses a few place and company names too; the list
 *   errs on the side of the visitor.
 */
export const MAX_KEPT_LENGTH = 12;
export const MAX_DIGITS = 4;

/** The most common Chinese surnames (about 90% of people). */
const SURNAMES = new Set(
	'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝'
);
const COMPOUND_SURNAMES = [
	'欧阳',
	'司马',
	'上官',
	'诸葛',
	'东方',
	'皇甫',
	'尉迟',
	'公孙',
	'慕容',
	'令狐',
	'长孙',
	'宇文',
	'夏侯',
	'端木',
	'司徒'
];
/** Characters of service words that given names hardly ever use. */
const SERVICE_CHARS = new Set(
	'证照费税报审批办表局厅窗区县市省镇村站台网码卡企司款险医社房车户籍婚育校章申请登记备案认定许可补贴资助项目能源电信息软件线频率爆物品产销售全投诉举服务咨询指流程公开告通知政策法规标准资专技术改造创中心基地所馆处科室部委'
);

const HANZI = /^\p{Script=Han}+$/u;

function looksLikeName(query: string): boolean {
	const chars = [...query];
	if (chars.length < 2 || chars.length > 4 || !HANZI.test(query)) return false;
	const compound = COMPOUND_SURNAMES.find((s) => query.startsWith(s));
	if (!compound && !SURNAMES.has(chars[0]!)) return false;
	const given = chars.slice(compound ? 2 : 1);
	return given.length > 0 && !given.some((c) => SERVICE_CHARS.has(c));
}

/** The query as it is kept (normalised), or null when it must not be kept. */
export function keptQuery(raw: string): string | null {
	const query = raw.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
	if (!query || [...query].length > MAX_KEPT_LENGTH) return null;
	if ((query.match(/\d/g)?.length ?? 0) > MAX_DIGITS) return null;
	if (query.includes('@')) return null;
	if (looksLikeName(query.replace(/\s/g, ''))) return null;
	return query;
}

/** The rule in words, for the status screen. */
export const KEPT_QUERY_RULE =
	`只保存像办事用语的查询词：最多 ${MAX_KEPT_LENGTH} 个字，数字不超过 ${MAX_DIGITS} 个` +
	'（电话、身份证号等一律不存，分隔符不影响判断），不含 @（电子邮箱），' +
	'也不存以常见姓氏开头的两到四个汉字（可能是姓名，如“王小明”）。';
