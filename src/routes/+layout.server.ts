import { getContent } from '$lib/server/content';
import type { LayoutServerLoad } from './$types';

/** Office facts every screen may show (header, contact panel, no-result help, bulletin). */
export const load: LayoutServerLoad = () => {
	const { site, version } = getContent();
	return { site, contentVersion: version };
};
