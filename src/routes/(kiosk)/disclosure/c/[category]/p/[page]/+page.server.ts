import { getContent } from '$lib/server/content';
import { catalogueEntries, cataloguePage } from '../../../../catalogue.server';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () =>
	catalogueEntries(getContent().disclosures).categoryPages;

export const load: PageServerLoad = ({ params }) => ({
	catalogue: cataloguePage(getContent().disclosures, params.category, params.page)
});
