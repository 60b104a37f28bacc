/**
 * The offline and update tests bring their own web server (scripts/static-server.ts, or
 * KIOSK_BASE_URL): this config runs them without the suite's server of build/, e.g. while another
 * build is in progress or against nginx:  npx playwright test -c tests/support/offline.config.ts
 */
import { defineConfig } from '@playwright/test';
import path from 'node:path';
import base from '../../playwright.config';

export default defineConfig({
	...base,
	testDir: path.resolve(import.meta.dirname, '..'),
	testMatch: ['offline.e2e.ts', 'update.e2e.ts'],
	outputDir: path.resolve(import.meta.dirname, '../../test-results/offline'),
	reporter: [['list']],
	webServer: undefined
});
