/**
 * The field tables of docs/editing.md, generated from the content schemas: each field's Chinese
 * label, its key in the file, whether it must be filled, and an example. The tables live between
 * `<!-- fields:KEY -->` and `<!-- /fields -->` markers; `npm run docs:fields` rewrites them.
 */
import type * as z from 'zod';
import { contentCollections } from '../content/collections.ts';
import { choices, peel, shapeOf } from './fields.ts';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function rows(schema: z.core.$ZodType, at: string, label: string, out: string[]): void {
	const p = peel(schema);
	const shape =
		shapeOf(p) ?? (p.def.type === 'array' && p.def.element ? shapeOf(peel(p.def.element)) : null);
	for (const [key, s] of shape ?? []) {
		const f = peel(s);
		const list = p.def.type === 'array' ? '[]' : '';
		const path = at ? `${at}${list}.${key}` : key;
		const name = label ? `${label} · ${f.title ?? key}` : (f.title ?? key);
		const picks = choices(f) ?? (f.def.element ? choices(peel(f.def.element)) : null);
		const example = picks ? picks.join(' / ') : f.example === undefined ? '' : String(f.example);
		out.push(`| ${cell(name)} | \`${path}\` | ${f.optional ? '' : '必填'} | ${cell(example)} |`);
		rows(s, path, name, out);
	}
}

/** The table of one kind of content file. */
export function fieldTable(key: string): string {
	const c = contentCollections.find((x) => x.key === key);
	if (!c) throw new Error(`没有这种内容：${key}`);
	const out = ['| 字段 | 文件里的写法 | 必填 | 例子或可选值 |', '| --- | --- | --- | --- |'];
	rows(c.schema, '', '', out);
	return out.join('\n');
}

const MARKER = /<!-- fields:([a-z]+) -->\n[\s\S]*?<!-- \/fields -->/g;

/** `text` with every marked table regenerated. */
export function withFieldTables(text: string): string {
	return text.replace(
		MARKER,
		(_, key: string) => `<!-- fields:${key} -->\n${fieldTable(key)}\n<!-- /fields -->`
	);
}

/** The guide as it is committed: tables regenerated, then laid out by Prettier like every file. */
export async function formattedGuide(text: string, file: string): Promise<string> {
	const prettier = await import('prettier');
	const options = (await prettier.resolveConfig(file)) ?? {};
	return prettier.format(withFieldTables(text), { ...options, filepath: file });
}
