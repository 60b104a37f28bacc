/**
 * Components a page shows only after its first paint (the alert band once an alert arrives, a
 * section's read-aloud button once a voice is found), reached through this module so that their
 * stylesheets stay out of the first paint: Kit links the styles of a page's own dynamic imports
 * eagerly, not those one step further (as ./overlays.ts).
 */
export const loadKioskAlerts = () => import('$lib/alerts/KioskAlerts.svelte');
export const loadReadSectionButton = () => import('./ReadSectionButton.svelte');
