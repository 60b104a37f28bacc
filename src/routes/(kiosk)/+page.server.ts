import { hoursLines } from '$lib/hours';
import { getContent } from '$lib/server/content';
import { keepTogetherRuns } from '$lib/typography';
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
		// The office hours as sentences, split where lines may break, made here: the home screen's
		// first paint ships neither calendar nor typography code for them.
		hours: hoursLines(c.site.hours).map((h) => ({ days: h.days, time: keepTogetherRuns(h.time) })),
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
