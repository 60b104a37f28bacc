/**
 * The Chromium the browser benchmarks drive: the same binary and flags as the end-to-end tests
 * (tests/browser.ts), at the portrait kiosk's screen size.
 */
import { chromium, type Browser, type BrowserContextOptions } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/browser.ts';

export function launchChromium(): Promise<Browser> {
	return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

export const KIOSK_CONTEXT: BrowserContextOptions = {
	viewport: { width: 1080, height: 1920 },
	hasTouch: true,
	locale: 'zh-CN',
	timezoneId: 'Asia/Shanghai'
};
