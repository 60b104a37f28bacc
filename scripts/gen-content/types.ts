/** The input shapes of the content schema, as the generator writes them. */
import type * as z from 'zod';
import type {
	annualReportSchema,
	disclosureCategories,
	disclosureSchema,
	guideSchema,
	noticeSchema,
	processSchema,
	serviceSchema
} from '../../src/lib/server/content/schema.ts';

export type GuideInput = z.input<typeof guideSchema>;
export type DisclosureInput = z.input<typeof disclosureSchema>;
export type NoticeInput = z.input<typeof noticeSchema>;
export type ProcessInput = z.input<typeof processSchema>;
export type ServiceInput = z.input<typeof serviceSchema>;
export type AnnualReportInput = z.input<typeof annualReportSchema>;
export type Category = (typeof disclosureCategories)[number];
