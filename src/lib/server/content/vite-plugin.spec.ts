import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(path.join(tmpdir(), 'content-three-bad-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run build with invalid content', () => {
	it('refuses to build and names every bad file, like content:check', () => {
		cpSync('tests/fixtures/good', dir, { recursive: true });
		cpSync('tests/fixtures/bad/three-bad-guides', dir, { recursive: true });
		const env = { ...process.env, CONTENT_DIR: dir };
		const build = spawnSync('npx', ['vite', 'build', '--outDir', path.join(dir, 'out')], {
			env,
			encoding: 'utf8'
		});
		const check = spawnSync('npx', ['tsx', 'scripts/content-check.ts'], { env, encoding: 'utf8' });

		expect(build.status).not.toBe(0);
		expect(check.status).toBe(1);
		const buildOutput = build.stdout + build.stderr;
		for (const file of ['bad-conditions.md', 'bad-copies.md', 'bad-url.md']) {
			const line = check.stdout.split('\n').find((l) => l.includes(file));
			expect(line, `content:check names ${file}`).toBeDefined();
			expect(buildOutput, `build names ${file} with the same message`).toContain(line);
		}
		expect(check.stdout).toContain('申请材料 第1项 · 复印件份数：应填整数（如 1），现在是“两份”');
		expect(buildOutput).toContain('内容检查未通过：3 处错误');
	}, 240_000);
});
