/**
 * Fit-to-box for slide text. Every size in a slide is `var(--fit)` times a container-relative
 * size, so one number scales the whole slide. Editors write text of any length; the slide is
 * measured in its real box (hidden, before it is shown) and scaled down until nothing overflows,
 * or up until it fills the box, never below the smallest glyph an LED wall can draw.
 */

/** Below this the text is too small to read across a hall: the preview flags it instead. */
export const MIN_FIT = 0.55;

/** A slide's text grows into empty space up to this much; beyond it a slide looks shouted. */
export const GROW_FIT = 1.6;

/** No character is drawn smaller: a CJK glyph needs about 12 LED pixels to be legible at all. */
export const MIN_GLYPH_PX = 12;

/**
 * Grown text stops this far short of filling its box: a box filled to the last pixel overflows
 * on the next relayout (balanced line breaks, a clock that changes width).
 */
const GROW_MARGIN = 0.04;

/** Steps of the binary search between the smallest and largest `--fit`. */
const SEARCH_STEPS = 8;

/** Strict: a box that overflows by a pixel has its border or a glyph's edge cut off. */
function overflows(el: HTMLElement): boolean {
	return el.scrollHeight > el.clientHeight || el.scrollWidth > el.clientWidth;
}

/** Boxes that must hold their content: the slide itself and every `[data-fit-box]` inside. */
function boxes(root: HTMLElement): HTMLElement[] {
	return [root, ...root.querySelectorAll<HTMLElement>('[data-fit-box]')];
}

export function anyOverflow(root: HTMLElement): boolean {
	return boxes(root).some(overflows);
}

/** Elements whose own text is on show (hidden text, display: none or a cut item, has no boxes). */
function textHolders(root: HTMLElement): HTMLElement[] {
	const holders = new Set<HTMLElement>();
	const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		const el = node.parentElement;
		if (node.textContent?.trim() && el && el.getClientRects().length > 0) holders.add(el);
	}
	return [...holders];
}

const fontSize = (el: HTMLElement) => parseFloat(getComputedStyle(el).fontSize);

/**
 * The smallest `--fit` at which every character that scales with it is at least MIN_GLYPH_PX.
 * Text held at a size of its own (a floor in CSS) is left out: the fit cannot change it.
 */
function glyphFloor(root: HTMLElement, set: (f: number) => void): number {
	const holders = textHolders(root);
	set(1);
	const atOne = holders.map(fontSize);
	// Compared with double, not half: a browser may hold tiny text at its minimum font size.
	set(2);
	const atTwo = holders.map(fontSize);
	const scaled = atOne.filter((size, i) => Math.abs(2 * size - atTwo[i]!) < 0.5 && size > 0);
	return scaled.length ? MIN_GLYPH_PX / Math.min(...scaled) : 0;
}

/** `--fit` is written with three decimals; rounding up keeps every glyph at or above the floor. */
const step = (f: number) => Math.ceil(f * 1000 - 1e-6) / 1000;

/**
 * Lines of separate facts (`[data-fit-items]` holding `[data-item]`s: a strip's facts, a
 * notice's sentences) that still overflow at the smallest size lose whole items from the end,
 * the last one kept followed by “…”: a strip shows two facts, never half a telephone number.
 * A line keeps at least one item, or as many as its `data-fit-keep` says (0: all may go).
 */
function cutItems(root: HTMLElement, all: HTMLElement[]): void {
	const lines = [...root.querySelectorAll<HTMLElement>('[data-fit-items]')].reverse();
	for (const line of lines) {
		const items = [...line.querySelectorAll<HTMLElement>('[data-item]')];
		const keep = Number(line.dataset.fitKeep ?? 1);
		let shown = items.length;
		while (shown > keep && all.some(overflows)) {
			shown--;
			items[shown]!.hidden = true;
			items.forEach((el, i) => el.classList.toggle('cut', i === shown - 1));
		}
	}
}

function uncut(root: HTMLElement): void {
	for (const el of root.querySelectorAll<HTMLElement>('[data-fit-items] [data-item]')) {
		el.hidden = false;
		el.classList.remove('cut');
	}
}

interface FitOptions {
	/** The largest `--fit` tried: above 1 the text grows into empty space. */
	maxFit?: number;
}

/**
 * Finds the largest `--fit` at which nothing overflows, between the floor (MIN_FIT, or more
 * where the smallest text would fall under MIN_GLYPH_PX) and `maxFit` (a slide may lower it
 * with `data-max-fit`). Returns whether the slide fits; when it cannot, it is left at the floor
 * with whole items cut.
 */
export function fitSlide(root: HTMLElement, { maxFit = 1 }: FitOptions = {}): boolean {
	const all = boxes(root);
	const read = (attr: string) =>
		Number(root.querySelector<HTMLElement>(`[${attr}]`)?.getAttribute(attr));
	// A strip's single line may go smaller: its pixels are physically large.
	const min = read('data-min-fit') || MIN_FIT;
	const max = Math.min(maxFit, read('data-max-fit') || maxFit);
	const set = (f: number) => root.style.setProperty('--fit', String(f));
	uncut(root);
	const floor = step(Math.max(min, glyphFloor(root, set)));
	let lo = floor;
	let hi = Math.max(floor, max);
	set(hi);
	if (all.some(overflows)) {
		set(lo);
		if (!all.some(overflows)) {
			for (let i = 0; i < SEARCH_STEPS && hi - lo > 0.001; i++) {
				const mid = step((lo + hi) / 2);
				set(mid);
				if (all.some(overflows)) hi = mid;
				else lo = mid;
			}
		}
		if (lo > 1) lo = step(Math.max(1, floor, lo - GROW_MARGIN));
		set(lo);
	} else lo = hi;
	if (all.some(overflows)) cutItems(root, all);
	const fits = !all.some(overflows);
	root.dataset.fit = String(lo);
	root.dataset.overflow = String(!fits);
	return fits;
}
