/** Speech rates (1 = the engine's normal): elder mode reads noticeably slower. */
export const RATE = { normal: 0.95, elder: 0.7 } as const;

export function speechRate(elder: boolean): number {
	return elder ? RATE.elder : RATE.normal;
}
