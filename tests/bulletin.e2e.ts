/**
 * The bulletin screen at the five screen sizes it is installed at, driven by a fake clock:
 * rotation, the urgent ticker, expiry, the default slide, and text that fits at every size.
 * Runs on the sample content (content/bulletins/, content/notices/); 2026-11-27 is a Friday.
 */
import { expect, test, type Page } from '@playwright/test';
import {
	MORNING,
	SIZES,
	at,
	expectIntact,
	nextSlide,
	open,
	screenState
} from './support/bulletin-page';

// The viewport is set per test (the bulletin project); the service worker would answer
// playlist requests that these tests intercept.
test.use({ serviceWorkers: 'block', timezoneId: 'America/Los_Angeles' });

for (const size of SIZES) {
	const label = `${size.width}x${size.height}`;

	test.describe(label, () => {
		test('rotates the playlist under an urgent ticker, skipping expired and future slides', async ({
			page
		}) => {
			// Ten slides, each up to 30 steps of fake time with the page's pollers running.
			test.setTimeout(150_000);
			await open(page, size, '/bulletin?screen=hall-main', MORNING);
			const ticker = page.getByRole('region', { name: '紧急通知' });
			const seen = new Set<string>();
			let state = await screenState(page);
			for (let i = 0; i < 10; i++) {
				seen.add(state.slide);
				await expectIntact(page);
				await expect(ticker).toContainText('系统升级');
				state = await nextSlide(page);
			}
			expect(seen.size).toBeGreaterThanOrEqual(7);
			for (const kind of [
				'special-fund-2027',
				'disclosure-2014',
				'guide-radio-station',
				'hall-map'
			]) {
				expect(seen).toContain(`hall/${kind}`);
			}
			// Expired (national day), not yet valid (new year), outside its hours (lunch break).
			expect(seen).not.toContain('hall/national-day-2026');
			expect(seen).not.toContain('hall/new-year-2027');
			expect(seen).not.toContain('hall/lunch-break');
		});

		test('drops the ticker when the urgent notice expires, and slides when theirs do', async ({
			page
		}) => {
			// The urgent notice expires at 09:00 on 14 December.
			await open(page, size, '/bulletin?screen=hall-main', at('2026-12-14T08:59:00'));
			const ticker = page.getByRole('region', { name: '紧急通知' });
			await expect(ticker).toBeVisible();
			await page.clock.runFor(61_000);
			await expect(ticker).toHaveCount(0);
			for (let i = 0; i < 3; i++) {
				await nextSlide(page);
				await expectIntact(page);
				await expect(page.locator('.layer.front')).not.toHaveClass(/with-ticker/);
			}
		});

		test('shows the default slide once every slide has expired', async ({ page }) => {
			// The corridor screen's campaign ended on 31 March 2027.
			await open(page, size, '/bulletin?screen=corridor-2f', at('2027-04-01T10:00:00'));
			await expect.poll(async () => (await screenState(page)).slide).toBe('default');
			const front = page.locator('.layer.front');
			await expect(front).toContainText('湖南省经济和信息化委员会');
			await expect(page.getByText('10:00', { exact: true }).first()).toBeVisible();
			await expectIntact(page);
			// It stays up, with the clock running, instead of going blank.
			await page.clock.runFor(60_000);
			await expect.poll(async () => (await screenState(page)).slide).toBe('default');
			await expect(page.getByText('10:01', { exact: true }).first()).toBeVisible();
			await expectIntact(page);
		});
	});
}

