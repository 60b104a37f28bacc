/**
 * The one Playwright configuration. Each project selects its own files (testMatch) and, where a
 * test only makes sense in one orientation, its tag (grep):
 *
 *   portrait / landscape   the touch kiosk at 1080x1920 and 1920x1080     kiosk, search, smoke, visit,
 *                                                                         handwriting, scroll, readability, hall-map
 *   bulletin               the LED screens (each test sets its own size)   bulletin, bulletin-walls
 *   offline                offline cache, unattended updates, urgent news  offline, update, alerts
 *   deploy                 the production web server and the terminal's   nginx-*.e2e.ts,
 *                          browser policy, voice and printer, from        launcher-policy, voice,
 *                          deploy/                                        print
 *   editor                 the editors' workbench (npm run edit)          editor
 *   pictures               screenshots for a person to look at, no checks  *.pictures.ts (PICTURES=1)
 *
 * Each test runs in exactly one project. The kiosk projects use the built site (BUILD_DIR)
 * served exactly as a web server serves it, never a stale server; the offline and nginx tests
 * start servers (and browsers) of their own (tests/support/deployment.ts, tests/support/nginx.ts).
 */
import { defineConfig, devices, type Project } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './tests/browser';

// PORT and BUILD_DIR (served) let two test runs share a machine.
const PORT = Number(process.env.PORT) || 4173;

const PORTRAIT = { width: 1080, height: 1920 };
const LANDSCAPE = { width: 1920, height: 1080 };
const touch = (viewport: { width: number; height: number }) => ({
	...devices['Desktop Chrome'],
	viewport,
	hasTouch: true
});

const KIOSK_FILES = /(kiosk|search|smoke|visit|handwriting|scroll|readability|hall-map)\.e2e\.ts$/;

const projects: Project[] = [
	{ name: 'portrait', testMatch: KIOSK_FILES, grepInvert: /@landscape/, use: touch(PORTRAIT) },
	{ name: 'landscape', testMatch: KIOSK_FILES, grepInvert: /@portrait/, use: touch(LANDSCAPE) },
	{ name: 'bulletin', testMatch: /bulletin(-walls|-kinds)?\.e2e\.ts$/, use: touch(LANDSCAPE) },
	{ name: 'offline', testMatch: /(offline|update|alerts)\.e2e\.ts$/, use: touch(PORTRAIT) },
	{
		name: 'deploy',
		testMatch: /(nginx-[\w-]+|launcher-policy|voice|print)\.e2e\.ts$/,
		use: touch(PORTRAIT)
	},
	// The editors' workbench on an office PC: starts `npm run edit` on a scratch content folder.
	{
		name: 'editor',
		testMatch: /editor\.e2e\.ts$/,
		use: { ...devices['Desktop Chrome'], viewport: LANDSCAPE }
	}
];
// Picture makers are not tests: they run only when asked for (`npm run pictures`).
if (process.env.PICTURES) {
	projects.push(
		{ name: 'pictures-portrait', testMatch: /\.pictures\.ts$/, use: touch(PORTRAIT) },
		{ name: 'pictures-landscape', testMatch: /\.pictures\.ts$/, use: touch(LANDSCAPE) }
	);
}

export default defineConfig({
	testDir: 'tests',
	outputDir: process.env.PW_OUTPUT_DIR || 'test-results',
	fullyParallel: true,
	workers: process.env.CI ? 2 : undefined,
	// A safety net only: the summary names every flaky test, and CI must show none.
	retries: process.env.CI ? 1 : 0,
	reporter: [
		['list'],
		['./tests/support/summary-reporter.ts'],
		...(process.env.CI ? [] : [['html', { open: 'never' }] as const])
	],
	timeout: 60_000,
	use: {
		baseURL: `http://localhost:${PORT}`,
		launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
		locale: 'zh-CN',
		timezoneId: 'Asia/Shanghai',
		trace: 'retain-on-failure'
	},
	projects,
	webServer: {
		command: `npx tsx scripts/serve.ts --port ${PORT}`,
		port: PORT,
		reuseExistingServer: false,
		timeout: 60_000
	}
});
