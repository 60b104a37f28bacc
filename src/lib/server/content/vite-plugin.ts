/**
 * Vite plugin: `vite build` refuses invalid content with the same report as `npm run
 * content:check`, and `vite dev` re-reads content after an editor saves a file.
 *
 * It also provides `virtual:kiosk-site`: the office facts every screen shows and the content
 * version, bundled once into the app's JavaScript instead of repeated in every page's data. (At
 * 10,000 items that repetition alone was 35 MB of offline cache, and a build-time stamp in every
 * page made each terminal download every page again after any edit.)
 */
import path from 'node:path';
import type { Plugin } from 'vite';
import { formatProblem } from './errors.ts';
import { contentDir, getContent, invalidateContent } from './index.ts';
import { loadContent } from './load.ts';

const SITE_MODULE = 'virtual:kiosk-site';
const RESOLVED_SITE_MODULE = '\0' + SITE_MODULE;

export function contentPlugin(): Plugin {
	let checked = false;
	return {
		name: 'lobby-kiosk-content',
		resolveId(id) {
			return id === SITE_MODULE ? RESOLVED_SITE_MODULE : undefined;
		},
		load(id) {
			if (id !== RESOLVED_SITE_MODULE) return undefined;
			const { site, version } = getContent();
			return (
				`export const site = ${JSON.stringify(site)};\n` +
				`export const contentVersion = ${JSON.stringify(version)};\n`
			);
		},
		buildStart() {
			// SvelteKit runs several builds in one process; the content is checked once.
			if (checked) return;
			checked = true;
			const { problems } = loadContent(contentDir());
			for (const p of problems.filter((p) => p.severity === 'warning')) {
				this.warn(formatProblem(p));
			}
			const errors = problems.filter((p) => p.severity === 'error');
			if (errors.length > 0) {
				this.error(
					`Content check failed: ${errors.length} error${errors.length === 1 ? '' : 's'}. Nothing was built.\n` +
						errors.map(formatProblem).join('\n')
				);
			}
		},
		configureServer(server) {
			const dir = contentDir();
			server.watcher.add(dir);
			const onChange = (file: string) => {
				if (!path.resolve(file).startsWith(dir + path.sep)) return;
				invalidateContent();
				for (const environment of Object.values(server.environments)) {
					const module = environment.moduleGraph.getModuleById(RESOLVED_SITE_MODULE);
					if (module) environment.moduleGraph.invalidateModule(module);
				}
				server.ws.send({ type: 'full-reload' });
			};
			server.watcher.on('change', onChange);
			server.watcher.on('add', onChange);
			server.watcher.on('unlink', onChange);
		}
	};
}
