import { error } from '@sveltejs/kit';
import { getContent } from '$lib/server/content';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => getContent().notices.map((n) => ({ slug: n.slug }));

export const load: PageServerLoad = ({ params }) => {
	const notice = getContent().notices.find((n) => n.slug === params.slug);
	if (!notice) error(404, '没有找到这条通知');
	const { file: _file, text: _text, ...shown } = notice;
	return { notice: shown };
};
