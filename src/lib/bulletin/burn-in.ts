/**
 * LED and OLED panels wear where the same bright pixels sit for weeks: the clock, the logo, the
 * ticker band. Every few minutes the whole display moves by a few pixels along a small closed
 * path; a function of the time, so nothing accumulates and every screen moves the same way.
 */
const PATH: readonly (readonly [number, number])[] = [
	[0, 0],
	[2, 1],
	[3, -1],
	[1, -3],
	[-1, -2],
	[-3, 0],
	[-2, 2],
	[0, 3]
];
export const SHIFT_EVERY_MS = 3 * 60_000;

/** Offset in CSS pixels (before any scaling for very large screens). */
export function burnInOffset(now: number): { x: number; y: number } {
	const [x, y] = PATH[Math.floor(now / SHIFT_EVERY_MS) % PATH.length] ?? [0, 0];
	return { x, y };
}
