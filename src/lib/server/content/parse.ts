/**
 * Parse and validate steps of the loader: front matter and YAML into plain data, then the data
 * against its zod schema. Every problem goes into the list; nothing throws.
 */
import { parseDocument, type YAMLError } from 'yaml';
import type * as z from 'zod';
import {
	child,
	describePath,
	fieldMeta,
	fieldNames,
	formatFieldPath,
	problemsFromZod,
	type ContentProblem
} from './errors.ts';

export interface ParsedFile {
	data: unknown;
	/** Markdown after the front matter; empty for YAML files. */
	body: string;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits front matter from body and parses the YAML, reporting syntax errors with their line. */
export function parseFile(
	source: string,
	isMarkdown: boolean,
	shown: string,
	problems: ContentProblem[]
): ParsedFile | null {
	let yamlText = source;
	let body = '';
	let lineOffset = 0;
	if (isMarkdown) {
		const m = FRONT_MATTER.exec(source);
		if (!m) {
			problems.push({
				file: shown,
				field: '',
				message:
					'文件开头缺少字段区：第 1 行必须是 ---，接着写字段（字段名: 值），再用一行 --- 结束，然后才是正文',
				severity: 'error'
			});
			return null;
		}
		yamlText = m[1] ?? '';
		body = source.slice(m[0].length);
		lineOffset = 1;
	}
	const doc = parseDocument(yamlText, { prettyErrors: true, uniqueKeys: true });
	if (doc.errors.length > 0) {
		const lines = yamlText.split(/\r?\n/);
		for (const err of doc.errors) {
			const line = err.linePos?.[0]?.line ?? 0;
			problems.push({
				file: shown,
				field: '',
				message: `第 ${line + lineOffset} 行：${yamlHint(err, lines, line)}`,
				severity: 'error'
			});
		}
		return null;
	}
	let data: unknown;
	try {
		// A few aliases are legitimate YAML; thousands are a "billion laughs" bomb.
		data = doc.toJS({ maxAliasCount: 100 });
	} catch (e) {
		problems.push({
			file: shown,
			field: '',
			message:
				e instanceof ReferenceError
					? 'YAML 别名（& 和 *）用得太多，展开后过大，不予读取：请直接写出内容，不要用别名'
					: `YAML 无法读取：${e instanceof Error ? e.message : String(e)}`,
			severity: 'error'
		});
		return null;
	}
	return { data: data ?? {}, body };
}

/** `kind：行政许可` — a key followed by a full-width colon, as a Chinese input method types it. */
const FULL_WIDTH_KEY = /^\s*(?:-\s+)?[A-Za-z][\w-]*\s*：/;

/** A YAML syntax error in plain words, with the usual cause and what to do. */
function yamlHint(err: YAMLError, lines: string[], line: number): string {
	// The parser may report the line after the real mistake.
	const near = [lines[line - 1] ?? '', lines[line - 2] ?? ''];
	const fullWidth = near.find((l) => FULL_WIDTH_KEY.test(l));
	if (fullWidth !== undefined) {
		const fixed = fullWidth.trim().replace(/\s*：\s*/, ': ');
		return `字段名后面用了全角冒号“：”。请改成半角冒号加一个空格“: ”（先切换到英文输入法），即 ${fixed}`;
	}
	switch (err.code) {
		case 'TAB_AS_INDENT':
			return '用了 Tab 键缩进。YAML 只能用空格缩进：请把 Tab 换成两个空格';
		case 'BLOCK_AS_IMPLICIT_KEY':
			return '内容里有“冒号加空格”（: ），会被当成新的字段。请把整段内容用单引号括起来，如 summary: \'申请条件: 见下文\'';
		case 'DUPLICATE_KEY':
			return '同一个字段写了两次：请删掉其中一个';
		case 'MISSING_CHAR':
			return '引号没有配对：开头有引号，结尾也要有同样的引号（都用半角 \' 或 "）';
		case 'BAD_INDENT':
			return '缩进没有对齐：同一组的字段要从同一列开始（用空格对齐）';
		case 'MULTILINE_IMPLICIT_KEY':
			return '这一行不是“字段名: 值”的样子：检查冒号后面是否有空格、上一行的引号是否配对';
		default: {
			const reason = err.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '');
			return `YAML 格式错误（${reason}）：请检查这一行的冒号、缩进和引号`;
		}
	}
}

/** Validates parsed data against a schema; unknown top-level fields are errors too. */
export function validate<S extends z.ZodObject>(
	schema: S,
	parsed: ParsedFile,
	shown: string,
	problems: ContentProblem[]
): z.output<S> | null {
	if (typeof parsed.data !== 'object' || parsed.data === null || Array.isArray(parsed.data)) {
		problems.push({
			file: shown,
			field: '',
			message: '内容应是一行一个“字段名: 值”',
			severity: 'error'
		});
		return null;
	}
	// A misspelt optional field would otherwise vanish silently, at any depth.
	const unknown = unknownFields(schema, parsed.data);
	for (const { path, known } of unknown) {
		const key = String(path[path.length - 1]);
		const parent = describePath(schema, path.slice(0, -1)).label;
		const guess = closest(key, known);
		const hint = guess ? `是不是 ${guess}${labelOf(schema, path.slice(0, -1), guess)}？` : '';
		problems.push({
			file: shown,
			field: formatFieldPath(path),
			label: [parent, key].filter(Boolean).join(' · '),
			message: `不认识这个字段：${hint}请检查拼写，或删掉这一行`,
			severity: 'error'
		});
	}
	const result = schema.safeParse(parsed.data, { reportInput: true });
	if (!result.success) {
		// Unknown fields are reported above, with a suggestion.
		const issues = result.error.issues.filter((i) => i.code !== 'unrecognized_keys');
		problems.push(...problemsFromZod(shown, schema, issues));
		return null;
	}
	return unknown.length ? null : result.data;
}

/** `（空白表格）` for a field that has a Chinese name. */
function labelOf(schema: z.core.$ZodType, parent: PropertyKey[], key: string): string {
	let s: z.core.$ZodType | undefined = schema;
	for (const k of parent) s = s && child(s, k);
	const field = s && child(s, key);
	const title = field && fieldMeta(field).title;
	return title ? `（${title}）` : '';
}

/** Keys in `data` that its schema does not know, with the keys it does know there. */
function unknownFields(
	schema: z.core.$ZodType,
	data: unknown,
	path: PropertyKey[] = []
): { path: PropertyKey[]; known: string[] }[] {
	if (Array.isArray(data)) {
		const item = child(schema, 0);
		return item ? data.flatMap((d, i) => unknownFields(item, d, [...path, i])) : [];
	}
	if (typeof data !== 'object' || data === null) return [];
	const known = fieldNames(schema);
	if (!known) return [];
	return Object.entries(data).flatMap(([key, value]) => {
		const field = known.includes(key) ? child(schema, key) : undefined;
		if (!field) return [{ path: [...path, key], known }];
		return unknownFields(field, value, [...path, key]);
	});
}

/** The known key an editor most likely meant: same letters in another case, or 1–2 typos. */
function closest(key: string, known: string[]): string | null {
	let best: string | null = null;
	let bestDistance = 3;
	for (const k of known) {
		const d = k.toLowerCase() === key.toLowerCase() ? 0 : editDistance(k, key);
		if (d < bestDistance) [best, bestDistance] = [k, d];
	}
	return best;
}

function editDistance(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		let diagonal = row[0]!;
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const above = row[j]!;
			row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
			diagonal = above;
		}
	}
	return row[b.length]!;
}
