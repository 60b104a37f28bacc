/**
 * Read step of the loader: which files make up the content folder, and their text.
 *
 * Whoever can push to the content repository publishes what this step reads, so it reads only
 * regular files inside the folder: a symbolic link (to a file or a folder) or a device is an
 * error, never followed, and every read re-checks that with O_NOFOLLOW and fstat. Files are
 * size-capped before they are read, and text must be UTF-8.
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
import path from 'node:path';
import type { ContentProblem } from './errors.ts';

/** The folders of one-file-per-item collections, with the extensions each reads. */
export const COLLECTION_FOLDERS = {
	guides: { folder: 'guides', extensions: ['.md'] },
	processes: { folder: 'processes', extensions: ['.md'] },
	disclosures: { folder: 'disclosure', extensions: ['.md'] },
	notices: { folder: 'notices', extensions: ['.md'] },
	services: { folder: 'services', extensions: ['.yaml', '.yml'] }
} as const;
export type CollectionKey = keyof typeof COLLECTION_FOLDERS;

/**
 * Media types a content field or a Markdown image may name (see `mediaPath` in schema.ts), and
 * the videos a bulletin video slide may play (`videoPath`).
 */
export const MEDIA_EXTENSIONS = [
	'.png',
	'.jpg',
	'.jpeg',
	'.webp',
	'.svg',
	'.gif',
	'.pdf',
	'.mp4',
	'.webm'
];

export interface LoadOptions {
	/** Largest media file that may ship; default 20 MB, or KIOSK_MEDIA_MAX_MB. */
	mediaMaxBytes?: number;
	/** Largest Markdown or YAML file; checked before it is parsed. Default 2 MB. */
	textMaxBytes?: number;
}

const MB = 1024 * 1024;
export const DEFAULT_TEXT_MAX_BYTES = 2 * MB;

export function mediaMaxBytes(options: LoadOptions = {}): number {
	if (options.mediaMaxBytes !== undefined) return options.mediaMaxBytes;
	const env = Number(process.env.KIOSK_MEDIA_MAX_MB);
	return (Number.isFinite(env) && env > 0 ? env : 20) * MB;
}

export interface SourceFile {
	abs: string;
	/** Path inside the content folder, with `/`, e.g. `guides/x.md`. */
	rel: string;
	/** Editor-facing path, for messages and the status screen. */
	shown: string;
	text: string;
}

export interface ContentFiles {
	site: SourceFile | null;
	collections: Record<CollectionKey, SourceFile[]>;
	/** Every file name found in a collection folder, readable or not (for cross-references). */
	collectionNames: Record<CollectionKey, string[]>;
	/** Files directly in `bulletins/` (screens.yaml, closures.yaml, or mistakes). */
	bulletins: SourceFile[];
	playlists: SourceFile[];
	/** `media/…` paths of the regular files in the media folder (read only when referenced). */
	media: string[];
}

/** Shown as `content/…` when the folder is inside the working directory, else absolute. */
export function displayPath(file: string): string {
	const rel = path.relative(process.cwd(), file);
	return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel.split(path.sep).join('/');
}

function formatMB(bytes: number): string {
	const mb = bytes / MB;
	return mb >= 10 ? `${Math.round(mb)} MB` : `${Math.round(mb * 10) / 10} MB`;
}

/**
 * Every regular file under `root`, as `/`-separated relative paths. Anything else is reported:
 * a symbolic link could publish any file the publisher can read.
 */
function walk(root: string, problems: ContentProblem[]): string[] {
	const out: string[] = [];
	const visit = (dir: string) => {
		// withFileTypes reports the entry itself (lstat), so a link is seen as a link.
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			// .git, .gitignore, editors' swap files: never content.
			if (entry.name.startsWith('.')) continue;
			const abs = path.join(dir, entry.name);
			if (entry.isSymbolicLink()) {
				problems.push({
					file: displayPath(abs),
					field: '',
					message:
						'这是一个符号链接（快捷方式），不会被读取，也不会发布。内容文件夹里只能放文件本身：请删除这个链接，把真正的文件复制到这里',
					severity: 'error'
				});
			} else if (entry.isDirectory()) {
				visit(abs);
			} else if (entry.isFile()) {
				out.push(path.relative(root, abs).split(path.sep).join('/'));
			} else {
				problems.push({
					file: displayPath(abs),
					field: '',
					message: '这不是普通文件（可能是设备或管道），不会被读取：请把它从内容文件夹中删除',
					severity: 'error'
				});
			}
		}
	};
	visit(root);
	return out.sort();
}

