/**
 * Runs of text a line must never break inside: a phone number (0731-84420131), a 索引号
 * (430S00720/2015-40702), a time range (9:00—12:00), a date (2014年12月19日) and a number with
 * its unit (15 个工作日, 2385条). Browsers break Chinese text between any two characters and at
 * every hyphen and space; a reader then finds “0731-” on one line and “84420131” on the next.
 */

const UNITS = [
	'个工作日',
	'工作日',
	'自然日',
	'个月',
	'小时',
	'分钟',
	'万元',
	'亿元',
	'公里',
	'天',
	'日',
	'周',
	'年',
	'月',
	'份',
	'件',
	'项',
	'次',
	'元',
	'条',
	'期',
	'人',
	'名',
	'台',
	'家',
	'个',
	'%',
	'％'
];

const PATTERNS = [
	// Phone numbers with an area code or a 400 prefix, an extension allowed.
	String.raw`(?:0\d{2,3}|400)-\d{3,8}(?:-\d{1,8})?`,
	// 索引号: an agency code, a year and a serial number.
	String.raw`[0-9A-Z]{4,}\/\d{4}-\d+`,
	String.raw`\d{1,2}:\d{2}\s*[—–~～至-]\s*\d{1,2}:\d{2}`,
	String.raw`\d{4}年\d{1,2}月(?:\d{1,2}日)?`,
	String.raw`\d{1,2}月\d{1,2}日`,
	String.raw`\d+(?:\.\d+)?\s?(?:${UNITS.join('|')})`
];

/** Not inside a longer number or an HTML character reference (&#12345;). */
const KEEP = new RegExp(String.raw`(?<![\w#&.:/-])(?:${PATTERNS.join('|')})(?![\w-])`, 'gu');

export interface TextRun {
	text: string;
	/** Must stay on one line. */
	keep: boolean;
}

/** Splits text into runs; joined again they give the text back unchanged. */
export function keepTogetherRuns(text: string): TextRun[] {
	const runs: TextRun[] = [];
	let at = 0;
	for (const m of text.matchAll(KEEP)) {
		if (m.index > at) runs.push({ text: text.slice(at, m.index), keep: false });
		runs.push({ text: m[0], keep: true });
		at = m.index + m[0].length;
	}
	if (at < text.length) runs.push({ text: text.slice(at), keep: false });
	return runs;
}

/** The same for rendered HTML: each run in its text (never in a tag) gets a nowrap span. */
export function keepTogetherHtml(html: string): string {
	return html
		.split(/(<[^>]*>)/)
		.map((part) =>
			part.startsWith('<')
				? part
				: part.replace(KEEP, (run) => `<span class="nowrap">${run}</span>`)
		)
		.join('');
}
