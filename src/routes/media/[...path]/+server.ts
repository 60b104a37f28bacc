import { error } from '@sveltejs/kit';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getContent } from '$lib/server/content';
import type { EntryGenerator, RequestHandler } from './$types';

const TYPES: Record<string, string> = {
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.webp': 'image/webp',
	'.gif': 'image/gif',
	'.svg': 'image/svg+xml',
	'.pdf': 'application/pdf',
	'.mp4': 'video/mp4',
	'.webm': 'video/webm'
};

/** Media lives in the content folder (CONTENT_DIR), not in static/, so it is copied at prerender. */
export const prerender = true;

export const entries: EntryGenerator = () =>
	getContent().media.map((m) => ({ path: m.slice('media/'.length) }));

export const GET: RequestHandler = ({ params }) => {
	const { dir, media } = getContent();
	const rel = `media/${params.path}`;
	if (!media.includes(rel)) error(404, 'media not found');
	const type = TYPES[path.extname(rel).toLowerCase()] ?? 'application/octet-stream';
	return new Response(readFileSync(path.join(dir, rel)), { headers: { 'content-type': type } });
};
