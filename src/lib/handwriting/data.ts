/**
 * The recogniser's data file (`/handwriting/strokes.bin`, written by
 * `scripts/handwriting-data.ts`): every reference character's strokes as quantised features.
 *
 *   bytes 0–3   "HW1" and POINTS
 *   then, per character: UTF-16 code unit (2 bytes, little-endian), stroke count (1 byte),
 *   and per stroke POINTS × (x, y), one byte each (0–LEVELS)
 */
import { dequantise, POINTS, quantise, type Feature } from './features';

export const DATA_URL = '/handwriting/strokes.bin';
const MAGIC = [0x48, 0x57, 0x31];

export interface Template {
	char: string;
	strokes: Feature[];
}

export class HandwritingDataError extends Error {}

export function encodeTemplates(templates: readonly Template[]): Uint8Array {
	let size = 4;
	for (const t of templates) size += 3 + t.strokes.length * POINTS * 2;
	const out = new Uint8Array(size);
	out.set(MAGIC, 0);
	out[3] = POINTS;
	let at = 4;
	for (const t of templates) {
		const code = t.char.charCodeAt(0);
		if (t.char.length !== 1 || t.strokes.length > 255) {
			throw new HandwritingDataError(`无法写入“${t.char}”：只支持单个常用汉字`);
		}
		out[at++] = code & 0xff;
		out[at++] = code >> 8;
		out[at++] = t.strokes.length;
		for (const stroke of t.strokes) {
			for (let i = 0; i < POINTS * 2; i++) out[at++] = quantise(stroke[i] ?? 0);
		}
	}
	return out;
}

/** Reads the file; a damaged or foreign file is named, never half-read. */
export function decodeTemplates(bytes: Uint8Array): Template[] {
	if (bytes.length < 4 || MAGIC.some((b, i) => bytes[i] !== b) || bytes[3] !== POINTS) {
		throw new HandwritingDataError('手写识别数据文件格式不对（文件头）');
	}
	const templates: Template[] = [];
	let at = 4;
	while (at < bytes.length) {
		if (at + 3 > bytes.length) break;
		const char = String.fromCharCode((bytes[at] as number) | ((bytes[at + 1] as number) << 8));
		const count = bytes[at + 2] as number;
		at += 3;
		if (at + count * POINTS * 2 > bytes.length) break;
		const strokes: Feature[] = [];
		for (let s = 0; s < count; s++) {
			const f = new Float32Array(POINTS * 2);
			for (let i = 0; i < POINTS * 2; i++) f[i] = dequantise(bytes[at++] as number);
			strokes.push(f);
		}
		templates.push({ char, strokes });
	}
	if (at !== bytes.length) {
		throw new HandwritingDataError(`手写识别数据文件不完整：第 ${templates.length + 1} 个字处中断`);
	}
	return templates;
}
