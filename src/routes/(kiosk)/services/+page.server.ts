import { getContent } from '$lib/server/content';
import { qrSvg } from '$lib/server/qr';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const { services, guides } = getContent();
	return {
		services: await Promise.all(
			services.map(async (s) => ({
				slug: s.slug,
				name: s.name,
				description: s.description,
				url: s.url,
				category: s.category,
				qr: await qrSvg(s.url),
				guides: s.guides.map((slug) => ({
					slug,
					name: guides.find((g) => g.slug === slug)?.name ?? slug
				}))
			}))
		)
	};
};
