import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentCollections } from '../content/collections.ts';
import { fieldTable, formattedGuide } from './docs.ts';

const guide = readFileSync('docs/editing.md', 'utf8');

describe('docs/editing.md', () => {
	it('has the field tables the schemas give today (run npm run docs:fields after a schema change)', async () => {
		expect(guide).toBe(await formattedGuide(guide, 'docs/editing.md'));
	}, 60_000);

	it('has a table for every kind of content file', () => {
		for (const c of contentCollections) expect(guide).toContain(`<!-- fields:${c.key} -->`);
	});

	it('names each field in Chinese, with its key and whether it is required', () => {
		const table = fieldTable('guides');
		expect(table).toContain('| 事项名称 | `name` | 必填 | 无线电台（站）设置审批 |');
		expect(table).toContain('| 申请材料 · 复印件份数 | `materials[].copies` | 必填 | 1 |');
		expect(table).toContain('| 事项类型 | `kind` | 必填 | 行政许可 / 行政给付');
	});
});
