/**
 * Builds the search index at build time: pinyin and initials (pinyin-pro), title aliases, and the
 * body file for the submit-time tier, in the column format of `$lib/search/types`. Served by the
 * prerendered endpoints `/search-index.json` and `/search-body.json`; the browser never computes
 * any of it. Imports are relative because bench/search.ts (run by tsx, without SvelteKit) uses
 * this too.
 */
import { formatDate } from '../../format.ts';
import { BODY_MAX_CHARS, SUMMARY_MAX_CHARS } from '../../search/tuning.ts';
import {
	INDEX_VERSION,
	type DocType,
	type SearchBodyJson,
	type SearchIndexJson
} from '../../search/types.ts';
import type { Content } from '../content/index.ts';
import { localToInstant } from '../content/time.ts';
import { spell } from './pinyin.ts';

/** Any searchable item, from the content folder or from a synthetic benchmark corpus. */
export interface SearchSource {
	type: DocType;
	url: string;
	title: string;
	keywords: string[];
	/** What the item is about, in a sentence or two; searched as you type. */
	summary: string;
	/** Longer text; searched on submit only. */
	body: string;
	meta: string;
	codes?: string[];
	validFrom?: number;
	validUntil?: number;
}

export interface BuiltSearchIndex {
	index: SearchIndexJson;
	body: SearchBodyJson;
}

function clean(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

function cap(text: string, max: number): string {
	const t = clean(text);
	return t.length <= max ? t : t.slice(0, max);
}

/** Punctuation and spaces: what visitors leave out when they type a title. */
const PUNCTUATION = /[\p{P}\s]/gu;
const BRACKETED = /[（(][^（）()]*[）)]/g;

/**
 * Titles as visitors type them, without punctuation. A bracketed qualifier is read as part of
 * the name and typed (婚姻设立审批市级 for 婚姻设立审批（市级）, 换发新办 across two brackets),
 * or left out as an aside (无线电台设置审批 for 无线电台（站）设置审批, four edits from the full
 * title): both are kept, the shorter first.
 */
export function titleAliases(title: string): string[] {
	const out: string[] = [];
	for (const alias of [
		title.replace(BRACKETED, '').replace(PUNCTUATION, ''),
		title.replace(PUNCTUATION, '')
	]) {
		if (alias && alias !== title && !out.includes(alias)) out.push(alias);
	}
	return out;
}

export function buildSearchIndex(sources: readonly SearchSource[]): BuiltSearchIndex {
	const index: SearchIndexJson = {
		version: INDEX_VERSION,
		type: [],
		url: [],
		meta: [],
		title: [],
		titlePinyin: [],
		titleInitials: [],
		titleLens: [],
		summary: [],
		keywordCount: [],
		aliasCount: [],
		keyword: [],
		keywordPinyin: [],
		keywordInitials: [],
		keywordLens: [],
		codes: [],
		windows: []
	};
	const bodies: string[] = [];
	sources.forEach((s, doc) => {
		const title = clean(s.title);
		const aliases = titleAliases(title);
		const keywords = [
			...new Set([...aliases, ...s.keywords].map(clean).filter((k) => k && k !== title))
		];
		const t = spell(title);
		index.type.push(s.type);
		index.url.push(s.url);
		index.meta.push(s.meta);
		index.title.push(title);
		index.titlePinyin.push(t.full);
		index.titleInitials.push(t.initials);
		index.titleLens.push(t.lens);
		index.summary.push(cap(s.summary, SUMMARY_MAX_CHARS));
		// A title whose polyphones read differently out of context also gets that spelling, as one
		// more alias (the same words, so a match is shown on the title).
		const plain = aliases[0] ?? title;
		const everyday = spell(plain, { everyday: true });
		const misread = everyday.full !== spell(plain).full;
		if (misread) keywords.splice(aliases.length, 0, plain);
		index.keywordCount.push(keywords.length);
		index.aliasCount.push(aliases.length + (misread ? 1 : 0));
		keywords.forEach((k, i) => {
			const spelled = misread && i === aliases.length ? everyday : spell(k);
			index.keyword.push(k);
			index.keywordPinyin.push(spelled.full);
			index.keywordInitials.push(spelled.initials);
			index.keywordLens.push(spelled.lens);
		});
		index.codes.push((s.codes ?? []).map(clean).filter(Boolean));
		if (s.validFrom !== undefined || s.validUntil !== undefined) {
			index.windows.push([doc, s.validFrom ?? null, s.validUntil ?? null]);
		}
		bodies.push(cap(s.body, BODY_MAX_CHARS));
	});
	return { index, body: { version: INDEX_VERSION, bodies } };
}

const join = (parts: (string | undefined)[]) => parts.filter(Boolean).join('。');

/** Everything the kiosk shows, as search sources. Validity is decided by the kiosk's clock. */
export function sourcesFromContent(content: Content): SearchSource[] {
	const { site, guides, processes, disclosures, notices, services } = content;
	const out: SearchSource[] = [];
	for (const g of guides) {
		out.push({
			type: 'guide',
			url: `/guides/${g.slug}`,
			title: g.name,
			keywords: [...g.keywords, g.theme, g.kind],
			summary: g.summary ?? g.text,
			body: join([
				g.conditions.join('；'),
				'所需材料：' + g.materials.map((m) => m.name).join('、'),
				g.steps.map((s) => s.name).join('、'),
				g.result?.name,
				...g.faq.map((f) => f.q),
				g.text
			]),
			meta: `${g.theme} · ${g.kind}`,
			codes: [g.catalogCode, g.implCode].filter((c): c is string => !!c),
			validUntil: g.cancelled ? localToInstant(g.cancelled, site.timeZone) : undefined
		});
	}
	for (const p of processes) {
		out.push({
			type: 'process',
			url: `/processes/${p.slug}`,
			title: p.title,
			keywords: p.keywords,
			summary: p.summary ?? p.text,
			body: join([p.steps.map((s) => join([s.name, s.description])).join('；'), p.text]),
			meta: `共 ${p.steps.length} 个步骤`
		});
	}
	for (const d of disclosures) {
		out.push({
			type: 'disclosure',
			url: `/disclosure/${d.slug}`,
			title: d.title,
			keywords: [...d.keywords, d.category],
			summary: d.summary ?? d.text,
			body: d.text,
			// The 索引号 is searchable as a code and shown when it is what matched.
			meta: `${formatDate(d.date)}发布`,
			codes: [d.indexNo]
		});
	}
	for (const n of notices) {
		out.push({
			type: 'notice',
			url: `/notices/${n.slug}`,
			title: n.title,
			keywords: n.keywords,
			summary: n.text,
			body: n.text,
			meta: `发布于 ${formatDate(n.published.slice(0, 10))}`,
			validFrom: n.publishedAt,
			validUntil: n.expiresAt
		});
	}
	for (const s of services) {
		out.push({
			type: 'service',
			url: `/services#${s.slug}`,
			title: s.name,
			keywords: [...s.keywords, s.category],
			summary: s.description,
			body: s.description,
			meta: `${s.category} · 扫码办理`
		});
	}
	return out;
}
