import { describe, expect, it } from 'vitest';
import { layoutMap, wrap } from './layout';
import type { HallPlan, PlanWindow } from './plan';

const plan: HallPlan = {
	columns: 5,
	rows: 4,
	top: '北',
	features: [{ kind: '入口', label: '正门入口', column: 3, row: 4, width: 1, height: 1 }]
};
const windows: PlanWindow[] = [
	{ number: '1', name: '综合受理窗口', position: { column: 2, row: 1 } },
	{ number: '2', name: '无线电管理窗口', position: { column: 3, row: 1 } }
];

describe('hall map drawing', () => {
	it('breaks labels where a reader would: at a space, before a known word, else evenly', () => {
		expect(wrap('电梯', 3)).toEqual(['电梯']);
		expect(wrap('自助服务区', 3)).toEqual(['自助', '服务区']);
		expect(wrap('第三卫生间', 3)).toEqual(['第三', '卫生间']);
		expect(wrap('无障碍 入口', 3)).toEqual(['无障碍', '入口']);
		expect(wrap('行政审批局', 3)).toEqual(['行政审', '批局']);
	});

	it('marks exactly the chosen window and names where it is', () => {
		const map = layoutMap(plan, windows, '2');
		expect(map.windows.filter((w) => w.highlighted).map((w) => w.number)).toEqual(['2']);
		expect(map.target?.text).toBe('请到这里');
		expect(map.label).toBe(
			'大厅平面图：2号窗口（无线电管理窗口）在大厅北侧，从西往东第二个，图上用红色方框和“请到这里”标出。您在入口处'
		);
	});

	it('without a chosen window, names every window and marks none', () => {
		const map = layoutMap(plan, windows, null);
		expect(map.windows.some((w) => w.highlighted)).toBe(false);
		expect(map.target).toBeNull();
		expect(map.label).toBe(
			'大厅平面图：1号窗口在大厅北侧，从西往东第一个；2号窗口在大厅北侧，从西往东第二个。您在入口处'
		);
	});
});
