import { bulletinDataFor } from '$lib/server/bulletin/payload';
import { getContent } from '$lib/server/content';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const content = getContent();
	return {
		bulletin: await bulletinDataFor(content),
		files: Object.fromEntries(content.bulletins.playlists.map((p) => [p.id, p.file]))
	};
};
