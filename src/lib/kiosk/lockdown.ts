/**
 * The kiosk never leaves itself: no context menu, no pinch or ctrl-zoom, and a tap on a link to
 * another site shows a QR code (via `onExternalLink`) instead of navigating away.
 */
export function isExternalHref(href: string, origin: string): boolean {
	try {
		const url = new URL(href, origin);
		return url.origin !== origin;
	} catch {
		return false;
	}
}

export function installLockdown(onExternalLink: (url: string) => void): () => void {
	const preventDefault = (e: Event) => e.preventDefault();
	const onClick = (e: MouseEvent) => {
		const anchor = (e.target as Element | null)?.closest?.('a[href]');
		if (!(anchor instanceof HTMLAnchorElement)) return;
		if (
			isExternalHref(anchor.href, location.origin) ||
			anchor.protocol === 'mailto:' ||
			anchor.protocol === 'tel:'
		) {
			e.preventDefault();
			e.stopPropagation();
			onExternalLink(anchor.href);
		}
	};
	const onWheel = (e: WheelEvent) => {
		if (e.ctrlKey) e.preventDefault();
	};
	const onKey = (e: KeyboardEvent) => {
		// Zoom and print shortcuts from an attached keyboard would break the kiosk layout.
		if (
			(e.ctrlKey || e.metaKey) &&
			['+', '-', '=', '0', 'p', 's', 'o'].includes(e.key.toLowerCase())
		) {
			e.preventDefault();
		}
	};
	const onTouchMove = (e: TouchEvent) => {
		if (e.touches.length > 1) e.preventDefault();
	};
	document.addEventListener('contextmenu', preventDefault);
	document.addEventListener('click', onClick, true);
	document.addEventListener('wheel', onWheel, { passive: false });
	document.addEventListener('keydown', onKey);
	document.addEventListener('touchmove', onTouchMove, { passive: false });
	document.addEventListener('gesturestart', preventDefault);
	document.addEventListener('dragstart', preventDefault);
	return () => {
		document.removeEventListener('contextmenu', preventDefault);
		document.removeEventListener('click', onClick, true);
		document.removeEventListener('wheel', onWheel);
		document.removeEventListener('keydown', onKey);
		document.removeEventListener('touchmove', onTouchMove);
		document.removeEventListener('gesturestart', preventDefault);
		document.removeEventListener('dragstart', preventDefault);
	};
}
