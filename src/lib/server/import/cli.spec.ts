import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = path.resolve(import.meta.dirname, '../../../..');
const BAD = path.join(REPO, 'tests/fixtures/import/bad-rows-gb18030.csv');
let tmp: string;
let content: string;

function cli(...args: string[]) {
	const r = spawnSync(
		path.join(REPO, 'node_modules/.bin/tsx'),
		[path.join(REPO, 'scripts/content-import.ts'), ...args],
		{ cwd: REPO, encoding: 'utf8', env: { ...process.env, CONTENT_DIR: content } }
	);
	return { code: r.status, out: r.stdout, err: r.stderr };
}
const count = () =>
	readdirSync(path.join(content, 'disclosure')).filter((f) => f.endsWith('.md')).length;

beforeAll(() => {
	tmp = mkdtempSync(path.join(os.tmpdir(), 'import-cli-'));
	content = path.join(tmp, 'content');
	cpSync(path.join(REPO, 'content'), content, { recursive: true });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm run content:import', () => {
	it('names the bad rows, writes nothing and exits 1; --skip-bad imports the rest; again: all unchanged', () => {
		const before = count();
		const bad = cli('disclosure', BAD);
		expect(bad.code).toBe(1);
		expect(bad.out).toContain('第3行 · 发布日期：应为日期（如 2014-03-05），现在是“三月五日”');
		expect(bad.out).toContain('第5行 · 公开类别：“工作动态”不是公开目录的类别');
		expect(bad.out).toContain('第7行 · 链接：应为以 http:// 或 https:// 开头的网址');
		expect(bad.out).toContain('什么都没有写入');
		expect(count()).toBe(before);

		const skip = cli('disclosure', BAD, '--skip-bad');
		expect(skip.code).toBe(0);
		expect(skip.out).toMatch(/^新增：4 条$/m);
		expect(skip.out).toContain('跳过了 3 行有问题的行');
		expect(count()).toBe(before + 4);

		const again = cli('disclosure', BAD, '--skip-bad', '--into', content);
		expect(again.code).toBe(0);
		expect(again.out).toMatch(/^新增：0 条$/m);
		expect(again.out).toMatch(/^未变：4 条$/m);
		expect(count()).toBe(before + 4);
	}, 240_000);

	it('explains a wrong command line and exits 2', () => {
		const r = cli('guides', 'x.csv');
		expect(r.code).toBe(2);
		expect(r.err).toContain('目前只能导入政务公开目录（disclosure）');
		expect(cli('disclosure', BAD, '--bogus').code).toBe(2);
	}, 240_000);
});
