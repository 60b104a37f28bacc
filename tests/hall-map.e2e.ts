import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** A guide whose 办理地点 names the 无线电管理 window (2号), as content/ ships it. */
const GUIDE = '/guides/radio-station-license';

async function ready(page: Page): Promise<void> {
	await expect(page.locator('html[data-kiosk-ready]')).toBeAttached();
}

const map = (page: Page) => page.getByRole('img', { name: /^大厅平面图/ });

test.describe('hall map', () => {
	test('a guide’s 办理地点 opens the map with its window marked, and 返回 leads back', async ({
		page
	}) => {
		await page.goto(GUIDE);
		await ready(page);
		const link = page.getByTestId('guide-map-link');
		await expect(link).toHaveText('在大厅平面图上查看2号 无线电管理窗口');
		await link.tap();
		await expect(page).toHaveURL(/\/contact\?window=2#hall-map$/);

		// The map is scrolled into view, with exactly one window marked: 2号, by colour, a dashed
		// ring and the 请到这里 tag.
		await expect(map(page)).toBeInViewport();
		const marked = page.locator('[data-window][data-highlighted]');
		await expect(marked).toHaveCount(1);
		await expect(marked).toHaveAttribute('data-window', '2');
		await expect(marked).toContainText('2号');
		await expect(marked.locator('.ring')).toHaveCount(1);
		await expect(page.locator('.target-tag')).toHaveText('请到这里');
		expect(await page.locator('[data-window]').count()).toBe(8);
		await expect(map(page)).toHaveAttribute(
			'aria-label',
			/2号窗口（无线电管理窗口）在大厅北侧，从西往东第二个/
		);
		await expect(page.getByTestId('hall-map-target')).toContainText('2号 无线电管理窗口');

		await page.getByRole('button', { name: '返回' }).tap();
		await expect(page).toHaveURL(new RegExp(`${GUIDE}$`));
		await expect(page.getByTestId('guide-map-link')).toBeVisible();
	});

	test('联系我们 shows the whole hall, every window on it, none marked, and 您在这里', async ({
		page
	}) => {
		await page.goto('/');
		await ready(page);
		await page
			.getByRole('link', { name: /联系我们/ })
			.first()
			.tap();
		await expect(page).toHaveURL(/\/contact$/);
		await expect(map(page)).toBeVisible();
		const windows = await page.locator('.windows li').count();
		expect(windows).toBe(8);
		await expect(page.locator('[data-window]')).toHaveCount(windows);
		await expect(page.locator('[data-window][data-highlighted]')).toHaveCount(0);
		await expect(page.locator('.target-tag')).toHaveCount(0);
		await expect(page.getByTestId('you-are-here')).toContainText('您在这里');
		// The whole plan fits the screen's width.
		const box = (await map(page).boundingBox())!;
		expect(box.x).toBeGreaterThanOrEqual(0);
		expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);

		// A window in the list below marks itself on the map.
		await page.locator('.windows a', { hasText: '民爆行业管理窗口' }).tap();
		await expect(page).toHaveURL(/\/contact\?window=7#hall-map$/);
		await expect(page.locator('[data-window][data-highlighted]')).toHaveCount(1);
		await expect(page.locator('[data-window][data-highlighted]')).toHaveAttribute(
			'data-window',
			'7'
		);
		await expect(map(page)).toBeInViewport();
		await expect(map(page)).toHaveAttribute(
			'aria-label',
			/7号窗口（民爆行业管理窗口）在大厅东侧，从北往南第三个/
		);
	});

	test('elder mode draws the labels larger, and the map has no serious axe finding', async ({
		page
	}) => {
		test.setTimeout(120_000);
		await page.goto('/contact?window=2#hall-map');
		await ready(page);
		await expect(page.locator('[data-window][data-highlighted]')).toHaveAttribute(
			'data-window',
			'2'
		);
		const labelHeight = () =>
			page.locator('[data-window="1"] .number').evaluate((t) => t.getBoundingClientRect().height);
		const failures: string[] = [];
		const normal = await labelHeight();
		for (const elder of [false, true]) {
			if (elder) await page.getByRole('button', { name: '长辈模式' }).tap();
			await page.waitForFunction(() => document.getAnimations().length === 0);
			const results = await new AxeBuilder({ page }).analyze();
			for (const v of results.violations) {
				if (v.impact === 'serious' || v.impact === 'critical') {
					failures.push(`${elder ? 'elder' : 'normal'}: ${v.id} ${v.nodes[0]?.target.join(' ')}`);
				}
			}
		}
		expect(await labelHeight()).toBeGreaterThan(normal * 1.15);
		expect(failures).toEqual([]);
	});
});
