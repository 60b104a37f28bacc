/**
 * The editors' workbench web server: Sveltia CMS from our own installed package at `/admin/`, its
 * form configuration generated from the content schemas, and at `/` the forms beside a live
 * preview of the kiosk and the bulletin (the Vite dev server). Nothing is fetched from the
 * internet: the page policy allows only this origin, the CMS's Chinese strings are seeded from
 * the package's own file, and its fonts are served from the package.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { ContentCheck } from './check.ts';
import { cmsConfig, type EditorContext } from './config.ts';
import { adminHtml, workbenchCss, workbenchHtml, workbenchJs } from './pages.ts';
import { gitApi } from './git-api.ts';
import { EditorTokens } from './editor-tokens.ts';
import { escapeHtml } from './html.ts';
import { Publisher } from './publish.ts';
import { reviewCss, reviewHtml } from './review.ts';

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const CMS_DIR = path.join(PROJECT, 'node_modules/@sveltia/cms');

/** The CMS asks for three fonts from a public CDN; the package ships the same files. */
const FONT_FILES: Record<string, string> = {
	'https://cdn.jsdelivr.net/fontsource/fonts/source-sans-3:vf@5.3.0/latin-wght-normal.woff2':
		'source-sans-3-latin-wght-normal-',
	'https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.3.0/latin-400-normal.woff2':
		'noto-mono-latin-400-normal-',
	'https://cdn.jsdelivr.net/fontsource/fonts/material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2':
		'material-symbols-outlined-latin-wght-normal-'
};

/** Only this origin: blocks the CMS's version check and anything else leaving the machine. */
const ADMIN_CSP = [
	"default-src 'self'",
	"script-src 'self'",
	"style-src 'self' 'unsafe-inline'",
	"img-src 'self' data: blob:",
	"font-src 'self' data:",
	"connect-src 'self' blob: data:",
	"worker-src 'self' blob:",
	"media-src 'self' blob: data:",
	"frame-src 'self' blob:",
	"object-src 'none'",
	"base-uri 'self'"
].join('; ');

export interface WorkbenchOptions {
	contentDir: string;
	/** Path of the content folder inside the folder editors open (its Git root), `/`-separated. */
	prefix: string;
	/** The live preview (Vite dev server) origin, e.g. `http://127.0.0.1:5190`. */
	previewOrigin: string;
	/**
	 * On the publishing server, for editors with only a browser (`npm run edit -- --staff`):
	 * saves become commits in this repository (./git-api.ts) and 发布 runs the publish command.
	 */
	staff?: StaffOptions;
}

export interface StaffOptions {
	repoDir: string;
	branch: string;
	/** The office's publish command and its arguments. */
	publishCommand: string[];
}

/** What the workbench needs from site.yaml; defaults when it cannot be read (the check says why). */
export function siteFacts(contentDir: string): {
	name: string;
	timeZone: string;
	windows: string[];
} {
	const site = ((): { name?: unknown; timeZone?: unknown; windows?: unknown } | null => {
		try {
			return parse(readFileSync(path.join(contentDir, 'site.yaml'), 'utf8')) as {
				name?: unknown;
			} | null;
		} catch {
			return null; // unreadable or not YAML: the content check names the problem
		}
	})();
	const windows = Array.isArray(site?.windows)
		? (site.windows as ({ number?: unknown; name?: unknown } | null)[])
		: [];
	return {
		name: typeof site?.name === 'string' ? site.name : '',
		timeZone: typeof site?.timeZone === 'string' ? site.timeZone : 'Asia/Shanghai',
		// As a guide writes them: `1号 综合受理窗口`.
		windows: windows
			.filter((w) => w && w.number !== undefined && typeof w.name === 'string')
			.map((w) => `${String(w!.number)}号 ${String(w!.name)}`)
	};
}

function cmsBundle(): string {
	let js = readFileSync(path.join(CMS_DIR, 'dist/sveltia-cms.js'), 'utf8');
	const assets = readdirSync(path.join(CMS_DIR, 'npm/assets'));
	for (const [url, prefix] of Object.entries(FONT_FILES)) {
		const file = assets.find((f) => f.startsWith(prefix) && f.endsWith('.woff2'));
		if (file) js = js.replaceAll(url, `/admin/assets/${file}`);
	}
	return js;
}

