/**
 * Pictures, not tests: the main screens at kiosk sizes, written to test-results/screens/ for a
 * person to look at (`npm run pictures`).
 */
import { test } from '@playwright/test';

const PAGES = [
	['home', '/'],
	['guides', '/guides'],
	['search-start', '/search'],
	['search', '/search?q=wxd'],
	['processes', '/processes'],
	['disclosure', '/disclosure'],
	['notices', '/notices'],
	['services', '/services'],
	['contact', '/contact']
] as const;

test.describe('kiosk', () => {
	for (const [name, path] of PAGES) {
		test(name, async ({ page }, info) => {
			await page.goto(path);
			await page.waitForLoadState('networkidle');
			await page.screenshot({ path: `test-results/screens/${info.project.name}-${name}.png` });
		});
	}
	test('guide', async ({ page }, info) => {
		await page.goto('/guides');
		await page.locator('a[href^="/guides/"]').first().click();
		await page.waitForLoadState('networkidle');
		await page.screenshot({ path: `test-results/screens/${info.project.name}-guide.png` });
		await page.screenshot({
			path: `test-results/screens/${info.project.name}-guide-full.png`,
			fullPage: true
		});
	});
});
