/**
 * The review copy (审核稿) of one content file, for the approver's sign-off before it goes live:
 * every field under its Chinese label in the order of the forms, the body text, the content
 * version and the check's verdict, on one or more A4 pages with lines to sign.
 */
import { parse } from 'yaml';
import type { CmsCollection, CmsField } from './config.ts';
import { escapeHtml } from './html.ts';

export interface ReviewInput {
	collection: Pick<CmsCollection, 'label' | 'fields'>;
	/** The file as editors name it: `guides/x.md`. */
	file: string;
	source: string;
	/** The content version the check computed, or null when the folder has errors. */
	version: string | null;
	/** The check's messages for this file (Chinese, formatted). */
	problems: string[];
	/** When the copy was made, in office time. */
	madeAt: string;
	office: string;
}

/** Above this many columns a list of records reads better as one small table per record. */
const MAX_TABLE_COLUMNS = 5;

const EMPTY = '<span class="empty">（未填）</span>';

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The fields that describe `value`: an object's own, or those of its variant (typeKey). */
function fieldsFor(field: CmsField | undefined, value: Record<string, unknown>): CmsField[] {
	if (field?.fields) return field.fields;
	if (field?.types) {
		const kind = value[field.typeKey ?? 'type'];
		return field.types.find((t) => t.name === kind)?.fields ?? [];
	}
	return [];
}

function rows(fields: CmsField[], value: Record<string, unknown>): string {
	const known = new Set(fields.map((f) => f.name));
	const listed = [
		...fields.filter((f) => f.name in value).map((f) => [f.label, f, value[f.name]] as const),
		// Keys the forms do not know are shown too: the approver signs for the whole file.
		...Object.keys(value)
			.filter((k) => !known.has(k))
			.map((k) => [k, undefined, value[k]] as const)
	];
	return listed
		.map(
			([label, f, v]) =>
				`<tr><th scope="row">${escapeHtml(label)}</th><td>${render(f, v)}</td></tr>`
		)
		.join('');
}

function render(field: CmsField | undefined, value: unknown): string {
	if (value === undefined || value === null || value === '') return EMPTY;
	if (typeof value === 'boolean') return value ? '是' : '否';
	if (Array.isArray(value)) {
		if (value.length === 0) return EMPTY;
		const item = field?.field ?? (field?.fields ? { ...field, widget: 'object' } : undefined);
		const columns = field?.fields ?? [];
		const flat = columns.every((c) => !c.fields && !c.types && c.widget !== 'list');
		if (
			value.every(isRecord) &&
			columns.length > 0 &&
			flat &&
			columns.length <= MAX_TABLE_COLUMNS
		) {
			const head = columns.map((c) => `<th>${escapeHtml(c.label)}</th>`).join('');
			const body = value
				.map(
					(v, i) =>
						`<tr><td class="n">${i + 1}</td>${columns.map((c) => `<td>${render(c, v[c.name])}</td>`).join('')}</tr>`
				)
				.join('');
			return `<table class="list"><thead><tr><th class="n">序号</th>${head}</tr></thead><tbody>${body}</tbody></table>`;
		}
		return `<ol>${value.map((v) => `<li>${render(item, v)}</li>`).join('')}</ol>`;
	}
	if (isRecord(value)) {
		return `<table class="fields">${rows(fieldsFor(field, value), value)}</table>`;
	}
	const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
	return text.includes('\n') ? `<div class="text">${escapeHtml(text)}</div>` : escapeHtml(text);
}

/** Front matter and body of a `.md` file; a `.yaml` file is all fields. */
function split(file: string, source: string): { data: unknown; body: string } {
	if (!file.endsWith('.md')) return { data: parse(source) as unknown, body: '' };
	const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
	return m ? { data: parse(m[1]!) as unknown, body: m[2]!.trim() } : { data: {}, body: source };
}

export function reviewHtml(input: ReviewInput): string {
	let data: unknown;
	let body = '';
	let unreadable = '';
	try {
		({ data, body } = split(input.file, input.source));
	} catch (error) {
		unreadable = error instanceof Error ? error.message : String(error);
	}
	const record = isRecord(data) ? data : {};
	const fields = input.collection.fields ?? [];
	const title = String(record.name ?? record.title ?? input.file);
	const verdict = input.problems.length
		? `<ul class="problems">${input.problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul>`
		: '<p class="ok">内容检查通过：这份文件可以发布。</p>';
	return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>审核稿 · ${escapeHtml(title)}</title>
<link rel="stylesheet" href="/review.css">
</head>
<body>
<header>
	<p class="kind">${escapeHtml(input.office)} · ${escapeHtml(input.collection.label)} · 审核稿</p>
	<h1>${escapeHtml(title)}</h1>
	<p class="meta">文件 ${escapeHtml(input.file)} · 内容版本 ${escapeHtml(input.version ?? '（内容有错误，尚未生成）')} · 生成于 ${escapeHtml(input.madeAt)}</p>
</header>
<section class="verdict">${verdict}</section>
${unreadable ? `<p class="problems">文件无法读取：${escapeHtml(unreadable)}</p>` : ''}
<table class="fields">${rows(fields, record)}</table>
${body ? `<section class="body"><h2>正文</h2><div class="text">${escapeHtml(body)}</div></section>` : ''}
<table class="sign">
	<tr><th scope="row">编辑人</th><td></td><th scope="row">编辑日期</th><td></td></tr>
	<tr><th scope="row">审核意见</th><td colspan="3" class="tall"></td></tr>
	<tr><th scope="row">审核人（签字）</th><td></td><th scope="row">审核日期</th><td></td></tr>
</table>
<p class="hint">按 Ctrl+P 打印（A4 纸）。</p>
</body>
</html>
`;
}

export const reviewCss = `
@page { size: A4; margin: 16mm 15mm; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 210mm; padding: 12mm; font: 11pt/1.6 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif; color: #111; }
@media print { body { padding: 0; max-width: none; } .hint { display: none; } }
header { border-bottom: 2px solid #111; margin-bottom: 4mm; }
.kind { margin: 0; font-weight: 600; }
h1 { margin: 1mm 0; font-size: 18pt; }
h2 { font-size: 13pt; margin: 5mm 0 2mm; }
.meta { margin: 0 0 2mm; font-size: 9.5pt; color: #333; }
.verdict .ok { color: #135c2a; font-weight: 600; }
.problems { color: #8a1010; }
table { border-collapse: collapse; width: 100%; }
table.fields > tbody > tr > th, table.fields > tr > th { width: 26mm; text-align: left; vertical-align: top; font-weight: 600; background: #f2f2f2; }
th, td { border: 1px solid #999; padding: 1.2mm 2mm; vertical-align: top; }
td table { margin: 0; }
/* A long field (the materials) may run over a page; one material, one list row may not. */
.list tr, td table.fields, li { break-inside: avoid; }
td table { font-size: 10pt; }
.list th { background: #f2f2f2; font-weight: 600; text-align: left; }
.n { width: 10mm; text-align: center; }
ol { margin: 0; padding-left: 5mm; }
.text { white-space: pre-wrap; }
.empty { color: #777; }
.sign { margin-top: 8mm; break-inside: avoid; }
.sign th { width: 30mm; background: #f2f2f2; text-align: left; }
.sign td { height: 12mm; }
.sign td.tall { height: 28mm; }
.hint { color: #555; font-size: 9pt; }
`;
