import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem } from './errors.ts';
import { loadContent } from './load.ts';
import { localToInstant } from './time.ts';

const GOOD = path.resolve('tests/fixtures/good');
const dirs: string[] = [];

/** A copy of the good fixture with the given files under bulletins/. */
function contentWith(files: Record<string, string>): string {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'bulletin-content-'));
	dirs.push(dir);
	cpSync(GOOD, dir, { recursive: true });
	for (const [name, text] of Object.entries(files)) {
		const file = path.join(dir, 'bulletins', name);
		mkdirSync(path.dirname(file), { recursive: true });
		writeFileSync(file, text);
	}
	return dir;
}

afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const GOOD_PLAYLIST = `
name: 大厅主屏
urgent: takeover
dimming: { from: '20:00', to: '07:00', brightness: 40 }
slides:
  - kind: notice
    title: 元旦放假
    body: 1月1日至3日放假。
    start: 2026-12-25 09:00
    end: 2027-01-04
    weekdays: [周一, 星期二, 5]
    times: ['09:00-12:00', '22:00-06:00']
    qr: https://example.gov.cn/notice
  - id: numbers
    kind: figures
    title: 数据
    items: [{ value: 2385, unit: 件, label: 主动公开 }]
  - kind: guide
    guide: radio-station
  - kind: image
    image: media/flow.svg
    alt: 办理流程图
  - kind: hall
  - kind: latest-notices
    count: 3
`;

