import { error } from '@sveltejs/kit';
import { getContent } from '$lib/server/content';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () =>
	getContent().disclosures.map((d) => ({ slug: d.slug }));

export const load: PageServerLoad = ({ params }) => {
	const item = getContent().disclosures.find((d) => d.slug === params.slug);
	if (!item) error(404, '没有找到这条公开信息');
	const { file: _file, text: _text, ...shown } = item;
	return { item: shown };
};
