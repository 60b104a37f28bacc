import { getContent } from '$lib/server/content';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const c = getContent();
	return {
		counts: {
			guides: c.guides.length,
			processes: c.processes.length,
			disclosures: c.disclosures.length,
			services: c.services.length
		},
		// All notices travel with the page; the kiosk hides expired ones by its own clock.
		notices: c.notices.map(({ slug, title, publishedAt, expiresAt, urgent }) => ({
			slug,
			title,
			publishedAt,
			expiresAt,
			urgent
		}))
	};
};
