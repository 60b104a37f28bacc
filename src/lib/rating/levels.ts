/**
 * The five levels of the national 政务服务"好差评" scheme (国办发〔2019〕51号), best first. The
 * words are the data: counts and exports use them as they are.
 */
export const RATING_LEVELS = ['非常满意', '满意', '基本满意', '不满意', '非常不满意'] as const;

export type RatingLevel = (typeof RATING_LEVELS)[number];

export function isRatingLevel(value: unknown): value is RatingLevel {
	return (RATING_LEVELS as readonly unknown[]).includes(value);
}
