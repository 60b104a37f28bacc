import { bulletinDataFor } from '$lib/server/bulletin/payload';
import { getContent } from '$lib/server/content';
import { powerText } from '$lib/server/bulletin/power';
import type { RequestHandler } from './$types';

/** Each screen's on-times for the coming weeks, read by the terminals' power timer. */
export const prerender = true;

export const GET: RequestHandler = async () =>
	new Response(powerText(await bulletinDataFor(getContent()), Date.now()), {
		headers: { 'content-type': 'text/plain; charset=utf-8' }
	});
