import type * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { contentCollections } from '../content/collections.ts';
import { fieldMeta } from '../content/errors.ts';
import { caseless, cmsConfig, type CmsField } from './config.ts';
import type { ZodDef as Def } from './fields.ts';

/** What a form must agree on with the schema, for one field. */
interface Rule {
	label?: string;
	required: boolean;
	choices?: string[];
	pattern?: RegExp;
	date?: boolean;
}

/** Read straight from zod, apart from the code under test: every field path and its rule. */
function schemaRules(schema: z.core.$ZodType): Map<string, Rule> {
	const rules = new Map<string, Rule>();
	const unwrap = (s: z.core.$ZodType) => {
		let required = true;
		let cur = s;
		for (;;) {
			const def = cur._zod.def as Def;
			if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault') {
				required = false;
			}
			if (def.innerType) cur = def.innerType;
			else if (def.type === 'pipe' && def.in) cur = def.in;
			else return { def, required, schema: cur };
		}
	};
	const leaf = (def: Def, schema: z.core.$ZodType): Omit<Rule, 'required'> => {
		const format = (fieldMeta(schema) as { format?: string }).format;
		const regex = def.checks?.find((c) => c._zod.def.format === 'regex')?._zod.def.pattern;
		return {
			...(def.entries ? { choices: Object.values(def.entries) } : {}),
			...(def.values ? { choices: def.values.map(String) } : {}),
			...(format === 'date' || format === 'date-time'
				? { date: true }
				: regex
					? { pattern: regex }
					: {})
		};
	};
	const visit = (shape: Record<string, z.core.$ZodType>, at: string) => {
		for (const [key, s] of Object.entries(shape)) {
			const path = at + key;
			const { def, required, schema: inner } = unwrap(s);
			const rule: Rule = { label: fieldMeta(s).title, required };
			rules.set(path, rule);
			if (def.type === 'object') visit(def.shape ?? {}, `${path}.`);
			else if (def.type === 'array' && def.element) {
				const item = unwrap(def.element);
				if (item.def.type === 'object') visit(item.def.shape ?? {}, `${path}[].`);
				else if (item.def.type === 'union' && item.def.discriminator) {
					const kinds: string[] = [];
					for (const o of item.def.options ?? []) {
						visit((o._zod.def as Def).shape ?? {}, `${path}[].`);
						kinds.push(...(rules.get(`${path}[].${item.def.discriminator}`)?.choices ?? []));
					}
					rules.set(`${path}[].${item.def.discriminator}`, { required: true, choices: kinds });
				} else Object.assign(rule, leaf(item.def, item.schema));
			} else Object.assign(rule, leaf(def, inner));
		}
	};
	visit((unwrap(schema).def.shape ?? {}) as Record<string, z.core.$ZodType>, '');
	return rules;
}

/** The same from the generated form configuration. */
function formRules(
	fields: CmsField[],
	at = '',
	out = new Map<string, Rule & { field: CmsField }>()
) {
	for (const f of fields) {
		const path = at + f.name;
		const one = f.field;
		const pattern = (one ?? f).pattern?.[0];
		const options = f.options ?? one?.options;
		out.set(path, {
			label: f.label,
			required: f.required !== false,
			field: f,
			...(options ? { choices: options } : {}),
			...(pattern ? { pattern: new RegExp(pattern) } : {}),
			...((one ?? f).widget === 'datetime' ? { date: true } : {})
		});
		if (f.fields) formRules(f.fields, f.widget === 'list' ? `${path}[].` : `${path}.`, out);
		for (const t of f.types ?? []) {
			formRules(t.fields, `${path}[].`, out);
			// The list's type picker writes the discriminator.
			out.set(`${path}[].${f.typeKey}`, {
				label: '类型',
				required: true,
				field: f,
				choices: (f.types ?? []).map((x) => x.name)
			});
		}
	}
	return out;
}

/** Fields whose choices are what exists in the content, not a fixed list in the schema. */
const REFERENCES = new Set([
	'guides:where.window',
	'processes:guides',
	'services:guides',
	'playlists:slides[].guide',
	'playlists:slides[].weekdays',
	'screens:screens[].playlists'
]);

const ctx = { prefix: '', windows: ['1号 综合受理窗口', '2号 无线电管理窗口'] };
const config = cmsConfig(ctx);
const formFields = (key: string): CmsField[] => {
	for (const c of config.collections) {
		if (c.name === key) return c.fields ?? [];
		const file = c.files?.find((f) => f.name === key);
		if (file) return file.fields;
	}
	return [];
};

