/** Small display helpers shared by kiosk pages. */
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
