/**
 * Parse and validate steps of the loader: front matter and YAML into plain data, then the data
 * against its zod schema. Every problem goes into the list; nothing throws.
 */
import { parseDocument, type YAMLError } from 'yaml';
import type * as z from 'zod';
import { problemsFromZod, type ContentProblem } from './errors.ts';

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
	// A misspelt optional field would otherwise vanish silently.
	const known = new Set(Object.keys(schema.shape));
	const unknown = Object.keys(parsed.data).filter((k) => !known.has(k));
	for (const key of unknown) {
		problems.push({
			file: shown,
			field: key,
			label: key,
			message: '不认识这个字段：请检查拼写，或删掉这一行',
			severity: 'error'
		});
	}
	const result = schema.safeParse(parsed.data, { reportInput: true });
	if (!result.success) {
		problems.push(...problemsFromZod(shown, schema, result.error.issues));
		return null;
	}
	return unknown.length ? null : result.data;
}
