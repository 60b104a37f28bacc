/**
 * The content repository on the publishing server, answered as the part of Gitea's REST API that
 * Sveltia CMS's `gitea` backend uses. Editors with only a browser then sign in to the workbench on
 * the staff address and each save is a commit in the server's working copy, under their name:
 * no Node, git or terminal on their PC, and no other service to run beside the workbench.
 *
 * Every answer comes from `git` itself (trees, blobs and their SHA-1s), so what the CMS caches and
 * compares is the repository's own bookkeeping. Saves are taken one at a time; a save made from an
 * older copy of a file than the one committed is refused (409), never silently overwritten.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The Gitea release whose API this follows (the CMS refuses anything older than 1.24). */
const GITEA_VERSION = '1.24.0';
/** Files per `file-contents` request, as a Gitea server advertises it in /settings/api. */
const PAGE_ITEMS = 100;
/** Larger files are fetched one by one as raw bytes (Gitea's default). */
const MAX_BLOB_BYTES = 10 * 1024 * 1024;

export interface GitApiOptions {
	/** The working copy's top folder (where `.git` is). */
	repoDir: string;
	/**
	 * The content folder inside it, `/`-terminated (`content/`), or '' for the whole repository:
	 * the forms see and save only there, never the app's own files beside it.
	 */
	contentPrefix: string;
	/** Who is asking, from the token the workbench gave the CMS (`Authorization: token …`); null: nobody. */
	editorOf: (req: http.IncomingMessage) => Editor | null;
	/** Called after each commit, with the paths it changed (the workbench rechecks). */
	onCommit?: (paths: string[]) => void;
}

export interface Editor {
	login: string;
	name: string;
	email: string;
}

interface ChangeFile {
	operation: 'create' | 'update' | 'delete';
	path: string;
	content?: string;
	from_path?: string;
	sha?: string;
}

class ApiError extends Error {
	constructor(
		readonly status: number,
		message: string
	) {
		super(message);
	}
}

async function git(repoDir: string, args: string[], env?: NodeJS.ProcessEnv): Promise<string> {
	const { stdout } = await run('git', args, {
		cwd: repoDir,
		maxBuffer: 256 * 1024 * 1024,
		env: { ...process.env, ...env }
	});
	return stdout;
}

/** Many objects in one `git cat-file --batch`: `rev:path` or a SHA each, in order; null if absent. */
function readObjects(repoDir: string, specs: string[]): Promise<(Buffer | null)[]> {
	return new Promise((resolve, reject) => {
		const child = spawn('git', ['cat-file', '--batch'], { cwd: repoDir });
		const chunks: Buffer[] = [];
		child.stdout.on('data', (c: Buffer) => chunks.push(c));
		child.on('error', reject);
		child.on('close', (code) => {
			if (code !== 0) return reject(new Error(`git cat-file exited with ${code}`));
			const out = Buffer.concat(chunks);
			const objects: (Buffer | null)[] = [];
			let at = 0;
			for (let i = 0; i < specs.length; i++) {
				const eol = out.indexOf(10, at);
				const header = out.subarray(at, eol).toString();
				at = eol + 1;
				const size = /^[0-9a-f]{40} \w+ (\d+)$/.exec(header)?.[1];
				if (size === undefined) {
					objects.push(null); // "… missing"
					continue;
				}
				objects.push(out.subarray(at, at + Number(size)));
				at += Number(size) + 1;
			}
			resolve(objects);
		});
		child.stdin.end(specs.map((s) => `${s}\n`).join(''));
	});
}

/** A path inside the repository, `/`-separated, never leaving it nor touching `.git`. */
function safePath(p: unknown): string {
	if (typeof p !== 'string' || !p) throw new ApiError(422, '缺少文件路径');
	const parts = p.split('/');
	if (parts.some((x) => x === '' || x === '.' || x === '..') || parts[0] === '.git') {
		throw new ApiError(422, `不能保存到这个位置：${p}`);
	}
	return p;
}

/** No folder on the way to a saved file may be a link leading elsewhere on the server. */
function refuseLinks(repoDir: string, file: string): void {
	let at = repoDir;
	for (const part of file.split('/').slice(0, -1)) {
		at = path.join(at, part);
		if (!existsSync(at)) return;
		if (lstatSync(at).isSymbolicLink())
			throw new ApiError(422, `不能保存到这个位置：${file}（经过链接）`);
	}
}

async function readBody(req: http.IncomingMessage): Promise<unknown> {
	const chunks: Buffer[] = [];
	for await (const c of req) chunks.push(c as Buffer);
	try {
		return JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
	} catch {
		throw new ApiError(400, '请求内容不是 JSON');
	}
}

