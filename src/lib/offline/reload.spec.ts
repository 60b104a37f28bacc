import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readMark, RELOAD_MARK, RESUME_WINDOW_MS, versionOf, writeMark } from './reload';

const items = new Map<string, string>();
beforeEach(() => {
	items.clear();
	vi.stubGlobal('sessionStorage', {
		getItem: (k: string) => items.get(k) ?? null,
		setItem: (k: string, value: string) => items.set(k, value),
		removeItem: (k: string) => items.delete(k)
	});
});
afterEach(() => vi.unstubAllGlobals());

describe('version.json', () => {
	it('names the build it describes', () => {
		expect(versionOf({ version: '1764547200000' })).toBe('1764547200000');
	});

	it('is no answer when damaged or foreign, never a crash', () => {
		expect(versionOf(null)).toBeNull();
		expect(versionOf({})).toBeNull();
		expect(versionOf({ version: 17 })).toBeNull();
		expect(versionOf({ version: '' })).toBeNull();
		expect(versionOf('1764547200000')).toBeNull();
	});
});

describe('reload mark', () => {
	it('reads back what was written, within the window only', () => {
		const now = Date.now();
		writeMark({ at: now, count: 2 });
		expect(readMark()).toEqual({ at: now, count: 2 });
		writeMark({ at: now - RESUME_WINDOW_MS, count: 2 });
		expect(readMark()).toBeNull();
	});

	it('a damaged mark counts as none', () => {
		for (const raw of ['{"at":', '{"at":"soon","count":1}', '[1,2]', '{"count":1}']) {
			items.set(RELOAD_MARK, raw);
			expect(readMark(), raw).toBeNull();
		}
		expect(items.size).toBe(1);
	});
});
