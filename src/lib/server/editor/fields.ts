/**
 * Reads a content schema as a form sees it: each field's Chinese label, help, example, whether it
 * must be filled, its choices, pattern, limits and what kind of input it needs. The editors' form
 * configuration (`config.ts`) and the field tables of docs/editing.md are both built from this.
 */
import type * as z from 'zod';
import { fieldMeta } from '../content/errors.ts';

/** The parts of a zod schema's definition the workbench reads. */
export type ZodDef = {
	type: string;
	innerType?: z.core.$ZodType;
	in?: z.core.$ZodType;
	defaultValue?: unknown;
	shape?: Record<string, z.core.$ZodType>;
	element?: z.core.$ZodType;
	options?: z.core.$ZodType[];
	entries?: Record<string, string>;
	values?: unknown[];
	discriminator?: string;
	format?: string;
	pattern?: RegExp;
	checks?: { _zod: { def: Check } }[];
};
type Check = {
	check?: string;
	format?: string;
	pattern?: RegExp;
	minimum?: number;
	maximum?: number;
	value?: number;
};

/** A field stripped of its wrappers (optional, default, pipe), with what the wrappers said. */
export interface Peeled {
	schema: z.core.$ZodType;
	def: ZodDef;
	/** Optional or defaulted: the file may leave it out. */
	optional: boolean;
	defaultValue?: unknown;
	title?: string;
	help?: string;
	example?: unknown;
	/** `date`, `date-time`, `uri`, `media`, `slug`, `email` … from metadata or the string format. */
	format?: string;
}

const defOf = (s: z.core.$ZodType) => s._zod.def as unknown as ZodDef;

export function peel(schema: z.core.$ZodType): Peeled {
	// Every layer's metadata, the outermost winning (it names this use of a building block).
	const m = fieldMeta(schema) as {
		title?: string;
		description?: string;
		examples?: unknown[];
		format?: string;
	};
	let cur = schema;
	let optional = false;
	let defaultValue: unknown;
	for (let i = 0; i < 20; i++) {
		const def = defOf(cur);
		if (def.type === 'optional' && def.innerType) optional = true;
		else if ((def.type === 'default' || def.type === 'prefault') && def.innerType) {
			optional = true;
			// A default is the value a blank field becomes; a form can prefill a plain value.
			if (defaultValue === undefined && typeof def.defaultValue !== 'object') {
				defaultValue = def.defaultValue;
			}
		} else if (def.type === 'pipe' && def.in) {
			cur = def.in;
			continue;
		} else if (!def.innerType) break;
		cur = def.innerType as z.core.$ZodType;
	}
	const def = defOf(cur);
	const format = m.format ?? def.format;
	return {
		schema: cur,
		def,
		optional,
		...(defaultValue !== undefined ? { defaultValue } : {}),
		...(m.title ? { title: m.title } : {}),
		...(m.description ? { help: m.description } : {}),
		...(m.examples?.length ? { example: m.examples[0] } : {}),
		...(format ? { format } : {})
	};
}

/** Length or size limits and the regular expression of a string, number or list. */
export function limits(p: Peeled): { min?: number; max?: number; pattern?: RegExp; int: boolean } {
	const out: { min?: number; max?: number; pattern?: RegExp; int: boolean } = {
		int: p.def.format === 'safeint'
	};
	for (const c of p.def.checks ?? []) {
		const d = c._zod.def;
		if (d.check === 'min_length' || d.check === 'greater_than') {
			out.min = d.minimum ?? d.value;
		} else if (d.check === 'max_length' || d.check === 'less_than') {
			out.max = d.maximum ?? d.value;
		} else if (d.check === 'string_format' && d.format === 'regex' && d.pattern) {
			out.pattern = d.pattern;
		}
	}
	return out;
}

/** The choices of a picklist (`z.enum`) or a single literal, else null. */
export function choices(p: Peeled): string[] | null {
	if (p.def.type === 'enum' && p.def.entries) return Object.values(p.def.entries);
	if (p.def.type === 'literal' && p.def.values) return p.def.values.map(String);
	return null;
}

/** An object's fields in order, or null. */
export function shapeOf(p: Peeled): [string, z.core.$ZodType][] | null {
	return p.def.type === 'object' && p.def.shape ? Object.entries(p.def.shape) : null;
}

/** Help as an editor reads it: the help sentence, then an example. */
export function helpText(p: Peeled): string | undefined {
	const example =
		p.example === undefined || p.example === true ? undefined : `例如：${String(p.example)}`;
	const parts = [p.help, example].filter((s): s is string => !!s);
	return parts.length ? parts.join('。') : undefined;
}
