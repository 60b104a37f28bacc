/**
 * Vite plugin: `vite build` refuses invalid content with the same report as `npm run
 * content:check`, and `vite dev` re-reads content after an editor saves a file.
 */
import path from 'node:path';
import type { Plugin } from 'vite';
import { formatProblem } from './errors.ts';
import { contentDir, invalidateContent } from './index.ts';
import { loadContent } from './load.ts';

export function contentPlugin(): Plugin {
	let checked = false;
	return {
		name: 'lobby-kiosk-content',
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
					`内容检查未通过：${errors.length} 处错误，没有生成任何文件。\n` +
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
				server.ws.send({ type: 'full-reload' });
			};
			server.watcher.on('change', onChange);
			server.watcher.on('add', onChange);
			server.watcher.on('unlink', onChange);
		}
	};
}
