/**
 * What the soaks (bulletin.ts, kiosk-soak.ts) share: memory readings after a forced garbage
 * collection, their start/end figures against a ratio budget, and printing when run alone.
 */
import type { CDPSession } from '@playwright/test';
import { round } from './context.ts';
import type { Figure } from './figures.ts';

export interface Reading {
	heapBytes: number;
	nodes: number;
	listeners: number;
}

export async function readMemory(cdp: CDPSession): Promise<Reading> {
	// Twice, a moment apart: DOM nodes freed by the first pass are swept before the second.
	await cdp.send('HeapProfiler.collectGarbage');
	await new Promise((resolve) => setTimeout(resolve, 1_000));
	await cdp.send('HeapProfiler.collectGarbage');
	const heap = await cdp.send('Runtime.getHeapUsage');
	const counters = await cdp.send('Memory.getDOMCounters');
	return { heapBytes: heap.usedSize, nodes: counters.nodes, listeners: counters.jsEventListeners };
}

/** Heap, DOM nodes and listeners at start and end, and each end/start ratio under `budget`. */
export function memoryFigures(
	group: string,
	hours: number,
	first: Reading,
	last: Reading,
	budget: number
): Figure[] {
	const figure = (
		name: string,
		start: number,
		end: number,
		unit: string,
		show: (n: number) => number = (n) => n
	): Figure[] => [
		{ group, name: `${name} at start`, value: show(start), unit },
		{ group, name: `${name} after ${hours} h`, value: show(end), unit },
		{
			group,
			name: `${name} end/start`,
			value: round(end / start, 3),
			unit: '×',
			budget: `< ${budget}`,
			pass: end / start < budget
		}
	];
	const mb = (n: number) => round(n / 1024 / 1024, 2);
	return [
		...figure('JS heap (after GC)', first.heapBytes, last.heapBytes, 'MB', mb),
		...figure('DOM nodes', first.nodes, last.nodes, ''),
		...figure('event listeners', first.listeners, last.listeners, '')
	];
}

/** A soak run on its own: its figures, one a line; exit code 1 when one is over budget. */
export function printFigures(figures: Figure[]): void {
	for (const f of figures) {
		const verdict = f.pass === undefined ? '' : f.pass ? '  PASS' : '  FAIL';
		console.log(
			`${f.name.padEnd(46)} ${String(f.value).padStart(10)} ${f.unit}${f.budget ? `  (${f.budget})` : ''}${verdict}${f.note ? `  ${f.note}` : ''}`
		);
	}
	process.exitCode = figures.some((f) => f.pass === false) ? 1 : 0;
}
