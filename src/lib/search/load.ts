/**
 * Fetching and checking the search files. Runs in the search worker (`search.worker.ts`), never
 * on the page: the index is parsed off the main thread. What arrives is checked against the
 * column format of `types.ts` before the engine trusts it: a truncated or corrupt file (a disk
 * error on a terminal, a half-copied release) is a clear failure, not a crash deep in a search.
 */
import { DOC_TYPES, INDEX_VERSION, type SearchBodyJson, type SearchIndexJson } from './types';

export const INDEX_URL = '/search-index.json';
export const BODY_URL = '/search-body.json';

/** Why the search cannot run: no copy reachable, or a copy that is not a valid index. */
export type LoadFailure = 'unreachable' | 'corrupt';

export class SearchLoadError extends Error {
	constructor(
		readonly reason: LoadFailure,
		message: string
	) {
		super(message);
		this.name = 'SearchLoadError';
	}
}

type Fetch = (url: string) => Promise<Response>;

/** The parsed JSON at `url`; a network failure or HTTP error is `unreachable`, bad JSON `corrupt`. */
export async function fetchJson(url: string, fetcher: Fetch = fetch): Promise<unknown> {
	let response: Response;
	try {
		response = await fetcher(url);
	} catch (e) {
		throw new SearchLoadError('unreachable', `${url}: ${String(e)}`);
	}
	if (!response.ok) throw new SearchLoadError('unreachable', `${url}: HTTP ${response.status}`);
	const text = await response.text();
	try {
		return JSON.parse(text) as unknown;
	} catch {
		throw new SearchLoadError('corrupt', `${url}: not valid JSON (${text.length} characters)`);
	}
}

/** The schema: each column and what every entry of it must be. */
const DOC_STRING_COLUMNS = [
	'url',
	'meta',
	'title',
	'titlePinyin',
	'titleInitials',
	'titleLens',
	'summary'
] as const;
const DOC_COUNT_COLUMNS = ['keywordCount', 'aliasCount'] as const;
const KEYWORD_COLUMNS = ['keyword', 'keywordPinyin', 'keywordInitials', 'keywordLens'] as const;

const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isTime = (v: unknown) => v === null || Number.isFinite(v);
const TYPES = new Set<unknown>(DOC_TYPES);

function column(
	json: Record<string, unknown>,
	name: string,
	length: number,
	valid: (v: unknown) => boolean
): void {
	const value = json[name];
	if (!Array.isArray(value)) throw corrupt(`${name} is not a list`);
	if (value.length !== length) throw corrupt(`${name} has ${value.length} entries, not ${length}`);
	for (let i = 0; i < value.length; i++) {
		if (!valid(value[i])) throw corrupt(`${name}[${i}] is not valid`);
	}
}

const corrupt = (why: string) => new SearchLoadError('corrupt', `search index: ${why}`);

/** `json` as a search index, or a `corrupt` error naming the first thing wrong. */
export function parseIndex(json: unknown): SearchIndexJson {
	if (typeof json !== 'object' || json === null) throw corrupt('not an object');
	const o = json as Record<string, unknown>;
	if (o.version !== INDEX_VERSION) throw corrupt(`version ${String(o.version)}`);
	const title = o.title;
	if (!Array.isArray(title)) throw corrupt('title is not a list');
	const n = title.length;
	column(o, 'type', n, (v) => TYPES.has(v));
	for (const name of DOC_STRING_COLUMNS) column(o, name, n, isString);
	for (const name of DOC_COUNT_COLUMNS) column(o, name, n, isCount);
	const counts = o.keywordCount as number[];
	const aliases = o.aliasCount as number[];
	let keywords = 0;
	for (let d = 0; d < n; d++) {
		if (aliases[d]! > counts[d]!) throw corrupt(`aliasCount[${d}] exceeds keywordCount`);
		keywords += counts[d]!;
	}
	for (const name of KEYWORD_COLUMNS) column(o, name, keywords, isString);
	column(o, 'codes', n, (v) => Array.isArray(v) && v.every(isString));
	const windows = o.windows;
	if (!Array.isArray(windows)) throw corrupt('windows is not a list');
	column(o, 'windows', windows.length, (v) => {
		if (!Array.isArray(v) || v.length !== 3) return false;
		const [doc, from, until] = v as unknown[];
		return isCount(doc) && (doc as number) < n && isTime(from) && isTime(until);
	});
	return o as unknown as SearchIndexJson;
}

/** `json` as the body file of an index of `count` documents. */
export function parseBodies(json: unknown, count: number): SearchBodyJson {
	if (typeof json !== 'object' || json === null) throw corrupt('body file is not an object');
	const o = json as Record<string, unknown>;
	if (o.version !== INDEX_VERSION) throw corrupt(`body file version ${String(o.version)}`);
	column(o, 'bodies', count, isString);
	return o as unknown as SearchBodyJson;
}
