import { getContent } from '$lib/server/content';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	notices: getContent().notices.map(({ slug, title, publishedAt, expiresAt, urgent }) => ({
		slug,
		title,
		publishedAt,
		expiresAt,
		urgent
	}))
});
