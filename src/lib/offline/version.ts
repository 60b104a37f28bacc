/** The app's own version (package.json) and this build's id, for the status screen. */
import { version as buildId } from '$app/environment';

export const APP_VERSION: string =
	typeof __KIOSK_APP_VERSION__ === 'string' ? __KIOSK_APP_VERSION__ : 'dev';
export const BUILD_ID: string = buildId;
