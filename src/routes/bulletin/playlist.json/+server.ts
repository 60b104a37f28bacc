import { json } from '@sveltejs/kit';
import { bulletinDataFor } from '$lib/server/bulletin/payload';
import { getContent } from '$lib/server/content';
import type { RequestHandler } from './$types';

/** What a running screen fetches between slides to see whether new content was deployed. */
export const prerender = true;

export const GET: RequestHandler = async () => json(await bulletinDataFor(getContent()));
