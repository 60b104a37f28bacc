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
		`\n✗ ${dir}：${errors.length} 处错误，${warnings.length} 条提醒。改正后请再检查一次；检查通过之前，任何内容都不会上屏。`
	);
	process.exit(1);
}
if (content) {
	console.log(
		`✓ ${dir}：办事指南 ${content.guides.length} 项，办事流程 ${content.processes.length} 项，` +
			`政务公开 ${content.disclosures.length} 项，通知公告 ${content.notices.length} 项，` +
			`在线服务 ${content.services.length} 项，发布的图片和附件 ${content.media.length} 个` +
			(warnings.length ? `（${warnings.length} 条提醒）` : '') +
			`。内容版本 ${content.version.hash}。`
	);
}
