/**
 * The Chromium the browser benchmarks drive: the same binary and flags as the end-to-end tests
 * (tests/browser.ts), at the portrait kiosk's screen size.
 */
import { chromium, type Browser, type BrowserContextOptions } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/browser.ts';

export async function launchChromium(): Promise<Browser> {
	const executablePath = chromiumPath();
	try {
		return await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
	} catch (e) {
		const why = (e instanceof Error ? e.message : String(e)).split('\n')[0];
		throw new Error(
			`Chromium did not start (${executablePath ?? "Playwright's own browser"}): ${why}. ` +
				"npm test installs Debian's chromium; or set CHROMIUM_PATH."
		);
	}
}

export const KIOSK_CONTEXT: BrowserContextOptions = {
	viewport: { width: 1080, height: 1920 },
	hasTouch: true,
	locale: 'zh-CN',
	timezoneId: 'Asia/Shanghai'
};
