/**
 * Parse and validate steps of the loader: front matter and YAML into plain data, then the data
 * against its zod schema. Every problem goes into the list; nothing throws.
 */
import { parseDocument } from 'yaml';
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
					'missing front matter: the file must start with a line "---", the fields, and another "---"',
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
		for (const err of doc.errors) {
			const line = (err.linePos?.[0]?.line ?? 0) + lineOffset;
			const reason = err.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '');
			problems.push({
				file: shown,
				field: '',
				message: `line ${line}: YAML syntax error: ${reason}`,
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
			message: 'expected fields (key: value lines)',
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
			message: 'unknown field (check the spelling)',
			severity: 'error'
		});
	}
	const result = schema.safeParse(parsed.data, { reportInput: true });
	if (!result.success) {
		problems.push(...problemsFromZod(shown, result.error.issues));
		return null;
	}
	return unknown.length ? null : result.data;
}
