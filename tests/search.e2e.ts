/**
 * The kiosk search by touch at both screen sizes: every way a visitor can ask (a Chinese
 * substring, a typo, full pinyin, initials typed on the on-screen keyboard), deep links, the
 * chips shown before typing, the no-result help, highlighting, and the privacy rules (cleared on
 * idle reset; nothing typed in the address, the history or storage).
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const site = parse(
	readFileSync(path.join(process.env.CONTENT_DIR || 'content', 'site.yaml'), 'utf8')
) as { enquiryPhone: string; frequentSearches?: string[] };

const input = (page: Page) => page.getByRole('searchbox');
const keyboard = (page: Page) => page.getByRole('group', { name: '屏幕键盘' });
const results = (page: Page) => page.getByTestId('search-result');
const firstTitle = (page: Page) => results(page).first().locator('.title');

/** Types as a physical keyboard with a Chinese IME does: the composed text arrives at once. */
async function typeHanzi(page: Page, text: string) {
	await input(page).focus();
	await page.keyboard.insertText(text);
}

async function openSearch(page: Page, query = '') {
	await page.goto(query ? `/search?q=${encodeURIComponent(query)}` : '/search');
	await expect(input(page)).toBeVisible();
}

test.describe('search finds what a visitor means', () => {
	test('a Chinese substring, highlighted in the title', async ({ page }) => {
		await openSearch(page);
		await typeHanzi(page, '节能审查');
		await expect(firstTitle(page)).toContainText('节能审查');
		await expect(firstTitle(page).locator('mark')).toHaveText('节能审查');
	});

	test('one wrong character still finds the item', async ({ page }) => {
		await openSearch(page);
		await typeHanzi(page, '无线电台设直审批');
		await expect(firstTitle(page)).toHaveText('无线电台（站）设置审批');
		await expect(firstTitle(page).locator('mark').first()).toBeVisible();
	});

	test('full pinyin from a physical keyboard', async ({ page }) => {
		await openSearch(page);
		await input(page).pressSequentially('wuxiandian');
		await expect(firstTitle(page)).toContainText('无线电');
		await expect(firstTitle(page).locator('mark').first()).toHaveText('无线电');
	});

	test('initials typed by tapping the on-screen keyboard', async ({ page }) => {
		await openSearch(page);
		for (const key of ['w', 'x', 'd']) {
			await keyboard(page).getByRole('button', { name: key, exact: true }).tap();
		}
		await expect(input(page)).toHaveValue('wxd');
		await expect(firstTitle(page).locator('mark').first()).toHaveText('无线电');
		// Results are grouped by type, each group with its heading.
		await expect(page.getByRole('heading', { name: /办事指南/ })).toBeVisible();
		await keyboard(page).getByRole('button', { name: '退格' }).tap();
		await expect(input(page)).toHaveValue('wx');
		await keyboard(page).getByRole('button', { name: '清空' }).tap();
		await expect(input(page)).toHaveValue('');
	});

	test('the item whose name is typed comes first', async ({ page }) => {
		await openSearch(page);
		await typeHanzi(page, '无线电频率使用许可');
		await expect(firstTitle(page)).toHaveText('无线电频率使用许可');
	});

	test('submitting also searches the text of each item', async ({ page }) => {
		await openSearch(page);
		await typeHanzi(page, '营业执照');
		await keyboard(page).getByRole('button', { name: '搜索', exact: true }).tap();
		await expect(results(page).first()).toBeVisible();
		await expect(page.getByRole('status').first()).toContainText('含正文');
		await expect(results(page).first().locator('.detail mark')).toHaveText('营业执照');
	});
});

test.describe('what a visitor types stays on the screen', () => {
	test('never in the address or the history, while typing or after', async ({ page }) => {
		await openSearch(page);
		const before = await page.evaluate(() => history.length);
		const seen: string[] = [];
		const look = async () => {
			const where = await page.evaluate(() => ({ href: location.href, entries: history.length }));
			seen.push(where.href);
			expect(where.entries).toBe(before);
		};
		for (const key of ['w', 'x', 'd']) {
			await keyboard(page).getByRole('button', { name: key, exact: true }).tap();
			await look();
		}
		await typeHanzi(page, '王小明');
		await expect(input(page)).toHaveValue('wxd王小明');
		// Past any debounce a page might use to sync the address.
		await page.waitForTimeout(800);
		await look();
		await keyboard(page).getByRole('button', { name: '搜索', exact: true }).tap();
		await page.waitForTimeout(500);
		await look();
		expect(seen.length).toBe(5);
		for (const href of seen) {
			expect(new URL(href).pathname + new URL(href).search).toBe('/search');
		}
	});

	test('Back from a result returns to the same query and results, scrolled where they were', async ({
		page
	}) => {
		await openSearch(page);
		await typeHanzi(page, '许可');
		await expect(results(page).first()).toBeVisible();
		const listed = await results(page).locator('.title').allTextContents();
		expect(listed.length).toBeGreaterThan(3);
		const list = page.locator('#search-results');
		// To the end of the list (how far that is depends on the screen).
		await list.evaluate((el) => el.scrollTo(0, el.scrollHeight));
		const top = await list.evaluate((el) => el.scrollTop);
		expect(top).toBeGreaterThan(40);
		// The last result: in view at the end of the list, so the tap itself scrolls nothing.
		await results(page).last().tap();
		await expect(page).not.toHaveURL(/\/search/);
		await page.getByRole('button', { name: '返回' }).tap();
		await expect(page).toHaveURL(/\/search$/);
		await expect(input(page)).toHaveValue('许可');
		await expect(results(page).locator('.title')).toHaveText(listed);
		await expect.poll(() => list.evaluate((el) => el.scrollTop)).toBe(top);
		// The toolbar's 搜索 is a new search, not the last one.
		await page.getByRole('link', { name: '搜索' }).first().tap();
		await expect(input(page)).toHaveValue('');
	});
});

