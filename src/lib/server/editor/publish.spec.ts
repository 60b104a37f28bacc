import { describe, expect, it } from 'vitest';
import type { CheckResult, ContentCheck } from './check.ts';
import { Publisher } from './publish.ts';

function checked(errors: string[]): ContentCheck {
	const result: CheckResult = {
		checkedAt: new Date().toISOString(),
		errors: errors.length,
		warnings: 0,
		summary: '办事指南 1 项',
		version: errors.length ? null : '3fa1c2d4e5f6',
		problems: errors.map((text) => ({ file: 'notices/x.md', severity: 'error', text })),
		recent: []
	};
	return { checkNow: () => result } as unknown as ContentCheck;
}

describe('publishing from the staff workbench', () => {
	it('runs nothing while the check finds errors, and names them', async () => {
		const publisher = new Publisher(['sh', '-c', 'touch "$0"', '/nonexistent/ran'], '/tmp');
		const answer = await publisher.publish(checked(['notices/x.md · 截止时间：应晚于发布时间']));
		expect(answer.ok).toBe(false);
		expect(answer.message).toBe(
			'没有发布：内容检查有 1 处错误，改正后再发布。\nnotices/x.md · 截止时间：应晚于发布时间'
		);
		expect(answer.output).toBeUndefined();
	});

	it('runs the publish command with the content folder when the check passes', async () => {
		const publisher = new Publisher(['sh', '-c', 'echo "发布 $CONTENT_DIR"'], '/srv/content');
		const answer = await publisher.publish(checked([]));
		expect(answer).toMatchObject({ ok: true, output: '发布 /srv/content\n' });
		expect(answer.message).toContain('已发布，内容版本 3fa1c2d4e5f6');
	});

	it('says a failed publish left the terminals on the last release, with its last lines', async () => {
		const publisher = new Publisher(['sh', '-c', 'echo 构建失败 >&2; exit 3'], '/tmp');
		const answer = await publisher.publish(checked([]));
		expect(answer.ok).toBe(false);
		expect(answer.message).toContain('发布没有完成（退出码 3），终端上仍是上一版');
		expect(answer.message).toContain('构建失败');
		const missing = await new Publisher(['/nonexistent/publish'], '/tmp').publish(checked([]));
		expect(missing.message).toContain('无法运行发布命令 /nonexistent/publish');
	});

	it('takes one publish at a time', async () => {
		const publisher = new Publisher(['sh', '-c', 'sleep 0.3'], '/tmp');
		const first = publisher.publish(checked([]));
		const second = await publisher.publish(checked([]));
		expect(second).toEqual({ ok: false, message: '正在发布上一次的修改，请等它完成后再点发布。' });
		expect((await first).ok).toBe(true);
	});
});
