import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../content/load.ts';
import { bulletinData } from './payload.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'bulletin-payload-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the screens’ payload', () => {
	it('carries video, carousel and data slides in the form the screens use', async () => {
		cpSync(path.resolve('tests/fixtures/good'), dir, { recursive: true });
		mkdirSync(path.join(dir, 'bulletins/playlists'), { recursive: true });
		writeFileSync(path.join(dir, 'media/intro.webm'), 'stand-in bytes');
		writeFileSync(
			path.join(dir, 'bulletins/playlists/hall.yaml'),
			`
name: 大厅
slides:
  - kind: video
    video: media/intro.webm
    play: once
    description: 办事流程介绍
  - kind: carousel
    duration: 10
    transition: cut
    images:
      - { image: media/flow.svg, alt: 流程图 }
      - { image: media/flow.svg, alt: 又一张 }
      - { image: media/flow.svg, alt: 第三张 }
  - kind: data
    title: 当前叫号
    url: /queue/now.json
    refresh: 4
    maxAge: 20
    columns: [{ field: window, label: 窗口 }]
    whileOpen: false
`
		);
		const { content, problems } = loadContent(dir);
		expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
		const data = await bulletinData(content!);
		const [video, carousel, feed] = data.playlists[0]!.slides;
		expect(video).toMatchObject({
			kind: 'video',
			src: '/media/intro.webm',
			type: 'video/webm',
			play: 'once',
			title: null,
			description: '办事流程介绍'
		});
		expect(carousel).toMatchObject({
			kind: 'carousel',
			title: null,
			intervalMs: 3_333,
			transition: 'cut',
			images: [
				{ src: '/media/flow.svg', alt: '流程图' },
				{ src: '/media/flow.svg', alt: '又一张' },
				{ src: '/media/flow.svg', alt: '第三张' }
			]
		});
		expect(feed).toMatchObject({
			kind: 'data',
			url: '/queue/now.json',
			refreshMs: 4_000,
			maxAgeMs: 20_000,
			columns: [{ field: 'window', label: '窗口' }],
			maxRows: 8,
			unavailable: '信息暂不可用',
			note: null,
			whileOpen: false
		});
	});
});
