import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitApi } from './git-api.ts';

const TOKEN = 'test-token';
let repo: string;
let server: http.Server;
let base: string;
const committed: string[][] = [];

const git = (...args: string[]) =>
	execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();

function call(
	route: string,
	init: { method?: string; body?: unknown; user?: string; token?: string | null } = {}
) {
	const headers: Record<string, string> = {};
	if (init.token !== null) headers.authorization = `token ${init.token ?? TOKEN}`;
	if (init.user) headers['x-remote-user'] = init.user;
	if (init.body !== undefined) headers['content-type'] = 'application/json';
	return fetch(`${base}${route}`, {
		method: init.method ?? 'GET',
		headers,
		body: init.body === undefined ? undefined : JSON.stringify(init.body)
	});
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

beforeAll(async () => {
	repo = mkdtempSync(path.join(os.tmpdir(), 'git-api-'));
	git('init', '-q', '-b', 'main');
	git('config', 'user.name', '信息中心');
	git('config', 'user.email', 'it@localhost');
	mkdirSync(path.join(repo, 'content/notices'), { recursive: true });
	writeFileSync(path.join(repo, 'content/notices/a.md'), '---\ntitle: 通知甲\n---\n正文\n');
	writeFileSync(path.join(repo, 'content/site.yaml'), 'name: 某区政务服务中心\n');
	// The app beside its content, as when an office keeps both in one repository.
	writeFileSync(path.join(repo, 'package.json'), '{"name": "lobby-kiosk"}\n');
	symlinkSync('/tmp', path.join(repo, 'content/elsewhere'));
	git('add', '-A');
	git('commit', '-q', '-m', '初始内容');
	const api = gitApi({
		repoDir: repo,
		contentPrefix: 'content/',
		editorOf: (req) => {
			if (req.headers.authorization !== `token ${TOKEN}`) return null;
			const login = String(req.headers['x-remote-user'] ?? 'editor');
			return { login, name: login, email: `${login}@localhost` };
		},
		onCommit: (paths) => committed.push(paths)
	});
	server = http.createServer((req, res) => {
		const p = new URL(req.url ?? '/', 'http://x').pathname;
		void api(req, res, p.slice('/admin/api'.length));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/admin/api`;
});

afterAll(() => {
	server.close();
	rmSync(repo, { recursive: true, force: true });
});

describe('the content repository as the Gitea API the CMS uses', () => {
	it('answers nothing without the token the workbench gave the CMS', async () => {
		expect((await call('/version', { token: null })).status).toBe(401);
		expect((await call('/repos/o/r', { token: 'guess' })).status).toBe(401);
	});

	it('names a Gitea version the CMS accepts, the signed-in editor and the branch', async () => {
		expect(await (await call('/version')).json()).toEqual({ version: '1.24.0' });
		expect(await (await call('/user', { user: 'zhangsan' })).json()).toMatchObject({
			login: 'zhangsan'
		});
		const repoInfo = await (await call('/repos/o/r')).json();
		expect(repoInfo).toMatchObject({
			default_branch: 'main',
			permissions: { push: true, pull: true }
		});
		const branch = await (await call('/repos/o/r/branches/main')).json();
		expect(branch.commit).toEqual({ id: git('rev-parse', 'HEAD'), message: '初始内容' });
	});

	it("lists the tree and reads files with git's own SHA-1s", async () => {
		const head = git('rev-parse', 'HEAD');
		const { tree } = await (await call(`/repos/o/r/git/trees/${head}?recursive=1&page=1`)).json();
		const blobs = (tree as { path: string; type: string; sha: string }[]).filter(
			(e) => e.type === 'blob'
		);
		// Only the content folder: the app's files beside it are not the forms' business.
		expect(blobs.map((e) => e.path).sort()).toEqual([
			'content/elsewhere',
			'content/notices/a.md',
			'content/site.yaml'
		]);
		expect(blobs.find((e) => e.path === 'content/site.yaml')?.sha).toBe(
			git('rev-parse', 'HEAD:content/site.yaml')
		);
		const files = await (
			await call('/repos/o/r/file-contents?ref=main', {
				method: 'POST',
				body: { files: ['content/notices/a.md', 'content/missing.md'] }
			})
		).json();
		expect(files).toHaveLength(2);
		expect(Buffer.from(files[0].content, 'base64').toString('utf8')).toContain('通知甲');
		expect(files[0].sha).toBe(git('rev-parse', 'HEAD:content/notices/a.md'));
		expect(files[1]).toBeNull();
	});

	it("commits a save in the working copy under the editor's name", async () => {
		const response = await call('/repos/o/r/contents', {
			method: 'POST',
			user: 'zhangsan',
			body: {
				branch: 'main',
				message: '新建通知“通知乙”',
				files: [
					{
						operation: 'create',
						path: 'content/notices/b.md',
						content: b64('---\ntitle: 通知乙\n---\n')
					}
				]
			}
		});
		expect(response.status).toBe(201);
		const answer = await response.json();
		expect(answer.commit.sha).toBe(git('rev-parse', 'HEAD'));
		expect(answer.files[0]).toEqual({
			path: 'content/notices/b.md',
			sha: git('rev-parse', 'HEAD:content/notices/b.md')
		});
		expect(readFileSync(path.join(repo, 'content/notices/b.md'), 'utf8')).toContain('通知乙');
		expect(git('log', '-1', '--format=%an|%s')).toBe('zhangsan|新建通知“通知乙”');
		expect(git('status', '--porcelain')).toBe('');
		expect(committed.at(-1)).toEqual(['content/notices/b.md']);
		const history = await (
			await call('/repos/o/r/commits?sha=main&path=content/notices/b.md')
		).json();
		expect(history).toHaveLength(1);
		expect(history[0].commit.author.name).toBe('zhangsan');
	});

	it('refuses a save made from an older copy instead of losing the other edit', async () => {
		/** An editor saves notice a.md as opened at `sha`. */
		const update = (user: string, sha: string, text: string) =>
			call('/repos/o/r/contents', {
				method: 'POST',
				user,
				body: {
					message: '修改',
					files: [{ operation: 'update', path: 'content/notices/a.md', sha, content: b64(text) }]
				}
			});
		const old = git('rev-parse', 'HEAD:content/notices/a.md');
		const first = await update('lisi', old, '李四的修改\n');
		expect(first.status).toBe(201);
		const second = await update('wangwu', old, '王五的修改\n');
		expect(second.status).toBe(409);
		expect((await second.json()).message).toContain('被别人改过');
		expect(readFileSync(path.join(repo, 'content/notices/a.md'), 'utf8')).toBe('李四的修改\n');
	});

	it('deletes, and saves nowhere but the content folder (not the app beside it, .git or a link)', async () => {
		const sha = git('rev-parse', 'HEAD:content/notices/b.md');
		const deleted = await call('/repos/o/r/contents', {
			method: 'POST',
			body: { message: '删除', files: [{ operation: 'delete', path: 'content/notices/b.md', sha }] }
		});
		expect(deleted.status).toBe(201);
		expect(git('ls-files', 'content/notices')).toBe('content/notices/a.md');
		for (const bad of [
			'../escape.md',
			'.git/config',
			'content//x.md',
			'package.json',
			'src/hooks.server.ts',
			'content/elsewhere/x.md'
		]) {
			const response = await call('/repos/o/r/contents', {
				method: 'POST',
				body: { message: 'x', files: [{ operation: 'create', path: bad, content: b64('x') }] }
			});
			expect(response.status, bad).toBe(422);
		}
		expect(git('status', '--porcelain')).toBe('');
	});
});
