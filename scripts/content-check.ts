/**
 * `npm run content:check`: validates the content folder (CONTENT_DIR or ./content) and prints
 * every problem at once. Exits 1 on any error; warnings alone pass.
 */
import { contentDir, formatProblem, loadContent } from '../src/lib/server/content/index.ts';

const dir = contentDir();
const { content, problems } = loadContent(dir);
const errors = problems.filter((p) => p.severity === 'error');
const warnings = problems.filter((p) => p.severity === 'warning');

for (const p of [...errors, ...warnings]) console.log(formatProblem(p));

if (errors.length > 0) {
	console.log(
		`\n✗ ${errors.length} error${errors.length === 1 ? '' : 's'}, ${warnings.length} warning${warnings.length === 1 ? '' : 's'} in ${dir}. Fix them and run the check again; nothing reaches a screen until it passes.`
	);
	process.exit(1);
}
if (content) {
	console.log(
		`✓ ${dir}: ${content.guides.length} guides, ${content.processes.length} processes, ` +
			`${content.disclosures.length} disclosure items, ${content.notices.length} notices, ` +
			`${content.services.length} online services, ${content.media.length} media files` +
			(warnings.length ? ` (${warnings.length} warning${warnings.length === 1 ? '' : 's'})` : '') +
			`. Content version ${content.version.hash}.`
	);
}
