import { error } from '@sveltejs/kit';
import { getContent } from '$lib/server/content';
import { qrSvg } from '$lib/server/qr';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => getContent().guides.map((g) => ({ slug: g.slug }));

export const load: PageServerLoad = async ({ params }) => {
	const { guides, site } = getContent();
	const guide = guides.find((g) => g.slug === params.slug);
	if (!guide) error(404, '没有找到这个办事指南');
	const { file: _file, text: _text, ...shown } = guide;
	const pageUrl = `${site.publicBaseUrl.replace(/\/$/, '')}/guides/${guide.slug}`;
	// A window-only item has no online address; one without a mobile address shows no mobile code.
	const [online, mobile, page] = await Promise.all([
		guide.online ? qrSvg(guide.online.url) : null,
		guide.online?.mobileUrl ? qrSvg(guide.online.mobileUrl) : null,
		qrSvg(pageUrl)
	]);
	return { guide: shown, pageUrl, qr: { online, mobile, page } };
};
