/**
 * The search screen's state and behaviour, apart from its markup. The query lives only here, in
 * memory: never in the address, the browser history or storage (a terminal's history database
 * would keep names and ID numbers a visitor typed). The search itself runs in the search worker.
 */
import { startSearch, type SearchClient } from '$lib/search/client';
import { groupHits } from '$lib/search/group';
import type { LoadFailure } from '$lib/search/load';
import type { SearchMessage } from '$lib/search/service';
import { normalizeQuery } from '$lib/search/text';
import type { SearchResponse } from '$lib/search/types';
import { untrack } from 'svelte';

export type IndexState = 'loading' | 'ready' | LoadFailure;

interface Answer {
	/** The normalised query this answers (it may be a keystroke behind what is typed). */
	q: string;
	response: SearchResponse;
	/** Body text is still loading; a fuller answer follows. */
	pending: boolean;
	bodiesFailed: boolean;
}

interface Remembered {
	query: string;
	submitted: boolean;
	keyboardOpen: boolean;
	scrollTop: number;
}

/**
 * What the visitor last searched, for Back from a result: module memory, which lives as long as
 * the page session and is forgotten by the idle reset.
 */
let remembered: Remembered | null = null;

export class SearchPage {
	query = $state('');
	/** Submitted (Enter, 搜索, a chip, a link): body text is searched too. */
	submitted = $state(false);
	keyboardOpen = $state(true);
	index = $state<IndexState>('loading');
	answer = $state.raw<Answer | null>(null);
	/** Load figures from the worker (ms), shown to no one; read by tests and the bench. */
	timing = $state.raw<{ fetchMs: number; parseMs: number; docs: number } | null>(null);

	readonly q = $derived(normalizeQuery(this.query));
	/** The answer to exactly what is typed now, if it has arrived. */
	readonly current = $derived(this.answer?.q === this.q ? this.answer : null);
	/** What the list shows: the latest answer while the next one is on its way. */
	readonly response = $derived(this.q ? (this.answer?.response ?? null) : null);
	readonly groups = $derived(this.response ? groupHits(this.response.hits) : []);
	readonly stillLooking = $derived(
		!!this.q &&
			(this.index === 'loading' ||
				(this.index === 'ready' && (!this.current || this.current.pending)))
	);
	readonly nothingFound = $derived(
		!!this.current && !this.current.pending && this.current.response.total === 0
	);

	#client: SearchClient | null = null;
	#latest = 0;
	#latestQ = '';
	#scrollTo = 0;

	/** Starts (or joins) the search worker; returns the disconnect. */
	connect(): () => void {
		this.#client = startSearch((m) => this.#receive(m));
		this.send();
		return () => {
			this.#client?.close();
			this.#client = null;
		};
	}

	/** Asks the worker about what is typed now. */
	send(): void {
		const q = this.q;
		const submitted = this.submitted;
		if (!this.#client) return;
		if (!q) {
			this.answer = null;
			this.#latest = 0;
			return;
		}
		untrack(() => {
			if (this.index === 'unreachable') this.index = 'loading';
		});
		this.#latestQ = q;
		this.#latest = this.#client.search(q, submitted);
	}

	#receive(m: SearchMessage) {
		if (m.kind === 'ready') {
			this.index = 'ready';
			this.timing = { fetchMs: m.fetchMs, parseMs: m.parseMs, docs: m.docs };
		} else if (m.kind === 'failed') {
			this.index = m.reason;
		} else if (m.id === this.#latest) {
			const { response, pending, bodiesFailed } = m;
			this.answer = { q: this.#latestQ, response, pending, bodiesFailed };
		}
	}

	setQuery(value: string, submit = false): void {
		this.query = value;
		this.submitted = submit && value.trim() !== '';
	}

	/** The visitor typed: what follows is as-you-type again. */
	typed(): void {
		this.submitted = false;
	}

	/** Enter or 搜索; false when there is nothing to search (the field should take focus). */
	submit(): boolean {
		if (!this.q) return false;
		this.submitted = true;
		this.keyboardOpen = false;
		return true;
	}

	pick(term: string): void {
		this.setQuery(term, true);
		this.keyboardOpen = false;
	}

	clear(): void {
		this.setQuery('');
		this.keyboardOpen = true;
	}

	/**
	 * The page was reached. A deep link (`/search?q=…`, from a QR code or another page) is read
	 * once and then taken out of the address; Back from a result shows the last search again.
	 * Returns true when the address should be cleaned.
	 */
	arrive(navType: string, fromUrl: string | null): boolean {
		this.#scrollTo = 0;
		if (fromUrl !== null) {
			this.setQuery(fromUrl, true);
			this.keyboardOpen = fromUrl.trim() === '';
			return true;
		}
		if (navType === 'popstate' && remembered) {
			this.setQuery(remembered.query, remembered.submitted);
			// The same layout too: the keyboard sets how tall the list is, and so its scroll.
			this.keyboardOpen = remembered.keyboardOpen;
			this.#scrollTo = remembered.scrollTop;
			return false;
		}
		// A scanner or keyboard that typed while the page was still loading: keep that text.
		if (navType === 'enter' && this.query) return false;
		this.clear();
		return false;
	}

	/** Leaving for another page: remember where the visitor was. */
	leave(scrollTop: number): void {
		remembered = {
			query: this.query,
			submitted: this.submitted,
			keyboardOpen: this.keyboardOpen,
			scrollTop
		};
	}

	/**
	 * Where the list should scroll to for a new answer: the remembered place once the answer to
	 * the remembered query is there, else the top.
	 */
	takeScroll(): number {
		if (!this.answer || this.answer.q !== this.q) return 0;
		const top = this.#scrollTo;
		this.#scrollTo = 0;
		return top;
	}

	/** The idle reset: a new visitor finds nothing of the last one. */
	reset(): void {
		remembered = null;
		this.#scrollTo = 0;
		this.clear();
	}
}
