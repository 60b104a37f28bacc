/**
 * Editors with only a browser: the workbench on the publishing server (`npm run edit -- --staff`)
 * behind the staff site's real nginx (deploy/sites-available/lobby-kiosk-editors.conf). Only the
 * staff network and editors with a password get in; a change made in the forms is a commit in the
 * server's content repository under the editor's name; 发布到终端 runs the office's publish script
 * (deploy/server/lobby-kiosk-publish: check, build, switch releases) only when the check passes.
 */
import { expect, request, test } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	readlinkSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { copyProject } from '../scripts/build-site';
import { freePort } from '../scripts/lib/net';
import { selfSignedCert, startNginx, type RunningNginx } from './support/nginx';

test.describe.configure({ mode: 'serial' });

const EDITOR = { username: 'zhangsan', password: 'Kiosk-2026-staff' };
const NOTICE = 'notices/annual-report-2025-published.md';
const NEW_TITLE = '2025年政府信息公开工作年度报告已在门户网站和大厅触摸屏发布';

let work = '';
let repo = '';
let releases = '';
let tls: { cert: string; key: string };
let htpasswd = '';
let ports: { workbenchPort: number; previewPort: number };
let nginx: RunningNginx | null = null;
let workbench: ChildProcess | null = null;

const git = (...args: string[]) =>
	execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();

test.beforeAll(async () => {
	test.setTimeout(120_000);
	work = mkdtempSync(path.join(os.tmpdir(), 'lobby-staff-'));
	// The server's content repository, with what the office has published so far.
	repo = path.join(work, 'content');
	cpSync('content', repo, { recursive: true });
	git('init', '-q', '-b', 'main');
	git('config', 'user.name', '信息中心');
	git('config', 'user.email', 'it@localhost');
	git('add', '-A');
	git('commit', '-q', '-m', '现有内容');
	// The app as installed on the server (its own build/ and .svelte-kit/, not this checkout's).
	const app = copyProject(path.join(work, 'app'));
	for (const folder of ['scripts', 'deploy'])
		cpSync(folder, path.join(app, folder), { recursive: true });
	releases = path.join(work, 'releases');
	mkdirSync(releases);

	tls = selfSignedCert(work);
	htpasswd = path.join(work, 'editors.htpasswd');
	const hash = execFileSync('openssl', ['passwd', '-apr1', EDITOR.password], {
		encoding: 'utf8'
	}).trim();
	writeFileSync(htpasswd, `${EDITOR.username}:${hash}\n`);
	ports = { workbenchPort: await freePort(), previewPort: await freePort() };
	nginx = await startNginx({
		site: 'lobby-kiosk-editors.conf',
		tls,
		editors: { ...ports, htpasswd, allow: '127.0.0.1' }
	});

	workbench = spawn(
		'npx',
		[
			'tsx',
			'scripts/edit.ts',
			'--staff',
			'--port',
			String(ports.workbenchPort),
			'--preview-port',
			String(ports.previewPort),
			'--preview-url',
			nginx.previewUrl
		],
		{
			env: { ...process.env, CONTENT_DIR: repo, LOBBY_KIOSK_APP: app, RELEASES_DIR: releases },
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe']
		}
	);
	let out = '';
	workbench.stderr?.on('data', (d: Buffer) => (out += d.toString()));
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`the workbench did not start:\n${out}`)),
			90_000
		);
		workbench!.stdout?.on('data', (d: Buffer) => {
			out += d.toString();
			if (out.includes('按 Ctrl+C 结束')) {
				clearTimeout(timer);
				resolve();
			}
		});
		workbench!.on('exit', (code) => reject(new Error(`the workbench exited (${code}):\n${out}`)));
	});
	expect(out).toContain(`保存即提交到 ${repo}（分支 main）`);
});

test.afterAll(async () => {
	// The whole process group: the workbench and its dev server.
	if (workbench?.pid) process.kill(-workbench.pid, 'SIGTERM');
	await nginx?.stop();
	if (work) rmSync(work, { recursive: true, force: true });
});

