import { json } from '@sveltejs/kit';
import { getContent } from '$lib/server/content';
import type { RequestHandler } from './$types';

/**
 * The office facts every screen shows, and the content version. The root layout fetches it, so
 * prerendered pages carry it inline once, while the pages' `__data.json` (what the offline cache
 * holds for every item) never repeat it. Also what IT staff and `npm run release` read:
 * `curl https://hall.example/site.json`.
 */
export const prerender = true;

export const GET: RequestHandler = () => {
	const { site, version } = getContent();
	return json({ site, contentVersion: version });
};
