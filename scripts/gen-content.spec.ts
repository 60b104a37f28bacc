import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../src/lib/server/content/load.ts';
import { generateContent } from './gen-content.ts';

const root = mkdtempSync(path.join(tmpdir(), 'gen-content-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function snapshot(dir: string): Map<string, string> {
	const files = new Map<string, string>();
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const abs = path.join(entry.parentPath, entry.name);
		files.set(path.relative(dir, abs), readFileSync(abs, 'utf8'));
	}
	return files;
}

describe('gen:content', () => {
	it('writes 100 items that the content loader accepts without a single problem', () => {
		const out = path.join(root, 'a');
		const summary = generateContent({ items: 100, out });
		expect(summary).toMatchObject({ guides: 10, disclosures: 80, notices: 10 });

		const { content, problems } = loadContent(out);
		expect(problems).toEqual([]);
		expect(content?.guides).toHaveLength(10);
		expect(content?.disclosures).toHaveLength(80);
		expect(content?.notices).toHaveLength(10);
		expect(content?.processes.length).toBeGreaterThan(0);
		expect(content?.services.length).toBeGreaterThan(0);
		// An annual report is among them, so the table 三 balance rule is exercised.
		expect(content?.disclosures.some((d) => d.annualReport)).toBe(true);
		expect(content?.guides[0]?.name).toMatch(/[\u4e00-\u9fff]/);
	});

	it('is deterministic for a seed and different for another seed', () => {
		generateContent({ items: 100, out: path.join(root, 'b') });
		generateContent({ items: 100, out: path.join(root, 'c'), seed: 2 });
		const a = snapshot(path.join(root, 'a'));
		expect(snapshot(path.join(root, 'b'))).toEqual(a);
		expect(snapshot(path.join(root, 'c'))).not.toEqual(a);
	});

	it('refuses to overwrite a folder it did not write', () => {
		expect(() => generateContent({ items: 100, out: path.resolve('src') })).toThrow(/not empty/);
	});
});
