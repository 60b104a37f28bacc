import { describe, expect, it } from 'vitest';
import { isBlockedShortcut, isExternalHref, linkAction, type KeyPress } from './lockdown';

/** A key press as a US keyboard reports it: `spec` is like "Ctrl+Shift+Delete". */
function press(spec: string, overrides: Partial<KeyPress> = {}): KeyPress {
	const parts = spec.split('+');
	const key = parts.pop()!;
	const mods = new Set(parts);
	const code = /^[a-z]$/i.test(key)
		? `Key${key.toUpperCase()}`
		: /^\d$/.test(key)
			? `Digit${key}`
			: key;
	return {
		key: mods.has('Shift') && key.length === 1 ? key.toUpperCase() : key,
		code,
		ctrlKey: mods.has('Ctrl'),
		metaKey: mods.has('Meta'),
		altKey: mods.has('Alt'),
		shiftKey: mods.has('Shift'),
		...overrides
	};
}

describe('isBlockedShortcut', () => {
	const blocked = [
		'Ctrl+l',
		'Ctrl+h',
		'Ctrl+j',
		'Ctrl+u',
		'Ctrl+f',
		'Ctrl+p',
		'Ctrl+s',
		'Ctrl+o',
		'Ctrl+r',
		'Ctrl+d',
		'Ctrl+n',
		'Ctrl+t',
		'Ctrl+w',
		'Ctrl+1',
		'Ctrl+0',
		'Ctrl+=',
		'Ctrl+-',
		'Ctrl+Tab',
		'Ctrl+PageDown',
		'Ctrl+F5',
		'Meta+l',
		'Ctrl+Shift+Delete',
		'Ctrl+Shift+i',
		'Ctrl+Shift+j',
		'Ctrl+Shift+c',
		'Ctrl+Shift+n',
		'Ctrl+Shift+t',
		'Ctrl+Shift+b',
		'Ctrl+Shift+o',
		'Ctrl+Shift+q',
		'Alt+ArrowLeft',
		'Alt+ArrowRight',
		'Alt+Home',
		'Alt+f',
		'Alt+d',
		'Alt+F4',
		'Shift+Escape',
		'F1',
		'F3',
		'F5',
		'F6',
		'F7',
		'F10',
		'F11',
		'F12',
		'BrowserBack',
		'BrowserHome',
		'BrowserRefresh'
	];
	for (const spec of blocked) {
		it(`blocks ${spec}`, () => expect(isBlockedShortcut(press(spec))).toBe(true));
	}

	const allowed = [
		'a',
		'L',
		'Shift+l',
		'1',
		'Backspace',
		'Enter',
		'Escape',
		'Tab',
		'Shift+Tab',
		'ArrowLeft',
		'Home',
		'Ctrl+a',
		'Ctrl+c',
		'Ctrl+v',
		'Ctrl+x',
		'Ctrl+z',
		'Ctrl+Backspace',
		'Ctrl+ArrowLeft',
		'Alt+a'
	];
	for (const spec of allowed) {
		it(`lets ${spec} through (typing and editing)`, () =>
			expect(isBlockedShortcut(press(spec))).toBe(false));
	}

	it('goes by the key position, whatever the layout or input method reports as the key', () => {
		// A Russian layout reports Ctrl+L as "д"; an input method composing reports "Process".
		expect(isBlockedShortcut(press('Ctrl+l', { key: 'д' }))).toBe(true);
		expect(isBlockedShortcut(press('Ctrl+h', { key: 'Process' }))).toBe(true);
		expect(isBlockedShortcut(press('Ctrl+c', { key: 'с' }))).toBe(false);
	});
});

describe('linkAction', () => {
	const origin = 'https://kiosk.example.gov.cn';
	const primary = { button: 0, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false };
	const middle = { ...primary, button: 1 };

	it('follows a plain tap on an own link', () => {
		expect(linkAction('/guides/x', origin, primary)).toBe('follow');
		expect(linkAction(`${origin}/notices`, origin, primary)).toBe('follow');
	});

	it('shows a QR code for another site, mail or phone, whatever the button', () => {
		for (const click of [primary, middle, { ...primary, ctrlKey: true }]) {
			expect(linkAction('https://www.gov.cn/', origin, click)).toBe('qr');
			expect(linkAction('mailto:a@example.gov.cn', origin, click)).toBe('qr');
			expect(linkAction('tel:12345', origin, click)).toBe('qr');
		}
		// Same host, other port or scheme: another origin.
		expect(linkAction('http://kiosk.example.gov.cn/', origin, primary)).toBe('qr');
	});

	it('does nothing for a click that would open a new tab, window or download', () => {
		expect(linkAction('/guides', origin, middle)).toBe('ignore');
		for (const mod of ['ctrlKey', 'metaKey', 'shiftKey', 'altKey'] as const) {
			expect(linkAction('/guides', origin, { ...primary, [mod]: true }), mod).toBe('ignore');
		}
		expect(linkAction('/guides', origin, primary, true)).toBe('ignore');
	});

	it('opens the kiosk’s own files in its viewer, even from a download link, never bare', () => {
		expect(linkAction('/media/form.pdf', origin, primary)).toBe('media');
		expect(linkAction(`${origin}/media/flow.svg`, origin, primary, true)).toBe('media');
		expect(linkAction('/media/form.pdf', origin, middle)).toBe('ignore');
		expect(linkAction('https://www.gov.cn/media/x.pdf', origin, primary)).toBe('qr');
	});
});

describe('isExternalHref', () => {
	it('compares origins', () => {
		expect(isExternalHref('/x', 'https://a.cn')).toBe(false);
		expect(isExternalHref('https://b.cn/x', 'https://a.cn')).toBe(true);
	});
});