/**
 * Reads one regular file, never through a link, and never more than `maxBytes`. Returns null
 * (with the problem reported) when the file is not a regular file or too large.
 */
export function readRegularFile(
	abs: string,
	maxBytes: number,
	problems: ContentProblem[],
	tooLarge: (size: number) => string
): Buffer | null {
	const shown = displayPath(abs);
	let fd: number;
	try {
		fd = openSync(abs, constants.O_RDONLY | constants.O_NOFOLLOW);
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		problems.push({
			file: shown,
			field: '',
			message:
				code === 'ELOOP'
					? '这是一个符号链接（快捷方式），不会被读取：请删除这个链接，把真正的文件复制到这里'
					: `无法读取此文件（${code ?? '未知原因'}）：请检查它是否存在、是否有读取权限`,
			severity: 'error'
		});
		return null;
	}
	try {
		const stat = fstatSync(fd);
		if (!stat.isFile()) {
			problems.push({
				file: shown,
				field: '',
				message: '这不是普通文件，不会被读取：请把它从内容文件夹中删除',
				severity: 'error'
			});
			return null;
		}
		if (stat.size > maxBytes) {
			problems.push({ file: shown, field: '', message: tooLarge(stat.size), severity: 'error' });
			return null;
		}
		const buffer = Buffer.alloc(stat.size);
		let read = 0;
		while (read < stat.size) {
			const n = readSync(fd, buffer, read, stat.size - read, read);
			if (n === 0) break;
			read += n;
		}
		return buffer.subarray(0, read);
	} finally {
		closeSync(fd);
	}
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Strict UTF-8, with one plain message for the encodings editors' PCs save by default. */
export function decodeText(bytes: Buffer, shown: string, problems: ContentProblem[]): string | null {
	const error = (message: string) => {
		problems.push({ file: shown, field: '', message, severity: 'error' });
		return null;
	};
	if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
		return error('此文件是 UTF-16（Unicode）编码，请另存为 UTF-8');
	}
	try {
		return utf8.decode(bytes).replace(/^\uFEFF/, '');
	} catch {
		let gb = false;
		try {
			new TextDecoder('gb18030', { fatal: true }).decode(bytes);
			gb = true;
		} catch {
			// Neither: say only what it is not.
		}
		return error(
			gb
				? '此文件不是 UTF-8 编码（看起来是 GBK/GB18030），请另存为 UTF-8（记事本：另存为 → 编码选 UTF-8）'
				: '此文件不是 UTF-8 编码，请另存为 UTF-8（记事本：另存为 → 编码选 UTF-8）'
		);
	}
}

const README = /^readme(\.(md|txt))?$/i;

/** What a file that the app does not read should be instead. */
function ignoredReason(rel: string): { message: string; severity: 'error' | 'warning' } {
	const parts = rel.split('/');
	const top = parts[0] ?? '';
	const name = parts[parts.length - 1] ?? '';
	const ext = path.posix.extname(name);
	const base = path.posix.basename(name, ext);
	const collection = Object.values(COLLECTION_FOLDERS).find((c) => c.folder === top);
	if (collection) {
		const wanted = collection.extensions[0];
		if (parts.length > 2) {
			return {
				message: `${top}/ 下的子文件夹不会被读取：请把此文件直接放在 ${top}/ 文件夹里`,
				severity: 'error'
			};
		}
		const lower = ext.toLowerCase();
		const hint =
			lower === '.markdown' || (collection.extensions as readonly string[]).includes(lower)
				? `请改名为 ${base}${wanted}`
				: `${top}/ 里只读取 ${collection.extensions.join('、')} 文件`;
		return {
			message: `此文件不会被读取：扩展名“${ext || '（无）'}”不对，${hint}`,
			severity: 'error'
		};
	}
	if (top === 'bulletins') {
		if (parts[1] === 'playlists' && parts.length === 3) {
			return {
				message: `此文件不会被读取：播放列表应为 .yaml 文件，请改名为 ${base}.yaml`,
				severity: 'error'
			};
		}
		return {
			message:
				'此文件不会被读取：bulletins/ 里只有 screens.yaml、closures.yaml 和 playlists/<编号>.yaml',
			severity: 'error'
		};
	}
	if (top === 'media') {
		// Never shipped and never referable (the schema refuses the extension): a note is enough.
		return {
			message: `此文件不能用作图片或附件，不会发布：只支持 ${MEDIA_EXTENSIONS.join('、')}`,
			severity: 'warning'
		};
	}
	return {
		message:
			'此文件不在任何内容文件夹里，不会被读取（内容文件夹：site.yaml、guides、processes、disclosure、notices、services、bulletins、media）',
		severity: 'warning'
	};
}

