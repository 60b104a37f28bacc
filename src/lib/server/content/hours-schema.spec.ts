import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkBulletins, closuresSchema, screensSchema } from './bulletin-schema.ts';
import { formatProblem, problemsFromZod, type ContentProblem } from './errors.ts';
import { officeHoursSchema } from './schema.ts';

/** What an editor reads for `hours:` written as `yaml` (site.yaml). */
function hoursProblems(yaml: string): string[] {
	const parsed = officeHoursSchema.safeParse(parseYaml(yaml), { reportInput: true });
	if (parsed.success) return [];
	return problemsFromZod('site.yaml', officeHoursSchema, parsed.error.issues, {
		path: ['hours'],
		label: '办公时间'
	}).map(formatProblem);
}

const SESSIONS = `
sessions:
  - { from: '09:00', to: '12:00' }
  - { from: '13:30', to: '17:00' }`;

describe('site.yaml 办公时间', () => {
	it('reads weekdays written in words or as numbers, and keeps sessions in time order', () => {
		const a = officeHoursSchema.parse(parseYaml(`days: 周一至周五${SESSIONS}`));
		expect(a.days).toEqual([1, 2, 3, 4, 5]);
		const b = officeHoursSchema.parse(
			parseYaml(`days: [5, 1, 3]
sessions:
  - { from: '13:30', to: '17:00' }
  - { from: '9:00', to: '12:00' }`)
		);
		expect(b.days).toEqual([1, 3, 5]);
		expect(b.sessions).toEqual([
			{ from: '09:00', to: '12:00' },
			{ from: '13:30', to: '17:00' }
		]);
	});

	it('refuses weekdays it cannot read', () => {
		expect(hoursProblems(`days: 工作日${SESSIONS}`)).toEqual([
			'site.yaml · 办公时间 · 办公日：应写成“周一至周五”或“周一、周三、周五”，也可写 [1, 2, 3, 4, 5]，现在是“工作日”'
		]);
		expect(hoursProblems(`days: [1, 8]${SESSIONS}`)).toEqual([
			'site.yaml · 办公时间 · 办公日：应为 1（周一）到 7（周日）之间、互不重复的数字，如 [1, 2, 3, 4, 5]'
		]);
	});

	it('names a bad time, a session that ends before it starts, and overlapping sessions', () => {
		expect(
			hoursProblems(`days: 周一至周五
sessions:
  - { from: '9点', to: '12:00' }`)
		).toEqual([
			'site.yaml · 办公时间 · 办公时段 第1项 · 开始：应为 24 小时制的时刻，如 09:00 或 13:30，现在是“9点”'
		]);
		expect(
			hoursProblems(`days: 周一至周五
sessions:
  - { from: '09:00', to: '12:00' }
  - { from: '17:00', to: '13:30' }`)
		).toEqual(['site.yaml · 办公时间 · 办公时段 第2项 · 结束：应晚于开始时间（17:00）']);
		expect(
			hoursProblems(`days: 周一至周五
sessions:
  - { from: '09:00', to: '12:00' }
  - { from: '11:30', to: '17:00' }`)
		).toEqual(['site.yaml · 办公时间 · 办公时段 第2项：与第1段（09:00—12:00）时间重叠']);
	});
});

describe('closures.yaml 调休上班和调整办公时间', () => {
	function check(yaml: string) {
		const problems: ContentProblem[] = [];
		const data = closuresSchema.parse(parseYaml(yaml));
		const out = checkBulletins(
			{ playlists: [], screens: null, closures: { file: 'bulletins/closures.yaml', data } },
			{ guides: new Map(), media: new Set(), timeZone: 'Asia/Shanghai' },
			problems
		);
		return { out, problems: problems.map(formatProblem) };
	}

	it('keeps 调休 days and changed hours', () => {
		const { out, problems } = check(`closures: []
openDays:
  - { date: 2027-02-20, reason: 调休上班 }
  - date: 2027-02-22
    reason: 节后首日
    sessions: [{ from: '09:00', to: '16:00' }]`);
		expect(problems).toEqual([]);
		expect(out.openDays).toEqual([
			{ date: '2027-02-20', reason: '调休上班', sessions: null },
			{ date: '2027-02-22', reason: '节后首日', sessions: [{ from: '09:00', to: '16:00' }] }
		]);
	});

	it('refuses a day that is both closed and open, or written twice', () => {
		const { problems } = check(`closures:
  - { from: 2027-01-01, to: 2027-01-03, reason: 元旦 }
openDays:
  - { date: 2027-01-02, reason: 调休上班 }
  - { date: 2027-01-09, reason: 调休上班 }
  - { date: 2027-01-09, reason: 调休上班 }`);
		expect(problems).toEqual([
			'bulletins/closures.yaml · 调休上班和调整办公时间 第1项 · 日期：这一天在闭馆日“元旦”（2027-01-01 至 2027-01-03）之内：同一天不能既闭馆又办公',
			'bulletins/closures.yaml · 调休上班和调整办公时间 第3项 · 日期：与第2项是同一天：每天只写一次'
		]);
	});
});

describe('screens.yaml 开关屏', () => {
	const powerProblems = (power: string) => {
		const parsed = screensSchema.safeParse(
			parseYaml(`screens:\n  - { id: lobby, name: 大厅, width: 1920, height: 360, playlists: [hall], power: ${power} }`),
			{ reportInput: true }
		);
		if (parsed.success) return [];
		return problemsFromZod('bulletins/screens.yaml', screensSchema, parsed.error.issues).map(
			formatProblem
		);
	};

	it('takes fixed times, or none (then the hours with a margin)', () => {
		expect(powerProblems(`{ on: '07:30', off: '20:00', days: [周一, 周二] }`)).toEqual([]);
		expect(powerProblems(`{ margin: 45 }`)).toEqual([]);
	});

	it('refuses half a pair, and an off time before the on time', () => {
		expect(powerProblems(`{ on: '07:30' }`)).toEqual([
			'bulletins/screens.yaml · 屏幕 第1项 · 开关屏 · 关屏时间：开屏时间和关屏时间要么都填，要么都不填'
		]);
		expect(powerProblems(`{ on: '20:00', off: '07:30' }`)).toEqual([
			'bulletins/screens.yaml · 屏幕 第1项 · 开关屏 · 关屏时间：关屏时间应晚于开屏时间（不能跨零点）'
		]);
	});
});
