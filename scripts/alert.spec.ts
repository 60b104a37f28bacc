import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAlerts } from '../src/lib/alerts/schema';
import { AlertError, resolveUntil, run } from './alert';

const ZONE = 'Asia/Shanghai';
/** 2026-12-01 10:00 in the office. */
const NOW = Date.parse('2026-12-01T02:00:00Z');

let dir: string;
const quiet = () => {};
const read = () => JSON.parse(readFileSync(path.join(dir, 'alerts.json'), 'utf8')) as unknown;

beforeEach(() => {
	dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-alert-'));
	writeFileSync(path.join(dir, 'site.json'), JSON.stringify({ site: { timeZone: ZONE } }));
	writeFileSync(path.join(dir, 'alerts.json'), '{ "alerts": [] }\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run alert', () => {
	it('writes one valid alert that replaces the last, with no temporary file left', () => {
		run(['先到的通知', '--until', '12:00', '--into', dir], NOW, quiet);
		run(
			['今日下午暂停办理不动产登记', '--until', '18:00', '--level', 'takeover', '--into', dir],
			NOW,
			quiet
		);
		const parsed = parseAlerts(read());
		expect(parsed).toMatchObject({
			ok: true,
			alerts: [
				{
					text: '今日下午暂停办理不动产登记',
					level: 'takeover',
					until: '2026-12-01 18:00',
					publishedAt: '2026-12-01T02:00:00.000Z'
				}
			]
		});
		expect(readdirSync(dir).sort()).toEqual(['alerts.json', 'site.json']);
	});

	it('clears every alert with --clear, leaving a valid empty file', () => {
		run(['暂停办理', '--until', '18:00', '--into', dir], NOW, quiet);
		run(['--clear', '--into', dir], NOW, quiet);
		expect(read()).toEqual({ alerts: [] });
	});

	it('refuses bad arguments in Chinese and leaves the file as it was', () => {
		run(['暂停办理', '--until', '18:00', '--into', dir], NOW, quiet);
		const before = readFileSync(path.join(dir, 'alerts.json'), 'utf8');
		const attempts: [string[], RegExp][] = [
			[['暂停办理', '--into', dir], /请用 --until 写明截止时间/],
			[['--until', '18:00', '--into', dir], /请写出通知内容/],
			[['暂停', '办理', '--until', '18:00', '--into', dir], /只能有一段/],
			[
				['暂停办理', '--until', '9:00', '--into', dir],
				/已经过去（办公地时间现在是 2026-12-01 10:00）/
			],
			[['暂停办理', '--until', '18点', '--into', dir], /--until 应为截止时间.*现在是“18点”/],
			[['暂停办理', '--until', '18:00', '--level', 'loud', '--into', dir], /--level 应为 urgent/],
			[['暂停办理', '--until', '18:00', '--colour', 'red', '--into', dir], /不认识的参数 --colour/],
			[['暂停办理', '--until', '18:00', '--into', os.tmpdir()], /没有 site.json/],
			[['  ', '--until', '18:00', '--into', dir], /请写出通知内容/]
		];
		expect(attempts).toHaveLength(9);
		for (const [args, message] of attempts) {
			expect(() => run(args, NOW, quiet), args.join(' ')).toThrow(message);
			expect(() => run(args, NOW, quiet)).toThrow(AlertError);
		}
		expect(readFileSync(path.join(dir, 'alerts.json'), 'utf8')).toBe(before);
	});
});

describe('resolveUntil', () => {
	it('reads a clock time as today in the office zone, whatever the machine zone', () => {
		// 01:00 UTC on 1 Dec is already 09:00 on 1 Dec in Shanghai.
		expect(resolveUntil('18:00', Date.parse('2026-12-01T01:00:00Z'), ZONE)).toBe(
			'2026-12-01 18:00'
		);
		// 17:00 UTC on 30 Nov is 01:00 on 1 Dec in Shanghai.
		expect(resolveUntil('18:00', Date.parse('2026-11-30T17:00:00Z'), ZONE)).toBe(
			'2026-12-01 18:00'
		);
		expect(resolveUntil('2026-12-02T12:00', NOW, ZONE)).toBe('2026-12-02 12:00');
		expect(() => resolveUntil('2026-02-30 12:00', NOW, ZONE)).toThrow(/不存在/);
		expect(() => resolveUntil('25:00', NOW, ZONE)).toThrow(/不存在/);
	});
});
