import { describe, expect, it } from 'vitest';
import { isKioskPath, parentPath } from './navigation';

describe('parentPath', () => {
	it('goes one level up', () => {
		expect(parentPath('/guides/radio-station-license')).toBe('/guides');
		expect(parentPath('/disclosure/x')).toBe('/disclosure');
	});
	it('returns home from a top-level page or home itself', () => {
		expect(parentPath('/guides')).toBe('/');
		expect(parentPath('/search')).toBe('/');
		expect(parentPath('/')).toBe('/');
		expect(parentPath('/guides/')).toBe('/');
	});
	it('goes from a later page of a list to its first page, and from a category to the list', () => {
		expect(parentPath('/disclosure/p/2')).toBe('/disclosure');
		expect(parentPath('/disclosure/c/budgets/p/3')).toBe('/disclosure/c/budgets');
		expect(parentPath('/disclosure/c/budgets')).toBe('/disclosure');
	});
});

describe('isKioskPath', () => {
	it('is every visitor address, known or not', () => {
		expect(isKioskPath('/')).toBe(true);
		expect(isKioskPath('/guides/gone')).toBe(true);
		expect(isKioskPath('/statuses')).toBe(true);
	});
	it('is not the LED screens or the staff pages', () => {
		expect(isKioskPath('/bulletin')).toBe(false);
		expect(isKioskPath('/bulletin/x')).toBe(false);
		expect(isKioskPath('/status')).toBe(false);
		expect(isKioskPath('/reset')).toBe(false);
	});
});
