import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// Overridable so that several builds can run side by side on one machine (tests, benchmarks).
const buildDir = process.env.BUILD_DIR || 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// 404.html answers unknown URLs on any static server with the kiosk's own "not found" screen.
		adapter: adapter({ pages: buildDir, assets: buildDir, strict: true, fallback: '404.html' }),
		prerender: {
			// A broken internal link is a content error: fail the build rather than ship a 404.
			handleHttpError: 'fail',
			handleMissingId: 'fail',
			// An office may have no notices (or processes) at some point: an empty list is valid.
			handleUnseenRoutes: 'ignore'
		},
		version: { pollInterval: 0 },
		// Prerendered pages carry this policy in a <meta> tag, with a hash of each page's inline
		// bootstrap script: no other inline script runs. Nothing comes from another origin.
		// deploy/snippets/lobby-kiosk-headers.conf repeats it as a header, plus frame-ancestors
		// (which a <meta> cannot carry); see SECURITY.md.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				// Svelte writes style="…" attributes (style:--qr-size, app.html); no <style> elements.
				'style-src-attr': ['unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'media-src': ['self', 'blob:'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'frame-src': ['none'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
