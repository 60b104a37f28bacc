import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPrecacheTransform, precacheUrl } from './precache';

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
});
