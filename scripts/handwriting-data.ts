/**
 * `npm run handwriting:data`: writes static/handwriting/strokes.bin, the handwriting recogniser's
 * reference characters (see src/lib/handwriting/data.ts). Rerun after changing the features or
 * the character list; the unit tests fail while the file is out of date.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { encodeTemplates } from '../src/lib/handwriting/data.ts';
import { referenceTemplates } from '../src/lib/server/handwriting/reference.ts';

const out = path.resolve('static/handwriting/strokes.bin');
const templates = referenceTemplates();
const bytes = encodeTemplates(templates);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, bytes);
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
console.log(
	`✓ ${path.relative(process.cwd(), out)}：${templates.length} 个字，${kib(bytes.length)}（gzip ${kib(gzipSync(bytes).length)}）`
);
