/**
 * The hall floor plan as site.yaml describes it: a grid of columns and rows counted from the top
 * left (第1列第1行), each window in one cell, fixed features (entrance, 咨询台 …) over one or more
 * cells. Shared by the content checks (server) and the map and guide screens (browser), so a
 * guide's 办理地点 resolves to the same window in both.
 */

/** Fixed features an editor can place; each kind has its own look on the map. */
export const featureKinds = [
	'入口',
	'无障碍入口',
	'咨询台',
	'自助服务区',
	'等候区',
	'电梯',
	'楼梯',
	'卫生间',
	'无障碍卫生间',
	'其他'
] as const;
export type FeatureKind = (typeof featureKinds)[number];

/** Which compass side is at the top of the plan; the rest follow clockwise. */
export const compassPoints = ['北', '东', '南', '西'] as const;
export type CompassPoint = (typeof compassPoints)[number];

export interface Cell {
	column: number;
	row: number;
}

export interface PlanFeature extends Cell {
	kind: FeatureKind;
	label?: string;
	width: number;
	height: number;
}

export interface HallPlan {
	columns: number;
	rows: number;
	top: CompassPoint;
	here?: Cell;
	features: PlanFeature[];
}

export interface PlanWindow {
	number: string;
	name: string;
	position?: Cell;
}

/** `3号`, `3号 节能与电力窗口`, `3` or a window's name: the window it names, if any. */
export function findWindow<W extends PlanWindow>(
	text: string,
	windows: readonly W[]
): W | undefined {
	const t = text.trim();
	const number = /^([0-9A-Za-z]+)\s*号?/.exec(t)?.[1];
	if (number !== undefined) return windows.find((w) => w.number === number);
	return windows.find((w) => t.includes(w.name));
}

/** `第2列第1行`, as messages and editors count. */
export function cellName(cell: Cell): string {
	return `第${cell.column}列第${cell.row}行`;
}

/** Every cell a feature covers. */
export function cellsOf(feature: PlanFeature): Cell[] {
	const cells: Cell[] = [];
	for (let c = 0; c < feature.width; c++) {
		for (let r = 0; r < feature.height; r++) {
			cells.push({ column: feature.column + c, row: feature.row + r });
		}
	}
	return cells;
}

export function sameCell(a: Cell, b: Cell): boolean {
	return a.column === b.column && a.row === b.row;
}

/** The compass names of the plan's top, right, bottom and left edges. */
export function edgeNames(top: CompassPoint): {
	top: string;
	right: string;
	bottom: string;
	left: string;
} {
	const at = (k: number) => compassPoints[(compassPoints.indexOf(top) + k) % 4]!;
	return { top: at(0), right: at(1), bottom: at(2), left: at(3) };
}

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const ordinal = (n: number) => `第${ORDINALS[n - 1] ?? n}个`;

/**
 * Where a window is, in words a visitor can follow: `在大厅北侧，从西往东第二个`. A window on an
 * edge row or column is on that side; windows along a side are counted in the plan's reading
 * direction (left to right, top to bottom), named by compass points.
 */
export function describePlace(
	plan: HallPlan,
	windows: readonly PlanWindow[],
	number: string
): string {
	const own = windows.find((w) => w.number === number)?.position;
	if (!own) return '';
	const edge = edgeNames(plan.top);
	const placed = windows.filter((w): w is PlanWindow & { position: Cell } => !!w.position);
	const side = (p: Cell): keyof typeof edge | null =>
		p.row === 1
			? 'top'
			: p.row === plan.rows
				? 'bottom'
				: p.column === 1
					? 'left'
					: p.column === plan.columns
						? 'right'
						: null;
	const mySide = side(own);
	if (!mySide) return `在大厅中部（${cellName(own)}）`;
	const alongRow = mySide === 'top' || mySide === 'bottom';
	const line = placed
		.map((w) => w.position)
		.filter((p) => side(p) === mySide)
		.sort((a, b) => (alongRow ? a.column - b.column : a.row - b.row));
	const index = line.findIndex((p) => sameCell(p, own)) + 1;
	const from = alongRow ? `从${edge.left}往${edge.right}` : `从${edge.top}往${edge.bottom}`;
	return line.length === 1
		? `在大厅${edge[mySide]}侧`
		: `在大厅${edge[mySide]}侧，${from}${ordinal(index)}`;
}

/** Where the 您在这里 marker goes: the terminal's own cell, else the first entrance. */
export function hereCell(plan: HallPlan): { cell: Cell; atEntrance: boolean } | null {
	if (plan.here) return { cell: plan.here, atEntrance: false };
	const entrance = plan.features.find((f) => f.kind === '入口');
	return entrance
		? { cell: { column: entrance.column, row: entrance.row }, atEntrance: true }
		: null;
}
