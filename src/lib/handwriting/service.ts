/**
 * The handwriting worker's work as plain functions (tested in Node without a worker): loads the
 * reference characters and the search index's titles and keywords, then answers each written
 * character with candidates and each query with likely next words.
 */
import { fetchJson, INDEX_URL, parseIndex } from '../search/load';
import { DATA_URL, decodeTemplates } from './data';
import { characterFeatures, type Point } from './features';
import { Recogniser } from './match';
import { nextWords, type Phrases } from './next-words';

/** Page to worker. */
export type HandwritingRequest =
	| { kind: 'recognise'; id: number; strokes: Point[][] }
	| { kind: 'next'; id: number; stem: string };

/** Worker to page. */
export type HandwritingMessage =
	| { kind: 'ready'; characters: number }
	| { kind: 'failed'; detail: string }
	| { kind: 'candidates'; id: number; chars: string[]; ms: number }
	| { kind: 'next'; id: number; stem: string; words: string[] };

/** Candidate buttons shown under the pad. */
export const CANDIDATES = 8;

type Fetch = (url: string) => Promise<Response>;
type Post = (message: HandwritingMessage) => void;

export class HandwritingService {
	readonly #recogniser: Promise<Recogniser>;
	readonly #phrases: Promise<Phrases>;

	constructor(post: Post, fetcher: Fetch = (url) => fetch(url)) {
		this.#recogniser = loadRecogniser(fetcher);
		this.#recogniser.then(
			(r) => post({ kind: 'ready', characters: r.size }),
			(e: unknown) => post({ kind: 'failed', detail: e instanceof Error ? e.message : String(e) })
		);
		// Without the index there are just no suggestions: handwriting itself still works.
		this.#phrases = fetchJson(INDEX_URL, fetcher)
			.then((json) => {
				const index = parseIndex(json);
				return { titles: index.title, keywords: index.keyword };
			})
			.catch(() => ({ titles: [], keywords: [] }));
	}

	async handle(request: HandwritingRequest, post: Post): Promise<void> {
		if (request.kind === 'next') {
			const words = nextWords(request.stem, await this.#phrases);
			return post({ kind: 'next', id: request.id, stem: request.stem, words });
		}
		let recogniser: Recogniser;
		try {
			recogniser = await this.#recogniser;
		} catch {
			return; // Reported once by the constructor.
		}
		const t0 = performance.now();
		const chars = recogniser
			.recognise(characterFeatures(request.strokes), CANDIDATES)
			.map((c) => c.char);
		post({ kind: 'candidates', id: request.id, chars, ms: performance.now() - t0 });
	}
}

async function loadRecogniser(fetcher: Fetch): Promise<Recogniser> {
	let response: Response;
	try {
		response = await fetcher(DATA_URL);
	} catch {
		throw new Error('手写识别数据无法读取（网络不通且本机没有缓存）');
	}
	if (!response.ok) throw new Error(`手写识别数据无法读取（HTTP ${response.status}）`);
	return new Recogniser(decodeTemplates(new Uint8Array(await response.arrayBuffer())));
}
