/**
 * A visit on the touch kiosk as visitors make it, at both screen sizes and in elder mode: Back
 * does what they expect (the last search again; one tap leaves a guide however many 本页目录
 * jumps were made; nothing to go back to on the home screen), the frame never moves, an unknown
 * address stays inside the frame and the idle reset still goes home, and the 好差评 rating is
 * offered, counted on the status screen, and forgotten by the idle reset when left unanswered.
 */
import { expect, test, type Page } from '@playwright/test';

/** The sample content's staff PIN. */
const PIN = process.env.KIOSK_STATUS_PIN ?? '2468';

const toolbar = (page: Page) => page.getByRole('navigation', { name: '常用操作' });
const backButton = (page: Page) => toolbar(page).getByRole('button', { name: '返回' });

async function startInElderMode(page: Page, path = '/') {
	await page.goto(path);
	await expect(page.locator('html[data-kiosk-ready]')).toBeAttached();
	await toolbar(page).getByRole('button', { name: '长辈模式' }).tap();
	await expect(page.locator('html')).toHaveAttribute('data-elder', '');
}

async function openFirstGuide(page: Page) {
	await page
		.getByRole('link', { name: /办事指南/ })
		.first()
		.tap();
	await expect(page).toHaveURL(/\/guides$/);
	await page.locator('#main a[href^="/guides/"]').first().tap();
	await expect(page).toHaveURL(/\/guides\/[a-z0-9-]+$/);
}

/** Where the frame is: the header at the very top, the toolbar at the very bottom, no page scroll. */
async function frame(page: Page) {
	return page.evaluate(() => ({
		header: document.querySelector('.top-bar')!.getBoundingClientRect().top,
		toolbarBottom: document.querySelector('.toolbar')!.getBoundingClientRect().bottom,
		pageScroll: document.scrollingElement!.scrollTop,
		pageHeight: document.scrollingElement!.scrollHeight,
		screen: innerHeight
	}));
}

async function idleReset(page: Page) {
	// Two jumps: fastForward fires each due timer once, and the countdown starts after the first.
	await page.clock.fastForward(90_000);
	await expect(page.getByTestId('idle-overlay')).toBeVisible();
	await page.clock.fastForward(21_000);
	await expect(page).toHaveURL(/\/$/);
}

async function statusRatings(page: Page) {
	await page.goto('/status');
	for (const digit of PIN) await page.getByRole('button', { name: digit, exact: true }).tap();
	await page.getByRole('button', { name: '确认' }).tap();
	const table = page.getByTestId('rating-counts');
	await expect(table).toBeVisible({ timeout: 20_000 });
	return table;
}

test.describe('Back, as visitors expect it (elder mode)', () => {
	test('from a search result: the same query and results, scrolled where they were', async ({
		page
	}) => {
		await startInElderMode(page);
		await toolbar(page).getByRole('link', { name: '搜索' }).tap();
		const input = page.getByRole('searchbox');
		await input.focus();
		await page.keyboard.insertText('许可');
		const results = page.getByTestId('search-result');
		await expect(results.first()).toBeVisible();
		const listed = await results.locator('.title').allTextContents();
		expect(listed.length).toBeGreaterThan(3);
		const list = page.locator('#search-results');
		await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight, behavior: 'instant' }));
		const top = await list.evaluate((el) => el.scrollTop);
		expect(top).toBeGreaterThan(40);
		const entries = await page.evaluate(() => history.length);

		await results.last().tap();
		await expect(page).not.toHaveURL(/\/search/);
		await backButton(page).tap();

		await expect(page).toHaveURL(/\/search$/);
		await expect(input).toHaveValue('许可');
		await expect(results.locator('.title')).toHaveText(listed);
		await expect.poll(() => list.evaluate((el) => el.scrollTop)).toBe(top);
		await expect(page.locator('html')).toHaveAttribute('data-elder', '');
		// The query is in neither the address nor a history entry of its own.
		expect(await page.evaluate(() => history.length)).toBe(entries + 1);
		expect(new URL(page.url()).search).toBe('');
	});

	test('本页目录 jumps add no history: one 返回 leaves the guide; only the content scrolls', async ({
		page
	}) => {
		await startInElderMode(page);
		await openFirstGuide(page);
		const guide = page.url();
		const entries = await page.evaluate(() => history.length);
		const contents = page.getByRole('navigation', { name: '本页目录' }).getByRole('link');
		const labels = await contents.allTextContents();
		expect(labels.length).toBeGreaterThanOrEqual(4);

		for (const label of labels) {
			await contents.filter({ hasText: label }).tap();
			const id = (await contents.filter({ hasText: label }).getAttribute('href'))!.slice(1);
			await expect(page.locator(`[id="${id}"]`), label).toBeInViewport();
			// The smooth scroll has settled: the pane stops moving.
			const main = page.locator('#main');
			await expect
				.poll(async () => {
					const a = await main.evaluate((m) => m.scrollTop);
					await page.waitForTimeout(150);
					return a === (await main.evaluate((m) => m.scrollTop));
				})
				.toBe(true);
			const f = await frame(page);
			expect(f, label).toEqual({
				header: 0,
				toolbarBottom: f.screen,
				pageScroll: 0,
				pageHeight: f.screen,
				screen: f.screen
			});
			expect(await main.evaluate((m) => m.scrollTop), label).toBeGreaterThan(0);
		}
		expect(page.url()).toBe(guide);
		expect(await page.evaluate(() => history.length)).toBe(entries);

		await backButton(page).tap();
		await expect(page).toHaveURL(/\/guides$/);
	});

	test('返回 is off on the home screen, however the visitor got there', async ({ page }) => {
		await startInElderMode(page);
		await expect(backButton(page)).toBeDisabled();
		await openFirstGuide(page);
		await expect(backButton(page)).toBeEnabled();
		await toolbar(page).getByRole('link', { name: '首页' }).tap();
		await expect(page).toHaveURL(/\/$/);
		await expect(backButton(page)).toBeDisabled();
	});
});

