import { describe, expect, it } from 'vitest';
import { parseSiteJson } from './site-json';

const good = {
	site: {
		name: '湖南省经济和信息化委员会',
		hallName: '省经信委政务服务大厅',
		address: '长沙市芙蓉区五一大道98号',
		hours: { days: [1, 2, 3, 4, 5], sessions: [{ from: '09:00', to: '17:00' }] },
		enquiryPhone: '0731-84420131',
		complaintPhone: '0731-84420199',
		windows: [{ number: '1', name: '综合受理窗口', services: [] }],
		publicBaseUrl: 'https://hall.example',
		timeZone: 'Asia/Shanghai',
		kiosk: { idleTimeoutSeconds: 90, idleCountdownSeconds: 20, updateCheckMinutes: 15 },
		frequentSearches: ['无线电'],
		email: 'zwdt@example.cn'
	},
	contentVersion: { hash: 'abc123', loadedAt: '2026-05-03T06:00:00.000Z' }
};

describe('site.json', () => {
	it('passes a complete document through, extra fields included', () => {
		expect(parseSiteJson(structuredClone(good))).toEqual(good);
	});

	it('refuses a truncated, empty or foreign document instead of handing it to the screens', () => {
		expect(parseSiteJson(null)).toBeNull();
		expect(parseSiteJson({})).toBeNull();
		expect(parseSiteJson({ site: good.site })).toBeNull();
		const noZone = structuredClone(good) as { site: Partial<typeof good.site> };
		delete noZone.site.timeZone;
		expect(parseSiteJson(noZone)).toBeNull();
		const noWindows = structuredClone(good);
		noWindows.site.windows = [];
		expect(parseSiteJson(noWindows)).toBeNull();
		const badKiosk = structuredClone(good) as { site: { kiosk: unknown } };
		badKiosk.site.kiosk = { idleTimeoutSeconds: '90' };
		expect(parseSiteJson(badKiosk)).toBeNull();
	});
});
