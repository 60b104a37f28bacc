import { describe, expect, it } from 'vitest';
import { mediaLink, publicFileUrl } from './media';

const ORIGIN = 'http://kiosk.local';

describe('mediaLink', () => {
	it('recognises pictures and documents under /media/ on this site', () => {
		expect(mediaLink('/media/flow.svg', ORIGIN)).toEqual({
			path: '/media/flow.svg',
			kind: 'image',
			name: 'flow.svg'
		});
		expect(mediaLink(`${ORIGIN}/media/forms/%E7%94%B3%E8%AF%B7%E8%A1%A8.pdf`, ORIGIN)).toEqual({
			path: '/media/forms/%E7%94%B3%E8%AF%B7%E8%A1%A8.pdf',
			kind: 'document',
			name: '申请表.pdf'
		});
		expect(mediaLink('/media/photo.JPG', ORIGIN)?.kind).toBe('image');
	});

	it('leaves pages, other sites and broken addresses alone', () => {
		expect(mediaLink('/guides/x', ORIGIN)).toBeNull();
		expect(mediaLink('https://www.gov.cn/media/x.pdf', ORIGIN)).toBeNull();
		expect(mediaLink('http://[bad', ORIGIN)).toBeNull();
		expect(mediaLink('/media/%E0%A4%A.pdf', ORIGIN)?.name).toBe('%E0%A4%A.pdf');
	});
});

describe('publicFileUrl', () => {
	it('joins the public base and the path with one slash', () => {
		expect(publicFileUrl('/media/a.pdf', 'https://www.example.gov.cn/')).toBe(
			'https://www.example.gov.cn/media/a.pdf'
		);
		expect(publicFileUrl('/media/a.pdf', 'https://www.example.gov.cn')).toBe(
			'https://www.example.gov.cn/media/a.pdf'
		);
	});
});
