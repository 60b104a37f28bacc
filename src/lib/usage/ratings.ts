/**
 * 好差评 counts: how many visitors chose each level, and between which days. Anonymous by design:
 * no page, time or anything else of the visit is kept with a rating.
 */
import { isRatingLevel, RATING_LEVELS, type RatingLevel } from '$lib/rating/levels';

export interface RatingTally {
	counts: Record<RatingLevel, number>;
	firstDay: string | null;
	lastDay: string | null;
}

export function emptyTally(): RatingTally {
	const counts = Object.fromEntries(RATING_LEVELS.map((l) => [l, 0])) as Record<
		RatingLevel,
		number
	>;
	return { counts, firstDay: null, lastDay: null };
}

/** A stored tally as it is read back: anything of another shape counts as nothing. */
export function tallyFrom(stored: unknown): RatingTally {
	const tally = emptyTally();
	if (typeof stored !== 'object' || stored === null) return tally;
	const { counts, firstDay, lastDay } = stored as Partial<Record<keyof RatingTally, unknown>>;
	if (typeof counts === 'object' && counts !== null) {
		for (const [level, n] of Object.entries(counts)) {
			if (isRatingLevel(level) && Number.isSafeInteger(n) && (n as number) > 0)
				tally.counts[level] = n as number;
		}
	}
	if (typeof firstDay === 'string') tally.firstDay = firstDay;
	if (typeof lastDay === 'string') tally.lastDay = lastDay;
	return tally;
}

export function addRating(stored: RatingTally | undefined, level: RatingLevel, day: string) {
	const tally = tallyFrom(stored);
	tally.counts[level] += 1;
	tally.firstDay ??= day;
	tally.lastDay = day;
	return tally;
}

export function ratingTotal(tally: RatingTally): number {
	return RATING_LEVELS.reduce((n, l) => n + tally.counts[l], 0);
}

/** Share of 满意 and above (满意, 非常满意), as halls report it; null before the first rating. */
export function satisfiedShare(tally: RatingTally): number | null {
	const total = ratingTotal(tally);
	return total === 0 ? null : (tally.counts['非常满意'] + tally.counts['满意']) / total;
}

export function formatShare(share: number | null): string {
	return share === null ? '—' : `${(share * 100).toFixed(1).replace(/\.0$/, '')}%`;
}

/** For a spreadsheet: one row per level (UTF-8 with a BOM, which Excel needs for Chinese). */
export function ratingsCsv(tally: RatingTally, terminal: string | null): string {
	const rows = [['终端', '评价等级', '次数', '起始日期', '截止日期']];
	for (const level of RATING_LEVELS) {
		rows.push([
			terminal ?? '',
			level,
			String(tally.counts[level]),
			tally.firstDay ?? '',
			tally.lastDay ?? ''
		]);
	}
	const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
	return '\uFEFF' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** `好差评：非常满意×3；满意×1` for the QR summary: levels nobody chose are left out. */
export function ratingsLine(tally: RatingTally): string {
	const parts = RATING_LEVELS.filter((l) => tally.counts[l] > 0).map(
		(l) => `${l}×${tally.counts[l]}`
	);
	return `好差评：${parts.join('；') || '无'}`;
}