test('the staff site lets in only the staff network, and only editors with a password', async () => {
	// As shipped, only the office's staff network (10.20.0.0/16) may come in: not this machine.
	const shipped = await startNginx({
		site: 'lobby-kiosk-editors.conf',
		tls,
		editors: { ...ports, htpasswd }
	});
	try {
		const editor = await request.newContext({ ignoreHTTPSErrors: true, httpCredentials: EDITOR });
		expect((await editor.get(`${shipped.url}/`)).status()).toBe(403);
		expect((await editor.get(`${shipped.previewUrl}/`)).status()).toBe(403);
		await editor.dispose();
	} finally {
		await shipped.stop();
	}
	// From the staff network: a password is asked for, and a wrong one refused.
	const stranger = await request.newContext({ ignoreHTTPSErrors: true });
	const asked = await stranger.get(`${nginx!.url}/`);
	expect(asked.status()).toBe(401);
	expect(asked.headers()['www-authenticate']).toContain('Basic');
	expect((await stranger.get(`${nginx!.url}/admin/api/version`)).status()).toBe(401);
	await stranger.dispose();
	const wrong = await request.newContext({
		ignoreHTTPSErrors: true,
		httpCredentials: { ...EDITOR, password: 'guess' }
	});
	expect((await wrong.get(`${nginx!.url}/`)).status()).toBe(401);
	await wrong.dispose();
	const editor = await request.newContext({ ignoreHTTPSErrors: true, httpCredentials: EDITOR });
	const page = await editor.get(`${nginx!.url}/`);
	expect(page.status()).toBe(200);
	expect(await page.text()).toContain('发布到终端');
	await editor.dispose();
});

test.describe('signed in', () => {
	test.use({ ignoreHTTPSErrors: true, httpCredentials: EDITOR });

	test('a change made in the forms is a commit under the editor’s name, and 发布 puts it on the terminals', async ({
		page
	}, testInfo) => {
		test.setTimeout(420_000);
		const before = git('rev-parse', 'HEAD');
		const slug = path.basename(NOTICE, '.md');
		// Signed in by the staff site: the forms open on the server's repository, no folder to pick.
		await page.goto(`${nginx!.url}/admin/#/collections/notices/entries/${slug}`);
		const title = page
			.getByRole('group', { name: /^「\u2068?标题\u2069?」字段$/ })
			.getByRole('textbox')
			.first();
		await expect(title).toHaveValue(/2025年政府信息公开工作年度报告/, { timeout: 60_000 });
		await title.fill(NEW_TITLE);
		await page.getByRole('button', { name: '保存' }).click();

		await expect.poll(() => git('rev-parse', 'HEAD'), { timeout: 30_000 }).not.toBe(before);
		expect(git('log', '-1', '--format=%an')).toBe(EDITOR.username);
		expect(git('show', '--name-only', '--format=', 'HEAD')).toBe(NOTICE);
		expect(readFileSync(path.join(repo, NOTICE), 'utf8')).toContain(`title: ${NEW_TITLE}`);
		expect(git('status', '--porcelain')).toBe('');

		// The workbench checks what was saved, then publishes it with the office's script.
		await page.goto(`${nginx!.url}/`);
		const check = page.getByRole('status', { name: '内容检查' });
		await expect(check).toContainText('内容检查通过', { timeout: 30_000 });
		await page.getByRole('button', { name: '发布到终端' }).click();
		const result = page.locator('#publish-result');
		await expect(result).toContainText('正在发布');
		await expect(result).toContainText('已发布，内容版本', { timeout: 360_000 });
		await page.screenshot({ path: testInfo.outputPath('staff-workbench-published.png') });
		const current = path.resolve(releases, readlinkSync(path.join(releases, 'current')));
		const noticePage = path.join(current, 'notices', `${slug}.html`);
		expect(existsSync(noticePage), noticePage).toBe(true);
		expect(readFileSync(noticePage, 'utf8')).toContain(NEW_TITLE);
	});

	test('nothing is published while the content check finds an error', async ({ page }) => {
		test.setTimeout(120_000);
		const live = readlinkSync(path.join(releases, 'current'));
		const kept = readdirSync(releases).sort();
		// A notice saved with its end before its start (committed like any save).
		writeFileSync(
			path.join(repo, 'notices', 'aircon-east-door.md'),
			"---\ntitle: 大厅空调检修期间请从东门进出\npublished: '2026-12-10 09:00'\nexpires: '2026-12-01 17:00'\n---\n\n检修期间东门正常开放。\n"
		);
		git('add', '-A');
		git(
			'commit',
			'-q',
			'--author',
			`${EDITOR.username} <${EDITOR.username}@localhost>`,
			'-m',
			'新建通知'
		);

		await page.goto(`${nginx!.url}/`);
		await page.getByRole('button', { name: '发布到终端' }).click();
		const result = page.locator('#publish-result');
		await expect(result).toContainText('没有发布：内容检查有 1 处错误，改正后再发布。', {
			timeout: 30_000
		});
		await expect(result).toContainText('notices/aircon-east-door.md · 截止时间');
		expect(readlinkSync(path.join(releases, 'current'))).toBe(live);
		expect(readdirSync(releases).sort()).toEqual(kept);
	});
});
