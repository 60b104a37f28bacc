import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ strict: true }),
		prerender: {
			// A broken internal link is a content error: fail the build rather than ship a 404.
			handleHttpError: 'fail',
			handleMissingId: 'fail'
		},
		version: { pollInterval: 0 }
	}
};

export default config;
