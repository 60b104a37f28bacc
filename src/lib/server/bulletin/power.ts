/**
 * `/bulletin/power.txt`: when each screen's panel is lit, as plain lines a shell script on the
 * terminal reads with `read` (deploy/kiosk/lobby-kiosk-power), since the terminal has neither the
 * office's calendar nor a JSON parser:
 *
 *   <screen id> <on, epoch seconds> <off, epoch seconds>
 *
 * A screen without `power` in screens.yaml has no lines (its panel is left alone). The build
 * writes the next {@link POWER_DAYS} days; past the last line a terminal leaves the panel on.
 */
import type { BulletinData } from '$lib/bulletin/types';
import { powerIntervals } from '$lib/power';

export const POWER_DAYS = 120;

export function powerText(data: BulletinData, now: number): string {
	const calendar = {
		hours: data.site.officeHours,
		closures: data.closures,
		openDays: data.openDays
	};
	const lines = [
		'# 信息发布屏开关屏时间：屏幕编号 开屏 关屏（Unix 秒），由 screens.yaml 的 power 生成'
	];
	for (const screen of data.screens) {
		if (!screen.power) continue;
		for (const [on, off] of powerIntervals(
			screen.power,
			calendar,
			now,
			POWER_DAYS,
			data.site.timeZone
		)) {
			lines.push(`${screen.id} ${on} ${off}`);
		}
	}
	return lines.join('\n') + '\n';
}