test.describe('1920x1080', () => {
	const size = SIZES[0];

	test('urgent notices take over a screen whose playlist asks for it, taking turns with the slides', async ({
		page
	}) => {
		test.setTimeout(120_000);
		await open(page, size, '/bulletin?screen=corridor-2f', MORNING);
		await expect.poll(async () => (await screenState(page)).kind).toBe('urgent');
		await expect(page.locator('.layer.front')).toContainText('系统升级暂停网上申报');
		await expect(page.getByRole('region', { name: '紧急通知' })).toHaveCount(0);
		await expectIntact(page);
		// Not one still frame: the playlist gets its turns, the notice comes back (share 0.5).
		const kinds: string[] = [];
		for (let i = 0; i < 4; i++) kinds.push((await nextSlide(page)).kind);
		expect(kinds.filter((k) => k === 'urgent').length).toBeGreaterThanOrEqual(1);
		expect(kinds.filter((k) => k !== 'urgent').length).toBeGreaterThanOrEqual(2);
		expect(kinds[0]).not.toBe('urgent');
	});

	test('an unknown screen id shows the staff an error with the known ids', async ({ page }) => {
		await page.setViewportSize(size);
		await page.goto('/bulletin?screen=hall-mian');
		const error = page.getByTestId('bulletin-error');
		await expect(error).toContainText('屏幕编号“hall-mian”不存在');
		for (const id of ['hall-main', 'hall-portrait', 'entrance-strip', 'corridor-2f']) {
			await expect(error).toContainText(id);
		}
		await expect(page.getByTestId('bulletin')).toHaveCount(0);
		await expect(page.locator('.layer')).toHaveCount(0);
	});

	test('no kiosk style reaches the bulletin', async ({ page }) => {
		await open(page, size, '/bulletin?screen=hall-main', MORNING);
		const kioskRules = await page.evaluate(() =>
			[...document.styleSheets].flatMap((sheet) =>
				[...sheet.cssRules]
					.map((r) => r.cssText)
					.filter((t) => /^(\.chip|\.button|\.card|h1,|p \{)/.test(t))
			)
		);
		expect(kioskRules).toEqual([]);
		await expect(page.locator('.slide-label').first()).toHaveCSS('min-height', 'auto');
	});

	test('a closure day shows the closed notice', async ({ page }) => {
		await open(page, size, '/bulletin?screen=hall-main', at('2027-01-02T10:00:00'));
		await expect.poll(async () => (await screenState(page)).slide).toBe('closed:2027-01-01');
		await expect(page.locator('.layer.front')).toContainText('今日大厅窗口休息');
		await expectIntact(page);
	});

	test('the time of day is the office’s, whatever the device says', async ({ page }) => {
		// 10:00 in Changsha; the browser runs in Los Angeles (18:00 the day before).
		await open(page, size, '/bulletin?screen=hall-main', MORNING);
		await expect(page.locator('.masthead time')).toContainText('10:00');
		await expect(page.locator('.masthead time')).toContainText('11月27日');
	});

	test('new content is taken up between slides, without a reload', async ({ page }) => {
		await page.route('**/bulletin/playlist.json', async (route) => {
			const response = await route.fetch();
			const data = await response.json();
			const hall = data.playlists.find((p: { id: string }) => p.id === 'hall');
			hall.slides = [
				{ ...hall.slides[0], id: 'fresh', title: '新发布的通知', startAt: null, endAt: null }
			];
			await route.fulfill({ response, json: { ...data, version: 'next-deploy' } });
		});
		await open(page, size, '/bulletin?screen=hall-main', MORNING);
		await page.evaluate(() => ((window as unknown as { marker: boolean }).marker = true));
		const first = await screenState(page);
		expect(first.slide).toBe('hall/special-fund-2027');
		// The current slide finishes; the next one comes from the new content.
		await page.clock.runFor(5_000);
		expect((await screenState(page)).slide).toBe(first.slide);
		const next = await nextSlide(page);
		expect(next.slide).toBe('hall/fresh');
		await expect(page.locator('.layer.front')).toContainText('新发布的通知');
		expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(
			true
		);
	});

	test('a slide that cannot be rendered is skipped and the screen never goes blank', async ({
		page
	}) => {
		await page.route('**/bulletin/playlist.json', async (route) => {
			const response = await route.fetch();
			const data = await response.json();
			const hall = data.playlists.find((p: { id: string }) => p.id === 'hall');
			const notice = { ...hall.slides[0], startAt: null, endAt: null };
			hall.slides = [
				{ ...notice, id: 'broken', kind: 'figures', items: null },
				{ ...notice, id: 'good', title: '正常的通知' },
				{ ...notice, id: 'also-good', title: '另一条通知' }
			];
			await route.fulfill({ response, json: { ...data, version: 'broken-deploy' } });
		});
		await open(page, size, '/bulletin?screen=hall-main', MORNING);
		const seen = new Set<string>();
		for (let i = 0; i < 5; i++) {
			const state = await nextSlide(page);
			seen.add(state.slide);
			await expectIntact(page);
		}
		expect(seen).toContain('hall/good');
		expect(seen).toContain('hall/also-good');
		expect(seen).not.toContain('hall/broken');
	});

	test('night dimming and burn-in shift follow the clock', async ({ page }) => {
		await open(page, size, '/bulletin?screen=hall-main', at('2026-11-27T19:28:00'));
		const dim = page.locator('.dim');
		await expect(dim).toHaveCSS('opacity', '0');
		const shift = () => page.locator('.shift').getAttribute('style');
		const before = await shift();
		await page.clock.runFor(3 * 60_000);
		// From 19:30 the office-wide setting dims to 35 %.
		await expect(dim).toHaveCSS('opacity', '0.65');
		expect(await shift()).not.toBe(before);
	});

	test('with reduced motion the ticker stands still and fits', async ({ page }) => {
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await open(page, SIZES[4], '/bulletin?screen=entrance-strip', MORNING);
		const ticker = page.getByRole('region', { name: '紧急通知' });
		await expect(ticker.locator('.still-text')).toContainText('系统升级');
		await expect(ticker.locator('.track')).toHaveCount(0);
		await expectIntact(page);
	});
});

test.describe('opening hours', () => {
	const size = SIZES[0];

	/** The slides of a whole round (at most `count`), stepping fake time. */
	async function round(page: Page, count: number): Promise<Set<string>> {
		const seen = new Set<string>([(await screenState(page)).slide]);
		for (let i = 0; i < count; i++) seen.add((await nextSlide(page)).slide);
		return seen;
	}

	test('at 22:00 on a weekday the closed slide replaces the window guides', async ({ page }) => {
		test.setTimeout(150_000);
		// Thursday 22:00 in Changsha.
		await open(page, size, '/bulletin?screen=hall-main', at('2026-11-26T22:00:00'));
		const seen = await round(page, 8);
		expect(seen).toContain('closed:off-hours');
		expect(seen).not.toContain('hall/guide-radio-station');
		expect(seen).not.toContain('hall/guide-energy-review');
		await expect
			.poll(async () => (await screenState(page)).slide, { timeout: 40_000 })
			.toBe('closed:off-hours');
		await expect(page.getByTestId('next-opening')).toHaveText('明天（星期五）上午 9:00 开始办理');
		await expect(page.locator('.layer.front')).toContainText('网上办事大厅');
		await expect(page.locator('.layer.front figure.qr svg')).toBeVisible();
		await expectIntact(page);
	});

	test('on Sunday the closed slide says Monday morning', async ({ page }) => {
		test.setTimeout(150_000);
		await open(page, size, '/bulletin?screen=hall-main', at('2026-11-29T10:00:00'));
		const seen = await round(page, 8);
		expect(seen).toContain('closed:off-hours');
		expect(seen).not.toContain('hall/guide-radio-station');
		await expect
			.poll(async () => (await screenState(page)).slide, { timeout: 40_000 })
			.toBe('closed:off-hours');
		await expect(page.getByTestId('next-opening')).toHaveText('明天（星期一）上午 9:00 开始办理');
		await expectIntact(page);
	});

	test('at 10:00 on a weekday the window guides show and the closed slide does not', async ({
		page
	}) => {
		test.setTimeout(150_000);
		await open(page, size, '/bulletin?screen=hall-main', MORNING);
		const seen = await round(page, 8);
		expect(seen).toContain('hall/guide-radio-station');
		expect(seen).not.toContain('closed:off-hours');
	});
});

for (const size of [
	{ width: 1280, height: 320 },
	{ width: 2560, height: 720 },
	{ width: 1920, height: 360 }
]) {
	test(`the strip band at ${size.width}x${size.height} keeps whole facts, never half a number`, async ({
		page
	}) => {
		// After the urgent notice (14 December): the band shows hours and the enquiry line.
		await open(page, size, '/bulletin?screen=entrance-strip', at('2026-12-15T10:00:00'));
		const band = page.locator('.info p');
		await expect(band).toBeVisible();
		const facts = await band.evaluate((p: HTMLElement) => {
			const box = p.getBoundingClientRect();
			return [...p.querySelectorAll<HTMLElement>('[data-item]')].map((el) => {
				const r = el.getBoundingClientRect();
				return {
					text: el.textContent ?? '',
					hidden: el.hidden,
					inside: r.left >= box.left - 1 && r.right <= box.right + 1 && r.bottom <= box.bottom + 1
				};
			});
		});
		expect(facts).toHaveLength(2);
		// The enquiry number is shown whole.
		expect(facts[1]).toMatchObject({ hidden: false, inside: true });
		expect(facts[1]!.text).toMatch(/0731-\d{8}/);
		for (const f of facts) expect(f.hidden || f.inside, f.text).toBe(true);
		await expectIntact(page);
	});
}

test('the preview shows every slide at every size and marks expired and future ones', async ({
	page
}) => {
	await page.setViewportSize({ width: 1900, height: 1000 });
	await page.goto('/bulletin/preview?at=2026-11-27%2010:00');
	await expect(page.getByTestId('preview-summary')).toContainText('已过期 1，未生效 1');
	const expired = page.locator('article[data-slide="hall/national-day-2026"]');
	await expect(expired).toContainText('已过期');
	await expect(page.locator('article[data-slide="hall/new-year-2027"]')).toContainText('未生效');
	// The four configured screens are all standard sizes: eight sizes in all.
	await expect(expired.locator('figure.cell')).toHaveCount(8);
	for (const size of ['1280x320', '2560x720', '512x256', '768x384', '960x540']) {
		await expect(expired.locator(`figure.cell[data-size="${size}"]`)).toHaveCount(1);
	}
	// Every cell is measured, and the sample content fits everywhere.
	const cells = page.locator('figure.cell');
	const count = await cells.count();
	expect(count).toBeGreaterThanOrEqual(8 * 12);
	await expect(page.locator('figure.cell[data-fits]')).toHaveCount(count);
	await expect(page.locator('figure.cell[data-fits="false"]')).toHaveCount(0);
	await expect(page.getByTestId('preview-summary')).toContainText('文字溢出 0 处');
});
