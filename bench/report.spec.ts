import { describe, expect, it } from 'vitest';
import type { Figure } from './figures.ts';
import { failures, formatValue, table } from './report.ts';

const figures: Figure[] = [
	{ group: 'search', name: 'p95', value: 0.24, unit: 'ms', budget: '< 1 ms', pass: true },
	{
		group: 'page weight',
		name: 'ratio to floor, /',
		value: 2.19,
		unit: '×',
		budget: '< 2',
		pass: false
	},
	{ group: 'page weight', name: 'floor', value: 26.4, unit: 'KiB' },
	{
		group: 'fleet',
		name: 'module run',
		value: NaN,
		unit: '',
		budget: 'completes',
		pass: false,
		note: 'nginx not found'
	}
];

describe('bench report', () => {
	it('prints each figure with its share of the budget and the verdict', () => {
		const lines = table(figures).split('\n');
		expect(lines).toHaveLength(2 + figures.length);
		expect(lines[0]).toMatch(/^group\s+figure\s+value\s+budget\s+of budget\s+result\s+note$/);
		expect(lines[2]).toMatch(/0\.24 ms\s+< 1 ms\s+24% of budget\s+PASS/);
		expect(lines[3]).toMatch(/2\.19 ×\s+< 2\s+110% of budget\s+FAIL/);
		expect(lines[4]).toMatch(/26\.4 KiB\s*$/);
	});

	it('names every failed figure and nothing else', () => {
		expect(failures(figures)).toEqual([
			'  ✗ page weight · ratio to floor, /: 2.19 ×, budget < 2',
			'  ✗ fleet · module run: —, budget completes (nginx not found)'
		]);
		expect(failures(figures.filter((f) => f.pass !== false))).toEqual([]);
	});

	it('formats values for reading', () => {
		expect(formatValue(43_555.2, 'req/s')).toBe('43,555 req/s');
		expect(formatValue(18.66, 's')).toBe('18.7 s');
		expect(formatValue(0.241, '')).toBe('0.24');
		expect(formatValue(NaN, 'ms')).toBe('—');
	});
});
