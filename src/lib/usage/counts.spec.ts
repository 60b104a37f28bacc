import { describe, expect, it } from 'vitest';
import { byUse, countedPath, localDay, overflow } from './counts';

describe('localDay', () => {
	it('is the calendar day in the office time zone, not UTC', () => {
		expect(localDay(new Date('2026-05-03T17:30:00Z'), 'Asia/Shanghai')).toBe('2026-05-04');
		expect(localDay(new Date('2026-05-03T15:59:00Z'), 'Asia/Shanghai')).toBe('2026-05-03');
	});
});

describe('countedPath', () => {
	it('counts one content item per page', () => {
		expect(countedPath('/(kiosk)/guides/[slug]', '/guides/radio')).toBe('/guides/radio');
		expect(countedPath('/(kiosk)/notices/[slug]', '/notices/holiday')).toBe('/notices/holiday');
	});
	it('does not count lists, home, search, staff or bulletin pages', () => {
		expect(countedPath('/(kiosk)/guides', '/guides')).toBeNull();
		expect(countedPath('/(kiosk)', '/')).toBeNull();
		expect(countedPath('/(kiosk)/search', '/search')).toBeNull();
		expect(countedPath('/status', '/status')).toBeNull();
		expect(countedPath('/bulletin', '/bulletin')).toBeNull();
		expect(countedPath(null, '/nowhere')).toBeNull();
	});
	it('does not count an address that is not there', () => {
		expect(countedPath('/(kiosk)/[...rest]', '/guides/x/y')).toBeNull();
		expect(countedPath('/(kiosk)/guides/[slug]', '/guides/gone', 404)).toBeNull();
	});
});

describe('overflow', () => {
	const entry = (count: number, lastDay: string) => ({ count, lastDay });
	it('drops the least used, and among equals the longest unused', () => {
		const a = entry(5, '2026-01-01');
		const b = entry(1, '2026-01-01');
		const c = entry(1, '2026-03-01');
		const d = entry(2, '2026-02-01');
		expect(overflow([a, b, c, d], 2)).toEqual([c, b]);
		expect(overflow([a, b], 2)).toEqual([]);
		expect([a, b, c, d].sort(byUse)).toEqual([a, d, c, b]);
	});
});
