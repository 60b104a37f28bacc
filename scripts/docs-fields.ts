/** `npm run docs:fields`: rewrites the field tables of docs/editing.md from the content schemas. */
import { readFileSync, writeFileSync } from 'node:fs';
import { formattedGuide } from '../src/lib/server/editor/docs.ts';

const file = 'docs/editing.md';
const before = readFileSync(file, 'utf8');
const after = await formattedGuide(before, file);
writeFileSync(file, after);
console.log(before === after ? `${file}：字段表已是最新。` : `${file}：字段表已更新。`);
