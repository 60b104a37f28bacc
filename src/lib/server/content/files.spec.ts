import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ContentProblem } from './errors.ts';
import { decodeText, readContentFiles, readRegularFile } from './files.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'content-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reading content files', () => {
	it('never reads through a link, even one that appears after the folder was listed', () => {
		const target = path.join(dir, 'secret.txt');
		writeFileSync(target, 'root:x:0:0');
		const link = path.join(dir, 'late-link.md');
		symlinkSync(target, link);
		const problems: ContentProblem[] = [];
		expect(readRegularFile(link, 1000, problems, () => 'too large')).toBeNull();
		expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('符号链接')]);
	});

	it('reports a named pipe or device instead of blocking on it', () => {
		const root = mkdtempSync(path.join(dir, 'fifo-'));
		writeFileSync(path.join(root, 'site.yaml'), 'name: x\n');
		execFileSync('mkfifo', [path.join(root, 'guides-pipe')]);
		const problems: ContentProblem[] = [];
		readContentFiles(root, problems);
		expect(problems.map((p) => [path.basename(p.file), p.message])).toEqual([
			['guides-pipe', expect.stringContaining('不是普通文件')]
		]);
	});

	it('decodes UTF-8 (without its BOM) and names UTF-16 and GB18030', () => {
		const problems: ContentProblem[] = [];
		expect(decodeText(Buffer.from('\uFEFF名称', 'utf8'), 'a', problems)).toBe('名称');
		expect(decodeText(Buffer.from('\uFEFF名称', 'utf16le'), 'b', problems)).toBeNull();
		expect(decodeText(Buffer.from([0xc3, 0xfb, 0xb3, 0xc6]), 'c', problems)).toBeNull();
		expect(problems.map((p) => [p.file, p.message])).toEqual([
			['b', expect.stringContaining('UTF-16')],
			['c', expect.stringContaining('看起来是 GBK/GB18030')]
		]);
	});
});
