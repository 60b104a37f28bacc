import { getContent } from '$lib/server/content';
import type { PageServerLoad } from './$types';

/** Categories offered as chips before typing and when nothing is found. */
export const load: PageServerLoad = () => {
	const { guides, processes, disclosures, services } = getContent();
	const themes = new Map<string, number>();
	for (const g of guides) themes.set(g.theme, (themes.get(g.theme) ?? 0) + 1);
	return {
		themes: [...themes].map(([name, count]) => ({ name, count })),
		sections: [
			{ href: '/guides', label: '办事指南', count: guides.length },
			{ href: '/processes', label: '办事流程', count: processes.length },
			{ href: '/disclosure', label: '政务公开', count: disclosures.length },
			{ href: '/notices', label: '通知公告', count: null },
			{ href: '/services', label: '在线服务', count: services.length }
		]
	};
};
