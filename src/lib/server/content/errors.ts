/**
 * Content problems, phrased for editors, in Chinese: the file, the field by its Chinese name with
 * positions counted from 1, and what to do —
 * `content/guides/x.md · 申请材料 第2项 · 复印件份数：应填整数（如 1），现在是“两份”`.
 * The loader collects all of them before failing, never just the first.
 */
import * as z from 'zod';

export type Severity = 'error' | 'warning';

export interface ContentProblem {
	/** Path as the editor sees it, e.g. `content/guides/x.md`. */
	file: string;
	/** Field path in the file's keys, counted from 0 (`materials[1].copies`); empty for the file. */
	field: string;
	/** The same path as editors read it: `申请材料 第2项 · 复印件份数`. Empty for the file. */
	label?: string;
	message: string;
	severity: Severity;
}

export function formatFieldPath(path: ReadonlyArray<PropertyKey>): string {
	let out = '';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else out += out ? `.${String(key)}` : String(key);
	}
	return out;
}

export function formatProblem(p: ContentProblem): string {
	const where = p.label || p.field;
	return `${p.file}${where ? ` · ${where}` : ''}：${p.severity === 'warning' ? '（提醒）' : ''}${p.message}`;
}

// ---------------------------------------------------------------------------------------------
// Field names from the schema's metadata

interface Meta {
	title?: string;
	description?: string;
	examples?: unknown[];
}

function metaOf(schema: z.core.$ZodType): Meta {
	return (z.globalRegistry.get(schema) as Meta | undefined) ?? {};
}

/** The schema and its wrappers, outermost first (optional, default, pipe …). */
function layers(schema: z.core.$ZodType): z.core.$ZodType[] {
	const out: z.core.$ZodType[] = [];
	let cur: z.core.$ZodType | undefined = schema;
	while (cur && out.length < 20) {
		out.push(cur);
		const def = cur._zod.def as { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType };
		cur = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
	}
	return out;
}

/** Metadata of a field: the outermost layer that has each key wins. */
export function fieldMeta(schema: z.core.$ZodType): Meta {
	const merged: Meta = {};
	for (const layer of layers(schema).reverse()) Object.assign(merged, metaOf(layer));
	return merged;
}

/** The schema of `key` inside `schema` (an object's field or a list's item), if there is one. */
export function child(schema: z.core.$ZodType, key: PropertyKey): z.core.$ZodType | undefined {
	for (const layer of layers(schema)) {
		const def = layer._zod.def as {
			type: string;
			shape?: Record<string, z.core.$ZodType>;
			element?: z.core.$ZodType;
			options?: z.core.$ZodType[];
		};
		if (def.type === 'object' && typeof key === 'string') return def.shape?.[key];
		if (def.type === 'array' && typeof key === 'number') return def.element;
		if (def.type === 'union') {
			for (const option of def.options ?? []) {
				const found = child(option, key);
				if (found) return found;
			}
			return undefined;
		}
	}
	return undefined;
}

/** The field names an object schema knows (all options of a union), or null if not an object. */
export function fieldNames(schema: z.core.$ZodType): string[] | null {
	for (const layer of layers(schema)) {
		const def = layer._zod.def as {
			type: string;
			shape?: Record<string, z.core.$ZodType>;
			options?: z.core.$ZodType[];
		};
		if (def.type === 'object') return Object.keys(def.shape ?? {});
		if (def.type === 'union') {
			const names = (def.options ?? []).map(fieldNames).filter((n) => n !== null);
			return names.length ? [...new Set(names.flat())] : null;
		}
	}
	return null;
}

/** `materials[1].copies` → `申请材料 第2项 · 复印件份数`, and the schema of that field. */
export function describePath(
	schema: z.core.$ZodType | undefined,
	path: ReadonlyArray<PropertyKey>
): { label: string; leaf: z.core.$ZodType | undefined } {
	const parts: string[] = [];
	let cur = schema;
	for (const key of path) {
		if (typeof key === 'number') {
			const at = `第${key + 1}项`;
			if (parts.length) parts[parts.length - 1] += ` ${at}`;
			else parts.push(at);
		} else {
			const next = cur && child(cur, key);
			parts.push((next && fieldMeta(next).title) || String(key));
		}
		cur = cur && child(cur, key);
	}
	return { label: parts.join(' · '), leaf: cur };
}

// ---------------------------------------------------------------------------------------------
// Issue codes into sentences

/** How a value the editor wrote is quoted back: `“两份”`, `12`, `一个列表`. */
export function describeValue(value: unknown): string {
	if (typeof value === 'string') {
		const chars = [...value];
		return `“${chars.length > 40 ? chars.slice(0, 38).join('') + '…' : value}”`;
	}
	if (value === null) return '空的';
	if (Array.isArray(value)) return '一个列表';
	if (typeof value === 'object') return '一组字段';
	return String(value);
}

/** zod's own messages are English sentences; the schema's own reasons start in Chinese. */
const OWN_MESSAGE = /^[\u4e00-\u9fff“（]/;

