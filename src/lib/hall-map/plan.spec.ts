import { describe, expect, it } from 'vitest';
import {
	describePlace,
	edgeNames,
	findWindow,
	hereCell,
	type HallPlan,
	type PlanWindow
} from './plan';

const plan: HallPlan = {
	columns: 7,
	rows: 6,
	top: '北',
	features: [
		{ kind: '等候区', column: 3, row: 3, width: 3, height: 1 },
		{ kind: '入口', column: 4, row: 6, width: 1, height: 1 }
	]
};
const windows: PlanWindow[] = [
	{ number: '1', name: '综合受理窗口', position: { column: 2, row: 1 } },
	{ number: '2', name: '无线电管理窗口', position: { column: 3, row: 1 } },
	{ number: '5', name: '信息化与软件窗口', position: { column: 7, row: 2 } },
	{ number: '6', name: '技术创新与投资窗口', position: { column: 7, row: 3 } },
	{ number: '9', name: '中间窗口', position: { column: 4, row: 4 } }
];

describe('hall plan', () => {
	it('finds a guide’s window by number, by number and name, or by name', () => {
		expect(findWindow('2号', windows)?.number).toBe('2');
		expect(findWindow('5号 信息化与软件窗口', windows)?.number).toBe('5');
		expect(findWindow('技术创新与投资窗口', windows)?.number).toBe('6');
		expect(findWindow('8号', windows)).toBeUndefined();
	});

	it('says on which side a window is and which one it is, counted in compass words', () => {
		expect(describePlace(plan, windows, '2')).toBe('在大厅北侧，从西往东第二个');
		expect(describePlace(plan, windows, '6')).toBe('在大厅东侧，从北往南第二个');
		expect(describePlace(plan, windows, '9')).toBe('在大厅中部（第4列第4行）');
		expect(describePlace(plan, windows, '7')).toBe('');
		// A plan drawn with east at the top turns every side a quarter clockwise.
		expect(edgeNames('东')).toEqual({ top: '东', right: '南', bottom: '西', left: '北' });
		expect(describePlace({ ...plan, top: '东' }, windows, '1')).toBe('在大厅东侧，从北往南第一个');
	});

	it('puts 您在这里 at the terminal when site.yaml says where it is, else at the entrance', () => {
		expect(hereCell(plan)).toEqual({ cell: { column: 4, row: 6 }, atEntrance: true });
		expect(hereCell({ ...plan, here: { column: 2, row: 5 } })).toEqual({
			cell: { column: 2, row: 5 },
			atEntrance: false
		});
		expect(hereCell({ ...plan, features: [] })).toBeNull();
	});
});