/** Reads every content file's text; `problems` receives what cannot or will not be read. */
export function readContentFiles(
	root: string,
	problems: ContentProblem[],
	options: LoadOptions = {}
): ContentFiles {
	const textMax = options.textMaxBytes ?? DEFAULT_TEXT_MAX_BYTES;
	const files: ContentFiles = {
		site: null,
		collections: { guides: [], processes: [], disclosures: [], notices: [], services: [] },
		collectionNames: { guides: [], processes: [], disclosures: [], notices: [], services: [] },
		bulletins: [],
		playlists: [],
		media: []
	};
	const read = (rel: string): SourceFile | null => {
		const abs = path.join(root, ...rel.split('/'));
		const shown = displayPath(abs);
		const bytes = readRegularFile(
			abs,
			textMax,
			problems,
			(size) =>
				`此文件太大（${formatMB(size)}），内容文件最大 ${formatMB(textMax)}：请把长文拆成几个文件，或把表格、图片作为附件放进 media/`
		);
		const text = bytes && decodeText(bytes, shown, problems);
		return text === null || text === undefined ? null : { abs, rel, shown, text };
	};

	for (const rel of walk(root, problems)) {
		const parts = rel.split('/');
		const top = parts[0] ?? '';
		const name = parts[parts.length - 1] ?? '';
		const ext = path.posix.extname(name);
		if (parts.length === 1 && (name === 'site.yaml' || name === 'site.yml')) {
			if (files.site) {
				problems.push({
					file: displayPath(path.join(root, name)),
					field: '',
					message: `与 ${files.site.rel} 重复：只保留一个 site.yaml`,
					severity: 'error'
				});
				continue;
			}
			files.site = read(rel);
			continue;
		}
		if (parts.length === 1 && README.test(name)) continue;
		const key = (Object.keys(COLLECTION_FOLDERS) as CollectionKey[]).find(
			(k) => COLLECTION_FOLDERS[k].folder === top
		);
		if (key && parts.length === 2 && (COLLECTION_FOLDERS[key].extensions as readonly string[]).includes(ext)) {
			files.collectionNames[key].push(path.posix.basename(name, ext));
			const source = read(rel);
			if (source) files.collections[key].push(source);
			continue;
		}
		if (top === 'bulletins' && parts.length === 2 && /^(screens|closures)\.ya?ml$/.test(name)) {
			const source = read(rel);
			if (source) files.bulletins.push(source);
			continue;
		}
		if (top === 'bulletins' && parts[1] === 'playlists' && parts.length === 3 && /\.ya?ml$/.test(name)) {
			const source = read(rel);
			if (source) files.playlists.push(source);
			continue;
		}
		if (top === 'media' && parts.length >= 2 && MEDIA_EXTENSIONS.includes(ext.toLowerCase())) {
			files.media.push(rel);
			continue;
		}
		const { message, severity } = ignoredReason(rel);
		problems.push({ file: displayPath(path.join(root, rel)), field: '', message, severity });
	}
	if (!files.site && !walkHasSite(problems, root)) {
		problems.push({
			file: displayPath(path.join(root, 'site.yaml')),
			field: '',
			message: '缺少 site.yaml：内容文件夹里必须有这个文件（单位名称、地址、窗口等）',
			severity: 'error'
		});
	}
	return files;
}

/** True when site.yaml exists but could not be read (that problem is already reported). */
function walkHasSite(problems: ContentProblem[], root: string): boolean {
	const shown = [displayPath(path.join(root, 'site.yaml')), displayPath(path.join(root, 'site.yml'))];
	return problems.some((p) => shown.includes(p.file));
}

/** Bytes of a media file that content refers to, size-capped; null when it cannot ship. */
export function readMedia(
	root: string,
	rel: string,
	problems: ContentProblem[],
	options: LoadOptions = {}
): Buffer | null {
	const max = mediaMaxBytes(options);
	return readRegularFile(
		path.join(root, ...rel.split('/')),
		max,
		problems,
		(size) =>
			`此文件太大（${formatMB(size)}），每个图片或附件最大 ${formatMB(max)}，否则每台终端都要下载它：请压缩图片（如导出为宽 1920 像素的 JPG）或把 PDF 另存为较小的文件`
	);
}
