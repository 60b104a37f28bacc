import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDisclosureFile, planImport, renderDisclosureFile, sha256 } from './plan.ts';
import type { ImportItem } from './rows.ts';

const SAMPLES = path.resolve(import.meta.dirname, '../../../../content/disclosure');

function item(n: number, title = `标题${n}`): ImportItem {
	const indexNo = `430S00720/2014-${String(n).padStart(5, '0')}`;
	return {
		row: n + 1,
		indexNo,
		slug: `430s00720-2014-${String(n).padStart(5, '0')}`,
		data: { title, indexNo, category: '公开指南', date: '2014-01-02', issuer: '某委' },
		body: '正文',
		provided: ['title', 'indexNo', 'category', 'date', 'issuer'],
		providesBody: true
	};
}

describe('file format', () => {
	it('writes exactly the format of the hand-written disclosure files', () => {
		const files = readdirSync(SAMPLES).filter((f) => f.endsWith('.md'));
		expect(files.length).toBeGreaterThanOrEqual(10);
		const rendered = files.map((f) => {
			const text = readFileSync(path.join(SAMPLES, f), 'utf8');
			const parsed = parseDisclosureFile(f, text);
			return renderDisclosureFile(parsed.data ?? {}, parsed.body) === text ? 'same' : f;
		});
		expect(rendered).toEqual(files.map(() => 'same'));
	});

	it('quotes the date and leaves out an empty body', () => {
		expect(renderDisclosureFile({ date: '2014-01-02', title: 'a: b' }, '  ')).toBe(
			'---\ntitle: "a: b"\ndate: \'2014-01-02\'\n---\n'
		);
	});
});

describe('plan', () => {
	it('adds new items, and on a second plan with the files present finds them unchanged', () => {
		const items = [item(1), item(2)];
		const first = planImport(items, [], { items: {} });
		expect(first.added.map((e) => e.file)).toEqual([
			'430s00720-2014-00001.md',
			'430s00720-2014-00002.md'
		]);
		const existing = first.writes.map((w) => parseDisclosureFile(w.file, w.text));
		const second = planImport(items, existing, first.manifest);
		expect([second.added.length, second.updated.length, second.unchanged.length]).toEqual([
			0, 0, 2
		]);
		expect(second.writes).toEqual([]);
		expect(second.manifest).toEqual(first.manifest);
	});

	it('finds an item by 索引号 under any file name, and notes an imported file edited by hand', () => {
		const first = planImport([item(1)], [], { items: {} });
		const w = first.writes[0]!;
		const edited = w.text.replace('正文', '手工改过的正文');
		const plan = planImport(
			[item(1, '新标题')],
			[parseDisclosureFile(w.file, edited)],
			first.manifest
		);
		expect(plan.updated).toEqual([
			{
				indexNo: '430S00720/2014-00001',
				title: '新标题',
				file: w.file,
				row: 2,
				note: '上次导入后这个文件被手工改过，已按表格覆盖'
			}
		]);
		expect(plan.manifest.items['430S00720/2014-00001']?.sha256).toBe(sha256(plan.writes[0]!.text));
	});

	it('lists imported items that left the sheet, keeps them on record, and deletes only with prune', () => {
		const first = planImport([item(1), item(2)], [], { items: {} });
		const existing = first.writes.map((w) => parseDisclosureFile(w.file, w.text));
		const kept = planImport([item(1)], existing, first.manifest);
		expect(kept.removed.map((e) => [e.indexNo, e.title])).toEqual([
			['430S00720/2014-00002', '标题2']
		]);
		expect(kept.deletes).toEqual([]);
		expect(Object.keys(kept.manifest.items)).toHaveLength(2);
		const pruned = planImport([item(1)], existing, first.manifest, { prune: true });
		expect(pruned.deletes).toEqual(['430s00720-2014-00002.md']);
		expect(Object.keys(pruned.manifest.items)).toEqual(['430S00720/2014-00001']);
	});
});
