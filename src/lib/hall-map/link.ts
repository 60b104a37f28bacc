/**
 * The way from a guide's 办理地点 to the hall map: an ordinary link (so 返回 walks back to the
 * guide) to the prerendered contact page, the window in the query, read there in the browser.
 */
import { tick } from 'svelte';
import { paneOffset } from '$lib/kiosk/in-page-jumps';
import { findWindow, type PlanWindow } from './plan';

export const MAP_ID = 'hall-map';

/** `/contact?window=2#hall-map`, or null when the hall has no map or no such window on it. */
export function mapHref(
	windowText: string | undefined,
	windows: readonly PlanWindow[],
	hasMap: boolean
): string | null {
	if (!hasMap || !windowText) return null;
	const w = findWindow(windowText, windows);
	return w?.position ? `/contact?window=${encodeURIComponent(w.number)}#${MAP_ID}` : null;
}

/**
 * Scrolls the content pane to the map. The layout scrolls every new page to its top after
 * navigating, so this runs after that, and moves the pane only (not the kiosk frame).
 */
export async function showMap(): Promise<void> {
	await tick();
	const pane = document.getElementById('main');
	const map = document.getElementById(MAP_ID);
	if (pane && map) pane.scrollTo({ top: paneOffset(pane, map), behavior: 'instant' });
}
