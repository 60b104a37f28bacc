/**
 * Page weight: the JavaScript and CSS (gzip) a cold visit to a page downloads, recorded from
 * Chromium's network responses until the network is idle (so modulepreloads and chunks imported
 * after hydration count too; service workers are blocked so their precache downloads do not).
 * Beside it, the floor: a bare SvelteKit page (one route, one heading) built with this project's
 * own svelte.config.js, i.e. what any SvelteKit kiosk costs before it does anything.
 */
import type { Browser } from '@playwright/test';
import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { KIOSK_CONTEXT, launchChromium } from './chromium.ts';
import { guidePath, KiB, notice, REPO, round, siteBuild, subDir, viteBuild } from './context.ts';
import type { Figure, RunOptions } from './figures.ts';
import { startStaticServer } from '../scripts/static-server.ts';

/** Everything `/` downloads until the network is idle. */
const HOME_BUDGET_KIB = 80;
/** What `/` needs for its first paint, against a bare SvelteKit page. */
const FLOOR_RATIO_BUDGET = 2;

export interface Weight {
	status: number;
	js: number;
	css: number;
	html: number;
	files: number;
	/** JS + CSS the HTML itself links (modulepreload, stylesheets): what hydration waits for. */
	linked: number;
}

const gz = (b: Buffer) => gzipSync(b, { level: 6 }).length;

export async function weigh(browser: Browser, url: string): Promise<Weight> {
	const context = await browser.newContext({ ...KIOSK_CONTEXT, serviceWorkers: 'block' });
	try {
		const page = await context.newPage();
		const seen = new Set<string>();
		const pending: Promise<void>[] = [];
		const w: Weight = { status: 0, js: 0, css: 0, html: 0, files: 0, linked: 0 };
		const sizes = new Map<string, number>();
		page.on('response', (r) => {
			const u = r.url().split(/[?#]/)[0] as string;
			const kind = /\.css$/.test(u) ? 'css' : /\.m?js$/.test(u) ? 'js' : null;
			if (!kind || seen.has(u)) return;
			seen.add(u);
			pending.push(
				r.body().then(
					(body) => {
						const size = gz(body);
						sizes.set(new URL(u).pathname, size);
						w[kind] += size;
						w.files++;
					},
					() => undefined
				)
			);
		});
		const response = await page.goto(url, { waitUntil: 'networkidle', timeout: 60_000 });
		w.status = response?.status() ?? 0;
		const html = response ? await response.body() : Buffer.alloc(0);
		w.html = gz(html);
		await Promise.all(pending);
		// Which of those files the page's HTML names (hrefs are relative: compare by file name).
		const named = new Set(html.toString('utf8').match(/_app\/immutable\/[\w./-]+\.(?:m?js|css)/g));
		for (const [file, size] of sizes) {
			if ([...named].some((n) => file.endsWith(n))) w.linked += size;
		}
		return w;
	} finally {
		await context.close();
	}
}

/** A bare SvelteKit project in the scratch folder, built with this repo's svelte.config.js. */
async function buildFloor(): Promise<string> {
	const dir = subDir('floor');
	mkdirSync(path.join(dir, 'src/routes'), { recursive: true });
	writeFileSync(
		path.join(dir, 'package.json'),
		JSON.stringify({ name: 'floor', private: true, type: 'module' }, null, '\t')
	);
	copyFileSync(path.join(REPO, 'svelte.config.js'), path.join(dir, 'svelte.config.js'));
	writeFileSync(
		path.join(dir, 'vite.config.js'),
		"import { sveltekit } from '@sveltejs/kit/vite';\nexport default { plugins: [sveltekit()] };\n"
	);
	writeFileSync(
		path.join(dir, 'src/app.html'),
		'<!doctype html>\n<html lang="zh-CN">\n\t<head>\n\t\t<meta charset="utf-8" />\n\t\t%sveltekit.head%\n\t</head>\n\t<body>\n\t\t<div style="display: contents">%sveltekit.body%</div>\n\t</body>\n</html>\n'
	);
	writeFileSync(
		path.join(dir, 'src/routes/+layout.ts'),
		"export const prerender = true;\nexport const trailingSlash = 'never';\n"
	);
	writeFileSync(path.join(dir, 'src/routes/+page.svelte'), '<h1>政务服务大厅</h1>\n');
	symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
	await viteBuild(dir, {});
	return path.join(dir, 'build');
}

export async function run({ quick }: RunOptions = { quick: false }): Promise<Figure[]> {
	const site = await siteBuild();
	const floorDir = await buildFloor();
	const [server, floorServer] = await Promise.all([
		startStaticServer(site.dir),
		startStaticServer(floorDir)
	]);
	const browser = await launchChromium();
	try {
		const floor = await weigh(browser, floorServer.url + '/');
		const floorKiB = (floor.js + floor.css) / KiB;
		const figures: Figure[] = [
			{
				group: 'page weight',
				name: 'JS + CSS gzip, bare SvelteKit page (floor)',
				value: round(floorKiB),
				unit: 'KiB',
				note: `${floor.files} files; same svelte.config.js, one route with a heading`
			}
		];
		// The quick form weighs the page with budgets: the home page.
		const pages: [name: string, route: string][] = quick
			? [['/', '/']]
			: [
					['/', '/'],
					['guide page', guidePath(site.dir)],
					['/search', '/search'],
					['/bulletin', '/bulletin']
				];
		for (const [name, route] of pages) {
			const w = await weigh(browser, server.url + route);
			if (w.status !== 200) {
				notice(`page weight: ${route} answered ${w.status}; not measured (route not built yet?)`);
				continue;
			}
			const kib = (w.js + w.css) / KiB;
			const ratio = kib / floorKiB;
			const isHome = route === '/';
			figures.push({
				group: 'page weight',
				name: `JS + CSS gzip, ${name}`,
				value: round(kib),
				unit: 'KiB',
				...(isHome ? { budget: `< ${HOME_BUDGET_KIB} KiB`, pass: kib < HOME_BUDGET_KIB } : {}),
				note:
					`JS ${round(w.js / KiB)} + CSS ${round(w.css / KiB)} KiB in ${w.files} files, ` +
					`${round(w.linked / KiB)} KiB of it linked by the HTML (${round(w.linked / KiB / floorKiB, 2)}× floor), ` +
					`the rest loaded beside hydration; HTML ${round(w.html / KiB)} KiB gzip${name === 'guide page' ? `; ${route}` : ''}`
			});
			// First paint: what the HTML links, which hydration waits for. Chunks loaded beside
			// hydration (offline machinery, dialogs) count in the total above, not here.
			const firstPaint = w.linked / KiB / floorKiB;
			figures.push({
				group: 'page weight',
				name: `first paint ratio to floor, ${name}`,
				value: round(firstPaint, 2),
				unit: '×',
				...(isHome
					? { budget: `< ${FLOOR_RATIO_BUDGET}`, pass: firstPaint < FLOOR_RATIO_BUDGET }
					: {}),
				note: `${round(w.linked / KiB)} KiB linked by the HTML`
			});
			figures.push({
				group: 'page weight',
				name: `ratio to floor until idle, ${name}`,
				value: round(ratio, 2),
				unit: '×'
			});
		}
		return figures;
	} finally {
		await browser.close();
		await Promise.all([server.close(), floorServer.close()]);
	}
}
