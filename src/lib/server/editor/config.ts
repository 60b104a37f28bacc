/**
 * The editors' form configuration (Sveltia CMS `config.yml`), generated from the content schemas
 * so that a field is described once: its Chinese label, help, example, whether it must be filled,
 * its choices and its pattern all come from `src/lib/server/content/`.
 */
import type * as z from 'zod';
import { slideKindLabels, weekdayNames } from '../content/bulletin-schema.ts';
import { contentCollections, type ContentCollection } from '../content/collections.ts';
import { choices, helpText, limits, peel, shapeOf, type Peeled } from './fields.ts';

export interface CmsField {
	name: string;
	label: string;
	widget: string;
	required?: boolean;
	hint?: string;
	default?: unknown;
	pattern?: [string, string];
	options?: string[];
	multiple?: boolean;
	min?: number;
	max?: number;
	minlength?: number;
	maxlength?: number;
	value_type?: 'int' | 'float';
	type?: string;
	format?: string;
	fields?: CmsField[];
	field?: CmsField;
	types?: { name: string; label: string; widget: 'object'; fields: CmsField[] }[];
	typeKey?: string;
	summary?: string;
	collection?: string;
	value_field?: string;
	search_fields?: string[];
	display_fields?: string[];
	editor_components?: string[];
}

export interface CmsCollection {
	name: string;
	label: string;
	folder?: string;
	extension?: string;
	format?: string;
	create?: boolean;
	delete?: boolean;
	identifier_field?: string;
	slug?: { template: string; editable: boolean };
	summary?: string;
	fields?: CmsField[];
	files?: { name: string; label: string; file: string; fields: CmsField[] }[];
}

export interface CmsConfig {
	backend: { name: 'github' | 'gitea'; repo: string; branch: string; api_root: string };
	media_folder: string;
	public_folder: string;
	site_url?: string;
	slug: { encoding: 'ascii'; clean_accents: boolean; timezone: 'local' };
	output: { omit_empty_optional_fields: boolean };
	editor: { preview: boolean };
	collections: CmsCollection[];
}

export interface EditorContext {
	/** The content folder relative to the folder the editor opens (its Git root): `''` or `content/`. */
	prefix: string;
	/** The hall windows from site.yaml, as a guide names them: `1号 综合受理窗口`. */
	windows: readonly string[];
	/** Where the live preview runs, for the CMS's "view on site" links. */
	previewUrl?: string;
	/** Same-origin address the CMS may call instead of an outside host. */
	apiRoot?: string;
	/**
	 * On the staff server: the branch of the server's content repository, which the workbench
	 * answers as a Gitea API at `apiRoot` (./git-api.ts). Without it editors open a local folder.
	 */
	serverBranch?: string;
}

/** A text longer than this gets a box of several lines. */
const MULTILINE_FROM = 200;

/** New files are named by the time they were created: editors never have to invent a file name. */
export const SLUG_TEMPLATE = '{{year}}{{month}}{{day}}-{{hour}}{{minute}}{{second}}';

/** Fields whose values must be something that exists (a guide, a playlist, a hall window). */
function reference(
	at: string,
	ctx: EditorContext
): Omit<CmsField, 'name' | 'label' | 'required'> | null {
	const relation = (collection: string, multiple: boolean) => ({
		widget: 'relation',
		collection,
		value_field: '{{slug}}',
		search_fields: ['name'],
		display_fields: ['name'],
		multiple
	});
	switch (at) {
		case 'processes:guides':
		case 'services:guides':
			return relation('guides', true);
		case 'playlists:slides[].guide':
			return relation('guides', false);
		case 'screens:screens[].playlists':
			return relation('playlists', true);
		case 'playlists:slides[].weekdays':
			return { widget: 'select', options: [...weekdayNames], multiple: true };
		case 'guides:where.window':
			return ctx.windows.length ? { widget: 'select', options: [...ctx.windows] } : null;
		default:
			return null;
	}
}

/** `/^media\/x$/i` as a pattern without flags: each letter outside a class as `[xX]`. */
export function caseless(source: string): string {
	let out = '';
	let inClass = false;
	for (let i = 0; i < source.length; i++) {
		const c = source[i]!;
		if (c === '\\') {
			out += c + (source[i + 1] ?? '');
			i++;
		} else if (c === '[' || c === ']') {
			inClass = c === '[';
			out += c;
		} else if (/[a-z]/i.test(c)) {
			const pair = c.toLowerCase() + c.toUpperCase();
			out += inClass ? pair : `[${pair}]`;
		} else out += c;
	}
	return out;
}

function patternOf(p: Peeled, re: RegExp): [string, string] {
	const source = re.flags.includes('i') ? caseless(re.source) : re.source;
	const example = p.example === undefined ? '' : `，例如：${String(p.example)}`;
	const what = p.format === 'slug' ? '只能用小写英文字母、数字和 -' : '格式不对';
	return [source, `${what}${example}`];
}

/** The form field for one schema field. `at` is `collection:path` with `[]` for list items. */
export function cmsField(
	name: string,
	schema: z.core.$ZodType,
	at: string,
	ctx: EditorContext
): CmsField {
	const p = peel(schema);
	const base: CmsField = {
		name,
		label: p.title ?? name,
		widget: 'string',
		required: !p.optional
	};
	const hint = helpText(p);
	if (hint) base.hint = hint;
	if (p.defaultValue !== undefined) base.default = p.defaultValue;
	const lim = limits(p);
	const ref = reference(at, ctx);
	if (ref) {
		const field: CmsField = { ...base, ...ref };
		if (p.def.type === 'array' && lim.min) field.min = lim.min;
		return field;
	}
	const picks = choices(p);
	if (picks) return { ...base, widget: 'select', options: picks };
	switch (p.def.type) {
		case 'boolean':
			return { ...base, widget: 'boolean', default: p.defaultValue ?? false };
		case 'number': {
			const field: CmsField = { ...base, widget: 'number', value_type: lim.int ? 'int' : 'float' };
			if (lim.min !== undefined) field.min = lim.min;
			if (lim.max !== undefined) field.max = lim.max;
			return field;
		}
		case 'object':
			return { ...base, widget: 'object', fields: objectFields(p, at, ctx) };
		case 'array':
			return listField(base, p, at, ctx);
		case 'string':
			return stringField(base, p);
		default:
			// A union of text and number (a window number): typed as text, read as either.
			return base;
	}
}

