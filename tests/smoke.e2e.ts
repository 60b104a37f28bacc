import { expect, test } from '@playwright/test';

test('guide list shows every guide grouped by theme', async ({ page }) => {
	await page.goto('/guides');
	await expect(page.getByRole('heading', { level: 1, name: '办事指南' })).toBeVisible();
	const themes = page.locator('section.group');
	expect(await themes.count()).toBeGreaterThan(1);
	expect(await page.locator('a[href^="/guides/"]').count()).toBeGreaterThanOrEqual(15);
});

test('a guide page shows its facts, materials and QR codes', async ({ page }) => {
	await page.goto('/guides');
	await page.locator('a[href^="/guides/"]').first().tap();
	await expect(page).toHaveURL(/\/guides\/[a-z0-9-]+$/);
	await expect(page.getByTestId('visits')).toHaveText(/\d+ 次/);
	await expect(page.getByTestId('promised')).toContainText('日');
	await expect(page.locator('table.materials tbody tr').first()).toBeVisible();
	await expect(page.getByRole('img', { name: /二维码/ })).toHaveCount(3);
	await expect(page.getByRole('heading', { name: '办理流程' })).toBeVisible();
});
