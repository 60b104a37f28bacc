import { getContent } from '$lib/server/content';
import { catalogueEntries, cataloguePage } from '../../catalogue.server';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => catalogueEntries(getContent().disclosures).allPages;

export const load: PageServerLoad = ({ params }) => ({
	catalogue: cataloguePage(getContent().disclosures, null, params.page)
});
