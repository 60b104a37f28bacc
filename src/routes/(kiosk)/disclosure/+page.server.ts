import { getContent } from '$lib/server/content';
import { disclosureCategories } from '$lib/server/content/schema';
import type { PageServerLoad } from './$types';

/** The catalogue in its statutory order (公开指南, 制度, Article 20 (一)–(十五), 年报, 依申请公开). */
export const load: PageServerLoad = () => {
	const items = getContent().disclosures;
	const categories = disclosureCategories
		.map((category) => ({
			category,
			items: items
				.filter((d) => d.category === category)
				.map(({ slug, title, indexNo, date }) => ({ slug, title, indexNo, date }))
		}))
		.filter((c) => c.items.length > 0);
	return { categories, total: items.length };
};
