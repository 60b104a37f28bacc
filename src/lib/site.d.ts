// Provided by the content plugin (src/lib/server/content/vite-plugin.ts) from the validated content.
declare module 'virtual:kiosk-site' {
	export const site: import('$lib/server/content').Site;
	export const contentVersion: import('$lib/server/content').ContentVersion;
}
