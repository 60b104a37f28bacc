import { contentVersion, site } from 'virtual:kiosk-site';
import type { LayoutLoad } from './$types';

// Every page is prerendered: the kiosk is a static site that any web server can host.
export const prerender = true;
export const trailingSlash = 'never';

/** Office facts every screen may show (header, contact panel, no-result help, bulletin). */
export const load: LayoutLoad = () => ({ site, contentVersion });
