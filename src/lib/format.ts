/**
 * Small display helpers shared by kiosk pages, staff screens and the build (which imports this
 * file from Node, hence the relative import).
 */
import { dateFormat } from './zone.ts';

export interface DurationLike {
	value: number;
	unit: string;
}

export function formatDuration(d: DurationLike): string {
	return `${d.value} 个${d.unit}`.replace('个小时', '小时');
}

/** `null`: an item handled only at the hall windows (no 网上办理 in its guide). */
export function formatVisits(visits: number | null): string {
	if (visits === null) return '仅在大厅窗口办理';
	return visits === 0 ? '全程网办，不用跑' : `到现场 ${visits} 次`;
}

/** `2015-03-24` -> `2015年3月24日`. */
export function formatDate(isoDate: string): string {
	const [y, m, d] = isoDate.split('-').map(Number);
	return `${y}年${m}月${d}日`;
}

/** `2026-05-03T06:05:00Z` -> `2026年5月3日 14:05` in the office's time zone. */
export function formatDateTime(iso: string, timeZone: string): string {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return iso;
	const parts = dateFormat('zh-CN', timeZone, {
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	}).formatToParts(date);
	const part = (type: Intl.DateTimeFormatPartTypes) =>
		parts.find((p) => p.type === type)?.value ?? '';
	return `${part('year')}年${part('month')}月${part('day')}日 ${part('hour')}:${part('minute')}`;
}

/** Sizes in binary units, as the build log and the status screen show them; null is unknown. */
export function formatBytes(bytes: number | null): string {
	if (bytes === null) return '未知';
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
	if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
	return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}
