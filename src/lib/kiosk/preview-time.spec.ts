import { describe, expect, it } from 'vitest';
import { previewOffset } from './preview-time';

const ZONE = 'Asia/Shanghai';
const REAL = Date.parse('2026-12-02T02:00:00Z'); // 10:00 in the office

describe('previewOffset', () => {
	it('turns ?at= in office time into an offset from the real clock', () => {
		const url = new URL('http://kiosk.test/notices?at=2026-12-26%2010:00');
		expect(previewOffset(url, ZONE, REAL)).toBe(Date.parse('2026-12-26T02:00:00Z') - REAL);
	});

	it('clears the preview time for ?at=now or a date it cannot read', () => {
		expect(previewOffset(new URL('http://kiosk.test/?at=now'), ZONE, REAL)).toBeNull();
		expect(previewOffset(new URL('http://kiosk.test/?at=12月26日'), ZONE, REAL)).toBeNull();
	});

	it('keeps whatever was chosen when the address does not say', () => {
		expect(previewOffset(new URL('http://kiosk.test/guides'), ZONE, REAL)).toBeUndefined();
	});
});
