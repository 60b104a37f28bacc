import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from './errors.ts';
import { loadContent } from './load.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

const WINDOWS = `windows:
  - number: 1
    name: 综合受理窗口
    position: { column: 2, row: 1 }
  - number: 2
    name: 无线电管理窗口
    position: { column: 3, row: 1 }
  - number: 3
    name: 节能与电力窗口
    position: { column: 5, row: 2 }
`;

const MAP = `hallMap:
  columns: 5
  rows: 4
  features:
    - kind: 入口
      column: 3
      row: 4
    - kind: 等候区
      column: 2
      row: 2
      width: 2
`;

/** The good fixture with its windows and a hall map replaced by `windows` and `map`. */
function hall(windows = WINDOWS, map = MAP, guideWindow?: string): string[] {
	const dir = mkdtempSync(path.join(tmpdir(), 'content-hallmap-'));
	made.push(dir);
	cpSync(path.resolve('tests/fixtures/good'), dir, { recursive: true });
	const site = path.join(dir, 'site.yaml');
	const text = readFileSync(site, 'utf8').replace(
		/^windows:\n(?: {2}.*\n)+/m,
		() => windows + map
	);
	writeFileSync(site, text);
	if (guideWindow) {
		const guide = path.join(dir, 'guides/radio-station.md');
		const g = readFileSync(guide, 'utf8');
		writeFileSync(guide, g.replace('  hours: 工作日', `  window: ${guideWindow}\n  hours: 工作日`));
	}
	return loadContent(dir)
		.problems.filter((p) => p.severity === 'error')
		.map((p) => formatProblem(p).replace(dir + '/', ''));
}

describe('hall map in site.yaml', () => {
	it('a plan with every window in its own cell loads, and a guide may name any window', () => {
		expect(hall(WINDOWS, MAP, '2号 无线电管理窗口')).toEqual([]);
	});

	it('a window outside the plan names the window, the field and the plan size', () => {
		expect(hall(WINDOWS.replace('column: 5, row: 2', 'column: 6, row: 5'))).toEqual([
			'site.yaml · 服务窗口 第3项 · 地图位置 · 列：超出了平面图：大厅平面图只有 5 列 4 行，这里写的是第 6 列',
			'site.yaml · 服务窗口 第3项 · 地图位置 · 行：超出了平面图：大厅平面图只有 5 列 4 行，这里写的是第 5 行'
		]);
	});

	it('two windows in one cell: the later one is the error, naming the earlier', () => {
		expect(hall(WINDOWS.replace('column: 3, row: 1', 'column: 2, row: 1'))).toEqual([
			'site.yaml · 服务窗口 第2项 · 地图位置：与服务窗口 第1项（1号 综合受理窗口）重叠在第2列第1行：每一格只能放一样东西'
		]);
	});

	it('a window on a feature, and a feature past the edge of the plan, are errors', () => {
		const onSeats = WINDOWS.replace('column: 5, row: 2', 'column: 3, row: 2');
		const wide = MAP.replace('width: 2', 'width: 5');
		expect(hall(onSeats)).toEqual([
			'site.yaml · 服务窗口 第3项 · 地图位置：与设施 第2项（等候区）重叠在第3列第2行：每一格只能放一样东西'
		]);
		expect(hall(WINDOWS, wide)).toEqual([
			'site.yaml · 大厅平面图 · 设施 第2项：超出了平面图：大厅平面图只有 5 列 4 行，这一项从第2列第2行占到第6列第2行'
		]);
	});

	it('with a plan, a window without a position is an error; without a plan, a position is', () => {
		expect(hall(WINDOWS.replace('    position: { column: 3, row: 1 }\n', ''))).toEqual([
			'site.yaml · 服务窗口 第2项 · 地图位置：有大厅平面图时每个窗口都要写地图位置（第几列、第几行），访客才能在地图上找到它'
		]);
		expect(hall(WINDOWS, '')).toEqual([
			'site.yaml · 服务窗口 第1项 · 地图位置：还没有大厅平面图（hallMap）：先写大厅平面图的列数和行数，或删掉这个地图位置',
			'site.yaml · 服务窗口 第2项 · 地图位置：还没有大厅平面图（hallMap）：先写大厅平面图的列数和行数，或删掉这个地图位置',
			'site.yaml · 服务窗口 第3项 · 地图位置：还没有大厅平面图（hallMap）：先写大厅平面图的列数和行数，或删掉这个地图位置'
		]);
	});

	it('a terminal position outside the plan is an error', () => {
		expect(hall(WINDOWS, MAP.replace('  features:', '  here: { column: 1, row: 9 }\n  features:'))).toEqual([
			'site.yaml · 大厅平面图 · 本机位置 · 行：超出了平面图：大厅平面图只有 5 列 4 行，这里写的是第 9 行'
		]);
	});

	it('a guide whose 办理地点 window is not on the map is an error in the guide', () => {
		expect(hall(WINDOWS, MAP, '9号')).toEqual([
			'guides/radio-station.md · 办理地点与时间 · 窗口号：site.yaml 的服务窗口里没有“9号”，大厅平面图上也就找不到它（现有：1号 综合受理窗口、2号 无线电管理窗口、3号 节能与电力窗口）：请写现有窗口的窗口号，如“1号”，或先在 site.yaml 里加上这个窗口和它的地图位置'
		]);
	});
});
