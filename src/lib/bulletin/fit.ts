/**
 * Shrink-to-fit for slide text. Every size in a slide is `var(--fit)` times a container-relative
 * size, so one number scales the whole slide. Editors write text of any length; the slide is
 * measured in its real box (hidden, before it is shown) and scaled down until nothing overflows.
 */

/** Below this the text is too small to read across a hall: the preview flags it instead. */
export const MIN_FIT = 0.55;

/** Strict: a box that overflows by a pixel has its border or a glyph's edge cut off. */
function overflows(el: HTMLElement): boolean {
	return el.scrollHeight > el.clientHeight || el.scrollWidth > el.clientWidth;
}

/** Boxes that must hold their content: the slide itself and every `[data-fit-box]` inside. */
function boxes(root: HTMLElement): HTMLElement[] {
	return [root, ...root.querySelectorAll<HTMLElement>('[data-fit-box]')];
}

/**
 * Lines of separate facts (`[data-fit-items]` holding `[data-item]`s) that still overflow at
 * the smallest size lose whole facts from the end, the last one kept followed by “…”: a strip
 * shows two facts, never half a telephone number.
 */
function cutItems(root: HTMLElement): void {
	for (const line of root.querySelectorAll<HTMLElement>('[data-fit-items]')) {
		const items = [...line.querySelectorAll<HTMLElement>('[data-item]')];
		let shown = items.length;
		while (shown > 1 && overflows(line)) {
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

export function anyOverflow(root: HTMLElement): boolean {
	return boxes(root).some(overflows);
}

/**
 * Finds the largest `--fit` in [MIN_FIT, 1] at which nothing overflows (binary search, a few
 * layouts). Returns whether the slide fits; it is left at the minimum when it cannot.
 */
export function fitSlide(root: HTMLElement): boolean {
	const all = boxes(root);
	// A strip's single line may go smaller: its pixels are physically large.
	const min = Number(root.querySelector<HTMLElement>('[data-min-fit]')?.dataset.minFit) || MIN_FIT;
	const set = (f: number) => root.style.setProperty('--fit', f.toFixed(3));
	uncut(root);
	set(1);
	if (!all.some(overflows)) {
		root.dataset.overflow = 'false';
		return true;
	}
	let lo = min;
	let hi = 1;
	for (let i = 0; i < 7; i++) {
		const mid = (lo + hi) / 2;
		set(mid);
		if (all.some(overflows)) hi = mid;
		else lo = mid;
	}
	set(lo);
	if (all.some(overflows)) cutItems(root);
	const fits = !all.some(overflows);
	root.dataset.overflow = String(!fits);
	return fits;
}