/**
 * Runs before the CMS: its Chinese strings, which it would otherwise fetch from a CDN, and on the
 * staff server the sign-in (the staff site has already checked who this is).
 */
function localeSeed(): string {
	const version = (
		JSON.parse(readFileSync(path.join(CMS_DIR, 'package.json'), 'utf8')) as {
			version: string;
		}
	).version;
	const strings = readFileSync(path.join(CMS_DIR, 'locales/zh-CN.json'), 'utf8');
	return `(() => {
	const strings = ${strings};
	localStorage.setItem('sveltia-cms.locale', JSON.stringify({ _locale: 'zh-CN', _version: ${JSON.stringify(version)}, ...strings }));
	let prefs = {};
	try { prefs = JSON.parse(localStorage.getItem('sveltia-cms.prefs') || '{}') || {}; } catch {}
	localStorage.setItem('sveltia-cms.prefs', JSON.stringify({ ...prefs, locale: 'zh-CN' }));
})();
`;
}

const TYPES: Record<string, string> = {
	'.js': 'text/javascript; charset=utf-8',
	'.woff2': 'font/woff2',
	'.wasm': 'application/wasm',
	'.png': 'image/png'
};

export function workbenchHandler(opts: WorkbenchOptions): http.RequestListener {
	let bundle: string | null = null;
	let seed: string | null = null;
	let check: ContentCheck | null = null;
	const { staff } = opts;
	const tokens = staff ? new EditorTokens() : null;
	const api =
		staff && tokens
			? gitApi({
					repoDir: staff.repoDir,
					contentPrefix: opts.prefix,
					editorOf: (req) => tokens.editorOf(req)
				})
			: null;
	/** On the staff server the forms open signed in, as the editor the staff site let in. */
	const signIn = (req: http.IncomingMessage) => {
		if (!tokens) return '';
		const token = tokens.issue(tokens.loginOf(req, process.env.USER || 'editor'));
		return `\nlocalStorage.setItem('sveltia-cms.user', ${JSON.stringify(JSON.stringify({ backendName: 'gitea', token }))});\n`;
	};
	const publisher = staff ? new Publisher(staff.publishCommand, opts.contentDir) : null;
	const send = (
		res: http.ServerResponse,
		status: number,
		type: string,
		body: string | Buffer,
		csp = ADMIN_CSP
	) => {
		res.writeHead(status, {
			'content-type': type,
			'cache-control': 'no-store',
			'content-security-policy': csp,
			'x-content-type-options': 'nosniff'
		});
		res.end(body);
	};
	const file = (res: http.ServerResponse, dir: string, name: string) => {
		// Only a plain file name inside the package folder: nothing else on the disk is served.
		const full = path.join(dir, path.basename(name));
		if (!name || name !== path.basename(name) || !existsSync(full)) {
			return send(res, 404, 'text/plain; charset=utf-8', '没有这个文件');
		}
		send(res, 200, TYPES[path.extname(full)] ?? 'application/octet-stream', readFileSync(full));
	};
	const html = 'text/html; charset=utf-8';
	/** A review copy (审核稿) of one content file, or the list of files to choose from. */
	const review = (res: http.ServerResponse, rel: string, check: ContentCheck) => {
		const office = siteFacts(opts.contentDir);
		const config = cmsConfig({ prefix: '', windows: office.windows });
		if (!rel) return send(res, 200, html, reviewIndex(opts.contentDir, config.collections));
		const parts = rel.split('/');
		const name = parts.at(-1) ?? '';
		const folder = parts.slice(0, -1).join('/');
		const collection = config.collections.find(
			(c) => c.folder === folder && c.folder !== undefined && name.endsWith(`.${c.extension}`)
		);
		const single = config.collections.flatMap((c) => c.files ?? []).find((f) => f.file === rel);
		const full = path.join(opts.contentDir, rel);
		const inside = !parts.some((x) => x === '' || x === '.' || x === '..');
		if ((!collection && !single) || !inside || !existsSync(full)) {
			return send(res, 404, 'text/plain; charset=utf-8', `没有这份内容：${rel}`);
		}
		const result = check.result();
		const madeAt = new Intl.DateTimeFormat('zh-CN', {
			timeZone: office.timeZone,
			dateStyle: 'long',
			timeStyle: 'short'
		}).format(new Date());
		return send(
			res,
			200,
			html,
			reviewHtml({
				collection: collection ?? { label: single!.label, fields: single!.fields },
				file: rel,
				source: readFileSync(full, 'utf8'),
				version: result.version,
				problems: check.problemsOf(rel),
				madeAt,
				office: office.name
			})
		);
	};
	return async (req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		const p = url.pathname;
		if (p === '/' || p === '/index.html') {
			const csp = `default-src 'self'; frame-src 'self' ${opts.previewOrigin}; object-src 'none'`;
			return send(res, 200, html, workbenchHtml(opts.previewOrigin, { publish: !!staff }), csp);
		}
		if (p === '/check.json') {
			check ??= new ContentCheck(opts.contentDir);
			return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(check.result()));
		}
		if (p === '/publish' && publisher) {
			if (req.method !== 'POST')
				return send(res, 405, 'text/plain; charset=utf-8', '请用工作台上的发布按钮');
			check ??= new ContentCheck(opts.contentDir);
			const answer = await publisher.publish(check);
			return send(
				res,
				answer.ok ? 200 : 409,
				'application/json; charset=utf-8',
				JSON.stringify(answer)
			);
		}
		if (api && p.startsWith('/admin/api/')) return api(req, res, p.slice('/admin/api'.length));
		if (p === '/review.css') return send(res, 200, 'text/css; charset=utf-8', reviewCss);
		if (p === '/review' || p.startsWith('/review/')) {
			check ??= new ContentCheck(opts.contentDir);
			return review(res, decodeURIComponent(p.slice('/review/'.length)), check);
		}
		if (p === '/workbench.js') return send(res, 200, TYPES['.js']!, workbenchJs);
		if (p === '/workbench.css') return send(res, 200, 'text/css; charset=utf-8', workbenchCss);
		if (p === '/admin') {
			res.writeHead(301, { location: '/admin/' });
			return res.end();
		}
		if (p === '/admin/' || p === '/admin/index.html') return send(res, 200, html, adminHtml);
		if (p === '/admin/config.yml') {
			const ctx: EditorContext = {
				prefix: opts.prefix,
				windows: siteFacts(opts.contentDir).windows,
				previewUrl: opts.previewOrigin,
				// The CMS needs an absolute address: this origin's own, as the browser sees it (behind
				// the staff site's nginx, https). Only the staff server answers there.
				apiRoot: `${req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http'}://${req.headers.host ?? '127.0.0.1'}/admin/api`,
				serverBranch: staff?.branch
			};
			return send(res, 200, 'text/yaml; charset=utf-8', stringify(cmsConfig(ctx)));
		}
		if (p === '/admin/seed.js')
			return send(res, 200, TYPES['.js']!, (seed ??= localeSeed()) + signIn(req));
		if (p === '/admin/sveltia-cms.js')
			return send(res, 200, TYPES['.js']!, (bundle ??= cmsBundle()));
		if (p.startsWith('/admin/chunks/')) {
			return file(res, path.join(CMS_DIR, 'dist/chunks'), p.slice('/admin/chunks/'.length));
		}
		if (p.startsWith('/admin/assets/')) {
			return file(res, path.join(CMS_DIR, 'npm/assets'), p.slice('/admin/assets/'.length));
		}
		send(res, 404, 'text/plain; charset=utf-8', '没有这个页面');
	};
}

/** Every file the forms edit, by kind, each linked to its review copy. */
function reviewIndex(contentDir: string, collections: ReturnType<typeof cmsConfig>['collections']) {
	const link = (rel: string) =>
		`<li><a href="/review/${escapeHtml(encodeURI(rel))}">${escapeHtml(rel)}</a></li>`;
	const sections = collections.map((c) => {
		const files = c.folder
			? (existsSync(path.join(contentDir, c.folder))
					? readdirSync(path.join(contentDir, c.folder))
					: []
				)
					.filter((f) => f.endsWith(`.${c.extension}`))
					.sort()
					.map((f) => `${c.folder}/${f}`)
			: (c.files ?? []).map((f) => f.file).filter((f) => existsSync(path.join(contentDir, f)));
		return `<h2>${escapeHtml(c.label)}</h2><ul>${files.map(link).join('')}</ul>`;
	});
	return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>审核稿</title><link rel="stylesheet" href="/review.css"></head>
<body><h1>审核稿：选择要打印的内容</h1>${sections.join('')}</body>
</html>
`;
}
