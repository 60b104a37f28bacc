/**
 * Links to a place on the same page (本页目录, the theme list of 办事指南, a Markdown anchor) scroll
 * the content pane and nothing else. The browser's own handling would add a history entry for
 * each jump (so 返回 would walk back through them) and scroll every ancestor of the target,
 * including the kiosk frame.
 */

/** The id a link jumps to on the page at `here`, or null when it leads to another page. */
export function jumpTarget(href: string, here: string): string | null {
	let url: URL;
	let current: URL;
	try {
		current = new URL(here);
		url = new URL(href, current);
	} catch {
		return null;
	}
	const samePage =
		url.origin === current.origin &&
		url.pathname === current.pathname &&
		url.search === current.search;
	if (!samePage || url.hash.length < 2) return null;
	try {
		return decodeURIComponent(url.hash.slice(1));
	} catch {
		return url.hash.slice(1);
	}
}

/** How far down `pane` must scroll to show `target` at its top, less the target's scroll margin. */
export function paneOffset(pane: HTMLElement, target: HTMLElement): number {
	const margin = parseFloat(getComputedStyle(target).scrollMarginTop) || 0;
	const top =
		target.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop;
	return Math.max(0, Math.round(top - margin));
}

/** Handles same-page links inside `pane()` until the returned function is called. */
export function installInPageJumps(pane: () => HTMLElement | undefined): () => void {
	const onClick = (e: MouseEvent) => {
		if (e.defaultPrevented || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey)
			return;
		const scroller = pane();
		const anchor = (e.target as Element | null)?.closest?.('a[href]');
		if (!scroller || !(anchor instanceof HTMLAnchorElement) || !scroller.contains(anchor)) return;
		const id = jumpTarget(anchor.href, location.href);
		if (id === null) return;
		// Also keeps SvelteKit's router out: it leaves prevented clicks alone.
		e.preventDefault();
		const target = document.getElementById(id);
		if (!target || !scroller.contains(target)) return;
		scroller.scrollTo({ top: paneOffset(scroller, target) });
		// Screen readers continue from the section; a touch shows no focus ring.
		if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
		target.focus({ preventScroll: true });
	};
	document.addEventListener('click', onClick, true);
	return () => document.removeEventListener('click', onClick, true);
}
