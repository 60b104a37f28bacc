/**
 * Builds the one JSON document a bulletin screen runs on, from validated content. Everything
 * that can be decided at build time is: guide facts looked up, QR codes drawn, times resolved.
 */
import type { BulletinSlide, Content } from '$lib/server/content';
import { qrSvg } from '$lib/server/qr';
import { carouselIntervalMs } from '$lib/bulletin/carousel';
import { formatDuration } from '$lib/format';
import { hoursLines } from '$lib/hours';
import type { BulletinData, BulletinNotice, Qr, Slide, SlideContent } from '$lib/bulletin/types';

/** The opening of a notice, cut at a sentence end when one is near: enough for a ticker. */
export function excerpt(text: string, max = 120): string {
	const clean = text.replace(/\s+/g, ' ').trim();
	if (clean.length <= max) return clean;
	const cut = clean.slice(0, max);
	const end = Math.max(cut.lastIndexOf('。'), cut.lastIndexOf('；'), cut.lastIndexOf('！'));
	return end > max / 2 ? cut.slice(0, end + 1) : cut.slice(0, max - 1) + '…';
}

export async function bulletinData(content: Content): Promise<BulletinData> {
	const { site, guides, bulletins } = content;
	const base = site.publicBaseUrl.replace(/\/$/, '');
	const qrCache = new Map<string, Promise<string>>();
	const qr = async (url: string, caption: string): Promise<Qr> => {
		let svg = qrCache.get(url);
		if (!svg) qrCache.set(url, (svg = qrSvg(url)));
		return { url, svg: await svg, caption };
	};

	async function slideContent(s: BulletinSlide): Promise<SlideContent> {
		switch (s.kind) {
			case 'notice':
				return {
					kind: 'notice',
					title: s.title,
					body: s.body,
					qr: s.qr ? await qr(s.qr, s.qrCaption ?? '扫码查看详情') : null
				};
			case 'figures':
				return {
					kind: 'figures',
					title: s.title,
					items: s.items.map((f) => ({ value: f.value, unit: f.unit ?? null, label: f.label })),
					source: s.source ?? null
				};
			case 'guide': {
				// The loader has checked that the guide exists.
				const g = guides.find((x) => x.slug === s.guide)!;
				return {
					kind: 'guide',
					slug: g.slug,
					name: g.name,
					theme: g.theme,
					guideKind: g.kind,
					visits: g.online?.visits ?? null,
					promised: formatDuration(g.timeLimits.promised),
					statutory: formatDuration(g.timeLimits.statutory),
					window: g.where.window ?? null,
					note: s.note ?? null,
					qr: await qr(`${base}/guides/${g.slug}`, '扫码带走办事指南')
				};
			}
			case 'image':
				return { kind: 'image', src: `/${s.image}`, alt: s.alt ?? '', caption: s.caption ?? null };
			case 'hall':
				return { kind: 'hall', title: s.title };
			case 'latest-notices':
				return { kind: 'latest-notices', title: s.title, count: s.count };
			case 'video':
				return {
					kind: 'video',
					src: `/${s.video}`,
					type: s.video.toLowerCase().endsWith('.webm') ? 'video/webm' : 'video/mp4',
					play: s.play,
					title: s.title ?? null,
					description: s.description ?? ''
				};
			case 'carousel':
				return {
					kind: 'carousel',
					title: s.title ?? null,
					images: s.images.map((i) => ({ src: `/${i.image}`, alt: i.alt ?? '' })),
					intervalMs: carouselIntervalMs(s.duration, s.images.length, s.interval),
					transition: s.transition
				};
			case 'data':
				return {
					kind: 'data',
					title: s.title,
					url: s.url,
					refreshMs: s.refresh * 1000,
					maxAgeMs: s.maxAge * 1000,
					columns: s.columns.map((c) => ({ field: c.field, label: c.label })),
					maxRows: s.maxRows,
					unavailable: s.unavailable,
					note: s.note ?? null,
					whileOpen: s.whileOpen
				};
		}
	}

	const playlists = await Promise.all(
		bulletins.playlists.map(async (p) => ({
			id: p.id,
			name: p.name,
			urgent: p.urgent,
			dimming: p.dimming,
			slides: await Promise.all(
				p.slides.map(async (s): Promise<Slide> => ({
					id: s.id,
					playlist: p.id,
					duration: s.duration,
					startAt: s.startAt,
					endAt: s.endAt,
					weekdays: s.weekdays ?? null,
					times: s.times ?? null,
					priority: s.priority,
					...(await slideContent(s))
				}))
			)
		}))
	);

	const notices: BulletinNotice[] = content.notices.map((n) => ({
		slug: n.slug,
		title: n.title,
		excerpt: excerpt(n.text),
		issuer: n.issuer ?? null,
		publishedAt: n.publishedAt,
		expiresAt: n.expiresAt,
		urgent: n.urgent,
		share: n.share
	}));

	return {
		version: content.version.hash,
		site: {
			name: site.name,
			shortName: site.shortName ?? null,
			hallName: site.hallName,
			address: site.address,
			timeZone: site.timeZone,
			hours: hoursLines(site.hours),
			officeHours: site.hours,
			onlineQr: site.hours.onlineUrl ? await qr(site.hours.onlineUrl, '网上办事大厅') : null,
			windows: site.windows.map((w) => ({ number: w.number, name: w.name })),
			enquiryPhone: site.enquiryPhone,
			complaintPhone: site.complaintPhone,
			website: site.website ?? null,
			updateCheckMinutes: site.kiosk.updateCheckMinutes
		},
		playlists,
		screens: bulletins.screens,
		closures: bulletins.closures,
		openDays: bulletins.openDays,
		dimming: bulletins.dimming,
		notices
	};
}

const built = new WeakMap<Content, Promise<BulletinData>>();

/** Once per content load: the page, the JSON and the preview share one build of the payload. */
export function bulletinDataFor(content: Content): Promise<BulletinData> {
	let data = built.get(content);
	if (!data) built.set(content, (data = bulletinData(content)));
	return data;
}
