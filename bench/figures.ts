/**
 * The shape every benchmark module reports in. `npm run bench` (bench/run.ts) runs the modules,
 * prints one table of figures with budgets and PASS/FAIL, and writes bench/results.json.
 */
export interface Figure {
	/** Group heading in the table, e.g. "search", "bulletin", "page weight". */
	group: string;
	/** What was measured, e.g. "p95 latency, pinyin initials, 1,000 items". */
	name: string;
	value: number;
	unit: string;
	/**
	 * The budget as text, an operator and a number first: "< 16 ms", "≥ 1,000", "= 0". Omitted for
	 * figures printed for information.
	 */
	budget?: string;
	/** true = within budget; undefined when there is no budget. */
	pass?: boolean;
	/** Anything a reader needs to interpret the figure (baseline ratio, sample size…). */
	note?: string;
}

export interface RunOptions {
	/**
	 * `npm run bench -- --quick`: the small form for CI (1,000 items, the home page), still
	 * against plain Fuse and the bare SvelteKit page.
	 */
	quick: boolean;
}

export interface BenchModule {
	/** Runs the measurements and returns the figures; must stop by itself in bounded time. */
	run(options: RunOptions): Promise<Figure[]>;
}

export interface Limit {
	/** `max`: the figure must stay below; `min`: above; `exact`: equal. */
	kind: 'max' | 'min' | 'exact';
	value: number;
}

/** The number a budget text sets, or null for a budget that is not a number ("completes"). */
export function parseBudget(budget: string | undefined): Limit | null {
	const m = budget?.match(/^\s*(<=|>=|<|>|≤|≥|=)\s*(\d[\d,]*(?:\.\d+)?)/);
	if (!m) return null;
	const value = Number((m[2] as string).replace(/,/g, ''));
	const op = m[1] as string;
	const kind = op === '=' ? 'exact' : /[<≤]/.test(op) ? 'max' : 'min';
	return { kind, value };
}

/**
 * How many times over the figure beats its budget: 5 means a budget five times the figure (or,
 * for a minimum, a figure five times the minimum). Below 1: over budget. Null without a number to
 * compare with, or for an exact budget.
 */
export function slackOf(f: Figure): number | null {
	const limit = parseBudget(f.budget);
	if (!limit || limit.kind === 'exact' || !Number.isFinite(f.value)) return null;
	if (limit.kind === 'max') return f.value === 0 ? Infinity : limit.value / f.value;
	return limit.value === 0 ? Infinity : f.value / limit.value;
}

/** Beyond this, a budget would let a regression through unnoticed: tighten it. */
export const LOOSE_BUDGET = 5;

/** The figure as a share of its budget, for the table: "35% of budget", "23× the minimum". */
export function ofBudget(f: Figure): string {
	const limit = parseBudget(f.budget);
	if (!limit || !Number.isFinite(f.value)) return '';
	if (limit.kind === 'exact') return (f.pass ?? f.value === limit.value) ? 'exact' : 'missed';
	const what = limit.kind === 'max' ? 'budget' : 'minimum';
	const ratio = limit.value === 0 ? Infinity : f.value / limit.value;
	const share =
		ratio >= 10 ? `${times(ratio)} the ${what}` : `${Math.round(ratio * 100)}% of ${what}`;
	const slack = slackOf(f);
	return slack !== null && slack > LOOSE_BUDGET ? `${share}, slack ${times(slack)}` : share;
}

const times = (n: number) =>
	Number.isFinite(n) ? `${(Math.round(n * 10) / 10).toLocaleString('en-US')}×` : '∞×';
