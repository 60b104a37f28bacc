/**
 * What the hall plan's fields cannot tell one by one: every window inside the plan, in a cell of
 * its own, and no two things drawn on top of each other. Paths are site.yaml's keys; errors.ts
 * turns them into the Chinese field names (`服务窗口 第3项 · 地图位置 · 列`).
 */
import {
	cellName,
	cellsOf,
	sameCell,
	type Cell,
	type HallPlan,
	type PlanWindow
} from '../../hall-map/plan.ts';

export interface PlanIssue {
	path: PropertyKey[];
	message: string;
}

const windowName = (w: PlanWindow) => `${w.number}号 ${w.name}`;

export function planIssues(plan: HallPlan | undefined, windows: readonly PlanWindow[]): PlanIssue[] {
	const issues: PlanIssue[] = [];
	if (!plan) {
		windows.forEach((w, i) => {
			if (w.position) {
				issues.push({
					path: ['windows', i, 'position'],
					message: '还没有大厅平面图（hallMap）：先写大厅平面图的列数和行数，或删掉这个地图位置'
				});
			}
		});
		return issues;
	}
	const size = `大厅平面图只有 ${plan.columns} 列 ${plan.rows} 行`;
	/** Issues for a cell outside the plan; true when it is inside. */
	const inside = (cell: Cell, path: PropertyKey[]): boolean => {
		let ok = true;
		if (cell.column > plan.columns) {
			issues.push({
				path: [...path, 'column'],
				message: `超出了平面图：${size}，这里写的是第 ${cell.column} 列`
			});
			ok = false;
		}
		if (cell.row > plan.rows) {
			issues.push({
				path: [...path, 'row'],
				message: `超出了平面图：${size}，这里写的是第 ${cell.row} 行`
			});
			ok = false;
		}
		return ok;
	};

	// Who holds each cell, as an editor would name it, for "already taken by …" messages.
	const taken: { cell: Cell; who: string }[] = [];
	const claim = (cells: Cell[], who: string, path: PropertyKey[]) => {
		for (const cell of cells) {
			const other = taken.find((t) => sameCell(t.cell, cell));
			if (other) {
				issues.push({
					path,
					message: `与${other.who}重叠在${cellName(cell)}：每一格只能放一样东西`
				});
				return;
			}
		}
		for (const cell of cells) taken.push({ cell, who });
	};

	plan.features.forEach((f, i) => {
		const path = ['hallMap', 'features', i];
		const far = { column: f.column + f.width - 1, row: f.row + f.height - 1 };
		if (far.column > plan.columns || far.row > plan.rows) {
			issues.push({
				path,
				message: `超出了平面图：${size}，这一项从${cellName(f)}占到${cellName(far)}`
			});
			return;
		}
		claim(cellsOf(f), `设施 第${i + 1}项（${f.label ?? f.kind}）`, path);
	});
	windows.forEach((w, i) => {
		const path = ['windows', i, 'position'];
		if (!w.position) {
			issues.push({
				path,
				message: '有大厅平面图时每个窗口都要写地图位置（第几列、第几行），访客才能在地图上找到它'
			});
			return;
		}
		if (inside(w.position, path)) {
			claim([w.position], `服务窗口 第${i + 1}项（${windowName(w)}）`, path);
		}
	});
	if (plan.here) inside(plan.here, ['hallMap', 'here']);
	return issues;
}
