import { json } from '@sveltejs/kit';
import { getSearchIndex } from '$lib/server/search';
import type { RequestHandler } from './$types';

// Written to build/search-index.json; the search page fetches it when it opens.
export const prerender = true;

export const GET: RequestHandler = () => json(getSearchIndex().index);
