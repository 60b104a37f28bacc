import {
	cpSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem, type ContentProblem } from './errors.ts';
import { loadContent } from './load.ts';

const FIXTURES = path.resolve('tests/fixtures');
const made: string[] = [];

/** The good fixture with one bad-input fixture's files laid over it, in a temp folder. */
function withBad(kind: string): string {
	const dir = mkdtempSync(path.join(tmpdir(), `content-${kind}-`));
	made.push(dir);
	cpSync(path.join(FIXTURES, 'good'), dir, { recursive: true });
	cpSync(path.join(FIXTURES, 'bad', kind), dir, { recursive: true });
	return dir;
}

function errorsOf(kind: string): ContentProblem[] {
	const { content, problems } = loadContent(withBad(kind));
	const errors = problems.filter((p) => p.severity === 'error');
	// Every caller expects errors: content with any error must never be handed to the routes.
	expect(errors.length).toBeGreaterThan(0);
	expect(content).toBeNull();
	return errors;
}

/** File paths relative to the content folder, as the editor reads them. */
const rel = (p: ContentProblem) => p.file.replace(/^.*?content-[\w-]+-\w+\//, '');

afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('loadContent: good content', () => {
	const { content, problems } = loadContent(path.join(FIXTURES, 'good'));

	it('loads every collection without problems', () => {
		expect(problems).toEqual([]);
		expect(content?.guides.map((g) => g.slug)).toEqual(['radio-station']);
		expect(content?.processes).toHaveLength(1);
		expect(content?.disclosures).toHaveLength(1);
		expect(content?.notices).toHaveLength(1);
		expect(content?.services).toHaveLength(1);
		expect(content?.media).toEqual(['media/flow.svg']);
	});

	it('applies defaults and derives typed values', () => {
		const guide = content!.guides[0]!;
		expect(guide.level).toBe('省级');
		expect(guide.materials[0]!.necessity).toBe('必要');
		expect(content!.site.kiosk.idleCountdownSeconds).toBe(20);
		expect(content!.site.windows[0]!.number).toBe('1');
	});

	it('reads notice times in the office time zone', () => {
		// 2026-12-20 09:00 in Asia/Shanghai is 01:00 UTC.
		expect(new Date(content!.notices[0]!.publishedAt).toISOString()).toBe('2026-12-20T01:00:00.000Z');
	});

	it('sanitises Markdown: no script, iframe, handlers or javascript: links survive', () => {
		const html = content!.guides[0]!.html;
		expect(html).toContain('<h2>事项说明</h2>');
		expect(html).not.toMatch(/<script|<iframe|onclick|javascript:/i);
		expect(html).toContain('href="https://example.gov.cn"');
		expect(html).toContain('src="/media/flow.svg"');
	});

	it('drops a cancelled guide, and references to it, from the current content', () => {
		const dir = withBad('same-phones');
		const source = readFileSync(path.join(dir, 'guides/radio-station.md'), 'utf8');
		writeFileSync(
			path.join(dir, 'guides/radio-station.md'),
			source.replace("published: '2024-01-05'", "published: '2024-01-05'\ncancelled: '2025-01-01'")
		);
		const loaded = loadContent(dir).content!;
		expect(loaded.guides).toEqual([]);
		expect(loaded.processes[0]!.guides).toEqual([]);
		expect(loaded.services[0]!.guides).toEqual([]);
	});

	it('gives a content version hash that changes with the files', () => {
		expect(content!.version.hash).toMatch(/^[0-9a-f]{12}$/);
		const other = loadContent(withBad('same-phones')).content;
		expect(other!.version.hash).not.toBe(content!.version.hash);
	});
});

describe('loadContent: each kind of bad input names the file and the field', () => {
	it('YAML syntax error, with the line in the file', () => {
		const [e, ...rest] = errorsOf('yaml-syntax');
		expect(rest).toEqual([]);
		expect(rel(e!)).toBe('guides/radio-station.md');
		expect(e!.message).toMatch(/^第 5 行：内容里有“冒号加空格”.*用单引号括起来/);
	});

	it('missing required field', () => {
		const errors = errorsOf('missing-field');
		expect(errors.map((e) => [rel(e), e.field, e.label, e.message])).toEqual([
			['guides/radio-station.md', 'authority', '实施主体', '必须填写（如 “湖南省经济和信息化委员会”）']
		]);
	});

	it('wrong type, with the value that was written', () => {
		const [e] = errorsOf('wrong-type');
		expect(formatProblem(e!)).toMatch(
			/guides\/radio-station\.md · 申请材料 第1项 · 复印件份数：应填整数（如 1），现在是“两份”$/
		);
		expect(e!.field).toBe('materials[0].copies');
	});

	it('a date that does not exist', () => {
		const [e] = errorsOf('invalid-date');
		expect(rel(e!)).toBe('disclosure/report-2014.md');
		expect(e!.field).toBe('date');
		expect(e!.message).toContain('2015-13-45');
	});

	it('expiry before publish', () => {
		const [e] = errorsOf('expiry-before-publish');
		expect([rel(e!), e!.field]).toEqual(['notices/holiday.md', 'expires']);
		expect(e!.message).toBe('应晚于发布时间（2026-12-20 09:00）');
	});

	it('a javascript: URL is an error, never a link', () => {
		const [e] = errorsOf('javascript-url');
		expect([rel(e!), e!.field]).toEqual(['services/portal.yaml', 'url']);
		expect(e!.message).toMatch(/以 http:\/\/ 或 https:\/\/ 开头.*javascript:alert\(1\)/);
	});

	it('duplicate slugs', () => {
		const [e] = errorsOf('duplicate-slug');
		expect(rel(e!)).toMatch(/^services\/portal\.ya?ml$/);
		expect(e!.message).toMatch(/^与 .*services\/portal\.yaml? 同名/);
	});

	it('a reference to a guide that does not exist', () => {
		const [e] = errorsOf('missing-reference');
		expect([rel(e!), e!.field]).toEqual(['processes/apply-disclosure.md', 'guides[1]']);
		expect(e!.message).toContain('no-such-guide');
	});

	it('a reference to media that does not exist', () => {
		const [e] = errorsOf('missing-media');
		expect(rel(e!)).toBe('guides/radio-station.md');
		expect(e!.message).toContain('media/missing.png');
	});

	it('an annual report whose table 三 does not add up', () => {
		const [e] = errorsOf('report-sum');
		expect([rel(e!), e!.field]).toEqual([
			'disclosure/report-2014.md',
			'annualReport.applications.naturalPersons'
		]);
		expect(e!.message).toContain('一 本年新收 + 二 上年结转 = 4');
		expect(e!.label).toMatch(/自然人一列$/);
	});

	it('an SVG with script in it', () => {
		const [e] = errorsOf('svg-script');
		expect(rel(e!)).toBe('media/flow.svg');
		expect(e!.message).toContain('SVG 里有脚本');
	});

	it('identical enquiry and complaint phones are a warning, not an error', () => {
		const { content, problems } = loadContent(withBad('same-phones'));
		expect(content).not.toBeNull();
		expect(problems.map((p) => [rel(p), p.field, p.severity])).toEqual([
			['site.yaml', 'complaintPhone', 'warning']
		]);
	});

	it('reports all errors of all files at once', () => {
		const files = new Set(errorsOf('three-bad-guides').map(rel));
		expect([...files].sort()).toEqual([
			'guides/bad-conditions.md',
			'guides/bad-copies.md',
			'guides/bad-url.md'
		]);
	});
});

describe('loadContent: only regular files inside the content folder are read', () => {
	/** A secret outside the content folder that a link could otherwise publish. */
	function secret(): string {
		const dir = mkdtempSync(path.join(tmpdir(), 'content-secret-'));
		made.push(dir);
		const file = path.join(dir, 'passwd');
		writeFileSync(file, 'root:x:0:0:root:/root:/bin/bash\n');
		return file;
	}
	const good = () => withBad('same-phones');
	const errorsAbout = (problems: ContentProblem[], file: string) =>
		problems.filter((p) => p.severity === 'error' && rel(p) === file);

	it('a symlinked guide is an error naming it, and its target is never read', () => {
		const dir = good();
		symlinkSync(secret(), path.join(dir, 'guides/leak.md'));
		const { content, problems } = loadContent(dir);
		expect(content).toBeNull();
		const [e, ...rest] = errorsAbout(problems, 'guides/leak.md');
		expect(rest).toEqual([]);
		expect(e!.message).toContain('符号链接');
		expect(JSON.stringify(problems)).not.toContain('root:x');
	});

	it('a symlinked media file is an error and never ships', () => {
		const dir = good();
		symlinkSync(secret(), path.join(dir, 'media/passwd.png'));
		const { content, problems } = loadContent(dir);
		expect(content).toBeNull();
		expect(errorsAbout(problems, 'media/passwd.png').map((p) => p.message)).toEqual([
			expect.stringContaining('符号链接')
		]);
	});

	it('a symlink to a folder is an error, not a crash, and is not followed', () => {
		const dir = good();
		symlinkSync(path.dirname(secret()), path.join(dir, 'media/etc'));
		symlinkSync(path.join(dir, 'guides'), path.join(dir, 'processes/more'));
		const { content, problems } = loadContent(dir);
		expect(content).toBeNull();
		expect(errorsAbout(problems, 'media/etc')).toHaveLength(1);
		expect(errorsAbout(problems, 'processes/more')).toHaveLength(1);
		expect(problems.filter((p) => p.severity === 'error')).toHaveLength(2);
	});

	it('a media file above the size cap is an error with its size and the cap', () => {
		const dir = good();
		writeFileSync(path.join(dir, 'media/flow.svg'), '<svg xmlns="http://www.w3.org/2000/svg">' + ' '.repeat(3 * 1024 * 1024) + '</svg>');
		const { content, problems } = loadContent(dir, { mediaMaxBytes: 2 * 1024 * 1024 });
		expect(content).toBeNull();
		const [e, ...rest] = errorsAbout(problems, 'media/flow.svg');
		expect(rest).toEqual([]);
		expect(e!.message).toMatch(/太大（3 MB）.*最大 2 MB/);
		// The default cap (20 MB) lets the same file through.
		expect(loadContent(dir).content).not.toBeNull();
	});

	it('the media cap can be set with KIOSK_MEDIA_MAX_MB', () => {
		const dir = good();
		writeFileSync(path.join(dir, 'media/flow.svg'), '<svg xmlns="http://www.w3.org/2000/svg">' + ' '.repeat(1.5 * 1024 * 1024) + '</svg>');
		process.env.KIOSK_MEDIA_MAX_MB = '1';
		try {
			expect(errorsAbout(loadContent(dir).problems, 'media/flow.svg')).toHaveLength(1);
		} finally {
			delete process.env.KIOSK_MEDIA_MAX_MB;
		}
	});

	it('unreferenced media do not ship, and the editor is told', () => {
		const dir = good();
		writeFileSync(path.join(dir, 'media/unused.pdf'), Buffer.alloc(1000));
		writeFileSync(path.join(dir, 'media/source.docx'), Buffer.alloc(1000));
		const { content, problems } = loadContent(dir);
		expect(problems.filter((p) => rel(p) === 'media/source.docx').map((p) => p.severity)).toEqual([
			'warning'
		]);
		expect(content?.media).toEqual(['media/flow.svg']);
		expect(problems.filter((p) => rel(p) === 'media/unused.pdf').map((p) => p.severity)).toEqual([
			'warning'
		]);
	});

	it('media linked from Markdown (not only images) ship', () => {
		const dir = good();
		writeFileSync(path.join(dir, 'media/form.pdf'), Buffer.alloc(1000));
		const file = path.join(dir, 'processes/apply-disclosure.md');
		writeFileSync(file, readFileSync(file, 'utf8') + '\n[申请表](media/form.pdf)\n');
		const { content } = loadContent(dir);
		expect(content?.media).toEqual(['media/flow.svg', 'media/form.pdf']);
		expect(content?.processes[0]?.html).toContain('href="/media/form.pdf"');
	});

	it('a text file above the size cap is refused before it is parsed', () => {
		const dir = good();
		const file = path.join(dir, 'notices/holiday.md');
		writeFileSync(file, readFileSync(file, 'utf8') + 'x'.repeat(3 * 1024 * 1024));
		const { problems } = loadContent(dir);
		const [e, ...rest] = errorsAbout(problems, 'notices/holiday.md');
		expect(rest).toEqual([]);
		expect(e!.message).toMatch(/太大（3 MB）.*最大 2 MB/);
	});
});

describe('loadContent: files that are not what they claim', () => {
	const good = () => withBad('same-phones');

	it('a YAML alias bomb is one error naming the file, not a crash', () => {
		const dir = good();
		const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
		for (let i = 1; i < 9; i++) {
			const prev = String.fromCharCode(96 + i);
			const name = String.fromCharCode(97 + i);
			levels.push(`${name}: &${name} [${Array(9).fill('*' + prev).join(',')}]`);
		}
		writeFileSync(path.join(dir, 'services/portal.yaml'), levels.join('\n') + '\n');
		const { content, problems } = loadContent(dir);
		expect(content).toBeNull();
		const errors = problems.filter((p) => p.severity === 'error');
		expect(errors.map((p) => [rel(p), p.message])).toEqual([
			['services/portal.yaml', expect.stringContaining('别名')]
		]);
	});

	it('a GBK file is exactly one error saying to save it as UTF-8', () => {
		// The fixture is the good guide saved as GB18030, as Notepad on a Chinese Windows does.
		const dir = withBad('gbk');
		const { content, problems } = loadContent(dir);
		expect(content).toBeNull();
		const errors = problems.filter((p) => p.severity === 'error');
		expect(errors.map((p) => [rel(p), p.message])).toEqual([
			[
				'guides/radio-station.md',
				expect.stringContaining('此文件不是 UTF-8 编码（看起来是 GBK/GB18030），请另存为 UTF-8')
			]
		]);
	});
});

describe('loadContent: the model fits real offices', () => {
	const good = () => withBad('same-phones');
	const guideFile = (dir: string) => path.join(dir, 'guides/radio-station.md');
	const editGuide = (dir: string, edit: (text: string) => string) =>
		writeFileSync(guideFile(dir), edit(readFileSync(guideFile(dir), 'utf8')));
	const errors = (problems: ContentProblem[]) =>
		problems
			.filter((p) => p.severity === 'error')
			.map((p) => `${rel(p)} ${p.label ?? ''}：${p.message}`);

	it('accepts 区级 and 乡镇（街道）级 and refuses an unknown level, listing the choices', () => {
		for (const level of ['区级', '乡镇（街道）级']) {
			const dir = good();
			editGuide(dir, (t) => t.replace('authority:', `level: ${level}\nauthority:`));
			expect(loadContent(dir).content?.guides[0]?.level).toBe(level);
		}
		const dir = good();
		editGuide(dir, (t) => t.replace('authority:', 'level: 地级\nauthority:'));
		expect(errors(loadContent(dir).problems)).toEqual([
			expect.stringMatching(/^guides\/radio-station\.md 行使层级：应为以下之一：国家级、省级、市级、县级、区级、乡镇（街道）级.*现在是“地级”$/)
		]);
	});

	it('an office sets its own 索引号 form in site.yaml; the default keeps today’s', () => {
		const dir = good();
		const report = path.join(dir, 'disclosure/report-2014.md');
		const source = readFileSync(report, 'utf8');
		const indexNo = /indexNo: (.+)/.exec(source)![1]!;
		writeFileSync(report, source.replace(indexNo, 'HN-2015-0001'));
		expect(errors(loadContent(dir).problems)).toEqual([
			expect.stringMatching(/^disclosure\/report-2014\.md 索引号：格式不对，应写成如“430S00720\/2015-40731”.*现在是“HN-2015-0001”$/)
		]);
		const site = path.join(dir, 'site.yaml');
		writeFileSync(
			site,
			readFileSync(site, 'utf8') + "indexNoPattern: '^HN-\\d{4}-\\d{4}$'\nindexNoExample: HN-2015-0001\n"
		);
		expect(loadContent(dir).content?.disclosures[0]?.indexNo).toBe('HN-2015-0001');
		// An example that does not fit the office's own pattern is caught in site.yaml itself.
		writeFileSync(site, readFileSync(site, 'utf8').replace('indexNoExample: HN-2015-0001', 'indexNoExample: X1'));
		expect(errors(loadContent(dir).problems)).toEqual([
			expect.stringMatching(/^site\.yaml 索引号示例：不符合索引号格式/)
		]);
	});

	it('a window-only item needs no 网上办理', () => {
		const dir = good();
		editGuide(dir, (t) => t.replace(/^online:\n( {2}.*\n)+/m, ''));
		const { content, problems } = loadContent(dir);
		expect(errors(problems)).toEqual([]);
		expect(content?.guides[0]?.online).toBeUndefined();
	});

	it('a 办理地点 window that site.yaml does not have is an error; one it has is fine', () => {
		const dir = good();
		editGuide(dir, (t) => t.replace('  hours: 工作日', '  window: 9号窗口\n  hours: 工作日'));
		expect(errors(loadContent(dir).problems)).toEqual([
			'guides/radio-station.md 办理地点与时间 · 窗口号：site.yaml 的服务窗口里没有“9号窗口”（现有：1号 综合受理窗口）：请写现有窗口的窗口号，如“1号”，或先在 site.yaml 里加上这个窗口'
		]);
		editGuide(dir, (t) => t.replace('9号窗口', '1号 综合受理窗口'));
		expect(errors(loadContent(dir).problems)).toEqual([]);
	});

	it('files the app would not read are reported, not skipped silently', () => {
		const dir = good();
		const text = readFileSync(guideFile(dir), 'utf8');
		writeFileSync(path.join(dir, 'guides/upper.MD'), text);
		writeFileSync(path.join(dir, 'guides/long.markdown'), text);
		mkdirSync(path.join(dir, 'guides/old'));
		writeFileSync(path.join(dir, 'guides/old/older.md'), text);
		writeFileSync(path.join(dir, 'services/portal.json'), '{}');
		writeFileSync(path.join(dir, 'notes.txt'), '备忘');
		writeFileSync(path.join(dir, 'README.md'), '# 内容说明');
		const { content, problems } = loadContent(dir);
		expect(content).toBeNull();
		const about = (f: string) => problems.filter((p) => rel(p) === f).map((p) => [p.severity, p.message]);
		expect(about('guides/upper.MD')).toEqual([['error', expect.stringContaining('请改名为 upper.md')]]);
		expect(about('guides/long.markdown')).toEqual([['error', expect.stringContaining('请改名为 long.md')]]);
		expect(about('guides/old/older.md')).toEqual([['error', expect.stringContaining('子文件夹')]]);
		expect(about('services/portal.json')).toEqual([['error', expect.stringContaining('.yaml、.yml')]]);
		expect(about('notes.txt')).toEqual([['warning', expect.stringContaining('不会被读取')]]);
		expect(about('README.md')).toEqual([]);
	});

	it('a slide naming a guide with errors says that guide has errors, not that it does not exist', () => {
		const dir = good();
		editGuide(dir, (t) => t.replace('copies: 0', 'copies: 两份'));
		mkdirSync(path.join(dir, 'bulletins/playlists'), { recursive: true });
		writeFileSync(
			path.join(dir, 'bulletins/playlists/hall.yaml'),
			'name: 大厅\nslides:\n  - { kind: guide, guide: radio-station }\n'
		);
		const { problems } = loadContent(dir);
		expect(errors(problems)).toEqual([
			'guides/radio-station.md 申请材料 第1项 · 复印件份数：应填整数（如 1），现在是“两份”'
		]);
		const knockOn = problems.filter((p) => p.severity === 'warning' && p.file.endsWith('hall.yaml'));
		expect(knockOn.map((p) => p.message)).toEqual([expect.stringContaining('本身有错误')]);
	});

	it('a YAML full-width colon and a tab are explained with the line number', () => {
		const dir = good();
		editGuide(dir, (t) => t.replace('theme: 无线电管理', 'theme：无线电管理'));
		expect(errors(loadContent(dir).problems)).toEqual([
			expect.stringMatching(/^guides\/radio-station\.md ：第 4 行：字段名后面用了全角冒号“：”.*即 theme: 无线电管理$/)
		]);
		editGuide(dir, (t) => t.replace('theme：无线电管理', 'theme: 无线电管理').replace('  - 有可用', '\t- 有可用'));
		expect(errors(loadContent(dir).problems)).toEqual([
			expect.stringMatching(/^guides\/radio-station\.md ：第 \d+ 行：用了 Tab 键缩进/)
		]);
	});

	it('a guide name too long for the tiles and the LED strip is refused', () => {
		const dir = good();
		editGuide(dir, (t) => t.replace('name: 无线电台（站）设置审批', `name: ${'长'.repeat(41)}`));
		expect(errors(loadContent(dir).problems)).toEqual([
			'guides/radio-station.md 事项名称：太长：最多 40 个字，现在 41 个字，请精简'
		]);
	});
});

describe('loadContent: misspelt fields', () => {
	it('an unknown field at any depth is an error that suggests the field meant', () => {
		const dir = withBad('same-phones');
		const file = path.join(dir, 'guides/radio-station.md');
		writeFileSync(
			file,
			readFileSync(file, 'utf8')
				.replace('    commonMistakes: [未加盖公章]', '    commonMistakes: [未加盖公章]\n    blankFrom: media/flow.svg')
				.replace('keywords: [电台执照]', 'Keywords: [电台执照]')
		);
		const { content, problems } = loadContent(dir);
		expect(content).toBeNull();
		expect(problems.filter((p) => p.severity === 'error').map(formatProblem).map((l) => l.replace(/^.*?guides\//, 'guides/'))).toEqual([
			'guides/radio-station.md · Keywords：不认识这个字段：是不是 keywords（搜索关键词）？请检查拼写，或删掉这一行',
			'guides/radio-station.md · 申请材料 第1项 · blankFrom：不认识这个字段：是不是 blankForm（空白表格）？请检查拼写，或删掉这一行'
		]);
	});
});
