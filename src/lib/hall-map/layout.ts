/**
 * Geometry of the drawn map, in SVG units: one cell is CELL wide, the walls sit MARGIN inside the
 * picture so the compass letters fit outside them. Text sizes come from the kiosk's CSS (elder
 * mode makes them larger), so labels are wrapped for the larger size.
 */
import {
	describePlace,
	edgeNames,
	hereCell,
	type Cell,
	type FeatureKind,
	type HallPlan,
	type PlanWindow
} from './plan';

export const CELL = 120;
export const MARGIN = 44;
/** Characters of a feature label per cell width at the elder-mode size. */
const CHARS_PER_CELL = 3;

export interface Box {
	x: number;
	y: number;
	w: number;
	h: number;
}

export interface DrawnFeature extends Box {
	kind: FeatureKind;
	lines: string[];
}

export interface DrawnWindow extends Box {
	number: string;
	name: string;
	highlighted: boolean;
}

/** A pointer label beside a cell (“请到这里”, “您在这里”): where it sits and where it points. */
export interface Tag extends Box {
	text: string;
	/** The tip of the small triangle, on the cell's edge. */
	tip: { x: number; y: number };
	base: [{ x: number; y: number }, { x: number; y: number }];
}

export interface DrawnMap {
	width: number;
	height: number;
	hall: Box;
	compass: { text: string; x: number; y: number }[];
	features: DrawnFeature[];
	windows: DrawnWindow[];
	target: Tag | null;
	here: { x: number; y: number; tag: Tag } | null;
	/** The accessible name: where the highlighted window is, or where every window is. */
	label: string;
}

const cellBox = (c: Cell, w = 1, h = 1): Box => ({
	x: MARGIN + (c.column - 1) * CELL,
	y: MARGIN + (c.row - 1) * CELL,
	w: w * CELL,
	h: h * CELL
});

/** Words a label is best broken before: `第三/卫生间`, `自助/服务区`, `正门/入口`. */
const TAIL_WORDS = ['卫生间', '服务区', '等候区', '咨询台', '导服台', '入口', '电梯', '楼梯'];

/**
 * Splits a label into lines of at most `max` characters: at the editor's space if there is one,
 * else before a known word at the end, else into balanced pieces (`无障碍/入口`).
 */
export function wrap(text: string, max: number): string[] {
	const chars = [...text.trim()];
	if (chars.length <= max) return [chars.join('')];
	const words = text.trim().split(/\s+/);
	if (words.length > 1 && words.every((w) => [...w].length <= max)) return words;
	const tail = TAIL_WORDS.find((w) => text.endsWith(w) && w.length <= max);
	if (tail && chars.length - tail.length <= max) {
		return [chars.slice(0, chars.length - tail.length).join(''), tail];
	}
	const lines = Math.ceil(chars.length / Math.max(1, max));
	const per = Math.ceil(chars.length / lines);
	const out: string[] = [];
	for (let i = 0; i < chars.length; i += per) out.push(chars.slice(i, i + per).join(''));
	return out;
}

const TAG_W = 172;
const TAG_H = 56;
const GAP = 14;

/** A tag beside `cell`, on the side facing the middle of the hall. */
function tagFor(plan: HallPlan, cell: Cell, text: string): Tag {
	const b = cellBox(cell);
	const cx = b.x + b.w / 2;
	const cy = b.y + b.h / 2;
	const onLeft = cell.column === 1;
	const onRight = cell.column === plan.columns && cell.row !== 1 && cell.row !== plan.rows;
	if (onLeft || onRight) {
		const x = onLeft ? b.x + b.w + GAP : b.x - GAP - TAG_W;
		const edge = onLeft ? b.x + b.w - 4 : b.x + 4;
		const baseX = onLeft ? x : x + TAG_W;
		return {
			text,
			x,
			y: cy - TAG_H / 2,
			w: TAG_W,
			h: TAG_H,
			tip: { x: edge, y: cy },
			base: [
				{ x: baseX, y: cy - 10 },
				{ x: baseX, y: cy + 10 }
			]
		};
	}
	const below = cell.row <= plan.rows / 2;
	const y = below ? b.y + b.h + GAP : b.y - GAP - TAG_H;
	const baseY = below ? y : y + TAG_H;
	const x = Math.min(Math.max(cx - TAG_W / 2, MARGIN), MARGIN + plan.columns * CELL - TAG_W);
	return {
		text,
		x,
		y,
		w: TAG_W,
		h: TAG_H,
		tip: { x: cx, y: below ? b.y + b.h - 4 : b.y + 4 },
		base: [
			{ x: cx - 10, y: baseY },
			{ x: cx + 10, y: baseY }
		]
	};
}

export function layoutMap(
	plan: HallPlan,
	windows: readonly PlanWindow[],
	highlight: string | null
): DrawnMap {
	const width = plan.columns * CELL + 2 * MARGIN;
	const height = plan.rows * CELL + 2 * MARGIN;
	const hall = { x: MARGIN, y: MARGIN, w: plan.columns * CELL, h: plan.rows * CELL };
	const edge = edgeNames(plan.top);
	const compass = [
		{ text: edge.top, x: width / 2, y: MARGIN / 2 },
		{ text: edge.right, x: width - MARGIN / 2, y: height / 2 },
		{ text: edge.bottom, x: width / 2, y: height - MARGIN / 2 },
		{ text: edge.left, x: MARGIN / 2, y: height / 2 }
	];
	const features = plan.features.map((f) => ({
		...cellBox(f, f.width, f.height),
		kind: f.kind,
		lines: wrap(f.label ?? f.kind, CHARS_PER_CELL * f.width)
	}));
	const placed = windows.filter((w): w is PlanWindow & { position: Cell } => !!w.position);
	const drawn = placed.map((w) => ({
		...cellBox(w.position),
		number: w.number,
		name: w.name,
		highlighted: w.number === highlight
	}));
	const chosen = placed.find((w) => w.number === highlight);
	const target = chosen ? tagFor(plan, chosen.position, '请到这里') : null;
	const at = hereCell(plan);
	const here = at
		? (() => {
				const b = cellBox(at.cell);
				return { x: b.x + b.w / 2, y: b.y + b.h / 2, tag: tagFor(plan, at.cell, '您在这里') };
			})()
		: null;
	const hereWords = at ? (at.atEntrance ? '您在入口处' : '图上标出了您所在的触摸屏位置') : '';
	const label = chosen
		? `大厅平面图：${chosen.number}号窗口（${chosen.name}）${describePlace(plan, windows, chosen.number)}，图上用红色方框和“请到这里”标出。${hereWords}`
		: `大厅平面图：${placed
				.map((w) => `${w.number}号窗口${describePlace(plan, windows, w.number)}`)
				.join('；')}。${hereWords}`;
	return { width, height, hall, compass, features, windows: drawn, target, here, label };
}
