import { error } from '@sveltejs/kit';
import { getContent } from '$lib/server/content';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => getContent().processes.map((p) => ({ slug: p.slug }));

export const load: PageServerLoad = ({ params }) => {
	const { processes, guides } = getContent();
	const process = processes.find((p) => p.slug === params.slug);
	if (!process) error(404, '没有找到这个办事流程');
	const related = process.guides.flatMap((slug) => {
		const g = guides.find((x) => x.slug === slug);
		return g ? [{ slug: g.slug, name: g.name }] : [];
	});
	const { file: _file, text: _text, ...shown } = process;
	return { process: shown, related };
};
