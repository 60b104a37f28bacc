/**
 * `/alerts.json`: urgent news for every screen, written on the server by `npm run alert` (or the
 * publish step) without a new build. Times are the office's wall clock (`2026-12-01 18:00`); each
 * terminal turns them into instants with the office's time zone, so a screen set to the wrong zone
 * still clears an alert on time. Shared by the browser and the command (Node), hence no `$lib`.
 */
import * as v from 'valibot';

export const ALERTS_FILE = 'alerts.json';
export const ALERT_LEVELS = ['urgent', 'takeover'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];
/** Longer than this does not fit a ticker read at walking pace. */
export const MAX_TEXT = 200;

const LABELS: Record<string, string> = {
	alerts: '紧急通知列表',
	id: '编号',
	text: '通知内容',
	level: '级别',
	until: '截止时间',
	publishedAt: '发布时间'
};

const localDateTime = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;

export const AlertSchema = v.object({
	id: v.pipe(v.string('应为文字'), v.regex(/^[\w.-]{1,64}$/, '应为字母、数字或 _ . -')),
	text: v.pipe(
		v.string('应为文字'),
		v.trim(),
		v.minLength(1, '不能为空'),
		v.maxLength(MAX_TEXT, `最多 ${MAX_TEXT} 个字`)
	),
	level: v.picklist(ALERT_LEVELS, '应为 urgent（滚动条）或 takeover（整屏）'),
	until: v.pipe(
		v.string('应为文字'),
		v.regex(localDateTime, '应为办公地时间，如“2026-12-01 18:00”')
	),
	publishedAt: v.pipe(v.string('应为文字'), v.isoTimestamp('应为时间戳，如“2026-12-01T02:00:00Z”'))
});

export const AlertsFileSchema = v.object({ alerts: v.array(AlertSchema, '应为列表') }, '应为对象');

export type Alert = v.InferOutput<typeof AlertSchema>;
export type AlertsFile = v.InferOutput<typeof AlertsFileSchema>;

export const EMPTY_ALERTS: AlertsFile = { alerts: [] };

export type ParsedAlerts = { ok: true; alerts: Alert[] } | { ok: false; errors: string[] };

function shown(value: unknown): string {
	if (value === undefined) return '（没有填写）';
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return `“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`;
}

/**
 * Checks a parsed `alerts.json`. Each problem names the file, the alert by its position counted
 * from 1 and the field by its Chinese label, e.g.
 * `alerts.json · 第1条 · 截止时间：应为办公地时间，如“2026-12-01 18:00”，现在是“18点”`.
 */
export function parseAlerts(data: unknown, file = ALERTS_FILE): ParsedAlerts {
	const result = v.safeParse(AlertsFileSchema, data);
	if (result.success) return { ok: true, alerts: result.output.alerts };
	const errors = result.issues.map((issue) => {
		const where = [file];
		let field = '';
		for (const item of issue.path ?? []) {
			if (typeof item.key === 'number') where.push(`第${item.key + 1}条`);
			else if (typeof item.key === 'string') field = LABELS[item.key] ?? item.key;
		}
		const head = field ? `${where.join(' · ')} · ${field}` : where.join(' · ');
		return `${head}：${issue.message}，现在是${shown(issue.input)}`;
	});
	return { ok: false, errors };
}
