/**
 * Which Chromium the tests drive. Debian's machines have no Playwright browser download, so we use
 * the system `chromium`; elsewhere Playwright's own browser works. CHROMIUM_PATH overrides both.
 */
import { existsSync, rmSync } from 'node:fs';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function chromiumPath(): string | undefined {
	if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
	return SYSTEM_CHROMIUM.find((p) => existsSync(p));
}

/** Flags for a headless run on a closed network (see DEPLOY.md for the terminal's own flags). */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/**
 * Removes a folder a Chromium profile lives in. A closed browser's helper processes may still be
 * writing its cache for a moment (ENOTEMPTY), so the removal is retried for a few seconds.
 */
export function removeProfileDir(dir: string): void {
	rmSync(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 250 });
}