describe('bulletin content', () => {
	it('loads playlists, screens and closures, resolved to instants in the office zone', () => {
		const dir = contentWith({
			'playlists/hall.yaml': GOOD_PLAYLIST,
			'screens.yaml': 'screens:\n  - { id: lobby, name: 大厅, width: 1920, height: 360, playlists: [hall] }\n',
			'closures.yaml': 'closures:\n  - { from: 2027-01-01, to: 2027-01-03, reason: 元旦 }\n'
		});
		const { content, problems } = loadContent(dir);
		expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
		const [hall] = content!.bulletins.playlists;
		expect(hall).toMatchObject({ id: 'hall', urgent: 'takeover', dimming: { brightness: 40 } });
		const [notice, figures] = hall!.slides;
		expect(notice).toMatchObject({
			id: 'hall-1',
			duration: 12,
			priority: 1,
			weekdays: [1, 2, 5],
			times: [
				{ from: 540, to: 720 },
				{ from: 1320, to: 360 }
			],
			startAt: localToInstant('2026-12-25 09:00', 'Asia/Shanghai'),
			endAt: localToInstant('2027-01-04', 'Asia/Shanghai')
		});
		expect(figures?.id).toBe('numbers');
		expect(hall!.slides.map((s) => s.kind)).toEqual([
			'notice',
			'figures',
			'guide',
			'image',
			'hall',
			'latest-notices'
		]);
		expect(content!.bulletins.screens).toEqual([
			{ id: 'lobby', name: '大厅', width: 1920, height: 360, playlists: ['hall'], power: null }
		]);
		expect(content!.bulletins.closures).toEqual([
			{ from: '2027-01-01', to: '2027-01-03', reason: '元旦', note: null }
		]);
	});

	it('without a bulletins folder there is simply nothing scheduled', () => {
		const { content, problems } = loadContent(GOOD);
		expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(content!.bulletins).toEqual({
			playlists: [],
			screens: [],
			closures: [],
			openDays: [],
			dimming: null
		});
	});

	it('reports every problem of every file at once, with file, field and a plain message', () => {
		const dir = contentWith({
			'playlists/hall.yaml': `
name: 大厅主屏
slides:
  - kind: notice
    title: 反了
    body: 截止早于开始
    start: 2026-12-25 09:00
    end: 2026-12-20 09:00
  - kind: guide
    guide: no-such-guide
  - kind: image
    image: media/missing.png
  - kind: notice
    title: 时间
    body: 错误的星期和时段
    weekdays: [周八]
    times: ['9点-12点']
    duration: 2
  - kind: audio
    src: x.mp3
  - kind: hall
    colour: red
  - id: twice
    kind: hall
  - id: twice
    kind: hall
`,
			'screens.yaml':
				'screens:\n  - { id: lobby, name: 大厅, width: 1920, height: 1080, playlists: [hall, nowhere] }\n',
			'closures.yaml': 'closures:\n  - { from: 2027-01-03, to: 2027-01-01, reason: 元旦 }\n',
			'notes.txt.yaml': 'x: 1\n'
		});
		const { content, problems } = loadContent(dir);
		expect(content).toBeNull();
		const lines = problems.map(formatProblem);
		const has = (file: string, field: string, message: RegExp) =>
			expect(
				problems.some(
					(p) => p.file.endsWith(file) && p.field === field && message.test(p.message)
				),
				`${file}: ${field}: ${message}\n${lines.join('\n')}`
			).toBe(true);
		const hall = 'bulletins/playlists/hall.yaml';
		has(hall, 'slides[0].end', /应晚于开始时间（2026-12-25 09:00）/);
		has(hall, 'slides[1].guide', /没有这个办事指南：guides 文件夹里没有 no-such-guide\.md/);
		has(hall, 'slides[2].image', /media 文件夹里没有 media\/missing\.png/);
		has(hall, 'slides[2].alt', /有图片就要写图片文字说明/);
		has(hall, 'slides[3].weekdays[0]', /周一 … 周日/);
		has(hall, 'slides[3].times[0]', /格式不对，应写成如 “09:00-12:00” 的样子，现在是“9点-12点”/);
		has(hall, 'slides[3].duration', /至少 5 秒/);
		has(hall, 'slides[4].kind', /应为以下之一：notice（通知）、figures（数字）.*，现在是“audio”/);
		has(hall, 'slides[5]', /不认识的字段 colour/);
		has(hall, 'slides[7].id', /“twice”已被第7张幻灯片使用/);
		has('bulletins/screens.yaml', 'screens[0].playlists[1]', /没有这个播放列表：.*nowhere\.yaml/);
		has('bulletins/closures.yaml', 'closures[0].to', /早于开始日期（2027-01-03）/);
		has('bulletins/notes.txt.yaml', '', /此文件不会被读取/);
		// Fields by their Chinese names, positions counted from 1.
		expect(lines).toContainEqual(
			expect.stringMatching(/hall\.yaml · 幻灯片 第4项 · 播放时长（秒）：至少 5 秒/)
		);
		expect(lines).toContainEqual(
			expect.stringMatching(/screens\.yaml · 屏幕 第1项 · 播放列表 第2项：没有这个播放列表/)
		);

	});

	it('asks every screen for its size in whole pixels', () => {
		const dir = contentWith({
			'playlists/hall.yaml': GOOD_PLAYLIST,
			'screens.yaml': [
				'screens:',
				'  - { id: side, name: 侧屏, width: 一九二零, playlists: [hall] }',
				'  - { id: tiny, name: 小屏, width: 64, height: 32.5, playlists: [hall] }',
				''
			].join('\n')
		});
		const { content, problems } = loadContent(dir);
		expect(content).toBeNull();
		const lines = problems.map(formatProblem).map((l) => l.replace(/^.*screens\.yaml · /, ''));
		expect(lines).toEqual([
			'屏幕 第1项 · 宽度（像素）：应填整数（如 1920），现在是“一九二零”',
			'屏幕 第1项 · 高度（像素）：必须填写（如 1080）',
			'屏幕 第2项 · 宽度（像素）：至少 128 像素，现在是 64',
			'屏幕 第2项 · 高度（像素）：应填整数（如 1080），现在是 32.5'
		]);
	});

	it('checks dimming and playlist options', () => {
		const dir = contentWith({
			'playlists/strip.yaml': `
name: 条屏
urgent: flash
dimming: { from: '20:00', to: '20:00', brightness: 5 }
`
		});
		const { problems } = loadContent(dir);
		const fields = problems.map((p) => `${p.field}: ${p.message}`);
		expect(fields).toContainEqual(
			expect.stringMatching(/^urgent: 应为以下之一：ticker、takeover，现在是“flash”/)
		);
		expect(fields).toContainEqual(expect.stringMatching(/^dimming.brightness: 低于 10%/));
		expect(fields).toContainEqual(expect.stringMatching(/^dimming.to: 开始和结束是同一时间/));
	});

	it('limits text to what can be read across a hall', () => {
		const dir = contentWith({
			'playlists/hall.yaml': `
name: 大厅主屏
slides:
  - kind: notice
    title: ${'长'.repeat(61)}
    body: 正文
`
		});
		const { problems } = loadContent(dir);
		expect(problems.map(formatProblem)).toContainEqual(
			expect.stringMatching(/hall\.yaml · 幻灯片 第1项 · 标题：太长：最多 60 个字，现在 61 个字/)
		);
	});

	it('a cancelled guide is not advertised after its cancellation day', () => {
		const dir = contentWith({
			'playlists/hall.yaml': 'name: 大厅\nslides:\n  - { kind: guide, guide: radio-station }\n'
		});
		const guide = path.join(dir, 'guides/radio-station.md');
		const text = readText(guide).replace(/^---\n/, '---\ncancelled: 2099-01-01\n');
		writeFileSync(guide, text);
		const { content, problems } = loadContent(dir);
		expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
		expect(content!.bulletins.playlists[0]!.slides[0]!.endAt).toBe(
			localToInstant('2099-01-01', 'Asia/Shanghai')
		);
	});
});

