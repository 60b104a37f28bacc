/**
 * What an import does to the `disclosure/` folder, decided before anything is written: which
 * files are new, changed, unchanged or no longer in the sheet. Idempotent by 索引号: an item is
 * found again by its 索引号, whatever its file is called, so a re-import never duplicates.
 *
 * Which files the importer wrote is kept in a manifest beside them (`disclosure/.imported.json`;
 * the loader skips dot files), because the content schema allows no extra front-matter field.
 * Only those files can be “removed” (and only with `--prune`); a hand-written file whose 索引号
 * is in the sheet is updated field by field and keeps what the sheet does not have.
 */
import { createHash } from 'node:crypto';
import { Document, isScalar, parse as parseYaml } from 'yaml';
import { frontMatterOrder, type ImportItem, type RowProblem } from './rows.ts';

export const MANIFEST_FILE = '.imported.json';

export interface Manifest {
	/** 索引号 → the file the importer wrote and the SHA-256 of what it wrote. */
	items: Record<string, { file: string; sha256: string }>;
}

export interface ExistingFile {
	/** File name inside `disclosure/`, e.g. `agency-functions.md`. */
	file: string;
	text: string;
	/** Parsed front matter; null when the file does not parse. */
	data: Record<string, unknown> | null;
	body: string;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits and parses a disclosure file as the loader does; never throws. */
export function parseDisclosureFile(file: string, text: string): ExistingFile {
	const source = text.replace(/^\uFEFF/, '');
	const m = FRONT_MATTER.exec(source);
	if (!m) return { file, text, data: null, body: source };
	try {
		const data: unknown = parseYaml(m[1] ?? '');
		const ok = typeof data === 'object' && data !== null && !Array.isArray(data);
		return {
			file,
			text,
			data: ok ? (data as Record<string, unknown>) : null,
			body: source.slice(m[0].length)
		};
	} catch {
		return { file, text, data: null, body: source.slice(m[0].length) };
	}
}

/** A disclosure file in the format of the hand-written ones: front matter, a blank line, the body. */
export function renderDisclosureFile(data: Record<string, unknown>, body: string): string {
	const ordered: Record<string, unknown> = {};
	for (const k of frontMatterOrder) if (data[k] !== undefined) ordered[k] = data[k];
	for (const [k, v] of Object.entries(data)) if (!(k in ordered)) ordered[k] = v;
	const doc = new Document(ordered);
	// Quoted like the sample files, so YAML 1.1 tools do not turn it into a timestamp.
	const date = doc.get('date', true);
	if (isScalar(date)) date.type = 'QUOTE_SINGLE';
	const yaml = doc.toString({ lineWidth: 0 });
	const text = body.trim();
	return `---\n${yaml}---\n${text ? `\n${text}\n` : ''}`;
}

export function sha256(text: string): string {
	return createHash('sha256').update(text).digest('hex');
}

/** Same data and body, whatever the quoting, key order or trailing blank lines. */
function sameContent(a: ExistingFile, data: Record<string, unknown>, body: string): boolean {
	if (!a.data) return false;
	const canon = (d: Record<string, unknown>) =>
		JSON.stringify(Object.keys(d).sort(), null, 0) +
		JSON.stringify(
			Object.keys(d)
				.sort()
				.map((k) => d[k])
		);
	return canon(a.data) === canon(data) && a.body.trim() === body.trim();
}

export interface PlanEntry {
	indexNo: string;
	title: string;
	file: string;
	/** Excel row (absent for removed items). */
	row?: number;
	/** Set on updates of hand-written files and of imported files edited by hand since. */
	note?: string;
}

export interface ImportPlan {
	added: PlanEntry[];
	updated: PlanEntry[];
	unchanged: PlanEntry[];
	/** Imported earlier, no longer in the sheet. Deleted only with `prune`. */
	removed: PlanEntry[];
	/** Items that cannot be written: their file name is taken by a file with another 索引号. */
	problems: RowProblem[];
	writes: { file: string; text: string }[];
	deletes: string[];
	manifest: Manifest;
}

export interface PlanOptions {
	/** Delete the files of removed items. */
	prune?: boolean;
	/** 索引号 of every row, bad rows included: those are not “removed”. */
	seenIndexNos?: ReadonlySet<string>;
	/** Column header of 索引号, for the messages. */
	indexHeader?: string;
}

export function planImport(
	items: readonly ImportItem[],
	existing: readonly ExistingFile[],
	manifest: Manifest,
	options: PlanOptions = {}
): ImportPlan {
	const byFile = new Map(existing.map((f) => [f.file, f]));
	const byIndex = new Map<string, ExistingFile>();
	for (const f of existing) {
		const no = f.data?.indexNo;
		if (typeof no === 'string' && !byIndex.has(no)) byIndex.set(no, f);
	}
	const owned = new Map(Object.entries(manifest.items));
	const plan: ImportPlan = {
		added: [],
		updated: [],
		unchanged: [],
		removed: [],
		problems: [],
		writes: [],
		deletes: [],
		manifest: { items: {} }
	};
	const inSheet = new Set(options.seenIndexNos ?? []);
	for (const it of items) inSheet.add(it.indexNo);

	for (const it of items) {
		const entry = (file: string, note?: string): PlanEntry => ({
			indexNo: it.indexNo,
			title: it.data.title,
			file,
			row: it.row,
			...(note ? { note } : {})
		});
		const mine = owned.get(it.indexNo);
		const current =
			(mine && byFile.get(mine.file)) ?? byIndex.get(it.indexNo) ?? byFile.get(`${it.slug}.md`);
		if (current && current.data?.indexNo !== it.indexNo && !(mine && mine.file === current.file)) {
			plan.problems.push({
				row: it.row,
				column: options.indexHeader ?? '索引号',
				message: `要写入的文件 disclosure/${current.file} 已存在，但它的索引号是${
					typeof current.data?.indexNo === 'string' ? `“${current.data.indexNo}”` : '（读不出）'
				}：请改名或删除那个文件后再导入`
			});
			continue;
		}
		const ownedFile = Boolean(mine && current && mine.file === current.file) || !current;
		let data: Record<string, unknown> = { ...it.data };
		let body = it.body;
		if (current && !ownedFile && current.data) {
			// A hand-written file: the sheet's columns replace their fields, the rest stays.
			data = { ...current.data };
			for (const f of it.provided) {
				if (it.data[f] !== undefined) data[f] = it.data[f];
				else delete data[f];
			}
			if (!it.providesBody) body = current.body;
		}
		const file = current?.file ?? `${it.slug}.md`;
		const text = renderDisclosureFile(data, body);
		if (ownedFile) plan.manifest.items[it.indexNo] = { file, sha256: sha256(text) };
		if (!current) {
			plan.added.push(entry(file));
			plan.writes.push({ file, text });
		} else if (sameContent(current, data, body)) {
			plan.unchanged.push(entry(file));
			if (ownedFile) plan.manifest.items[it.indexNo] = { file, sha256: sha256(current.text) };
		} else {
			const edited = mine && sha256(current.text) !== mine.sha256;
			const note = !ownedFile
				? '手写的文件：只改了表格里有的字段'
				: edited
					? '上次导入后这个文件被手工改过，已按表格覆盖'
					: undefined;
			plan.updated.push(entry(file, note));
			plan.writes.push({ file, text });
		}
	}

	for (const [indexNo, m] of owned) {
		if (inSheet.has(indexNo)) {
			// A bad row this time (--skip-bad): keep it on record as the importer's.
			if (!plan.manifest.items[indexNo] && byFile.has(m.file)) plan.manifest.items[indexNo] = m;
			continue;
		}
		const f = byFile.get(m.file);
		if (!f) continue;
		const title = typeof f.data?.title === 'string' ? f.data.title : '';
		plan.removed.push({ indexNo, title, file: m.file });
		if (options.prune) plan.deletes.push(m.file);
		else plan.manifest.items[indexNo] = m;
	}
	return plan;
}