test.describe('an address that does not exist', () => {
	test('linked: 页面不存在 inside the frame, elder mode kept, 返回 and 返回首页 work', async ({
		page
	}) => {
		await startInElderMode(page);
		// The kiosk's own content has no broken link (the build refuses one): put one in.
		await page.locator('#main').evaluate((main) => {
			const a = Object.assign(document.createElement('a'), { href: '/guides/gone' });
			a.textContent = '旧链接';
			a.id = 'broken';
			main.prepend(a);
		});
		await page.locator('#broken').tap();
		await expect(page).toHaveURL(/\/guides\/gone$/);
		await expect(
			page.getByTestId('error-card').getByText('页面不存在', { exact: true })
		).toBeVisible();
		await expect(page.locator('h1')).toHaveText('没有找到这个页面');
		await expect(page.locator('.top-bar')).toBeVisible();
		await expect(backButton(page)).toBeEnabled();
		await expect(page.locator('html')).toHaveAttribute('data-elder', '');
		await backButton(page).tap();
		await expect(page).toHaveURL(/\/$/);
		await page.goForward();
		await expect(page).toHaveURL(/\/guides\/gone$/);
		await page.getByRole('link', { name: '返回首页' }).tap();
		await expect(page).toHaveURL(/\/$/);
		await expect(page.locator('html')).toHaveAttribute('data-elder', '');
	});

	test('typed: inside the frame, and the idle reset goes home', async ({ page }) => {
		await page.clock.install();
		// No page answers this address at all.
		await page.goto('/no/such/page');
		await expect(page.locator('h1')).toHaveText('没有找到这个页面');
		await expect(page).toHaveTitle('页面不存在');
		await expect(toolbar(page)).toBeVisible();
		// A guide that is not there (its data cannot load): the same, in the frame too.
		await page.goto('/guides/no-such-guide');
		await expect(page.locator('h1')).toHaveText('没有找到这个页面');
		await expect(toolbar(page)).toBeVisible();
		await expect(page.locator('html[data-kiosk-ready]')).toBeAttached();
		await idleReset(page);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('欢迎');
	});
});

test.describe('好差评', () => {
	test('rated at the end of a guide with one tap; counted on the status screen', async ({
		page
	}) => {
		await startInElderMode(page);
		await openFirstGuide(page);
		const rating = page.getByTestId('rating');
		const levels = rating.getByRole('group', { name: '评价等级' }).getByRole('button');
		await expect(levels).toHaveText(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
		for (const box of await levels.evaluateAll((bs) =>
			bs.map((b) => b.getBoundingClientRect().toJSON() as DOMRect)
		)) {
			expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(60);
		}
		await levels.filter({ hasText: /^满意$/ }).tap();
		await expect(rating.getByRole('status')).toHaveText('感谢您的评价（满意）！');
		// One rating per visit: back at home, nothing more is asked.
		await toolbar(page).getByRole('link', { name: '首页' }).tap();
		await expect(page).toHaveURL(/\/$/);
		await expect(page.getByTestId('rating')).toHaveCount(0);

		const table = await statusRatings(page);
		await expect(table.locator('tr[data-level="满意"] td')).toHaveText('1');
		await expect(table.locator('tr[data-level="非常满意"] td')).toHaveText('0');
		await expect(page.getByTestId('rating-total')).toHaveText('1');
		await expect(page.getByTestId('rating-share')).toHaveText('100%');
	});

	test('offered at home after reading a guide; the idle reset drops it unanswered', async ({
		page
	}) => {
		await page.clock.install();
		await startInElderMode(page);
		await openFirstGuide(page);
		await page.clock.fastForward(20_000);
		await toolbar(page).getByRole('link', { name: '首页' }).tap();
		const offer = page.getByTestId('rating');
		await expect(offer).toBeVisible();
		await expect(offer.getByRole('button', { name: '不评价' })).toBeVisible();
		// Not in the way: the home screen stays usable under it.
		await expect(page.getByRole('link', { name: /办事流程/ }).first()).toBeVisible();

		await idleReset(page);
		await expect(page.getByTestId('rating')).toHaveCount(0);
		await expect(page.locator('html')).not.toHaveAttribute('data-elder');

		const table = await statusRatings(page);
		await expect(page.getByTestId('rating-total')).toHaveText('0');
		await expect(table.locator('td').first()).toHaveText('0');
	});

	test('a glance is not a visit, and 不评价 closes the offer for good', async ({ page }) => {
		await page.clock.install();
		await startInElderMode(page);
		await openFirstGuide(page);
		await page.clock.fastForward(3_000);
		await toolbar(page).getByRole('link', { name: '首页' }).tap();
		await expect(page).toHaveURL(/\/$/);
		await expect(page.getByTestId('rating')).toHaveCount(0);

		await openFirstGuide(page);
		await page.clock.fastForward(20_000);
		await toolbar(page).getByRole('link', { name: '首页' }).tap();
		await page.getByTestId('rating').getByRole('button', { name: '不评价' }).tap();
		await expect(page.getByTestId('rating')).toHaveCount(0);
		await openFirstGuide(page);
		await page.clock.fastForward(20_000);
		await toolbar(page).getByRole('link', { name: '首页' }).tap();
		await expect(page).toHaveURL(/\/$/);
		await expect(page.getByTestId('rating')).toHaveCount(0);
	});
});
