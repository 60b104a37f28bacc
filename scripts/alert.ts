/**
 * `npm run alert`: publishes urgent news to every screen within a minute, without a build. It
 * writes `alerts.json` into the folder the web server serves (default `build/`; on the server
 * `--into /srv/lobby-kiosk/releases/current`), replacing it in one step (a new file renamed over
 * the old), so a terminal never reads half a file.
 *
 *   npm run alert -- "今日下午暂停办理不动产登记" --until 18:00 [--level urgent|takeover] [--into DIR]
 *   npm run alert -- --clear [--into DIR]
 *
 * `--until` is the office's wall clock (site.json's time zone, not this machine's): `18:00` means
 * today, or a date and time `"2026-12-02 12:00"`.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
	ALERT_LEVELS,
	ALERTS_FILE,
	EMPTY_ALERTS,
	MAX_TEXT,
	type AlertLevel,
	type AlertsFile
} from '../src/lib/alerts/schema.ts';
import { instantOf, localTime } from '../src/lib/zone.ts';

/** A mistake in the command line: one Chinese sentence, no stack trace. */
export class AlertError extends Error {}

export interface AlertRequest {
	text: string;
	until: string;
	level: AlertLevel;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The office's wall clock now, `YYYY-MM-DD HH:MM`. */
function officeNow(now: number, zone: string): string {
	const local = localTime(now, zone);
	return `${local.date} ${pad(Math.floor(local.second / 3600))}:${pad(Math.floor(local.second / 60) % 60)}`;
}

/** `18:00` (today) or `2026-12-02 18:00` -> `2026-12-02 18:00`, which must lie ahead. */
export function resolveUntil(input: string, now: number, zone: string): string {
	const text = input.trim().replace('T', ' ');
	let until: string;
	const clock = /^(\d{1,2})[:：](\d{2})$/.exec(text);
	if (clock) {
		const [h, m] = [Number(clock[1]), Number(clock[2])];
		if (h > 23 || m > 59) throw new AlertError(`--until 的时间“${input}”不存在，应为如 18:00。`);
		until = `${localTime(now, zone).date} ${pad(h)}:${pad(m)}`;
	} else if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(text)) {
		until = text;
	} else {
		throw new AlertError(
			`--until 应为截止时间，如 18:00（今天）或 "2026-12-02 18:00"，现在是“${input}”。`
		);
	}
	const end = instantOf(until, zone);
	if (Number.isNaN(end) || officeNow(end, zone) !== until) {
		throw new AlertError(`--until 的日期“${input}”不存在。`);
	}
	if (end <= now) {
		throw new AlertError(
			`--until ${until} 已经过去（办公地时间现在是 ${officeNow(now, zone)}）：` +
				'请写明日期，如 --until "2026-12-02 18:00"。'
		);
	}
	return until;
}

/** The file for one alert; it replaces whatever was there. */
export function alertFile({ text, until, level }: AlertRequest, now: number): AlertsFile {
	const clean = text.trim();
	if (!clean)
		throw new AlertError('请写出通知内容，如：npm run alert -- "今日下午暂停办理" --until 18:00');
	if ([...clean].length > MAX_TEXT) {
		throw new AlertError(`通知内容最多 ${MAX_TEXT} 个字，现在是 ${[...clean].length} 个字。`);
	}
	return {
		alerts: [
			{
				id: `a${now.toString(36)}`,
				text: clean,
				level,
				until,
				publishedAt: new Date(now).toISOString()
			}
		]
	};
}

/** The office's time zone, from the served folder's own site.json. */
export function siteZone(dir: string): string {
	const file = path.join(dir, 'site.json');
	if (!existsSync(file)) {
		throw new AlertError(
			`${dir} 里没有 site.json：--into 应指向网站文件夹（npm run build 生成的 build/，或服务器上的 releases/current）。`
		);
	}
	try {
		const site = JSON.parse(readFileSync(file, 'utf8')) as { site?: { timeZone?: unknown } };
		const zone = site.site?.timeZone;
		if (typeof zone === 'string' && zone) return zone;
	} catch {
		// Reported below.
	}
	throw new AlertError(`${file} 里读不到办公地时区（timeZone）：请重新发布网站。`);
}

/** Writes the file beside the old one and renames it over: readers see old or new, never half. */
export function writeAlerts(dir: string, file: AlertsFile): string {
	const target = path.join(dir, ALERTS_FILE);
	const temp = path.join(dir, `.${ALERTS_FILE}.${process.pid}.tmp`);
	writeFileSync(temp, `${JSON.stringify(file, null, '\t')}\n`, { mode: 0o644 });
	renameSync(temp, target);
	return target;
}

function parse(argv: string[]) {
	try {
		return parseArgs({
			args: argv,
			allowPositionals: true,
			options: {
				until: { type: 'string' },
				level: { type: 'string', default: 'urgent' },
				into: { type: 'string', default: process.env.BUILD_DIR || 'build' },
				clear: { type: 'boolean', default: false }
			}
		});
	} catch (e) {
		const option = /'(--?[\w-]+)/.exec(e instanceof Error ? e.message : '')?.[1] ?? '';
		throw new AlertError(
			`不认识的参数 ${option}：可用 --until、--level、--into、--clear，` +
				'如 npm run alert -- "今日下午暂停办理" --until 18:00'
		);
	}
}

export function run(argv: string[], now = Date.now(), log = console.log): string {
	const { values, positionals } = parse(argv);
	const dir = path.resolve(values.into);
	const zone = siteZone(dir);
	if (values.clear) {
		if (positionals.length > 0 || values.until) {
			throw new AlertError('--clear 撤下所有紧急通知，不需要通知内容或 --until。');
		}
		const target = writeAlerts(dir, EMPTY_ALERTS);
		log(`✓ 紧急通知已撤下（${target}），各屏幕 1 分钟内恢复正常。`);
		return target;
	}
	if (positionals.length !== 1) {
		throw new AlertError(
			positionals.length === 0
				? '请写出通知内容，如：npm run alert -- "今日下午暂停办理" --until 18:00'
				: `通知内容只能有一段（现在有 ${positionals.length} 段）：整段内容请加引号。`
		);
	}
	if (!values.until) {
		throw new AlertError('请用 --until 写明截止时间（如 --until 18:00），到时自动撤下。');
	}
	const level = values.level as AlertLevel;
	if (!ALERT_LEVELS.includes(level)) {
		throw new AlertError(
			`--level 应为 urgent（滚动条，默认）或 takeover（整屏轮播），现在是“${values.level}”。`
		);
	}
	const until = resolveUntil(values.until, now, zone);
	const file = alertFile({ text: positionals[0]!, until, level }, now);
	const target = writeAlerts(dir, file);
	log(
		`✓ 紧急通知已发布（${level === 'takeover' ? '整屏' : '滚动条'}），至 ${until}（办公地时间）自动撤下；` +
			`各屏幕 1 分钟内显示。\n  ${target}\n  提前撤下：npm run alert -- --clear --into ${dir}`
	);
	return target;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	try {
		run(process.argv.slice(2));
	} catch (e) {
		if (!(e instanceof AlertError)) throw e;
		console.error(`✗ ${e.message}`);
		process.exit(1);
	}
}
