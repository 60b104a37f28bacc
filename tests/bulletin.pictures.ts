/**
 * Pictures, not tests: the bulletin at the ten wall sizes through one rotation of every playlist,
 * then the corridor screen's campaign (video, carousel, live queue numbers), written to
 * test-results/screens/ for a person to look at (`npm run pictures`).
 */
import { test, type Page } from '@playwright/test';
import {
	MORNING,
	WALL_SIZES,
	nextSlide,
	open,
	screenState,
	serveQueue
} from './support/bulletin-page';

test.use({ serviceWorkers: 'block', timezoneId: 'America/Los_Angeles' });

async function pictures(page: Page, name: string, count: number) {
	const { width, height } = page.viewportSize()!;
	for (let i = 0; i < count; i++) {
		const { slide } = await screenState(page);
		await page.waitForTimeout(700); // the fade is real time
		await page.screenshot({
			path: `test-results/screens/${name}-${width}x${height}-${i}-${slide.replace(/\W+/g, '-')}.png`
		});
		await nextSlide(page);
	}
}

test.describe('bulletin', () => {
	for (const size of WALL_SIZES) {
		test(`${size.width}x${size.height}`, async ({ page }) => {
			test.setTimeout(180_000);
			await open(page, size, '/bulletin', MORNING);
			await pictures(page, 'bulletin', 10);
			await serveQueue(page);
			await open(page, size, '/bulletin?screen=corridor-2f', MORNING);
			await pictures(page, 'corridor', 10);
		});
	}
});
