import { liveFor } from '../schedule.ts';
import { localTime } from '../time.ts';
import type { Slide } from '../types.ts';

export type SlideStatus = 'live' | 'off-hours' | 'expired' | 'future';

export const STATUS_LABEL: Record<SlideStatus, string> = {
	live: '正在播放',
	'off-hours': '今日此时不播',
	expired: '已过期',
	future: '未生效'
};

/** Where a slide stands at `now`, for the editors' preview. */
export function slideStatus(slide: Slide, now: number, zone: string): SlideStatus {
	if (slide.endAt !== null && now >= slide.endAt) return 'expired';
	if (slide.startAt !== null && now < slide.startAt) return 'future';
	return liveFor(slide, now, localTime(now, zone)) > 0 ? 'live' : 'off-hours';
}
