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
	/** The budget as text, e.g. "< 16 ms"; omitted for figures printed for information. */
	budget?: string;
	/** true = within budget; undefined when there is no budget. */
	pass?: boolean;
	/** Anything a reader needs to interpret the figure (baseline ratio, sample size…). */
	note?: string;
}

export interface BenchModule {
	/** Runs the measurements and returns the figures; must stop by itself in bounded time. */
	run(): Promise<Figure[]>;
}
