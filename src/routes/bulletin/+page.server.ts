import { bulletinDataFor } from '$lib/server/bulletin/payload';
import { getContent } from '$lib/server/content';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({
	bulletin: await bulletinDataFor(getContent())
});