test.describe('a damaged search index', () => {
	// The page's own requests, not the offline cache's copy: the file as a broken server sends it.
	test.use({ serviceWorkers: 'block' });
	for (const [what, body] of [
		['truncated', (text: string) => text.slice(0, text.length / 2)],
		['of another format', () => JSON.stringify({ version: 1, docs: [] })]
	] as const) {
		test(`${what}: said plainly on the search screen, nothing breaks`, async ({ page }) => {
			const errors: string[] = [];
			page.on('pageerror', (e) => errors.push(e.message));
			await page.route('**/search-index.json', async (route) => {
				const response = await route.fetch();
				await route.fulfill({ response, body: body(await response.text()) });
			});
			await openSearch(page);
			await expect(page.getByTestId('search-unavailable')).toContainText('搜索数据不完整');
			await typeHanzi(page, '无线电');
			await expect(page.getByTestId('search-unavailable')).toContainText(site.enquiryPhone);
			await expect(results(page)).toHaveCount(0);
			// The rest of the kiosk still works.
			await page.getByRole('link', { name: '首页' }).first().tap();
			await expect(page).toHaveURL(/\/$/);
			expect(errors).toEqual([]);
		});
	}
});

test.describe('around the search', () => {
	test('?q= opens with results, as a link or QR code would, and leaves the address', async ({
		page
	}) => {
		await openSearch(page, 'jnsc');
		await expect(input(page)).toHaveValue('jnsc');
		await expect(firstTitle(page).locator('mark')).toHaveText('节能审查');
		await expect(page).toHaveURL(/\/search$/);
	});

	test('before typing: frequent searches and categories as chips', async ({ page }) => {
		await openSearch(page);
		const frequent = site.frequentSearches ?? [];
		expect(frequent.length).toBeGreaterThan(0);
		const chip = page.getByRole('button', { name: frequent[0], exact: true });
		await expect(chip).toBeVisible();
		await expect(page.getByRole('heading', { name: '按类别查找' })).toBeVisible();
		await chip.tap();
		await expect(input(page)).toHaveValue(frequent[0]!);
		await expect(results(page).first()).toBeVisible();
		await expect(page).toHaveURL(/\/search$/);
	});

	test('nothing found: said plainly, with categories and the enquiry phone', async ({ page }) => {
		await page.addInitScript(() => {
			const w = window as unknown as { zeroResults: string[] };
			w.zeroResults = [];
			window.addEventListener('kiosk:zero-result-search', (e) =>
				w.zeroResults.push((e as CustomEvent<{ query: string }>).detail.query)
			);
		});
		await openSearch(page);
		await typeHanzi(page, '火星移民');
		await expect(
			page.getByRole('heading', { name: '没有找到与“火星移民”相关的内容' })
		).toBeVisible();
		await expect(page.getByTestId('enquiry-phone')).toHaveText(site.enquiryPhone);
		await expect(page.getByRole('heading', { name: '按类别查找' })).toBeVisible();
		await expect(results(page)).toHaveCount(0);
		// Counted once the visitor stops typing, once.
		await expect
			.poll(() => page.evaluate(() => (window as unknown as { zeroResults: string[] }).zeroResults))
			.toEqual(['火星移民']);
		await page.waitForTimeout(2_000);
		expect(
			await page.evaluate(() => (window as unknown as { zeroResults: string[] }).zeroResults)
		).toEqual(['火星移民']);
	});

	test('keys are at least 60 px and fit the screen, also in elder mode', async ({ page }) => {
		await openSearch(page);
		// Size, and whether a finger on the key's centre reaches the key (not clipped or covered).
		const keys = () =>
			keyboard(page)
				.getByRole('button')
				.evaluateAll((keys) =>
					keys.map((k) => {
						const r = k.getBoundingClientRect();
						const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
						return {
							name: k.textContent?.trim(),
							w: r.width,
							h: r.height,
							reachable: k.contains(hit)
						};
					})
				);
		for (const mode of ['normal', 'elder']) {
			if (mode === 'elder') await page.getByRole('button', { name: '长辈模式' }).tap();
			const all = await keys();
			expect(all.length).toBeGreaterThanOrEqual(40);
			for (const k of all) {
				expect(Math.min(k.w, k.h), `${mode} ${k.name}`).toBeGreaterThanOrEqual(60);
				expect(k.reachable, `${mode} ${k.name}`).toBe(true);
			}
		}
	});

	test('idle reset clears the query, and nothing typed is stored', async ({ page }) => {
		await page.clock.install();
		await openSearch(page);
		await typeHanzi(page, '无线电');
		await expect(results(page).first()).toBeVisible();
		// Idle time and the countdown pass (site.yaml allows at most a few minutes).
		await page.clock.runFor(10 * 60_000);
		await expect(page).toHaveURL(/\/$/);
		await page.getByRole('link', { name: '搜索' }).first().tap();
		await expect(input(page)).toHaveValue('');
		await expect(results(page)).toHaveCount(0);
		const stored = await page.evaluate(
			() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })
		);
		expect(stored).not.toContain('无线电');
	});
});
