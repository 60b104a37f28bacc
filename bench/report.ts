/**
 * How `npm run bench` prints its figures: one table with each figure's budget, how much of the
 * budget it uses, PASS/FAIL, and after it the list of what failed.
 */
import { ofBudget, type Figure } from './figures.ts';

export function formatValue(value: number, unit: string): string {
	if (!Number.isFinite(value)) return '—';
	const n =
		Number.isInteger(value) || Math.abs(value) >= 100
			? Math.round(value).toLocaleString('en-US')
			: Math.abs(value) >= 10
				? value.toFixed(1)
				: value.toFixed(2);
	return unit ? `${n} ${unit}` : n;
}

/** Figures of one module, grouped by their group in order of first appearance. */
export function grouped(figures: Figure[]): Figure[] {
	const order = [...new Set(figures.map((f) => f.group))];
	return order.flatMap((g) => figures.filter((f) => f.group === g));
}

export function table(figures: Figure[]): string {
	const rows = figures.map((f) => [
		f.group,
		f.name,
		formatValue(f.value, f.unit),
		f.budget ?? '',
		ofBudget(f),
		f.pass === undefined ? '' : f.pass ? 'PASS' : 'FAIL',
		f.note ?? ''
	]);
	const header = ['group', 'figure', 'value', 'budget', 'of budget', 'result', 'note'];
	const widths = header.map((h, i) =>
		i === header.length - 1 ? 0 : Math.max(h.length, ...rows.map((r) => (r[i] as string).length))
	);
	const line = (cells: string[]) =>
		cells
			.map((c, i) => (i === 2 ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number)))
			.join('  ')
			.trimEnd();
	return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The lines that name every figure over its budget (empty when all pass). */
export function failures(figures: Figure[]): string[] {
	return figures
		.filter((f) => f.pass === false)
		.map(
			(f) =>
				`  ✗ ${f.group} · ${f.name}: ${formatValue(f.value, f.unit)}, budget ${f.budget ?? '—'}` +
				(f.note && !Number.isFinite(f.value) ? ` (${f.note})` : '')
		);
}
