import { describe, expect, it } from 'vitest';
import { parseAlerts } from './schema';

describe('parseAlerts', () => {
	it('accepts the empty file the build writes', () => {
		expect(parseAlerts({ alerts: [] })).toEqual({ ok: true, alerts: [] });
	});

	it('names the file, the alert counted from 1 and the field in Chinese', () => {
		const result = parseAlerts({
			alerts: [
				{
					id: 'x',
					text: '暂停办理',
					level: 'urgent',
					until: '2026-12-01 18:00',
					publishedAt: '2026-12-01T02:00:00Z'
				},
				{ id: 'y', text: '  ', level: 'loud', until: '2026-12-01 18:00', publishedAt: 'now' }
			]
		});
		expect(result).toEqual({
			ok: false,
			errors: [
				'alerts.json · 第2条 · 通知内容：不能为空，现在是“”',
				'alerts.json · 第2条 · 级别：应为 urgent（滚动条）或 takeover（整屏），现在是“loud”',
				'alerts.json · 第2条 · 发布时间：应为时间戳，如“2026-12-01T02:00:00Z”，现在是“now”'
			]
		});
	});

	it('refuses a file without the list', () => {
		expect(parseAlerts(null)).toEqual({
			ok: false,
			errors: ['alerts.json：应为对象，现在是“null”']
		});
	});
});
