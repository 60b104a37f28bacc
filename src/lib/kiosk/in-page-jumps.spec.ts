import { describe, expect, it } from 'vitest';
import { jumpTarget } from './in-page-jumps';

const here = 'http://kiosk.local/guides/radio-station-license';

describe('jumpTarget', () => {
	it('finds the id of a link to a place on this page', () => {
		expect(jumpTarget('#materials', here)).toBe('materials');
		expect(jumpTarget('/guides/radio-station-license#faq', here)).toBe('faq');
		expect(jumpTarget('#materials', `${here}#conditions`)).toBe('materials');
	});
	it('decodes a Chinese anchor as Markdown writes it', () => {
		expect(jumpTarget('#%E7%94%B3%E8%AF%B7', here)).toBe('申请');
	});
	it('leaves links to other pages, other sites and bare # alone', () => {
		expect(jumpTarget('/guides#theme-1', here)).toBeNull();
		expect(jumpTarget('https://www.gov.cn/#top', here)).toBeNull();
		expect(jumpTarget('?page=2#faq', here)).toBeNull();
		expect(jumpTarget('#', here)).toBeNull();
		expect(jumpTarget('/guides/radio-station-license', here)).toBeNull();
	});
});