const TYPE_NAMES: Record<string, string> = {
	string: '文字',
	number: '数字',
	int: '整数',
	boolean: 'true（是）或 false（否）',
	array: '列表（每项另起一行，以“- ”开头）',
	object: '一组字段（另起一行，缩进两个空格写“字段名: 值”）'
};

function example(leaf: z.core.$ZodType | undefined): string | null {
	const ex = leaf ? fieldMeta(leaf).examples?.[0] : undefined;
	return ex === undefined ? null : typeof ex === 'string' ? `“${ex}”` : String(ex);
}

/** The sentence for one zod issue; `leaf` is the field's schema (for its example). */
export function issueMessage(issue: z.core.$ZodIssue, leaf: z.core.$ZodType | undefined): string {
	const input = (issue as { input?: unknown }).input;
	const shown = describeValue(input);
	const now =
		input === undefined ? '' : `，现在是${/^[“一空]/.test(shown) ? '' : ' '}${shown}`;
	const ex = example(leaf);
	// A refinement or a limit with a reason of its own (written in Chinese in the schema) says
	// more than the generic sentence.
	if (OWN_MESSAGE.test(issue.message) && issue.code !== 'invalid_type') {
		return `${issue.message}${input !== null && typeof input !== 'object' ? now : ''}`;
	}
	switch (issue.code) {
		case 'invalid_type': {
			if (input === undefined) return ex ? `必须填写（如 ${ex}）` : '必须填写';
			if (input === null) return '冒号后面没有填写内容：请填写，不需要时删掉这一行';
			const expected = issue.expected === 'number' && isInt(leaf) ? 'int' : issue.expected;
			const name = TYPE_NAMES[expected] ?? expected;
			const like = ex && (expected === 'int' || expected === 'number') ? `（如 ${ex}）` : '';
			return `应填${name}${like}${now}`;
		}
		case 'too_small': {
			const min = Number(issue.minimum);
			if (issue.origin === 'string') return min <= 1 ? '不能为空' : `至少 ${min} 个字${now}`;
			if (issue.origin === 'array') return min <= 1 ? '至少要填一项' : `至少要填 ${min} 项`;
			return `${issue.inclusive ? '应不小于' : '应大于'} ${min}${now}`;
		}
		case 'too_big': {
			const max = Number(issue.maximum);
			if (issue.origin === 'string') {
				const len = typeof input === 'string' ? [...input].length : 0;
				return `太长：最多 ${max} 个字，现在 ${len} 个字，请精简`;
			}
			if (issue.origin === 'array') {
				const n = Array.isArray(input) ? input.length : 0;
				return `最多 ${max} 项，现在 ${n} 项`;
			}
			return `${issue.inclusive ? '应不大于' : '应小于'} ${max}${now}`;
		}
		case 'invalid_value':
			return `应为以下之一：${issue.values.map(String).join('、')}${now}`;
		case 'invalid_format':
			if (issue.format === 'email') return `应为电子邮箱地址${ex ? `（如 ${ex}）` : ''}${now}`;
			return `格式不对，应写成如 ${ex ?? '示例'} 的样子${now}`;
		case 'unrecognized_keys':
			return `不认识的字段 ${issue.keys.join('、')}：请检查拼写，或删掉这一行`;
		case 'invalid_union':
			return `格式不对${ex ? `，应写成如 ${ex} 的样子` : ''}${now}`;
		case 'not_multiple_of':
			return `应是 ${String(issue.divisor)} 的整数倍${now}`;
		default:
			return `${issue.message}${input !== null && typeof input !== 'object' ? now : ''}`;
	}
}

function isInt(leaf: z.core.$ZodType | undefined): boolean {
	if (!leaf) return false;
	return layers(leaf).some((l) => {
		const def = l._zod.def as { type: string; format?: string };
		return def.type === 'number' && (def.format === 'safeint' || def.format === 'int32');
	});
}

/**
 * Turns zod issues into editor-facing problems. `schema` is the one that was parsed (for the
 * Chinese names); `base` places a sub-schema's issues inside the file (a slide in a playlist).
 */
export function problemsFromZod(
	file: string,
	schema: z.core.$ZodType,
	issues: readonly z.core.$ZodIssue[],
	base: { path: PropertyKey[]; label: string } = { path: [], label: '' }
): ContentProblem[] {
	return issues.map((issue) => {
		const { label, leaf } = describePath(schema, issue.path);
		return {
			file,
			field: formatFieldPath([...base.path, ...issue.path]),
			label: [base.label, label].filter(Boolean).join(' · '),
			message: issueMessage(issue, leaf),
			severity: 'error' as const
		};
	});
}

/** Thrown by the loader when any content file has an error; carries every problem found. */
export class ContentValidationError extends Error {
	constructor(readonly problems: ContentProblem[]) {
		const errors = problems.filter((p) => p.severity === 'error');
		super(
			`内容有 ${errors.length} 处错误：\n` + errors.map((p) => '  ' + formatProblem(p)).join('\n')
		);
		this.name = 'ContentValidationError';
	}
}
