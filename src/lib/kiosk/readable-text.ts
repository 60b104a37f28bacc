/**
 * What read-aloud says for a part of a page: the words a visitor sees, in reading order, without
 * what is only for the hand or the eye (button labels, links that are buttons, web addresses,
 * icons, checkboxes), and tables row by row with each cell's column header, e.g.
 * "申请材料 第1项，材料名称：申请书，份数：原件 1 份".
 *
 * It walks a minimal node shape, which the browser's DOM satisfies, so it is tested without one.
 */
export interface ReadableNode {
	nodeType: number;
	nodeName: string;
	textContent: string | null;
	childNodes: ArrayLike<ReadableNode>;
	getAttribute?(name: string): string | null;
}

export interface ReadOptions {
	/** Elements the visitor cannot see (the browser passes a layout check; default: none). */
	isHidden?: (element: ReadableNode) => boolean;
}

const TEXT = 3;
const ELEMENT = 1;

/** Never read: controls, pictures and machinery. */
const SKIP = new Set([
	'BUTTON',
	'INPUT',
	'SELECT',
	'TEXTAREA',
	'SCRIPT',
	'STYLE',
	'TEMPLATE',
	'NOSCRIPT',
	'SVG',
	'svg',
	'IMG',
	'CANVAS',
	'VIDEO',
	'AUDIO',
	'IFRAME'
]);
/** Part of a sentence: no pause around them. */
const INLINE = new Set([
	'A',
	'ABBR',
	'B',
	'BDI',
	'CODE',
	'DATA',
	'EM',
	'I',
	'MARK',
	'Q',
	'S',
	'SMALL',
	'STRONG',
	'SUB',
	'SUP',
	'TIME',
	'U',
	'#text'
]);
/** A short pause (，) around them: spans hold separate facts (tags, labels, values). */
const PHRASE = new Set(['SPAN', 'LABEL', 'DT', 'DD', 'TD', 'TH', 'FIGCAPTION']);

const URL = /\b(?:https?:\/\/|www\.)[^\s\u3000-\u303f\uff01-\uff5e]*/gi;
const ENDS_WITH_PAUSE = /[。！？；，、：:,.!?;\s]$/;
const STARTS_WITH_PAUSE = /^[。！？；，、：:,.!?;）)」』】]/;

type Pause = '' | '，' | '。';

class Speech {
	#parts: string[] = [];
	#pause: Pause = '';

	say(raw: string): void {
		const text = raw.replace(URL, '').replace(/\s+/g, ' ').trim();
		if (!text) return;
		const last = this.#parts.at(-1);
		if (last !== undefined && this.#pause) {
			if (!ENDS_WITH_PAUSE.test(last) && !STARTS_WITH_PAUSE.test(text))
				this.#parts.push(this.#pause);
		} else if (last !== undefined && /[\w\d]$/.test(last) && /^[\w\d]/.test(text)) {
			this.#parts.push(' ');
		}
		this.#parts.push(text);
		this.#pause = '';
	}

	pause(kind: Exclude<Pause, ''>): void {
		if (this.#parts.length && (kind === '。' || !this.#pause)) this.#pause = kind;
	}

	toString(): string {
		return this.#parts.join('');
	}
}

function attr(node: ReadableNode, name: string): string | null {
	return node.getAttribute?.(name) ?? null;
}

function tag(node: ReadableNode): string {
	return node.nodeName.toUpperCase();
}

function isSkipped(node: ReadableNode, options: ReadOptions): boolean {
	if (SKIP.has(node.nodeName) || SKIP.has(tag(node))) return true;
	if (attr(node, 'hidden') !== null || attr(node, 'aria-hidden') === 'true') return true;
	if (attr(node, 'data-no-read') !== null) return true;
	// Links styled as buttons are controls ("全部通知"), not content.
	if (attr(node, 'role') === 'button' || /(^|\s)button(\s|$)/.test(attr(node, 'class') ?? '')) {
		return true;
	}
	return options.isHidden?.(node) ?? false;
}

function children(node: ReadableNode): ReadableNode[] {
	return Array.from(node.childNodes);
}

function elements(node: ReadableNode, name: string): ReadableNode[] {
	return children(node).filter((c) => c.nodeType === ELEMENT && tag(c) === name);
}

/** The text of one cell or caption, read with the same rules as everything else. */
function plain(node: ReadableNode, options: ReadOptions): string {
	const out = new Speech();
	walk(node, out, options);
	return out.toString();
}

function readTable(table: ReadableNode, out: Speech, options: ReadOptions): void {
	const sections = children(table).filter((c) => c.nodeType === ELEMENT);
	const caption = sections.find((c) => tag(c) === 'CAPTION');
	const label =
		attr(table, 'data-read-label') ??
		(caption && !isSkipped(caption, options) ? plain(caption, options) : '');
	const rows: ReadableNode[] = [];
	let headerRow: ReadableNode | undefined;
	for (const part of sections) {
		const name = tag(part);
		if (name === 'TR') rows.push(part);
		else if (name === 'THEAD') headerRow ??= elements(part, 'TR')[0];
		else if (name === 'TBODY' || name === 'TFOOT') rows.push(...elements(part, 'TR'));
	}
	// A table without <thead> takes its first row as headers when that row is all <th>.
	if (!headerRow && rows[0]) {
		const cells = children(rows[0]).filter((c) => c.nodeType === ELEMENT);
		if (cells.length && cells.every((c) => tag(c) === 'TH')) headerRow = rows.shift();
	}
	const headers = headerRow
		? children(headerRow)
				.filter((c) => c.nodeType === ELEMENT)
				.map((c) => (isSkipped(c, options) ? '' : plain(c, options)))
		: [];
	out.pause('。');
	rows.forEach((row, i) => {
		if (isSkipped(row, options)) return;
		out.say(`${label ? `${label} ` : ''}第${i + 1}项`);
		const cells = children(row).filter((c) => c.nodeType === ELEMENT && !isSkipped(c, options));
		children(row)
			.filter((c) => c.nodeType === ELEMENT)
			.forEach((cell, col) => {
				if (!cells.includes(cell)) return;
				const text = plain(cell, options);
				if (!text) return;
				out.pause('，');
				out.say(headers[col] ? `${headers[col]}：${text}` : text);
			});
		out.pause('。');
	});
}

function walk(node: ReadableNode, out: Speech, options: ReadOptions): void {
	if (node.nodeType === TEXT) {
		out.say(node.textContent ?? '');
		return;
	}
	if (node.nodeType !== ELEMENT || isSkipped(node, options)) return;
	const name = tag(node);
	if (name === 'TABLE') {
		readTable(node, out, options);
		out.pause('。');
		return;
	}
	if (name === 'BR') return out.pause('，');
	const inline = INLINE.has(name);
	const pause: Exclude<Pause, ''> = PHRASE.has(name) ? '，' : '。';
	if (!inline) out.pause(pause);
	for (const child of children(node)) walk(child, out, options);
	if (!inline) out.pause(pause);
}

/** The words to read aloud for `root` (a page section, or the whole page). */
export function readableText(root: ReadableNode, options: ReadOptions = {}): string {
	return plain(root, options);
}
