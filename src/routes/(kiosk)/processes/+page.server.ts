import { getContent } from '$lib/server/content';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	processes: getContent().processes.map(({ slug, title, summary, steps }) => ({
		slug,
		title,
		summary,
		stepCount: steps.length
	}))
});
