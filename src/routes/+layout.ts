import type { Site, ContentVersion } from '$lib/server/content';
import type { LayoutLoad } from './$types';

// Every page is prerendered: the kiosk is a static site that any web server can host.
export const prerender = true;
export const trailingSlash = 'never';

/** Office facts every screen may show (header, contact panel, no-result help, bulletin). */
export const load: LayoutLoad = async ({ fetch }) => {
	const response = await fetch('/site.json');
	return (await response.json()) as { site: Site; contentVersion: ContentVersion };
};
