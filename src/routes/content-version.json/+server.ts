import { json } from '@sveltejs/kit';
import { getContent } from '$lib/server/content';
import type { RequestHandler } from './$types';

/**
 * Which content a build (or a web server) carries, for IT staff and `npm run release`:
 * `curl https://hall.example/content-version.json`. Never precached, so it tells the truth.
 */
export const prerender = true;

export const GET: RequestHandler = () => json(getContent().version);
