/**
 * The scroll buttons beside long documents, at both screen sizes: there only when the page
 * scrolls, disabled at either end, and never over the text or a table cell.
 */
import { expect, test, type Page } from '@playwright/test';

const up = (page: Page) => page.getByRole('button', { name: '向上滚动', exact: true });
const down = (page: Page) => page.getByRole('button', { name: '向下滚动', exact: true });
const scrollTop = (page: Page) => page.locator('#main').evaluate((m) => m.scrollTop);

async function open(page: Page, url: string, elder = false) {
	await page.goto(url);
	await expect(page.locator('html[data-kiosk-ready]')).toBeAttached();
	if (elder) {
		await page.getByRole('button', { name: '长辈模式' }).tap();
		await expect(page.locator('html[data-elder]')).toBeAttached();
	}
}

/**
 * What of the document lies under a scroll button where the pane shows it: text pieces and table
 * cells whose visible boxes meet a button's box, and elements hit at points across each button.
 */
function overlaps(page: Page) {
	return page.evaluate(() => {
		const main = document.getElementById('main')!;
		const doc = main.querySelector('.document')!;
		const buttons = [...main.querySelectorAll('.scroll-buttons button')].map((b) =>
			b.getBoundingClientRect()
		);
		// A box as far as it is seen: clipped by every scrolling or clipping box around it.
		const seen = (el: Element, r: DOMRect) => {
			let [left, top, right, bottom] = [r.left, r.top, r.right, r.bottom];
			for (let a = el.parentElement; a; a = a.parentElement) {
				const s = getComputedStyle(a);
				if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
				const c = a.getBoundingClientRect();
				[left, top] = [Math.max(left, c.left), Math.max(top, c.top)];
				[right, bottom] = [Math.min(right, c.right), Math.min(bottom, c.bottom)];
				if (a === main) break;
			}
			return right > left && bottom > top ? { left, top, right, bottom } : null;
		};
		const meets = (a: { left: number; top: number; right: number; bottom: number }, b: DOMRect) =>
			a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

		const boxes: { what: string; box: NonNullable<ReturnType<typeof seen>> }[] = [];
		for (const cell of doc.querySelectorAll('td, th')) {
			const box = seen(cell, cell.getBoundingClientRect());
			if (box) boxes.push({ what: `cell “${cell.textContent?.trim().slice(0, 12)}”`, box });
		}
		const walker = document.createTreeWalker(doc, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			if (!n.textContent?.trim() || !n.parentElement) continue;
			const range = document.createRange();
			range.selectNodeContents(n);
			for (const r of range.getClientRects()) {
				const box = seen(n.parentElement, r);
				if (box) boxes.push({ what: `text “${n.textContent.trim().slice(0, 12)}”`, box });
			}
		}
		const covered = boxes
			.filter(({ box }) => buttons.some((b) => meets(box, b)))
			.map((b) => b.what);

		let points = 0;
		const hit: string[] = [];
		for (const b of buttons) {
			for (let i = 0; i <= 4; i++) {
				for (let j = 0; j <= 4; j++) {
					const x = b.left + 1 + ((b.width - 2) * i) / 4;
					const y = b.top + 1 + ((b.height - 2) * j) / 4;
					points += 1;
					for (const el of document.elementsFromPoint(x, y)) {
						if (doc.contains(el)) hit.push(`${el.tagName} at ${Math.round(x)},${Math.round(y)}`);
					}
				}
			}
		}
		return { buttons: buttons.length, checked: boxes.length, covered, points, hit };
	});
}

async function expectNothingCovered(page: Page, where: string) {
	const o = await overlaps(page);
	expect(o.buttons, where).toBe(2);
	// The pane always shows some of the document: a check of nothing would prove nothing.
	expect(o.checked, where).toBeGreaterThan(0);
	expect(o.points, where).toBe(50);
	expect(o.covered, where).toEqual([]);
	expect(o.hit, where).toEqual([]);
}

/** Waits until the pane has stopped moving (the buttons scroll smoothly). */
async function settled(page: Page): Promise<void> {
	let last = -1;
	await expect
		.poll(
			async () => {
				const now = await scrollTop(page);
				const still = now === last;
				last = now;
				return still;
			},
			{ intervals: [150] }
		)
		.toBe(true);
}

/** Taps 向下滚动 until it is disabled, checking every position on the way; returns the taps. */
async function scrollToEnd(page: Page, where: string): Promise<number> {
	let taps = 0;
	await expectNothingCovered(page, `${where} at the top`);
	while (taps < 40 && (await down(page).isEnabled())) {
		const before = await scrollTop(page);
		await down(page).tap();
		taps += 1;
		await expect.poll(() => scrollTop(page)).toBeGreaterThan(before);
		// At rest, the buttons' enabled state is final: the next check and tap see the same page.
		await settled(page);
		await expectNothingCovered(page, `${where} after ${taps} taps`);
	}
	await expect(down(page)).toBeDisabled();
	await expect(up(page)).toBeEnabled();
	const end = await page
		.locator('#main')
		.evaluate((m) => m.scrollHeight - m.clientHeight - m.scrollTop);
	expect(end).toBeLessThan(3);
	return taps;
}

test.describe('scroll buttons', () => {
	test('a short notice has none', async ({ page }) => {
		await open(page, '/notices/elder-mode-kiosk');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		const fits = await page.locator('#main').evaluate((m) => m.scrollHeight <= m.clientHeight);
		expect(fits).toBe(true);
		await expect(up(page)).toHaveCount(0);
		await expect(down(page)).toHaveCount(0);
	});

	test('a long guide: 向上滚动 disabled at the top, 向下滚动 to the end, nothing covered', async ({
		page
	}) => {
		// Every position on the way is checked: a dozen screens of guide in landscape.
		test.setTimeout(180_000);
		await open(page, '/guides/radio-station-license');
		await expect(up(page)).toBeDisabled();
		await expect(down(page)).toBeEnabled();
		const taps = await scrollToEnd(page, 'guide');
		// The guide is several screens long at either size.
		expect(taps).toBeGreaterThan(2);
		await up(page).tap();
		await expect(down(page)).toBeEnabled();
	});

	test('the annual report in elder mode: to the end, its tables never under a button', async ({
		page
	}) => {
		test.setTimeout(180_000);
		await open(page, '/disclosure/annual-report-2014', true);
		await expect(up(page)).toBeDisabled();
		expect(await scrollToEnd(page, 'annual report')).toBeGreaterThan(1);
	});

	test('the materials table in elder mode keeps clear of the buttons', async ({ page }) => {
		await open(page, '/guides/radio-station-license', true);
		await page
			.getByRole('navigation', { name: '本页目录' })
			.getByRole('link', { name: '申请材料' })
			.tap();
		await expect(up(page)).toBeEnabled();
		await expect
			.poll(() =>
				page.locator('#materials').evaluate((s) => Math.round(s.getBoundingClientRect().top))
			)
			.toBeLessThan(400);
		await expectNothingCovered(page, 'materials');
	});
});
