/**
 * Terminal identity: which terminal this is and what it shows. Set once by support staff by
 * opening `/?terminal=<id>&mode=bulletin&screen=<id>` (or `mode=kiosk`), kept in IndexedDB.
 * The launcher adds `&printer=yes` on a touch terminal with a printer (KIOSK_PRINTER): the site
 * is the same for every terminal, so only the address can tell it this one can print.
 */
export type TerminalMode = 'kiosk' | 'bulletin';

export interface TerminalSettings {
	id: string;
	mode: TerminalMode;
	/** Bulletin screen id (`/bulletin?screen=`); only in bulletin mode. */
	screen?: string;
	/** A printer is attached (the launcher prints silently to it); only in kiosk mode. */
	printer?: boolean;
	/** Day it was set, `2026-05-03`. */
	setOn: string;
}

const ID = /^[\w.-]{1,40}$/;

/** The settings in a URL, or null when it carries none (or invalid ones, which are ignored). */
export function parseTerminalParams(url: URL, today: string): TerminalSettings | null {
	const id = url.searchParams.get('terminal')?.trim();
	if (!id || !ID.test(id)) return null;
	const mode: TerminalMode = url.searchParams.get('mode') === 'bulletin' ? 'bulletin' : 'kiosk';
	const screen = url.searchParams.get('screen')?.trim();
	const settings: TerminalSettings = { id, mode, setOn: today };
	if (mode === 'bulletin' && screen && ID.test(screen)) settings.screen = screen;
	if (mode === 'kiosk' && url.searchParams.get('printer') === 'yes') settings.printer = true;
	return settings;
}

/** Where a terminal in bulletin mode goes instead of the kiosk home page. */
export function bulletinPath(settings: TerminalSettings): string {
	return settings.screen ? `/bulletin?screen=${encodeURIComponent(settings.screen)}` : '/bulletin';
}

export function describeTerminal(settings: TerminalSettings | null): string {
	if (!settings) return '未设置（默认：触摸查询终端）';
	if (settings.mode === 'kiosk')
		return `${settings.id} · 触摸查询终端${settings.printer ? '（已接打印机）' : ''}`;
	return `${settings.id} · 信息发布屏${settings.screen ? `（屏幕 ${settings.screen}）` : ''}`;
}
