/**
 * `npm run serve [-- --port N --host H]`: serves the built site (BUILD_DIR or build/) as the
 * production web server would. For trying a build and for the Playwright suite; a hall uses nginx
 * (deploy/) or any static server.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startStaticServer } from './static-server.ts';

const { values } = parseArgs({
	options: {
		port: { type: 'string', default: process.env.PORT || '4173' },
		host: { type: 'string', default: '127.0.0.1' }
	}
});

const root = path.resolve(process.env.BUILD_DIR || 'build');
if (!existsSync(path.join(root, 'index.html'))) {
	console.error(`${root} has no index.html: run \`npm run build\` first.`);
	process.exit(1);
}

const server = await startStaticServer(root, { port: Number(values.port), host: values.host });
console.log(`Serving ${root} at http://${values.host}:${new URL(server.url).port}/`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => void server.close().then(() => process.exit(0)));
}