function stringField(base: CmsField, p: Peeled): CmsField {
	if (p.format === 'date')
		return { ...base, widget: 'datetime', type: 'date', format: 'YYYY-MM-DD' };
	if (p.format === 'date-time') {
		return { ...base, widget: 'datetime', type: 'datetime-local', format: 'YYYY-MM-DD HH:mm' };
	}
	const lim = limits(p);
	const long = (lim.max ?? 0) > MULTILINE_FROM;
	const field: CmsField = { ...base, widget: long ? 'text' : 'string' };
	if (p.format === 'email') field.type = 'email';
	else if (p.format === 'uri')
		field.pattern = ['^https?://\\S+$', '应为以 http:// 或 https:// 开头的网址'];
	else if (lim.pattern) field.pattern = patternOf(p, lim.pattern);
	if (lim.max !== undefined) field.maxlength = lim.max;
	return field;
}

function listField(base: CmsField, p: Peeled, at: string, ctx: EditorContext): CmsField {
	const element = p.def.element as z.core.$ZodType;
	const item = peel(element);
	const lim = limits(p);
	const withMin = (f: CmsField) => {
		if (lim.min) f.min = lim.min;
		if (lim.max) f.max = lim.max;
		return f;
	};
	const picks = choices(item);
	if (picks) return withMin({ ...base, widget: 'select', options: picks, multiple: true });
	if (item.def.type === 'object') {
		const fields = objectFields(item, `${at}[]`, ctx);
		const first = fields.find((f) => f.widget === 'string')?.name;
		return withMin({
			...base,
			widget: 'list',
			fields,
			...(first ? { summary: `{{fields.${first}}}` } : {})
		});
	}
	if (item.def.type === 'union' && item.def.discriminator) {
		const key = item.def.discriminator;
		const types = (item.def.options ?? []).map((option) => {
			const o = peel(option);
			const kind = choices(peel(shapeOf(o)?.find(([k]) => k === key)?.[1] as z.core.$ZodType));
			const name = kind?.[0] ?? '';
			return {
				name,
				label: (slideKindLabels as Record<string, string>)[name] ?? name,
				widget: 'object' as const,
				fields: objectFields(o, `${at}[]`, ctx).filter((f) => f.name !== key)
			};
		});
		return withMin({ ...base, widget: 'list', types, typeKey: key });
	}
	const one = cmsField('item', element, `${at}[]`, ctx);
	return withMin({ ...base, widget: 'list', field: { ...one, label: base.label } });
}

function objectFields(p: Peeled, at: string, ctx: EditorContext): CmsField[] {
	return (shapeOf(p) ?? []).map(([key, s]) =>
		cmsField(key, s, `${at}${at.endsWith(':') ? '' : '.'}${key}`, ctx)
	);
}

/** Which field names an entry in the CMS's lists. */
const IDENTIFIER: Record<string, string> = { guides: 'name', services: 'name', playlists: 'name' };

function fieldsOf(c: ContentCollection, ctx: EditorContext): CmsField[] {
	const fields = objectFields(peel(c.schema), `${c.key}:`, ctx);
	if (c.extension === '.md') {
		fields.push({
			name: 'body',
			label: '正文',
			widget: 'markdown',
			required: false,
			hint: '字段以外的说明文字，可分段、加小标题',
			// Code blocks would fetch a highlighter from the internet; the office has none.
			editor_components: []
		});
	}
	return fields;
}

export function cmsConfig(ctx: EditorContext): CmsConfig {
	const folders: CmsCollection[] = [];
	const files: NonNullable<CmsCollection['files']> = [];
	for (const c of contentCollections) {
		if (c.file) {
			files.push({
				name: c.key,
				label: c.label,
				file: ctx.prefix + c.file,
				fields: fieldsOf(c, ctx)
			});
			continue;
		}
		folders.push({
			name: c.key,
			label: c.label,
			folder: ctx.prefix + c.folder,
			extension: c.extension.slice(1),
			format: c.extension === '.md' ? 'frontmatter' : 'yaml',
			create: true,
			delete: true,
			identifier_field: IDENTIFIER[c.key] ?? 'title',
			slug: { template: SLUG_TEMPLATE, editable: false },
			fields: fieldsOf(c, ctx)
		});
	}
	return {
		backend: {
			// Local: never contacted, editors open their own folder; the address only satisfies the
			// CMS. On the staff server: the workbench itself answers at that address.
			name: ctx.serverBranch ? 'gitea' : 'github',
			repo: 'lobby-kiosk/content',
			branch: ctx.serverBranch ?? 'main',
			api_root: ctx.apiRoot ?? '/admin/api'
		},
		media_folder: `${ctx.prefix}media`,
		public_folder: 'media',
		...(ctx.previewUrl ? { site_url: ctx.previewUrl } : {}),
		slug: { encoding: 'ascii', clean_accents: true, timezone: 'local' },
		// A blank optional field is left out of the file rather than written as an empty text.
		output: { omit_empty_optional_fields: true },
		editor: { preview: false },
		collections: [...folders, { name: 'settings', label: '单位与信息发布屏设置', files }]
	};
}
