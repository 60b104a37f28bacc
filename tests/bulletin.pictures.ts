/**
 * Pictures, not tests: the bulletin at the ten wall sizes through one rotation of every playlist, written to
 * test-results/screens/ for a person to look at (`npm run pictures`).
 */
import { test } from '@playwright/test';
import { MORNING, WALL_SIZES, nextSlide, open, screenState } from './support/bulletin-page';

test.use({ serviceWorkers: 'block', timezoneId: 'America/Los_Angeles' });

test.describe('bulletin', () => {
	for (const size of WALL_SIZES) {
		test(`${size.width}x${size.height}`, async ({ page }) => {
			await open(page, size, '/bulletin', MORNING);
			for (let i = 0; i < 10; i++) {
				const { slide } = await screenState(page);
				await page.waitForTimeout(700); // the fade is real time
				await page.screenshot({
					path: `test-results/screens/bulletin-${size.width}x${size.height}-${i}-${slide.replace(/\W+/g, '-')}.png`
				});
				await nextSlide(page);
			}
		});
	}
});
