import { error } from '@sveltejs/kit';
import { parseSiteJson, SITE_JSON_PROBLEM, type SiteData } from '$lib/site-json';
import type { LayoutLoad } from './$types';

// Every page is prerendered: the kiosk is a static site that any web server can host.
export const prerender = true;
export const trailingSlash = 'never';

/**
 * Office facts every screen may show (header, contact panel, no-result help, bulletin). A missing,
 * truncated or foreign site.json stops here with a plain message, not deep inside a screen.
 */
export const load: LayoutLoad = async ({ fetch }): Promise<SiteData> => {
	// Unreachable and not cached counts as missing: the page says so in Chinese either way.
	const response = await fetch('/site.json').catch(() => null);
	const data = response?.ok ? parseSiteJson(await response.json().catch(() => null)) : null;
	if (!data) error(503, SITE_JSON_PROBLEM);
	return data;
};
