import { json } from '@sveltejs/kit';
import { getSearchIndex } from '$lib/server/search';
import type { RequestHandler } from './$types';

// Body text for the submit-time tier: fetched only when a visitor submits a search.
export const prerender = true;

export const GET: RequestHandler = () => json(getSearchIndex().body);
