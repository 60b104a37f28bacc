/**
 * Words visitors use for what the office's documents call something else. Each group is a set
 * of interchangeable words; a query term containing one is also tried with the others. Item
 * keywords (written by editors per item) remain the main place for synonyms; these are the
 * office-wide ones.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
	['民爆', '民用爆炸物品'],
	['技改', '技术改造'],
	['经信委', '经济和信息化委员会'],
	['两化融合', '信息化和工业化融合'],
	['执照', '许可证'],
	['补贴', '补助', '专项资金'],
	['投诉', '举报'],
	['信息公开', '政务公开', '政府信息公开'],
	['中小企业', '小微企业'],
	['节能', '能耗'],
	['办事指南', '服务指南'],
	['年报', '年度报告']
];

const byWord = new Map<string, readonly string[]>();
for (const group of SYNONYM_GROUPS) for (const word of group) byWord.set(word, group);
// Longest words first, so 政府信息公开 is replaced whole rather than as 信息公开.
const words = [...byWord.keys()].sort((a, b) => b.length - a.length);

/** Other ways to write `term`, each replacing one synonym it contains. */
export function synonymVariants(term: string): string[] {
	const out: string[] = [];
	for (const word of words) {
		const at = term.indexOf(word);
		if (at < 0) continue;
		for (const other of byWord.get(word) ?? []) {
			if (other !== word) out.push(term.slice(0, at) + other + term.slice(at + word.length));
		}
		break;
	}
	return out;
}
