/**
 * `npm run edit [-- --port N]`: the editors' workbench on the content folder (CONTENT_DIR or
 * ./content): forms at /admin/ beside a live preview of the kiosk and the bulletin. Starts the
 * Vite dev server on the same folder for the preview and prints the address to open.
 *
 * `npm run edit -- --staff [--publish CMD] [--preview-url URL]`: the same on the publishing
 * server, behind the staff site's nginx (deploy/sites-available/lobby-kiosk-editors.conf), for
 * editors with only a browser: saves are commits in the server's content repository and the
 * workbench's 发布 button runs CMD (default deploy/server/lobby-kiosk-publish) when the check passes.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir } from '../src/lib/server/content/index.ts';
import { workbenchHandler, type StaffOptions } from '../src/lib/server/editor/server.ts';
import { freePort } from './lib/net.ts';

const { values } = parseArgs({
	options: {
		port: { type: 'string', default: process.env.EDIT_PORT || '4310' },
		'preview-port': { type: 'string' },
		staff: { type: 'boolean', default: false },
		publish: { type: 'string' },
		'preview-url': { type: 'string' }
	}
});

const dir = contentDir();
if (!existsSync(dir) || !statSync(dir).isDirectory()) {
	console.error(`✗ 找不到内容文件夹 ${dir}：请检查 CONTENT_DIR。`);
	process.exit(1);
}

/** The CMS opens a Git working folder: the content folder or the nearest folder above with `.git`. */
function gitRoot(from: string): string | null {
	for (let d = from; ; d = path.dirname(d)) {
		if (existsSync(path.join(d, '.git'))) return d;
		if (path.dirname(d) === d) return null;
	}
}
const root = gitRoot(dir);
if (!root) {
	console.error(
		`✗ 内容文件夹 ${dir} 不在 Git 仓库里，编辑器打不开它。请先在这个文件夹里运行一次 git init，再运行 npm run edit。`
	);
	process.exit(1);
}
const rel = path.relative(root, dir).split(path.sep).join('/');
const prefix = rel ? `${rel}/` : '';

const project = process.cwd();
const port = Number(values.port);
const previewPort = Number(values['preview-port'] ?? (await freePort()));
const previewOrigin = `http://127.0.0.1:${previewPort}`;

/** On the staff server: the repository saves go into, and what 发布 runs. */
function staffOptions(repoDir: string): StaffOptions {
	const git = (...args: string[]) =>
		execFileSync('git', args, {
			cwd: repoDir,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe']
		}).trim();
	try {
		git('rev-parse', '--verify', 'HEAD');
	} catch {
		console.error(
			`✗ 内容仓库 ${repoDir} 还没有任何提交：请先提交一次现有内容（git add -A && git commit），再启动。`
		);
		process.exit(1);
	}
	const command = (values.publish ?? path.join(project, 'deploy/server/lobby-kiosk-publish'))
		.split(/\s+/)
		.filter(Boolean);
	return {
		repoDir,
		branch: git('rev-parse', '--abbrev-ref', 'HEAD'),
		publishCommand: command
	};
}
const staff = values.staff ? staffOptions(root) : undefined;
// What the editors' browsers load the preview from: through the staff site, not this machine's loopback.
const shownPreview = values['preview-url']?.replace(/\/$/, '') ?? previewOrigin;

const vite = spawn(
	process.execPath,
	[
		path.join(project, 'node_modules/vite/bin/vite.js'),
		'dev',
		'--host',
		'127.0.0.1',
		'--port',
		String(previewPort),
		'--strictPort'
	],
	{ cwd: project, env: { ...process.env, CONTENT_DIR: dir }, stdio: ['ignore', 'pipe', 'inherit'] }
);
// The dev server's own banner names its address; ours is the one to open.
vite.stdout.on('data', (chunk: Buffer) => {
	const text = chunk.toString();
	if (!/Local:|Network:|VITE v|press h/.test(text)) process.stdout.write(text);
});
vite.on('exit', (code) => {
	console.error(`✗ 预览服务已停止（退出码 ${code ?? '无'}）。`);
	process.exit(code || 1);
});

const server = http.createServer(
	workbenchHandler({ contentDir: dir, prefix, previewOrigin: shownPreview, staff })
);
server.on('error', (err: NodeJS.ErrnoException) => {
	console.error(
		err.code === 'EADDRINUSE'
			? `✗ 端口 ${port} 已被占用：换一个，如 npm run edit -- --port ${port + 1}`
			: `✗ 编辑工作台无法启动：${err.message}`
	);
	vite.kill();
	process.exit(1);
});
server.listen(port, '127.0.0.1', () => {
	if (staff) {
		console.log(`内容编辑工作台（员工站点）：在本机 http://127.0.0.1:${port}/ 等待 nginx 转发
  预览：${shownPreview}/（nginx 转发到 ${previewOrigin}）
  保存即提交到 ${root}（分支 ${staff.branch}），“发布到终端”运行：${staff.publishCommand.join(' ')}
内容文件夹：${dir}。按 Ctrl+C 结束。`);
		return;
	}
	console.log(`内容编辑工作台：http://127.0.0.1:${port}/
  只看表单：http://127.0.0.1:${port}/admin/
  只看预览：${previewOrigin}/（信息发布屏：${previewOrigin}/bulletin）
用 Chrome 或 Edge 打开工作台，点“使用本地仓库”，选择文件夹：${root}
内容文件夹：${dir}。保存后预览自动刷新。按 Ctrl+C 结束。`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		vite.removeAllListeners('exit');
		vite.kill();
		server.close(() => process.exit(0));
	});
}
