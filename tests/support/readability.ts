/**
 * Measures what a visitor sees on one kiosk screen: the rendered size of every piece of text and of
 * every touchable control. Runs inside the page (page.evaluate), so it uses nothing from outside.
 */
import type { Page } from '@playwright/test';

export interface Measured {
	/** Text nodes measured (rendered, non-blank). */
	texts: number;
	/** Touch targets measured. */
	targets: number;
	/** Smallest font size seen, px, and a sample of its text. */
	minText: { px: number; text: string };
	/** Smallest target side seen, px, and the control's name. */
	minTarget: { px: number; name: string };
	/** Every text below minText and every target below minTarget, for the failure message. */
	smallTexts: string[];
	smallTargets: string[];
}

export function measureScreen(page: Page, limits: { text: number; target: number }) {
	return page.evaluate(({ text: minTextPx, target: minTargetPx }): Measured => {
		const rendered = (el: Element) => {
			const style = getComputedStyle(el);
			return style.visibility === 'visible' && Number(style.opacity) > 0;
		};
		// Screen-reader-only text (.visually-hidden: 1 px, clipped) is never seen, so its size is
		// nobody's reading size.
		const hidden = (el: Element) => el.closest('.visually-hidden, script, style, noscript');
		const short = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 24);

		let texts = 0;
		let minText = { px: Infinity, text: '' };
		const smallTexts: string[] = [];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const el = node.parentElement;
			if (!el || !node.textContent?.trim() || hidden(el) || !rendered(el)) continue;
			const range = document.createRange();
			range.selectNodeContents(node);
			const boxes = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
			if (boxes.length === 0) continue;
			texts += 1;
			const px = parseFloat(getComputedStyle(el).fontSize);
			if (px < minText.px) minText = { px, text: short(node.textContent) };
			if (px < minTextPx) smallTexts.push(`${px}px “${short(node.textContent)}”`);
		}

		let targets = 0;
		let minTarget = { px: Infinity, name: '' };
		const smallTargets: string[] = [];
		const touchable = 'a[href], button, input:not([type="hidden"]), select, textarea, summary';
		for (const el of document.body.querySelectorAll<HTMLElement>(touchable)) {
			if (hidden(el) || !rendered(el)) continue;
			const r = el.getBoundingClientRect();
			if (r.width === 0 || r.height === 0) continue;
			targets += 1;
			const px = Math.round(Math.min(r.width, r.height) * 10) / 10;
			const name = short(el.getAttribute('aria-label') || el.textContent || el.tagName);
			if (px < minTarget.px) minTarget = { px, name };
			if (px < minTargetPx) {
				smallTargets.push(`${Math.round(r.width)}x${Math.round(r.height)} “${name}”`);
			}
		}
		return { texts, targets, minText, minTarget, smallTexts, smallTargets };
	}, limits);
}