describe('the editors’ form configuration', () => {
	it('has a form for every kind of content file', () => {
		const names = config.collections.flatMap((c) => [
			c.name,
			...(c.files ?? []).map((f) => f.name)
		]);
		expect(names.sort()).toEqual([...contentCollections.map((c) => c.key), 'settings'].sort());
	});

	for (const c of contentCollections) {
		it(`${c.label}（${c.key}）: every schema field has a form field that agrees with it`, () => {
			const schema = schemaRules(c.schema);
			const form = formRules(formFields(c.key));
			expect(schema.size).toBeGreaterThan(2);
			const extra = c.extension === '.md' ? ['body'] : [];
			expect([...form.keys()].sort()).toEqual([...schema.keys(), ...extra].sort());
			for (const [path, rule] of schema) {
				const f = form.get(path)!;
				const at = `${c.key}:${path}`;
				expect({ at, required: f.required }).toEqual({ at, required: rule.required });
				if (path.split('.').at(-1) !== 'kind')
					expect({ at, label: f.label }).toEqual({ at, label: rule.label });
				if (rule.choices) expect({ at, choices: f.choices }).toEqual({ at, choices: rule.choices });
				else if (!REFERENCES.has(at))
					expect({ at, choices: f.choices }).toEqual({ at, choices: undefined });
				expect({ at, date: !!f.date }).toEqual({ at, date: !!rule.date });
				if (rule.pattern && !REFERENCES.has(at)) {
					expect(f.pattern, at).toBeInstanceOf(RegExp);
					const probes = [
						'',
						'x',
						'media/a.png',
						'MEDIA/A.PNG',
						'media/a.mp4',
						'MEDIA/A.WEBM',
						'/queue/now.json',
						'//queue.example.com/now.json',
						'09:00',
						'0731-88954321',
						'hall-main',
						'09:00-12:00',
						'Hall main',
						'0'.repeat(32),
						'0'.repeat(64),
						'g'.repeat(64)
					];
					expect(
						probes.some((probe) => rule.pattern!.test(probe)),
						at
					).toBe(true);
					for (const probe of probes) {
						expect({ at, probe, ok: f.pattern!.test(probe) }).toEqual({
							at,
							probe,
							ok: rule.pattern.test(probe)
						});
					}
				}
			}
		});
	}

	it('offers the hall windows of site.yaml for a guide’s window, and guides that exist for references', () => {
		const where = formFields('guides').find((f) => f.name === 'where')!;
		expect(where.fields?.find((f) => f.name === 'window')?.options).toEqual(ctx.windows);
		const related = formFields('processes').find((f) => f.name === 'guides')!;
		expect(related).toMatchObject({ widget: 'relation', collection: 'guides', multiple: true });
	});

	it('puts materials and steps in lists with their own fields', () => {
		const guide = formFields('guides');
		const materials = guide.find((f) => f.name === 'materials')!;
		expect(materials).toMatchObject({ widget: 'list', label: '申请材料', min: 1 });
		expect(materials.fields?.map((f) => f.name)).toContain('copies');
		expect(materials.fields?.find((f) => f.name === 'copies')).toMatchObject({
			widget: 'number',
			value_type: 'int',
			min: 0
		});
		expect(guide.find((f) => f.name === 'steps')?.fields?.map((f) => f.label)).toContain(
			'环节名称'
		);
	});

	it('offers every slide kind by its Chinese name, each with its own fields', () => {
		const slides = formFields('playlists').find((f) => f.name === 'slides')!;
		expect(slides.types?.map((t) => `${t.name} ${t.label}`)).toEqual([
			'notice 通知',
			'figures 数字',
			'guide 办事指南',
			'image 图片',
			'hall 办公时间与窗口',
			'latest-notices 最新通知公告',
			'video 视频',
			'carousel 图片轮播',
			'data 实时数据（如当前叫号）'
		]);
		const kind = (name: string) => slides.types!.find((t) => t.name === name)!.fields;
		expect(kind('video').find((f) => f.name === 'play')).toMatchObject({
			label: '播放方式',
			widget: 'select',
			options: ['loop', 'once'],
			default: 'loop'
		});
		const images = kind('carousel').find((f) => f.name === 'images')!;
		expect(images).toMatchObject({ widget: 'list', min: 2, max: 8 });
		expect(images.fields?.map((f) => f.label)).toEqual(['图片', '图片文字说明']);
		const data = kind('data');
		expect(data.find((f) => f.name === 'url')).toMatchObject({ label: '数据地址', required: true });
		expect(data.find((f) => f.name === 'columns')).toMatchObject({
			widget: 'list',
			min: 1,
			max: 4
		});
		expect(data.find((f) => f.name === 'whileOpen')).toMatchObject({
			widget: 'boolean',
			default: true
		});
	});

	it('reads content below the folder editors open, and generates file names', () => {
		const nested = cmsConfig({ prefix: 'content/', windows: [] });
		expect(nested.collections.find((c) => c.name === 'guides')?.folder).toBe('content/guides');
		expect(nested.media_folder).toBe('content/media');
		for (const c of nested.collections.filter((c) => c.folder)) {
			expect(c.slug?.editable).toBe(false);
		}
	});

	it('turns a case-insensitive pattern into one without flags', () => {
		const re = new RegExp(caseless('^media\\/[\\w\\-./]+\\.(png|jpe?g)$'));
		expect(['media/a.png', 'MEDIA/A.JPG', 'Media/x-1.Jpeg'].map((s) => re.test(s))).toEqual([
			true,
			true,
			true
		]);
		expect(['media/a.gif', 'other/a.png'].map((s) => re.test(s))).toEqual([false, false]);
	});

	it('opens the local folder on an office PC, and the server repository on the staff server', () => {
		expect(config.backend).toMatchObject({ name: 'github', branch: 'main' });
		const staff = cmsConfig({
			...ctx,
			apiRoot: 'https://kiosk.example.gov.cn:8443/admin/api',
			serverBranch: 'content'
		});
		expect(staff.backend).toEqual({
			name: 'gitea',
			repo: 'lobby-kiosk/content',
			branch: 'content',
			api_root: 'https://kiosk.example.gov.cn:8443/admin/api'
		});
	});
});
