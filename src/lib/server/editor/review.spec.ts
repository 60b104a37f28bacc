import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cmsConfig } from './config.ts';
import { reviewHtml, type ReviewInput } from './review.ts';

const config = cmsConfig({ prefix: '', windows: ['1号 综合受理窗口'] });
const guides = config.collections.find((c) => c.name === 'guides')!;
const source = readFileSync('content/guides/energy-saving-review.md', 'utf8');

const copy = (over: Partial<ReviewInput> = {}) =>
	reviewHtml({
		collection: guides,
		file: 'guides/energy-saving-review.md',
		source,
		version: 'a1b2c3d4',
		problems: [],
		madeAt: '2026年12月2日 10:00',
		office: '湖南省经济和信息化委员会',
		...over
	});
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('reviewHtml', () => {
	it('heads the copy with the office, the kind, 审核稿, the version and the date', () => {
		const t = text(copy());
		expect(t).toContain('湖南省经济和信息化委员会 · 办事指南 · 审核稿');
		expect(t).toContain('固定资产投资项目节能审查');
		expect(t).toContain('内容版本 a1b2c3d4');
		expect(t).toContain('生成于 2026年12月2日 10:00');
		expect(t).toContain('内容检查通过');
	});

	it('shows every field under its Chinese label, lists as numbered rows', () => {
		const html = copy();
		expect(html).toContain('<th scope="row">申请材料</th>');
		expect(html).toContain('<th scope="row">事项名称</th>');
		const t = text(html);
		for (const material of ['节能审查申请函', '固定资产投资项目节能报告', '项目备案证明或核准文件'])
			expect(t).toContain(material);
		expect(html).not.toContain('>materials</th>');
	});

	it('leaves room to sign, and is laid out for A4', () => {
		const t = text(copy());
		expect(t).toContain('审核人（签字）');
		expect(t).toContain('审核意见');
		expect(copy()).toContain('href="/review.css"');
	});

	it('lists the check’s problems instead of the pass, and escapes what the file says', () => {
		const html = copy({
			version: null,
			problems: ['guides/energy-saving-review.md · 申请材料 第2项 · 份数：应填整数'],
			source: source.replace('固定资产投资项目节能审查', '<script>alert(1)</script>')
		});
		expect(html).not.toContain('<script>alert(1)</script>');
		expect(html).toContain('&#60;script&#62;');
		const t = text(html);
		expect(t).toContain('申请材料 第2项 · 份数：应填整数');
		expect(t).not.toContain('内容检查通过');
		expect(t).toContain('内容版本 （内容有错误，尚未生成）');
	});

	it('shows a key the forms do not know under its own name', () => {
		const html = copy({ source: source.replace(/^---\n/, '---\nnote: 内部备注\n') });
		expect(html).toContain('<th scope="row">note</th>');
		expect(text(html)).toContain('内部备注');
	});
});
