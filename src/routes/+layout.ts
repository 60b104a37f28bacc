// Every page is prerendered: the kiosk is a static site that any web server can host.
export const prerender = true;
export const trailingSlash = 'never';
