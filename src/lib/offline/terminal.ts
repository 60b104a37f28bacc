/**
 * Terminal identity: which terminal this is and what it shows. Set once by support staff by
 * opening `/?terminal=<id>&mode=bulletin&screen=<id>` (or `mode=kiosk`), kept in IndexedDB.
 */
export type TerminalMode = 'kiosk' | 'bulletin';

export interface TerminalSettings {
	id: string;
	mode: TerminalMode;
	/** Bulletin screen id (`/bulletin?screen=`); only in bulletin mode. */
	screen?: string;
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
	return settings;
}

/** Where a terminal in bulletin mode goes instead of the kiosk home page. */
export function bulletinPath(settings: TerminalSettings): string {
	return settings.screen ? `/bulletin?screen=${encodeURIComponent(settings.screen)}` : '/bulletin';
}

export function describeTerminal(settings: TerminalSettings | null): string {
	if (!settings) return '未设置（默认：触摸查询终端）';
	if (settings.mode === 'kiosk') return `${settings.id} · 触摸查询终端`;
	return `${settings.id} · 信息发布屏${settings.screen ? `（屏幕 ${settings.screen}）` : ''}`;
}
