import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './tests/browser';

// PORT and BUILD_DIR (served) let two test runs share a machine, with builds from scripts/build-site.ts.
const PORT = Number(process.env.PORT) || 4173;

export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.e2e.ts',
	outputDir: process.env.PW_OUTPUT_DIR || 'test-results',
	fullyParallel: true,
	workers: process.env.CI ? 2 : undefined,
	retries: process.env.CI ? 1 : 0,
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	timeout: 60_000,
	use: {
		baseURL: `http://localhost:${PORT}`,
		launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
		locale: 'zh-CN',
		timezoneId: 'Asia/Shanghai',
		trace: 'retain-on-failure'
	},
	projects: [
		{
			name: 'portrait',
			use: { ...devices['Desktop Chrome'], viewport: { width: 1080, height: 1920 }, hasTouch: true }
		},
		{
			name: 'landscape',
			use: { ...devices['Desktop Chrome'], viewport: { width: 1920, height: 1080 }, hasTouch: true }
		}
	],
	// The suite tests the built site (BUILD_DIR) exactly as a web server serves it; never a stale one.
	webServer: {
		command: `npx tsx scripts/serve.ts --port ${PORT}`,
		port: PORT,
		reuseExistingServer: false,
		timeout: 60_000
	}
});