/** The request handler for `/admin/api/…`; `apiPath` is the part after `/admin/api`. */
export function gitApi(opts: GitApiOptions) {
	const { repoDir, contentPrefix } = opts;
	const inContent = (p: string) => p.startsWith(contentPrefix);
	/** A path the forms may save: inside the content folder. */
	const writable = (p: unknown) => {
		const file = safePath(p);
		if (!inContent(file)) {
			throw new ApiError(422, `只能保存内容文件夹（${contentPrefix || '/'}）里的文件：${file}`);
		}
		refuseLinks(repoDir, file);
		return file;
	};
	let saving: Promise<unknown> = Promise.resolve();

	const head = async () => (await git(repoDir, ['rev-parse', 'HEAD'])).trim();
	const branch = async () => (await git(repoDir, ['rev-parse', '--abbrev-ref', 'HEAD'])).trim();

	async function tree(rev: string) {
		const out = await git(repoDir, ['ls-tree', '-r', '-t', '-l', '-z', '--full-tree', rev]);
		return out
			.split('\0')
			.filter(Boolean)
			.map((line) => {
				const [meta, file] = [
					line.slice(0, line.indexOf('\t')),
					line.slice(line.indexOf('\t') + 1)
				];
				const [mode, type, sha, size] = meta.split(/\s+/);
				return {
					path: file,
					mode,
					type,
					sha,
					...(type === 'blob' ? { size: Number(size) } : {}),
					url: ''
				};
			})
			.filter((entry) => inContent(entry.path));
	}

	async function contents(rev: string, files: string[]) {
		const blobs = await readObjects(
			repoDir,
			files.map((f) => `${rev}:${f}`)
		);
		const shas = await readShas(rev, files);
		return files.map((file, i) => {
			const blob = blobs[i];
			if (!blob || !inContent(file)) return null;
			return {
				name: path.posix.basename(file),
				path: file,
				sha: shas[i],
				type: 'file',
				size: blob.length,
				encoding: 'base64',
				content: blob.toString('base64')
			};
		});
	}

	async function readShas(rev: string, files: string[]): Promise<(string | null)[]> {
		if (files.length === 0) return [];
		const child = await new Promise<string>((resolve, reject) => {
			const p = spawn('git', ['cat-file', '--batch-check=%(objectname)'], { cwd: repoDir });
			let out = '';
			p.stdout.on('data', (c: Buffer) => (out += c.toString()));
			p.on('error', reject);
			p.on('close', () => resolve(out));
			p.stdin.end(files.map((f) => `${rev}:${f}\n`).join(''));
		});
		return child
			.split('\n')
			.slice(0, files.length)
			.map((l) => (/^[0-9a-f]{40}$/.test(l) ? l : null));
	}

	async function commit(body: unknown, editor: Editor) {
		const { message, files } = (body ?? {}) as { message?: unknown; files?: unknown };
		if (!Array.isArray(files) || files.length === 0) throw new ApiError(422, '没有要保存的文件');
		const changes = (files as ChangeFile[]).map((f) => ({
			...f,
			path: writable(f.path),
			from_path: f.from_path ? writable(f.from_path) : undefined
		}));
		// Saved from an older copy than the one committed since: refuse rather than lose that work.
		const current = await readShas(
			'HEAD',
			changes.map((c) => c.from_path ?? c.path)
		);
		changes.forEach((c, i) => {
			if (c.operation === 'create' && current[i] && !c.from_path) {
				throw new ApiError(409, `${c.path} 已经有了：请刷新后再保存`);
			}
			if (c.operation !== 'create' && c.sha && current[i] !== c.sha) {
				throw new ApiError(409, `${c.path} 在您打开之后被别人改过：请刷新后重做这次修改`);
			}
		});
		const touched = new Set<string>();
		for (const c of changes) {
			const full = path.join(repoDir, c.path);
			if (c.from_path && c.from_path !== c.path) {
				rmSync(path.join(repoDir, c.from_path), { force: true });
				touched.add(c.from_path);
			}
			if (c.operation === 'delete') {
				rmSync(full, { force: true });
			} else {
				mkdirSync(path.dirname(full), { recursive: true });
				writeFileSync(full, Buffer.from(c.content ?? '', 'base64'));
			}
			touched.add(c.path);
		}
		const paths = [...touched];
		await git(repoDir, ['add', '-A', '--', ...paths]);
		const who = `${editor.name} <${editor.email}>`;
		await git(
			repoDir,
			['commit', '--quiet', '--author', who, '-m', String(message || '修改内容'), '--', ...paths],
			{ GIT_COMMITTER_NAME: editor.name, GIT_COMMITTER_EMAIL: editor.email }
		);
		const sha = await head();
		const shas = await readShas(
			sha,
			changes.map((c) => c.path)
		);
		opts.onCommit?.(paths);
		return {
			commit: { sha, created: new Date().toISOString(), url: '' },
			files: changes.map((c, i) =>
				c.operation === 'delete' ? null : { path: c.path, sha: shas[i] }
			)
		};
	}

	async function commitsOf(url: URL) {
		const file = url.searchParams.get('path');
		const limit = Math.min(Number(url.searchParams.get('limit')) || 30, 100);
		const out = await git(repoDir, [
			'log',
			`-n${limit}`,
			'--format=%H%x00%an%x00%ae%x00%aI%x00%s%x00',
			...(file ? ['--', safePath(file)] : [])
		]);
		const fields = out.split('\0');
		const list = [];
		for (let i = 0; i + 5 <= fields.length; i += 5) {
			const [sha, name, email, date, subject] = fields.slice(i, i + 5).map((f) => f.trim());
			if (!sha) continue;
			list.push({
				sha,
				created: date,
				commit: { message: subject, author: { name, email, date } },
				author: null
			});
		}
		return list;
	}

	async function answer(
		req: http.IncomingMessage,
		apiPath: string,
		url: URL,
		editor: Editor
	): Promise<unknown> {
		if (apiPath === '/version') return { version: GITEA_VERSION };
		if (apiPath === '/settings/api') {
			return {
				max_response_items: PAGE_ITEMS,
				default_paging_num: PAGE_ITEMS,
				default_git_trees_per_page: 100_000,
				default_max_blob_size: MAX_BLOB_BYTES
			};
		}
		if (apiPath === '/user') {
			return {
				id: 1,
				login: editor.login,
				full_name: editor.name,
				email: editor.email,
				avatar_url: '',
				html_url: ''
			};
		}
		const m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(apiPath);
		if (!m) throw new ApiError(404, '没有这个接口');
		const [, owner, repo, rest = ''] = m;
		if (rest === '') {
			return {
				id: 1,
				name: repo,
				full_name: `${owner}/${repo}`,
				default_branch: await branch(),
				permissions: { admin: false, push: true, pull: true },
				html_url: ''
			};
		}
		if (rest.startsWith('/branches/')) {
			const sha = await head();
			const message = (await git(repoDir, ['log', '-1', '--format=%s'])).trim();
			return {
				name: decodeURIComponent(rest.slice('/branches/'.length)),
				commit: { id: sha, message }
			};
		}
		if (rest.startsWith('/git/trees/')) {
			const rev = decodeURIComponent(rest.slice('/git/trees/'.length));
			// One page holds the whole tree (default_git_trees_per_page above).
			if (Number(url.searchParams.get('page') ?? 1) > 1)
				return { sha: rev, tree: [], truncated: false };
			return { sha: rev, url: '', tree: await tree(rev), truncated: false, page: 1 };
		}
		if (rest === '/file-contents' && req.method === 'POST') {
			const { files } = ((await readBody(req)) ?? {}) as { files?: unknown };
			if (!Array.isArray(files)) throw new ApiError(422, '缺少 files');
			return contents(url.searchParams.get('ref') || 'HEAD', files.map(safePath));
		}
		if (rest === '/contents' && req.method === 'POST') {
			const body = await readBody(req);
			// One save at a time: each one sees the commit before it.
			const result = saving.then(() => commit(body, editor));
			saving = result.catch(() => undefined);
			return result;
		}
		if (rest.startsWith('/commits')) return commitsOf(url);
		const raw = /^\/(?:raw\/(.+)|media\/[^/]+\/(.+))$/.exec(rest);
		if (raw) {
			const file = safePath(decodeURIComponent(raw[1] ?? raw[2] ?? ''));
			const [blob] = inContent(file) ? await readObjects(repoDir, [`HEAD:${file}`]) : [null];
			if (!blob) throw new ApiError(404, `没有这个文件：${file}`);
			return blob;
		}
		throw new ApiError(404, '没有这个接口');
	}

	return async (req: http.IncomingMessage, res: http.ServerResponse, apiPath: string) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		const send = (status: number, body: unknown) => {
			const raw = Buffer.isBuffer(body);
			res.writeHead(status, {
				'content-type': raw ? 'application/octet-stream' : 'application/json; charset=utf-8',
				'cache-control': 'no-store'
			});
			res.end(raw ? body : JSON.stringify(body));
		};
		const editor = opts.editorOf(req);
		if (!editor) return send(401, { message: '请从内容编辑工作台登录' });
		try {
			const body = await answer(req, apiPath, url, editor);
			send(req.method === 'POST' && apiPath.endsWith('/contents') ? 201 : 200, body);
		} catch (error) {
			if (error instanceof ApiError) return send(error.status, { message: error.message });
			send(500, {
				message: `保存库出错：${error instanceof Error ? error.message : String(error)}`
			});
		}
	};
}
