import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { injectOutsideLink } from './support/kiosk-page';

/** Any guide that has an external link in its body is used for the lockdown check. */
async function firstGuide(page: Page): Promise<string> {
	await page.goto('/guides');
	const href = await page.locator('a[href^="/guides/"]').first().getAttribute('href');
	return href!;
}

test.describe('browsing by touch', () => {
	test('home -> guides -> a guide -> back -> home, with no dead end', async ({ page }) => {
		await page.goto('/');
		for (const name of ['办事指南', '办事流程', '政务公开', '通知公告', '在线服务', '联系我们']) {
			await expect(page.getByRole('link', { name: new RegExp(name) }).first()).toBeVisible();
		}
		await page
			.getByRole('link', { name: /办事指南/ })
			.first()
			.tap();
		await expect(page).toHaveURL(/\/guides$/);
		await page.locator('a[href^="/guides/"]').first().tap();
		await expect(page).toHaveURL(/\/guides\/[a-z0-9-]+$/);
		await page.getByRole('button', { name: '返回' }).tap();
		await expect(page).toHaveURL(/\/guides$/);
		await page.getByRole('link', { name: '首页' }).tap();
		await expect(page).toHaveURL(/\/$/);
	});

	test('Back on a page opened directly goes to its parent', async ({ page }) => {
		await page.goto(await firstGuide(page));
		await page.reload();
		await page.getByRole('button', { name: '返回' }).tap();
		await expect(page).toHaveURL(/\/guides$/);
	});

	test('every touchable control is at least 44 px, and 60 px in elder mode', async ({ page }) => {
		await page.goto(await firstGuide(page));
		const measure = async (min: number) =>
			page.evaluate((min) => {
				const els = [
					...document.querySelectorAll<HTMLElement>(
						'button, .button, .tool, .list-link, .tile, .search-entry'
					)
				].filter((el) => el.offsetParent !== null);
				const small = els
					.map((el) => ({ el: el.textContent?.trim().slice(0, 20), r: el.getBoundingClientRect() }))
					.filter(({ r }) => r.width < min || r.height < min)
					.map(({ el, r }) => `${el} ${Math.round(r.width)}x${Math.round(r.height)}`);
				return { measured: els.length, small };
			}, min);
		// A guide page has the toolbar, the top bar and its own buttons: a dozen controls at least.
		const normal = await measure(44);
		expect(normal.measured).toBeGreaterThanOrEqual(12);
		expect(normal.small).toEqual([]);
		await page.getByRole('button', { name: '长辈模式' }).tap();
		const elder = await measure(60);
		expect(elder.measured).toBe(normal.measured);
		expect(elder.small).toEqual([]);
		const bodySize = await page.evaluate(() =>
			parseFloat(getComputedStyle(document.body).fontSize)
		);
		expect(bodySize).toBeGreaterThanOrEqual(24);
	});

	test('a terminal with a printer prints a one-page A4 checklist from beside the materials', async ({
		page
	}) => {
		await page.addInitScript(() => {
			window.print = () => Object.assign(window, { __printed: true });
		});
		const guide = await firstGuide(page);
		await page.goto(guide);
		await expect(page.locator('html[data-kiosk-ready]')).toHaveCount(1);
		// Without the launcher's word that this terminal has a printer, there is nothing to tap.
		await expect(page.getByRole('button', { name: '打印材料清单' })).toHaveCount(0);

		await page.goto(`${guide}?terminal=print-test&mode=kiosk&printer=yes`);
		const button = page.locator('#materials').getByRole('button', { name: '打印材料清单' });
		await button.tap();
		expect(await page.evaluate(() => '__printed' in window)).toBe(true);
		await expect(page.locator('#materials [role="status"]')).toContainText('已发送到打印机');

		const guideName = (await page.locator('h1').textContent())!.trim();
		const materials = await page.locator('table.materials tbody tr strong').allTextContents();
		expect(materials.length).toBeGreaterThan(0);
		const office = (await page.locator('.top-bar .office .name').textContent())!.trim();

		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('[data-print] table.materials')).toBeVisible();
		for (const hidden of ['.top-bar', '.toolbar', '.qr-band', '#steps', '#contacts']) {
			await expect(page.locator(hidden)).toBeHidden();
		}
		const pdf = await page.pdf({ preferCSSPageSize: true });
		const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
		expect(pages).toHaveLength(1);

		// What is on the paper, as pdftotext reads it back.
		const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-print-'));
		try {
			writeFileSync(path.join(dir, 'checklist.pdf'), pdf);
			const info = execFileSync('pdfinfo', [path.join(dir, 'checklist.pdf')], { encoding: 'utf8' });
			expect(info).toMatch(/Page size:.* pts \(A4\)/);
			const text = execFileSync('pdftotext', ['-raw', path.join(dir, 'checklist.pdf'), '-'], {
				encoding: 'utf8'
			}).replace(/\s+/g, '');
			expect(text).toContain(`${guideName}·申请材料清单`.replace(/\s+/g, ''));
			for (const m of materials) expect(text, m).toContain(m.replace(/\s+/g, ''));
			for (const heading of ['份数', '来源', '要求：', office.replace(/\s+/g, '')])
				expect(text, heading).toContain(heading);
			expect(text).toMatch(/内容版本[0-9a-f]{6,}（更新于\d{4}年/);
			for (const absent of ['带走这份指南', '长辈模式', '返回', '空白表格', '打印材料清单'])
				expect(text, absent).not.toContain(absent);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	test('disclosure catalogue filters by category and shows 索引号', async ({ page }) => {
		await page.goto('/disclosure');
		const items = page.locator('.list-link');
		const all = await items.count();
		expect(all).toBeGreaterThanOrEqual(12);
		await expect(page.getByText(/索引号：430S00720\//).first()).toBeVisible();
		const categories = page.getByRole('navigation', { name: '公开类别' });
		await expect(categories.getByRole('link', { name: /全部/ })).toHaveAttribute(
			'aria-current',
			'page'
		);
		// The sample's 20 items are more than a page: the pager shows.
		await expect(page.getByText('第 1 / 2 页')).toBeVisible();

		// Category buttons carry short names (预算决算); the list heading gives the full one.
		const budgets = categories.getByRole('link', { name: /预算决算/ });
		const count = Number((await budgets.textContent())!.match(/（(\d+)）/)![1]);
		await budgets.tap();
		await expect(page).toHaveURL(/\/disclosure\/c\/[a-z-]+$/);
		await expect(budgets).toHaveAttribute('aria-current', 'page');
		await expect(categories.getByRole('link', { name: /全部/ })).not.toHaveAttribute(
			'aria-current'
		);
		await expect(page.getByRole('heading', { level: 2 })).toContainText('财政预算、决算信息');
		// Exactly that category's items, on one page.
		await expect(items).toHaveCount(count);
		expect(count).toBeGreaterThan(0);
		expect(count).toBeLessThan(all);
		await expect(page.getByRole('navigation', { name: '翻页' })).toHaveCount(0);
		for (const href of await items.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
			expect(href).toMatch(/^\/disclosure\/[a-z0-9-]+$/);
		}
	});

	test('the catalogue pages with 下一页 / 上一页 links; a page that does not exist is a 404', async ({
		page
	}) => {
		await page.goto('/disclosure');
		const items = page.locator('.list-link');
		const hrefs = () => items.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
		const first = await hrefs();
		const pager = page.getByRole('navigation', { name: '翻页' });
		await pager.getByRole('link', { name: '下一页' }).tap();
		await expect(page).toHaveURL(/\/disclosure\/p\/2$/);
		await expect(pager).toContainText('第 2 / 2 页');
		const second = await hrefs();
		expect(second.length).toBeGreaterThan(0);
		expect(second.filter((h) => first.includes(h))).toEqual([]);
		// On the last page 下一页 is shown but is not a link.
		await expect(pager.getByRole('link', { name: '下一页' })).toHaveCount(0);

		// Big enough to hit in elder mode too.
		await page.getByRole('button', { name: '长辈模式' }).tap();
		await expect(page.locator('html[data-elder]')).toBeAttached();
		const boxes = await page
			.locator('.pager .button, .categories .button')
			.evaluateAll((els) => els.map((el) => el.getBoundingClientRect()));
		// 上一页 and every category (the sample has more than three).
		expect(boxes.length).toBeGreaterThanOrEqual(4);
		for (const box of boxes) {
			expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(60);
		}

		await pager.getByRole('link', { name: '上一页' }).tap();
		await expect(page).toHaveURL(/\/disclosure$/);
		expect(await hrefs()).toEqual(first);

		// Opened directly, Back from page 2 goes to the first page, not to a missing /p.
		await page.goto('/disclosure/p/2');
		await expect(page.locator('html[data-kiosk-ready]')).toBeAttached();
		await page.getByRole('button', { name: '返回' }).tap();
		await expect(page).toHaveURL(/\/disclosure$/);

		// (The server answers 404; once the service worker is in control it answers with the
		// offline shell, which shows the same screen. Either way the visitor sees this.)
		for (const missing of ['/disclosure/p/999', '/disclosure/p/1', '/disclosure/c/nope']) {
			await page.goto(missing);
			await expect(page.getByRole('heading', { name: '没有找到这个页面' }), missing).toBeVisible();
		}
	});

	test('a long document pages with big buttons, not only by swiping', async ({ page }) => {
		await page.goto('/disclosure');
		await page.getByRole('link', { name: /2014年度政务公开政务服务工作总结/ }).tap();
		const main = page.locator('#main');
		expect(await main.evaluate((m) => m.scrollTop)).toBe(0);
		await page.getByRole('button', { name: '向下滚动' }).tap();
		await expect.poll(() => main.evaluate((m) => m.scrollTop)).toBeGreaterThan(300);
		await page.getByRole('button', { name: '向上滚动' }).tap();
		await expect.poll(() => main.evaluate((m) => m.scrollTop)).toBeLessThan(300);
	});

	test('expired notices are hidden from the list', async ({ page }) => {
		await page.goto('/notices');
		const titles = await page.locator('a[href^="/notices/"]').allTextContents();
		expect(titles.length).toBeGreaterThanOrEqual(5);
		// The sample content has one notice that expired on 2026-10-31.
		await page.clock.setFixedTime(new Date('2027-06-01T00:00:00+08:00'));
		await page.reload();
		// The prerendered list has every notice; the page drops expired ones once it runs.
		await expect
			.poll(() => page.locator('a[href^="/notices/"]').count())
			.toBeLessThan(titles.length);
	});
});

test.describe('idle reset', () => {
	test('a warning counts down; one touch continues', async ({ page }) => {
		await page.clock.install();
		await page.goto(await firstGuide(page));
		await expect(page.locator('html[data-kiosk-ready]')).toBeAttached();
		await page.clock.fastForward(91_000);
		const overlay = page.getByTestId('idle-overlay');
		await expect(overlay).toBeVisible();
		await expect(overlay).toContainText('还在使用吗');
		// One touch anywhere continues (the touch itself closes the warning).
		const { width, height } = page.viewportSize()!;
		await page.touchscreen.tap(width / 2, height / 2);
		await expect(overlay).toBeHidden();
		await expect(page).toHaveURL(/\/guides\//);
	});

	test('the touch that dismisses the warning does not also tap what lies under it', async ({
		page
	}) => {
		await page.clock.install();
		await page.goto('/');
		await expect(page.locator('html[data-kiosk-ready]')).toBeAttached();
		// A link covering the whole screen lies under the warning's button.
		await page.evaluate(() => {
			const link = Object.assign(document.createElement('a'), { href: '/notices', id: 'under' });
			link.style.cssText = 'position:fixed;inset:0;z-index:50';
			link.addEventListener('click', () => {
				const w = window as Window & { underClicks?: number };
				w.underClicks = (w.underClicks ?? 0) + 1;
			});
			document.body.append(link);
		});
		await page.clock.fastForward(91_000);
		const overlay = page.getByTestId('idle-overlay');
		const button = overlay.getByRole('button', { name: '继续使用' });
		await expect(button).toBeVisible();
		const box = (await button.boundingBox())!;
		await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
		await expect(overlay).toBeHidden();
		// A later tap on the link is a real one: the guard swallowed only the dismissing click.
		const clicks = () =>
			page.evaluate(() => (window as Window & { underClicks?: number }).underClicks ?? 0);
		expect(await clicks()).toBe(0);
		await expect(page).toHaveURL(/\/$/);
		await page.clock.runFor(2_000);
		await page.locator('#under').tap();
		expect(await clicks()).toBe(1);
		await expect(page).toHaveURL(/\/notices$/);
	});

	test('without a touch the kiosk goes home and forgets the visitor', async ({ page }) => {
		await page.clock.install();
		await page.goto('/');
		await page
			.getByRole('link', { name: /办事指南/ })
			.first()
			.tap();
		await page.locator('a[href^="/guides/"]').first().tap();
		await page.getByRole('button', { name: '长辈模式' }).tap();
		await page.locator('#main').evaluate((m) => m.scrollBy(0, 800));
		await expect(page.locator('html')).toHaveAttribute('data-elder', '');
		await expect(page.locator('html[data-kiosk-ready]')).toBeAttached();

		// Two jumps: fastForward fires each due timer once, and the countdown starts after the first.
		await page.clock.fastForward(90_000);
		await expect(page.getByTestId('idle-overlay')).toBeVisible();
		await page.clock.fastForward(21_000);
		await expect(page).toHaveURL(/\/$/);
		await expect(page.getByTestId('idle-overlay')).toBeHidden();
		await expect(page.locator('html')).not.toHaveAttribute('data-elder');
		expect(await page.locator('#main').evaluate((m) => m.scrollTop)).toBe(0);
		// Back now leads nowhere the last visitor went: on the home screen it is off.
		await expect(page.getByRole('button', { name: '返回' })).toBeDisabled();
	});
});

test.describe('access modes', () => {
	test(
		'low-reach mode puts the interactive part in the lower half (portrait)',
		{
			tag: '@portrait'
		},
		async ({ page }) => {
			await page.goto('/guides');
			await page.getByRole('button', { name: '低位模式' }).tap();
			const box = await page.locator('#main').boundingBox();
			const height = page.viewportSize()!.height;
			expect(box!.y).toBeGreaterThanOrEqual(height * 0.4);
			const firstLink = await page.locator('#main a[href^="/guides/"]').first().boundingBox();
			expect(firstLink!.y).toBeGreaterThanOrEqual(height * 0.4);
		}
	);

	test(
		'low-reach mode is not offered on landscape screens',
		{ tag: '@landscape' },
		async ({ page }) => {
			await page.goto('/');
			await expect(page.getByRole('button', { name: '低位模式' })).toBeHidden();
		}
	);

	/** The Web Speech API stubbed with espeak-ng's voices as Chromium lists them on the terminal. */
	async function stubSpeech(page: Page) {
		await page.addInitScript(() => {
			const spoken: { text: string; lang: string; voice: string; rate: number }[] = [];
			let cancelled = 0;
			const voice = (name: string, lang: string) => ({
				name,
				lang,
				default: false,
				localService: true,
				voiceURI: name
			});
			const voices = [
				voice('Chinese (Cantonese) espeak-ng', 'yue'),
				voice('Chinese (Mandarin, latin as Pinyin) espeak-ng', 'cmn-latn-pinyin'),
				voice('Chinese (Mandarin, latin as English) espeak-ng', 'cmn')
			];
			// The whole Web Speech API is stubbed: a real utterance refuses a fake voice.
			class Utterance {
				lang = '';
				voice: { name: string } | null = null;
				rate = 1;
				onend: (() => void) | null = null;
				onerror: (() => void) | null = null;
				constructor(public text: string) {}
			}
			Object.assign(window, { SpeechSynthesisUtterance: Utterance });
			Object.defineProperty(window, 'speechSynthesis', {
				value: {
					getVoices: () => voices,
					speak: (u: Utterance) =>
						spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name ?? '', rate: u.rate }),
					cancel: () => (cancelled += 1),
					addEventListener: () => {},
					removeEventListener: () => {}
				}
			});
			Object.assign(window, { __speech: { spoken, cancelled: () => cancelled } });
		});
	}
	type Spoken = { text: string; lang: string; voice: string; rate: number };
	const spokenSoFar = (page: Page) =>
		page.evaluate(() => (window as unknown as { __speech: { spoken: Spoken[] } }).__speech.spoken);
	const cancelled = (page: Page) =>
		page.evaluate(() =>
			(window as unknown as { __speech: { cancelled: () => number } }).__speech.cancelled()
		);

	test('read aloud speaks the page in the Mandarin voice (cmn) and stops on touch', async ({
		page
	}) => {
		await stubSpeech(page);
		await page.goto(await firstGuide(page));
		const title = await page.locator('h1').textContent();
		await page.getByRole('button', { name: '朗读', exact: true }).tap();
		const spoken = await spokenSoFar(page);
		expect(spoken.length).toBeGreaterThan(0);
		expect(new Set(spoken.map((s) => `${s.voice} ${s.lang}`))).toEqual(
			new Set(['Chinese (Mandarin, latin as English) espeak-ng cmn'])
		);
		expect(spoken.map((s) => s.text).join('')).toContain(title!.trim());
		await expect(page.getByRole('button', { name: '停止朗读', exact: true })).toBeVisible();
		const before = await cancelled(page);
		await page.locator('h1').tap();
		expect(await cancelled(page)).toBeGreaterThan(before);
		await expect(page.getByRole('button', { name: '朗读', exact: true })).toBeVisible();
	});

	test('a guide section reads its table row by row with headers, without links or button labels, slower in elder mode', async ({
		page
	}) => {
		await stubSpeech(page);
		await page.goto(await firstGuide(page));
		const firstMaterial = (
			await page.locator('#materials tbody tr').first().locator('td strong').first().textContent()
		)?.trim();
		expect(firstMaterial).toBeTruthy();
		await page.getByRole('button', { name: '朗读：申请材料' }).tap();
		await expect(page.getByRole('button', { name: '停止朗读：申请材料' })).toBeVisible();
		const normal = await spokenSoFar(page);
		const text = normal.map((s) => s.text).join('');
		expect(text).toContain(`申请材料 第1项，材料名称：${firstMaterial}`);
		expect(text).toMatch(/份数：(原件|复印件) \d+ 份/);
		expect(text).not.toMatch(/朗读|空白表格|示例样表|https?:|打印材料清单/);
		// Only this section: nothing from the other sections of the guide.
		expect(text).not.toContain('受理条件');

		await page.getByRole('button', { name: '长辈模式' }).tap();
		await page.getByRole('button', { name: '朗读：受理条件' }).tap();
		const elder = (await spokenSoFar(page)).slice(normal.length);
		expect(elder.length).toBeGreaterThan(0);
		expect(Math.max(...elder.map((s) => s.rate))).toBeLessThan(
			Math.min(...normal.map((s) => s.rate))
		);
	});

	test('the home menu has its own read-aloud button', async ({ page }) => {
		await stubSpeech(page);
		await page.goto('/');
		await page.getByRole('button', { name: '朗读：主要栏目' }).tap();
		const text = (await spokenSoFar(page)).map((s) => s.text).join('');
		for (const tile of ['办事指南', '办事流程', '政务公开', '通知公告', '在线服务', '联系我们']) {
			expect(text).toContain(tile);
		}
		expect(text).not.toContain('搜索事项');
	});

	test('read aloud is hidden where the device has no Chinese voice', async ({ page }) => {
		await page.addInitScript(() => {
			Object.defineProperty(window, 'speechSynthesis', {
				value: {
					getVoices: () => [
						{ lang: 'en-US', name: 'English' },
						{ lang: 'yue', name: 'Chinese (Cantonese) espeak-ng' }
					],
					speak: () => {},
					cancel: () => {},
					addEventListener: () => {},
					removeEventListener: () => {}
				}
			});
		});
		await page.goto(await firstGuide(page));
		await expect(page.getByRole('button', { name: /朗读/ })).toHaveCount(0);
	});
});

test.describe('lockdown', () => {
	test('no context menu, and outside links show a QR code instead of leaving', async ({ page }) => {
		const foreign: string[] = [];
		page.on('request', (r) => {
			if (!r.url().startsWith('http://localhost')) foreign.push(r.url());
		});
		await page.goto('/services');
		// The lockdown is on once the terminal is live (it loads beside hydration).
		await expect(page.locator('html[data-kiosk-ready]')).toBeAttached();
		const prevented = await page.evaluate(() => {
			const e = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
			document.querySelector('h1')!.dispatchEvent(e);
			return e.defaultPrevented;
		});
		expect(prevented).toBe(true);

		await page.goto(await firstGuide(page));
		await expect(page.locator('html[data-kiosk-ready]')).toBeAttached();
		const url = page.url();
		await injectOutsideLink(page);
		await page.getByRole('link', { name: '中国政府网' }).tap();
		const dialog = page.getByTestId('external-link-dialog');
		await expect(dialog).toBeVisible();
		await expect(dialog.getByRole('img', { name: /二维码/ })).toBeVisible();
		await expect(dialog).toContainText('www.gov.cn');
		expect(page.url()).toBe(url);
		expect(foreign).toEqual([]);
	});

	test('files open in the kiosk’s viewer, never bare, and the idle reset still goes home', async ({
		page
	}) => {
		await page.clock.install();
		await page.goto('/guides/radio-station-license');
		await expect(page.locator('html[data-kiosk-ready]')).toBeAttached();
		const guideUrl = page.url();
		const viewer = page.getByTestId('media-viewer');

		// A blank form (PDF): a QR code to take it away on a phone.
		await page.getByRole('link', { name: '空白表格' }).first().tap();
		await expect(viewer).toBeVisible();
		await expect(viewer).toContainText('“空白表格”（radio-station-application.pdf）');
		await expect(viewer.getByRole('img', { name: /二维码/ })).toBeVisible();
		expect(page.url()).toBe(guideUrl);
		await viewer.getByRole('button', { name: '关闭' }).tap();
		await expect(viewer).toBeHidden();

		// A picture linked from the text: shown inside the kiosk, with its toolbar.
		await page.getByRole('link', { name: '大厅平面图', exact: true }).tap();
		const picture = viewer.getByRole('img', { name: '大厅平面图' });
		await expect(picture).toBeVisible();
		await expect
			.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth))
			.toBeGreaterThan(0);
		expect(page.url()).toBe(guideUrl);
		await expect(page.getByRole('button', { name: '返回' })).toBeAttached();

		// Left alone, the idle reset closes it and goes home.
		await page.clock.fastForward(90_000);
		await page.clock.fastForward(21_000);
		await expect(page).toHaveURL(/\/$/);
		await expect(viewer).toBeHidden();
	});

	test('pinch zoom is disabled by touch-action, text is not selectable', async ({ page }) => {
		await page.goto('/');
		const styles = await page.evaluate(() => ({
			touch: getComputedStyle(document.documentElement).touchAction,
			select: getComputedStyle(document.body).userSelect
		}));
		expect(styles.touch).toBe('pan-x pan-y');
		expect(styles.select).toBe('none');
	});
});

test.describe('accessibility (axe)', () => {
	const pages = ['/', '/guides', '/disclosure', '/disclosure/p/2', '/notices', '/search?q=无线电'];
	for (const elder of [false, true]) {
		test(`no serious or critical violations${elder ? ' in elder mode' : ''}`, async ({ page }) => {
			// Eleven pages, each analysed in full: several seconds a page on a 2-core machine.
			test.setTimeout(240_000);
			const guide = await firstGuide(page);
			await page.goto('/disclosure');
			const disclosure = await page.locator('.list-link').first().getAttribute('href');
			await page.goto('/notices');
			const notice = await page.locator('a[href^="/notices/"]').first().getAttribute('href');
			const failures: string[] = [];
			for (const path of [...pages, guide, disclosure!, notice!]) {
				await page.goto(path);
				// After the first page the service worker's shell draws deeper pages: wait until live.
				await expect(page.locator('html[data-kiosk-ready]')).toBeAttached();
				await expect(page).toHaveTitle(/\S/);
				if (elder) await page.getByRole('button', { name: '长辈模式' }).click();
				// Colours are measured once they have settled, not halfway through a transition.
				await page.waitForFunction(() => document.getAnimations().length === 0);
				const results = await new AxeBuilder({ page }).analyze();
				for (const v of results.violations) {
					if (v.impact === 'serious' || v.impact === 'critical') {
						failures.push(
							`${path}: ${v.id} (${v.impact}) ${v.nodes
								.map((n) => n.target.join(' '))
								.slice(0, 3)
								.join(', ')}`
						);
					}
				}
			}
			expect(failures).toEqual([]);
		});
	}
});
