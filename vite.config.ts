import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { createPrecacheTransform } from './src/lib/server/offline/precache.ts';
import { contentPlugin } from './src/lib/server/content/vite-plugin.ts';
import { parse } from 'yaml';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

/** The whole site is precached; above this the build fails (override: KIOSK_PRECACHE_BUDGET_MB). */
const precacheBudgetBytes = Number(process.env.KIOSK_PRECACHE_BUDGET_MB || 64) * 1024 * 1024;
// Kit's output folder is fixed: the PWA plugin only finds its worker there. Builds that must run
// side by side use a scratch copy of the project (scripts/build-site.ts).
const kitOutput = path.resolve('.svelte-kit/output');

/** The adapter's fallback page (svelte.config.js): the app without content, routed in the browser. */
const OFFLINE_SHELL = '404.html';

/**
 * The hall's names for the install manifest, read from site.yaml alone (the content plugin checks
 * the whole content once; problems are its to report, so anything odd here just falls back).
 */
function siteNames(): { hallName?: string; shortName?: string } {
	try {
		const file = path.join(path.resolve(process.env.CONTENT_DIR || 'content'), 'site.yaml');
		const site: unknown = parse(readFileSync(file, 'utf8'));
		if (typeof site !== 'object' || site === null) return {};
		const text = (key: string) => {
			const value: unknown = (site as Record<string, unknown>)[key];
			return typeof value === 'string' && value.trim() ? value.trim() : undefined;
		};
		return { hallName: text('hallName'), shortName: text('shortName') };
	} catch {
		return {};
	}
}
const site = siteNames();

export default defineConfig({
	define: {
		__KIOSK_APP_VERSION__: JSON.stringify(pkg.version)
	},
	plugins: [
		contentPlugin(),
		sveltekit(),
		SvelteKitPWA({
			strategies: 'generateSW',
			filename: 'sw.js',
			// Registered by $lib/offline with workbox-window, which also decides when to update.
			injectRegister: false,
			registerType: 'prompt',
			manifest: {
				name: `${site.hallName ?? '政务服务大厅'}自助查询`,
				short_name: site.shortName ?? '自助查询',
				description: '政务服务大厅自助查询终端与信息发布屏',
				lang: 'zh-CN',
				start_url: '/',
				scope: '/',
				display: 'fullscreen',
				orientation: 'any',
				background_color: '#f2f5f9',
				theme_color: '#0b3d91',
				icons: [
					{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
					{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
					{ src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml' }
				]
			},
			workbox: {
				globDirectory: kitOutput,
				globPatterns: [
					'client/**/*.{js,css,html,ico,png,jpg,jpeg,svg,webp,gif,woff2}',
					'client/_app/version.json',
					// The handwriting recogniser's reference characters: writing works offline too.
					'client/handwriting/strokes.bin',
					// Pages, their __data.json (client-side navigation), the search index, media.
					'prerendered/**/*'
				],
				globIgnores: [
					'server/**',
					// The recovery page always comes from the server, never from the cache it clears.
					'prerendered/pages/reset.html',
					'prerendered/dependencies/reset/**',
					// The bulletin's live check for new content must reach the server, not this cache.
					'prerendered/dependencies/bulletin/playlist.json',
					// Urgent news is polled from the server every 30 s; a cached copy would be stale.
					'client/alerts.json',
					// Data slides' feeds (the queue system's /queue/now.json): live, never from a cache.
					'client/queue/**'
				],
				manifestTransforms: [
					createPrecacheTransform({
						globDirectory: kitOutput,
						budgetBytes: precacheBudgetBytes,
						shellUrl: OFFLINE_SHELL
					})
				],
				// Nothing may be skipped silently: the budget check above is the limit.
				maximumFileSizeToCacheInBytes: precacheBudgetBytes,
				dontCacheBustURLsMatching: /_app\/immutable\//,
				// Query strings (?q=, ?screen=, ?x-sveltekit-invalidated=) never change a static page.
				ignoreURLParametersMatching: [/.*/],
				// Pages not cached as HTML (items, catalogue pages, unknown addresses) get the offline
				// shell, which renders them from their cached data; online or not, a terminal shows
				// one consistent version until it updates at a safe moment.
				navigateFallback: OFFLINE_SHELL,
				// The recovery page must come from the server; files are never pages.
				navigateFallbackDenylist: [/^\/reset$/, /^\/_app\//, /^\/media\//, /\.[a-z0-9]+$/i],
				clientsClaim: true,
				// A new version waits for a safe moment; $lib/offline sends SKIP_WAITING then.
				skipWaiting: false,
				cleanupOutdatedCaches: true,
				inlineWorkboxRuntime: true,
				sourcemap: false
			}
		})
	],
	build: {
		rolldownOptions: {
			output: {
				codeSplitting: {
					// Svelte and Kit's client in one file; tiny shared chunks folded into it.
					groups: [
						{
							name: 'framework',
							test: /node_modules[\\/](svelte|@sveltejs[\\/]kit|devalue|esm-env|clsx)[\\/]/,
							priority: 10
						}
					]
				}
			}
		}
	},
	test: {
		include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts', 'bench/**/*.spec.ts'],
		environment: 'node',
		// A busy 2-core machine runs the heavier property tests several times slower than an idle one.
		testTimeout: 30_000
	}
});
