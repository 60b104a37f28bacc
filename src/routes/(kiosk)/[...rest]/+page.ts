import { error } from '@sveltejs/kit';
import type { PageLoad } from './$types';

/**
 * Any address no page answers: the kiosk's own "not found" inside its frame (toolbar, elder mode,
 * idle reset), whether typed, linked or opened from the offline shell. Still prerenderable, so a
 * broken internal link keeps failing the build.
 */
export const load: PageLoad = () => error(404, '页面不存在');
