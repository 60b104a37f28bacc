import { getContent } from '$lib/server/content';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const groups = new Map<string, { theme: string; guides: GuideSummary[] }>();
	for (const g of getContent().guides) {
		const group = groups.get(g.theme) ?? { theme: g.theme, guides: [] };
		group.guides.push({
			slug: g.slug,
			name: g.name,
			kind: g.kind,
			visits: g.online?.visits ?? null,
			promised: g.timeLimits.promised
		});
		groups.set(g.theme, group);
	}
	return { groups: [...groups.values()] };
};

interface GuideSummary {
	slug: string;
	name: string;
	kind: string;
	/** Null for an item handled only at the hall windows. */
	visits: number | null;
	promised: { value: number; unit: string };
}
