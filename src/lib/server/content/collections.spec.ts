import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { contentCollections } from './collections.ts';
import { fieldMeta } from './errors.ts';

/** Every field path of a schema with the Chinese name it resolves to (`[]` marks a list item). */
function fields(schema: z.core.$ZodType, at = ''): { path: string; title: string | undefined }[] {
	const out: { path: string; title: string | undefined }[] = [];
	const visit = (s: z.core.$ZodType, p: string) => {
		const def = s._zod.def as {
			type: string;
			innerType?: z.core.$ZodType;
			in?: z.core.$ZodType;
			shape?: Record<string, z.core.$ZodType>;
			element?: z.core.$ZodType;
			options?: z.core.$ZodType[];
		};
		if (def.innerType) return visit(def.innerType, p);
		if (def.type === 'pipe' && def.in) return visit(def.in, p);
		if (def.type === 'array' && def.element) return visit(def.element, `${p}[]`);
		if (def.type === 'union') return def.options?.forEach((o) => visit(o, p));
		if (def.type === 'object') {
			for (const [key, child] of Object.entries(def.shape ?? {})) {
				const path = p ? `${p}.${key}` : key;
				out.push({ path, title: fieldMeta(child).title });
				visit(child, path);
			}
		}
	};
	visit(schema, at);
	return out;
}

describe('content collections', () => {
	it('name every kind of content file in Chinese', () => {
		expect(contentCollections.map((c) => c.key)).toEqual([
			'site',
			'guides',
			'processes',
			'disclosures',
			'notices',
			'services',
			'playlists',
			'screens',
			'closures'
		]);
		for (const c of contentCollections) expect(c.label).toMatch(/^[\u4e00-\u9fff]+$/);
	});

	it('give every field of every schema a Chinese name', () => {
		const all = contentCollections.flatMap((c) =>
			fields(c.schema).map((f) => ({ ...f, path: `${c.key}: ${f.path}` }))
		);
		expect(all.length).toBeGreaterThan(150);
		const missing = all.filter((f) => !f.title || !/[\u4e00-\u9fff]/.test(f.title));
		expect(missing.map((f) => f.path)).toEqual([]);
	});

	it('use the 办事指南要素 names for guide fields', () => {
		const guide = new Map(fields(contentCollections[1]!.schema).map((f) => [f.path, f.title]));
		expect(guide.get('name')).toBe('事项名称');
		expect(guide.get('kind')).toBe('事项类型');
		expect(guide.get('materials')).toBe('申请材料');
		expect(guide.get('materials[].source')).toBe('来源渠道');
		expect(guide.get('timeLimits.statutory')).toBe('法定办结时限');
		expect(guide.get('online.url')).toBe('网办地址');
	});

	it('carry through to JSON Schema, for the editors’ forms', () => {
		const json = z.toJSONSchema(contentCollections[1]!.schema, { io: 'input', unrepresentable: 'any' });
		const props = (json as { properties: Record<string, { title?: string }> }).properties;
		expect(props.materials?.title).toBe('申请材料');
	});
});
