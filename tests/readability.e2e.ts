/**
 * Readable at arm's length, at both screen sizes: every page type walked in normal and elder
 * mode for its smallest text and smallest touch target, and the Chinese typography that keeps a
 * phone number, a 索引号 or “15 个工作日” on one line.
 */
import { expect, test, type Page } from '@playwright/test';
import { measureScreen } from './support/readability';

/** One page of each type; /status is staff-only and excluded. */
const PAGES = [
	'/',
	'/guides',
	'/guides/radio-station-license',
	'/processes/one-stop-approval',
	'/disclosure',
	'/disclosure/radio-fee-standard',
	'/disclosure/annual-report-2014',
	'/notices',
	'/notices/window-adjustment',
	'/services',
	`/search?q=${encodeURIComponent('无线电')}`,
	'/contact'
];

const MODES = [
	{ mode: 'normal', elder: false, text: 18, target: 44 },
	{ mode: 'elder', elder: true, text: 24, target: 60 }
] as const;

async function open(page: Page, url: string, elder: boolean) {
	await page.goto(url);
	await expect(page.locator('html[data-kiosk-ready]')).toBeAttached();
	if (elder) {
		await page.getByRole('button', { name: '长辈模式' }).tap();
		await expect(page.locator('html[data-elder]')).toBeAttached();
	}
	if (url.startsWith('/search'))
		await expect(page.getByTestId('search-result').first()).toBeVisible();
}

test.describe('sizes', () => {
	for (const { mode, elder, text, target } of MODES) {
		test(`every page type: no text below ${text} px, no target below ${target} px (${mode})`, async ({
			page
		}, info) => {
			test.setTimeout(180_000);
			const lines: string[] = [];
			const small: string[] = [];
			let visited = 0;
			for (const url of PAGES) {
				await open(page, url, elder);
				const m = await measureScreen(page, { text, target });
				visited += 1;
				const line =
					`${decodeURIComponent(url)}: ${m.texts} texts, smallest ${m.minText.px} px “${m.minText.text}”; ` +
					`${m.targets} targets, smallest ${m.minTarget.px} px “${m.minTarget.name}”`;
				lines.push(line);
				// Every page has a top bar, a toolbar and content: a walk that measured nothing failed.
				expect(m.texts, url).toBeGreaterThan(10);
				expect(m.targets, url).toBeGreaterThanOrEqual(4);
				small.push(...m.smallTexts.map((s) => `${url} ${s}`));
				small.push(...m.smallTargets.map((s) => `${url} ${s}`));
			}
			console.log(`[${info.project.name} ${mode}]\n${lines.join('\n')}`);
			info.annotations.push({ type: `sizes (${mode})`, description: lines.join('\n') });
			expect(visited).toBe(PAGES.length);
			expect(small).toEqual([]);
		});
	}
});

/**
 * Lays the element holding `text` out at each width from 240 px up and returns the widths at which
 * the text spans more than one line (more than one box, or a box taller than 1.5 lines).
 */
function breaksInside(page: Page, selector: string, text: string) {
	return page.locator(selector).evaluate((el, text) => {
		const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
		let node: Node | null = null;
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			if (n.textContent?.includes(text)) node = n;
		}
		if (!node) throw new Error(`“${text}” not found as one text piece`);
		const start = node.textContent!.indexOf(text);
		const range = document.createRange();
		range.setStart(node, start);
		range.setEnd(node, start + text.length);
		const lineHeight = parseFloat(getComputedStyle(node.parentElement!).lineHeight);
		const host = el as HTMLElement;
		const broken: number[] = [];
		let widths = 0;
		for (let w = 240; w <= host.parentElement!.clientWidth; w += 5) {
			host.style.width = `${w}px`;
			widths += 1;
			const boxes = [...range.getClientRects()].filter((r) => r.width > 0);
			const box = range.getBoundingClientRect();
			if (boxes.length !== 1 || box.height > lineHeight * 1.5) broken.push(w);
		}
		host.style.width = '';
		return { widths, broken, lineHeight, height: range.getBoundingClientRect().height };
	}, text);
}

test.describe('Chinese typography', () => {
	test('a phone number in running text stays on one line at any width', async ({ page }) => {
		await open(page, '/disclosure/annual-report-2014', false);
		const phone = await breaksInside(page, '.prose p:has-text("0731-84420131")', '0731-84420131');
		expect(phone.widths).toBeGreaterThan(50);
		expect(phone.broken).toEqual([]);
		// As laid out for the visitor: one line, as tall as a line at most.
		expect(phone.height).toBeLessThanOrEqual(phone.lineHeight);
	});

	test('a 索引号 and a number with its unit (30 个工作日) stay on one line at any width', async ({
		page
	}) => {
		await open(page, '/disclosure/annual-report-2014', true);
		const index = await breaksInside(page, '.meta', '430S00720/2015-40702');
		expect(index.widths).toBeGreaterThan(20);
		expect(index.broken).toEqual([]);
		await open(page, '/guides/radio-station-license', true);
		const days = await breaksInside(page, '.key-facts', '30 个工作日');
		expect(days.widths).toBeGreaterThan(20);
		expect(days.broken).toEqual([]);
	});

	test('table headings never stand one character a line (elder mode)', async ({ page }) => {
		for (const url of ['/disclosure/annual-report-2014', '/guides/radio-station-license']) {
			await open(page, url, true);
			const narrow = await page.locator('main th').evaluateAll((cells) =>
				cells
					// The tick column's heading is for screen readers only.
					.filter((th) => th.textContent?.trim() && !th.querySelector('.visually-hidden'))
					.map((th) => {
						const s = getComputedStyle(th);
						const inner = th.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
						// A heading may wrap where it says so (a space or a zero-width space); each piece
						// gets its whole width, up to four characters.
						const piece = Math.max(
							...th
								.textContent!.trim()
								.split(/[\s\u200b]+/)
								.map((p) => p.length)
						);
						const need = Math.min(piece, 4) * parseFloat(s.fontSize);
						return { text: th.textContent!.trim(), inner, need };
					})
			);
			expect(narrow.length, url).toBeGreaterThan(3);
			expect(
				narrow.filter((c) => c.inner + 1 < c.need).map((c) => `${c.text} ${Math.round(c.inner)}`),
				url
			).toEqual([]);
		}
	});

	test('catalogue category buttons show whole names; the annual report shows no checker’s note', async ({
		page
	}) => {
		await open(page, '/disclosure', true);
		const chips = page.getByRole('navigation', { name: '公开类别' }).getByRole('link');
		const labels = await chips.allTextContents();
		expect(labels.length).toBeGreaterThan(10);
		expect(labels.filter((l) => l.includes('…'))).toEqual([]);
		const clipped = await chips.evaluateAll((links) =>
			links.filter((a) => a.scrollWidth > a.clientWidth + 1).map((a) => a.textContent)
		);
		expect(clipped).toEqual([]);
		await open(page, '/disclosure/annual-report-2014', false);
		const body = await page.locator('main').innerText();
		expect(body).toContain('本年新收');
		expect(body).not.toMatch(/核对|校验/);
	});
});