describe('video, carousel and data slides', () => {
	/** The good fixture, this playlist, and empty stand-ins for the named media files. */
	function load(playlist: string, media: string[] = []) {
		const dir = contentWith({ 'playlists/hall.yaml': playlist });
		for (const m of media) writeFileSync(path.join(dir, m), 'stand-in bytes');
		return loadContent(dir);
	}
	/** The problems of hall.yaml as editors read them, after the file name. */
	const messages = (problems: ReturnType<typeof loadContent>['problems']) =>
		problems
			.filter((p) => p.file.endsWith('hall.yaml'))
			.map(formatProblem)
			.map((l) => l.replace(/^.*hall\.yaml · /, ''));

	it('loads each kind with its defaults, and ships the videos and pictures it names', () => {
		const { content, problems } = load(
			`
name: 大厅
slides:
  - kind: video
    video: media/intro.mp4
    description: 大厅办事流程介绍
  - kind: carousel
    duration: 15
    images:
      - { image: media/flow.svg, alt: 流程图 }
      - { image: media/a.webp, alt: 窗口 }
      - { image: media/b.jpg, alt: 入口 }
  - kind: data
    title: 当前叫号
    url: /queue/now.json
    columns: [{ field: window, label: 窗口 }, { field: number, label: 当前叫号 }]
`,
			['media/intro.mp4', 'media/a.webp', 'media/b.jpg']
		);
		expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
		const [video, carousel, data] = content!.bulletins.playlists[0]!.slides;
		expect(video).toMatchObject({ kind: 'video', play: 'loop', duration: 12 });
		expect(carousel).toMatchObject({ kind: 'carousel', transition: 'fade' });
		expect(data).toMatchObject({
			kind: 'data',
			refresh: 5,
			maxAge: 30,
			maxRows: 8,
			unavailable: '信息暂不可用',
			whileOpen: true
		});
		expect(content!.media.sort()).toEqual([
			'media/a.webp',
			'media/b.jpg',
			'media/flow.svg',
			'media/intro.mp4'
		]);
	});

	it('says what is wrong with a video slide, the field by its Chinese name', () => {
		const { content, problems } = load(`
name: 大厅
slides:
  - kind: video
    video: media/intro.mov
  - kind: video
    video: media/missing.webm
    play: twice
`);
		expect(content).toBeNull();
		expect(messages(problems)).toEqual([
			'幻灯片 第1项 · 视频：应为 media 文件夹里的 MP4 或 WebM 视频，如 media/hall-intro.mp4，现在是“media/intro.mov”',
			'幻灯片 第2项 · 播放方式：应为以下之一：loop、once，现在是“twice”'
		]);
		const fixed = load(`
name: 大厅
slides:
  - kind: video
    video: media/missing.webm
`);
		expect(messages(fixed.problems)).toEqual([
			'幻灯片 第1项 · 视频：media 文件夹里没有 media/missing.webm：请检查文件名（区分大小写），或把文件放进 media/',
			'幻灯片 第1项 · 视频文字说明：有视频就要写视频文字说明：看不见画面的访客会听到这段文字'
		]);
	});

	it('says what is wrong with a carousel, pictures counted from 1', () => {
		const { problems } = load(`
name: 大厅
slides:
  - kind: carousel
    images:
      - { image: media/flow.svg, alt: 流程图 }
      - { image: media/gone.png }
      - { image: media/form.pdf, alt: 表格 }
  - kind: carousel
    duration: 12
    interval: 5
    images:
      - { image: media/flow.svg, alt: 流程图 }
      - { image: media/flow.svg, alt: 又一张 }
      - { image: media/flow.svg, alt: 第三张 }
  - kind: carousel
    duration: 8
    images:
      - { image: media/flow.svg, alt: 一 }
      - { image: media/flow.svg, alt: 二 }
      - { image: media/flow.svg, alt: 三 }
  - kind: carousel
    images: [{ image: media/flow.svg, alt: 只有一张 }]
`);
		expect(messages(problems)).toEqual([
			'幻灯片 第1项 · 图片 第3项 · 图片：PDF 不能在屏幕上显示：请用 png、jpg、webp、svg 或 gif，现在是“media/form.pdf”',
			'幻灯片 第2项 · 每张图片秒数：3 张图片每张 5 秒共 15 秒，超过播放时长 12 秒：后面的图片播不到，请加长播放时长或减少图片',
			'幻灯片 第3项 · 播放时长（秒）：3 张图片分 8 秒，每张不到 3 秒，来不及看：请把播放时长加到至少 9 秒，或减少图片',
			'幻灯片 第4项 · 图片：至少要填 2 项'
		]);
		const missing = load(`
name: 大厅
slides:
  - kind: carousel
    images:
      - { image: media/flow.svg, alt: 流程图 }
      - { image: media/gone.png }
`);
		expect(messages(missing.problems)).toEqual([
			'幻灯片 第1项 · 图片 第2项 · 图片：media 文件夹里没有 media/gone.png：请检查文件名（区分大小写），或把文件放进 media/',
			'幻灯片 第1项 · 图片 第2项 · 图片文字说明：有图片就要写图片文字说明：看不见图片的访客会听到这段文字'
		]);
	});

	it('takes data only from this site, and keeps it no longer than it stays current', () => {
		const { problems } = load(`
name: 大厅
slides:
  - kind: data
    title: 当前叫号
    url: https://queue.example.com/now.json
    columns: [{ field: window, label: 窗口 }]
  - kind: data
    title: 当前叫号
    url: //queue.example.com/now.json
    columns: [{ field: window, label: 窗口 }]
  - kind: data
    title: 当前叫号
    url: /queue/../secret.json
    columns: [{ field: window-no, label: 窗口 }]
  - kind: data
    title: 当前叫号
    url: /queue/now.json
    columns: []
  - kind: data
    title: 当前叫号
    url: /queue/now.json
    refresh: 10
    maxAge: 15
    columns: [{ field: window, label: 窗口 }]
`);
		const offSite =
			'应为本站的地址，以 / 开头，如 /queue/now.json；不能是其他网站的网址';
		expect(messages(problems)).toEqual([
			`幻灯片 第1项 · 数据地址：${offSite}，现在是“https://queue.example.com/now.json”`,
			`幻灯片 第2项 · 数据地址：${offSite}，现在是“//queue.example.com/now.json”`,
			'幻灯片 第3项 · 数据地址：地址里不能有 ..，现在是“/queue/../secret.json”',
			'幻灯片 第3项 · 列 第1项 · 数据字段：格式不对，应写成如 “window” 的样子，现在是“window-no”',
			'幻灯片 第4项 · 列：至少要填一项',
			'幻灯片 第5项 · 数据有效期（秒）：应至少是刷新间隔的 2 倍（20 秒），否则一次刷新稍慢，数据就会显示为不可用'
		]);
	});
});

function readText(file: string): string {
	return readFileSync(file, 'utf8');
}
