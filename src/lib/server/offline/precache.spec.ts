import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPrecacheTransform, isCachedAsHtml, precacheUrl } from './precache';

describe('precacheUrl', () => {
	it('maps build files to the URLs the browser asks for', () => {
		expect(precacheUrl('prerendered/pages/index.html')).toBe('./');
		expect(precacheUrl('prerendered/pages/guides.html')).toBe('guides');
		expect(precacheUrl('prerendered/pages/guides/radio.html')).toBe('guides/radio');
		expect(precacheUrl('prerendered/dependencies/guides/__data.json')).toBe('guides/__data.json');
		expect(precacheUrl('prerendered/dependencies/search-index.json')).toBe('search-index.json');
		expect(precacheUrl('prerendered/dependencies/media/flow.svg')).toBe('media/flow.svg');
		expect(precacheUrl('client/_app/immutable/entry/app.js')).toBe('_app/immutable/entry/app.js');
	});
});

describe('createPrecacheTransform', () => {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'precache-'));
	mkdirSync(path.join(dir, 'prerendered/pages'), { recursive: true });
	mkdirSync(path.join(dir, 'prerendered/dependencies/media'), { recursive: true });
	writeFileSync(path.join(dir, 'prerendered/pages/guides.html'), 'abc');
	writeFileSync(path.join(dir, 'prerendered/dependencies/media/big.png'), Buffer.alloc(2000));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));
	const entries = () => [
		{ url: 'prerendered/pages/guides.html', revision: 'r1', size: 3 },
		{ url: 'prerendered/dependencies/media/big.png', revision: 'r2', size: 2000 }
	];

	it('adds subresource integrity and prints the total', async () => {
		const lines: string[] = [];
		const transform = createPrecacheTransform({
			globDirectory: dir,
			budgetBytes: 10_000,
			log: (l) => lines.push(l)
		});
		const { manifest } = await transform(entries());
		expect(manifest[0]).toEqual({
			url: 'guides',
			revision: 'r1',
			size: 3,
			// sha256("abc"), base64
			integrity: 'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='
		});
		expect(lines.join('\n')).toMatch(/2 files, 2\.0 KiB \(media: 1 files, 2\.0 KiB\)/);
	});

	it('fails the build over the budget, naming the largest files', async () => {
		const transform = createPrecacheTransform({
			globDirectory: dir,
			budgetBytes: 1000,
			log: () => {}
		});
		await expect(transform(entries())).rejects.toThrow(
			/over the 1000 B budget[\s\S]*media\/big\.png/
		);
	});

	it('lists deeper pages by their data only, and the offline shell by the build version', async () => {
		const deep = path.join(dir, 'prerendered/pages/guides');
		mkdirSync(deep, { recursive: true });
		writeFileSync(path.join(deep, 'radio.html'), '<html>');
		mkdirSync(path.join(dir, 'client/_app'), { recursive: true });
		writeFileSync(path.join(dir, 'client/_app/version.json'), '{"version":"1"}');
		const transform = createPrecacheTransform({
			globDirectory: dir,
			budgetBytes: 10_000,
			shellUrl: '404.html',
			log: () => {}
		});
		const { manifest } = await transform([
			...entries(),
			{ url: 'prerendered/pages/guides/radio.html', revision: 'r3', size: 6 }
		]);
		expect(manifest.map((e) => e.url)).toEqual(['guides', 'media/big.png', '404.html']);
		expect(manifest.at(-1)?.revision).toMatch(/^[0-9a-f]{16}$/);
	});
});

describe('isCachedAsHtml', () => {
	it('keeps top-level pages and every non-page file', () => {
		expect(isCachedAsHtml('prerendered/pages/index.html')).toBe(true);
		expect(isCachedAsHtml('prerendered/pages/guides.html')).toBe(true);
		expect(isCachedAsHtml('prerendered/pages/guides/radio.html')).toBe(false);
		expect(isCachedAsHtml('prerendered/pages/disclosure/p/2.html')).toBe(false);
		expect(isCachedAsHtml('prerendered/dependencies/guides/radio/__data.json')).toBe(true);
		expect(isCachedAsHtml('client/_app/immutable/entry/app.js')).toBe(true);
	});
});
