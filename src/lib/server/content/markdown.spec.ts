import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.ts';

describe('renderMarkdown', () => {
	it('marks links to other sites external and leaves kiosk links for the crawler', () => {
		const { html } = renderMarkdown('[政府网](https://www.gov.cn) [指南](/guides/x)');
		expect(html).toContain('<a href="https://www.gov.cn" rel="external">');
		expect(html).toContain('<a href="/guides/x">');
	});

	it('keeps only media images and collects them for the existence check', () => {
		const { html, media } = renderMarkdown('![a](media/a.png) ![b](https://evil.example/b.png)');
		expect(media).toEqual(['media/a.png']);
		expect(html).toContain('src="/media/a.png"');
		expect(html).not.toContain('evil.example');
	});

	it('turns an editor h1 into h2 and strips anything executable', () => {
		const { html, text } = renderMarkdown(
			'# 标题\n\n<img src=x onerror=alert(1)><script>x()</script><a href="javascript:alert(1)">点</a>'
		);
		expect(html).toContain('<h2>标题</h2>');
		expect(html).not.toMatch(/onerror|<script|javascript:/);
		expect(text).toBe('标题 点');
	});
});
