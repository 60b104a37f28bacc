import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { medians, referenceTemplates } from '../server/handwriting/reference';
import { decodeTemplates, encodeTemplates } from './data';
import { distort, randomDistortion, seeded } from './distort';
import { characterFeatures, normalise, resample, type Point } from './features';
import { assignmentCost, characterCost, Recogniser, strokeCost } from './match';

const SAMPLE = [...'一二人入八大天无线电台办事指南申请公开政府信息许可证照'];
const recogniser = new Recogniser(decodeTemplates(encodeTemplates(referenceTemplates(SAMPLE))));

describe('features', () => {
	it('scales a character into the unit box, keeping a flat one flat', () => {
		const [stroke] = normalise([
			[
				[100, 500],
				[900, 500]
			]
		]);
		expect(stroke).toEqual([
			[0, 0.5],
			[1, 0.5]
		]);
	});

	it('resamples a stroke to evenly spaced points', () => {
		const f = resample([
			[0, 0],
			[1, 0],
			[1, 1]
		]);
		expect([...f].map((v) => Math.round(v * 100) / 100)).toEqual([
			0, 0, 0.5, 0, 1, 0, 1, 0.5, 1, 1
		]);
	});
});

describe('matching', () => {
	it('finds the cheapest assignment, not the first', () => {
		// Rows 0 and 1 both prefer column 0; greedy (row 0 first) would pay 1 + 10 + 0.
		const cost = Float64Array.from([1, 2, 3, 1, 10, 10, 10, 10, 0]);
		expect(assignmentCost(cost, 3)).toBe(2 + 1 + 0);
	});

	it('a stroke written backwards matches, at a small cost', () => {
		const a = resample([
			[0, 0],
			[1, 0]
		]);
		const b = resample([
			[1, 0],
			[0, 0]
		]);
		expect(strokeCost(a, a)).toBe(0);
		expect(strokeCost(a, b)).toBeGreaterThan(0);
		expect(strokeCost(a, b)).toBeLessThan(0.2);
	});

	it('strokes in another order cost the same', () => {
		const strokes = characterFeatures(medians('无'));
		expect(characterCost([...strokes].reverse(), strokes)).toBeCloseTo(0, 6);
	});

	it.each(SAMPLE)('%s drawn from its own medians is the first candidate', (char) => {
		const [best] = recogniser.recognise(characterFeatures(medians(char)), 5);
		expect(best?.char).toBe(char);
	});

	it('recognises 无 written with distortion, a joined pair and a stroke out of order', () => {
		const random = seeded(7);
		const written = distort(medians('无'), randomDistortion(random), random);
		expect(written.length).toBe(medians('无').length - 1);
		const found = recogniser.recognise(characterFeatures(written), 5).map((c) => c.char);
		expect(found[0]).toBe('无');
	});

	it('works at any size and position on the pad', () => {
		const small = medians('电').map((s) => s.map(([x, y]): Point => [x / 4 + 37, y / 4 + 11]));
		expect(recogniser.recognise(characterFeatures(small), 1)[0]?.char).toBe('电');
	});
});

describe('the data file', () => {
	it('is up to date with the features (npm run handwriting:data)', () => {
		const file = new Uint8Array(readFileSync('static/handwriting/strokes.bin'));
		const templates = decodeTemplates(file);
		expect(templates.length).toBe(3500);
		const again = encodeTemplates(referenceTemplates(templates.map((t) => t.char)));
		expect(Buffer.from(again).equals(Buffer.from(file))).toBe(true);
	});

	it('names a damaged file instead of reading half of it', () => {
		const bytes = encodeTemplates(referenceTemplates(['无']));
		expect(() => decodeTemplates(bytes.slice(0, bytes.length - 3))).toThrow(/不完整.*第 1 个字/);
		expect(() => decodeTemplates(new Uint8Array([1, 2, 3, 4]))).toThrow(/格式不对/);
	});
});
