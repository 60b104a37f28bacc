/**
 * The kiosk behind the production web server: Debian's nginx with deploy/nginx.conf, on loopback.
 * Runs the serving tests (tests/nginx.e2e.ts) and the offline and update tests against that
 * nginx instead of the small test server (tests/support/deployment.ts: KIOSK_BASE_URL and
 * KIOSK_DEPLOY_LINK, set by the global setup). Part of `npm test`; alone:
 *
 *   npx vite build && npx playwright test -c playwright.nginx.config.ts
 */
import { defineConfig, devices } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({
	...base,
	testMatch: ['nginx.e2e.ts', 'offline.e2e.ts', 'update.e2e.ts'],
	globalSetup: './tests/support/nginx.ts',
	// The offline and update tests share one server and deploy builds to it: one at a time.
	fullyParallel: false,
	workers: 1,
	projects: [
		{
			name: 'nginx',
			use: { ...devices['Desktop Chrome'], viewport: { width: 1080, height: 1920 }, hasTouch: true }
		}
	],
	webServer: undefined,
	// Beside, not over, the main run's results and report.
	outputDir: 'test-results/nginx',
	reporter: process.env.CI
		? [['list']]
		: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report/nginx' }]]
});
