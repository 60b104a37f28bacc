/**
 * The kiosk never leaves itself: no context menu, no pinch or ctrl-zoom, no browser shortcut from
 * an attached keyboard, no new tab or window from a middle or modified click, and a tap on a link
 * to another site shows a QR code (via `onExternalLink`) instead of navigating away.
 *
 * Shortcuts the browser keeps for itself (Ctrl+N/T/W, Ctrl+Tab) never reach a page; the
 * launcher's Chromium policy (deploy/kiosk/lobby-kiosk-launch) covers those.
 */
import { mediaLink, type MediaLink } from './media';

export function isExternalHref(href: string, origin: string): boolean {
	try {
		const url = new URL(href, origin);
		return url.origin !== origin;
	} catch {
		return false;
	}
}

/** The parts of a KeyboardEvent the filter looks at (a plain object in unit tests). */
export interface KeyPress {
	key: string;
	code: string;
	ctrlKey: boolean;
	metaKey: boolean;
	altKey: boolean;
	shiftKey: boolean;
}

/**
 * Ctrl (or ⌘) with: address bar, history, downloads, source, find, bookmarks, print, save, open,
 * reload, zoom, new tab or window, tab switching, quit.
 */
const CTRL = new Set([
	'l', 'h', 'j', 'u', 'f', 'g', 'd', 'e', 'k', 'p', 's', 'o', 'r', 'n', 't', 'w', 'q', 'm',
	'1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '+', '-', '=', '_',
	'tab', 'pageup', 'pagedown', 'f4', 'f5'
]); // prettier-ignore
/** Ctrl+Shift with: devtools, clearing browsing data, bookmarks, profiles, incognito, reopen tab. */
const CTRL_SHIFT = new Set([
	'i', 'j', 'c', 'delete', 'backspace', 'b', 'o', 'm', 'n', 't', 'q', 'w', 'a', 'r', 'l'
]); // prettier-ignore
/** Alt with: back, forward, home page, the browser menu, address bar, feedback. */
const ALT = new Set(['arrowleft', 'arrowright', 'home', 'f', 'e', 'd', 'i', 'f4']);
/** Keys that act on their own: help, find next, address bar, caret browsing, menu, fullscreen, devtools, reload. */
const ALONE = new Set(['f1', 'f3', 'f5', 'f6', 'f7', 'f10', 'f11', 'f12']);
/** Media-keyboard keys that drive the browser. */
const BROWSER_KEYS = /^Browser(Back|Forward|Home|Refresh|Search|Favorites|Stop)$/;

/** A letter or digit by its place on the keyboard, whatever the layout or input method says. */
function keyName({ key, code }: KeyPress): string {
	if (/^Key[A-Z]$/.test(code)) return code.slice(3).toLowerCase();
	if (/^Digit\d$/.test(code)) return code.slice(5);
	return key.toLowerCase();
}

/** Whether a key press is a browser shortcut that the kiosk page must swallow. */
export function isBlockedShortcut(e: KeyPress): boolean {
	if (BROWSER_KEYS.test(e.key)) return true;
	const key = keyName(e);
	const ctrl = e.ctrlKey || e.metaKey;
	if (ctrl && e.shiftKey && CTRL_SHIFT.has(key)) return true;
	if (ctrl && CTRL.has(key)) return true;
	if (e.altKey && !ctrl && ALT.has(key)) return true;
	// Shift+Esc: the task manager, from which a page (the kiosk itself) can be ended.
	if (e.shiftKey && key === 'escape') return true;
	return ALONE.has(key);
}

/** What a click on a link does in the kiosk. */
export type LinkAction = 'follow' | 'qr' | 'media' | 'ignore';

/**
 * A plain primary click on one of the kiosk's own links follows it. A link elsewhere (another
 * origin, mail, phone) shows its QR code. A middle click, a click with Ctrl, ⌘, Shift or Alt, or
 * a link with a `target` or `download` (`opensElsewhere`) would open a new tab or window, or a
 * download: that does nothing on an own link. A file under /media/ opens in the kiosk's viewer,
 * never as a bare page without the toolbar and the idle reset.
 */
export function linkAction(
	href: string,
	origin: string,
	click: { button: number; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean },
	opensElsewhere = false
): LinkAction {
	let url: URL;
	try {
		url = new URL(href, origin);
	} catch {
		return 'ignore';
	}
	if (url.origin !== origin || url.protocol === 'mailto:' || url.protocol === 'tel:') return 'qr';
	const plain =
		click.button === 0 && !click.ctrlKey && !click.metaKey && !click.shiftKey && !click.altKey;
	if (!plain) return 'ignore';
	if (url.pathname.startsWith('/media/')) return 'media';
	return opensElsewhere ? 'ignore' : 'follow';
}

export interface LockdownHandlers {
	/** A link to another site, mail or phone: show its QR code. */
	onExternalLink: (url: string) => void;
	/** A file of the kiosk's own (/media/…): show it in the viewer. */
	onMedia: (media: MediaLink) => void;
}

export function installLockdown({ onExternalLink, onMedia }: LockdownHandlers): () => void {
	const preventDefault = (e: Event) => e.preventDefault();
	// `click` for the primary button, `auxclick` for the middle one (which opens a new tab).
	const onClick = (e: MouseEvent) => {
		const anchor = (e.target as Element | null)?.closest?.('a[href]');
		if (!(anchor instanceof HTMLAnchorElement)) return;
		const elsewhere =
			(anchor.target !== '' && anchor.target !== '_self') || anchor.hasAttribute('download');
		const action = linkAction(anchor.href, location.origin, e, elsewhere);
		if (action === 'follow') return;
		e.preventDefault();
		e.stopPropagation();
		if (action === 'qr') onExternalLink(anchor.href);
		const media = action === 'media' ? mediaLink(anchor.href, location.origin) : null;
		const label = anchor.textContent?.trim();
		if (media) onMedia(label ? { ...media, label } : media);
	};
	// A middle press starts autoscroll or pastes the selection (Linux) before any click.
	const onMouseDown = (e: MouseEvent) => {
		if (e.button === 1) e.preventDefault();
	};
	const onWheel = (e: WheelEvent) => {
		if (e.ctrlKey) e.preventDefault();
	};
	const onKey = (e: KeyboardEvent) => {
		if (isBlockedShortcut(e)) e.preventDefault();
	};
	const onTouchMove = (e: TouchEvent) => {
		if (e.touches.length > 1) e.preventDefault();
	};
	const wheel: AddEventListenerOptions = { passive: false };
	const touch: AddEventListenerOptions = { passive: false };
	document.addEventListener('contextmenu', preventDefault);
	document.addEventListener('click', onClick, true);
	document.addEventListener('auxclick', onClick, true);
	document.addEventListener('mousedown', onMouseDown, true);
	document.addEventListener('wheel', onWheel, wheel);
	// Capture phase on the window: before any handler of the page can stop the event.
	window.addEventListener('keydown', onKey, true);
	document.addEventListener('touchmove', onTouchMove, touch);
	document.addEventListener('gesturestart', preventDefault);
	document.addEventListener('dragstart', preventDefault);
	return () => {
		document.removeEventListener('contextmenu', preventDefault);
		document.removeEventListener('click', onClick, true);
		document.removeEventListener('auxclick', onClick, true);
		document.removeEventListener('mousedown', onMouseDown, true);
		document.removeEventListener('wheel', onWheel);
		window.removeEventListener('keydown', onKey, true);
		document.removeEventListener('touchmove', onTouchMove);
		document.removeEventListener('gesturestart', preventDefault);
		document.removeEventListener('dragstart', preventDefault);
	};
}
