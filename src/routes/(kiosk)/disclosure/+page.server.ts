import { getContent } from '$lib/server/content';
import { cataloguePage } from './catalogue.server';
import type { PageServerLoad } from './$types';

/** Page 1 of the whole catalogue, newest first; later pages are /disclosure/p/<n>. */
export const load: PageServerLoad = () => ({
	catalogue: cataloguePage(getContent().disclosures, null, null)
});
