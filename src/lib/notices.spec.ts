import { describe, expect, it } from 'vitest';
import { isCurrentNotice } from './notices';

describe('isCurrentNotice', () => {
	const notice = { publishedAt: 1000, expiresAt: 2000 };
	it('is current between publish and expiry', () => {
		expect(isCurrentNotice(notice, 1000)).toBe(true);
		expect(isCurrentNotice(notice, 1999)).toBe(true);
	});
	it('is not current before publishing or from the expiry instant on', () => {
		expect(isCurrentNotice(notice, 999)).toBe(false);
		expect(isCurrentNotice(notice, 2000)).toBe(false);
	});
});
