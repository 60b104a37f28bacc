/**
 * How a carousel slide shares its turn among its pictures: plain arithmetic, used by the content
 * check (is there time to see each picture?) and by the slide on screen (which picture now?).
 */

/** Shorter than this, a picture is gone before anyone across the hall has looked at it. */
export const MIN_CAROUSEL_SECONDS = 3;

/**
 * Milliseconds each of `count` pictures stays up: `intervalSeconds` when the editor gave one,
 * else the slide's `durationSeconds` split evenly (rounded down to whole milliseconds).
 */
export function carouselIntervalMs(
	durationSeconds: number,
	count: number,
	intervalSeconds?: number | null
): number {
	if (intervalSeconds !== undefined && intervalSeconds !== null) return intervalSeconds * 1000;
	return Math.floor((durationSeconds * 1000) / Math.max(1, count));
}

/**
 * The picture on screen `elapsedMs` after the slide went up. When the pictures take less time
 * than the turn, they start over from the first.
 */
export function carouselIndexAt(elapsedMs: number, intervalMs: number, count: number): number {
	if (count <= 1 || intervalMs <= 0 || elapsedMs <= 0) return 0;
	return Math.floor(elapsedMs / intervalMs) % count;
}

/** Milliseconds from `elapsedMs` until the next picture is due. */
export function untilNextPicture(elapsedMs: number, intervalMs: number): number {
	if (intervalMs <= 0) return Infinity;
	const into = Math.max(0, elapsedMs) % intervalMs;
	return intervalMs - into;
}
