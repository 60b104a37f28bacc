/**
 * The kiosk's overlays, loaded when one is first shown. The frame reaches them through this module
 * (itself loaded on demand) so that their stylesheets stay out of every page's first paint: Kit
 * links the styles of a layout's own dynamic imports eagerly, not those one step further.
 */
export const loadIdleOverlay = () => import('./IdleOverlay.svelte');
export const loadExternalLinkDialog = () => import('./ExternalLinkDialog.svelte');
export const loadMediaViewer = () => import('./MediaViewer.svelte');
