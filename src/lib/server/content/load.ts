/**
 * Reads a content folder, validates every file and derives the typed collections the routes use.
 * All problems of all files are collected first; the caller decides whether errors are fatal.
 */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type * as z from 'zod';
import {
	checkBulletins,
	closuresSchema,
	playlistSchema,
	screensSchema,
	type BulletinSources,
	type Bulletins
} from './bulletin-schema.ts';
import {
	describePath,
	describeValue,
	formatFieldPath,
	type ContentProblem
} from './errors.ts';
import {
	displayPath,
	readContentFiles,
	readMedia,
	type CollectionKey,
	type LoadOptions,
	type ContentFiles,
	type SourceFile
} from './files.ts';
import { findWindow } from '../../hall-map/plan.ts';
import { renderMarkdown } from './markdown.ts';
import { parseFile, validate } from './parse.ts';
import {
	applicantKindLabels,
	applicantKinds,
	applicationResultKinds,
	disclosureSchema,
	guideSchema,
	noticeSchema,
	processSchema,
	serviceSchema,
	siteSchema,
	type AnnualReport,
	type DisclosureData,
	type GuideData,
	type NoticeData,
	type ProcessData,
	type ServiceData,
	type Site
} from './schema.ts';
import { localToInstant } from './time.ts';

interface Body {
	/** Sanitised HTML of the Markdown body. */
	html: string;
	/** Plain text of the body, for search and read-aloud. */
	text: string;
}
interface Item {
	slug: string;
	/** Editor-facing path, for messages and the status screen. */
	file: string;
}
export type Guide = GuideData & Item & Body;
export type Process = ProcessData & Item & Body;
export type Disclosure = DisclosureData & Item & Body;
export type Notice = NoticeData & Item & Body & { publishedAt: number; expiresAt: number };
export type Service = ServiceData & Item;

export interface ContentVersion {
	/** Short hash of every content file; changes whenever any file changes. */
	hash: string;
	/** When this content was loaded (build time), ISO 8601. */
	loadedAt: string;
}

export interface Content {
	dir: string;
	site: Site;
	guides: Guide[];
	processes: Process[];
	disclosures: Disclosure[];
	notices: Notice[];
	services: Service[];
	/** Bulletin screens: playlists, screens and closure days (content/bulletins/). */
	bulletins: Bulletins;
	/**
	 * `media/…` paths that content refers to: only these ship to the build (an unreferenced file
	 * would be precached on every terminal for nothing).
	 */
	media: string[];
	version: ContentVersion;
}

export interface LoadResult {
	content: Content | null;
	problems: ContentProblem[];
}

const SLUG = /^[a-z0-9][a-z0-9-]*$/;

const SCHEMAS = {
	guides: guideSchema,
	processes: processSchema,
	disclosures: disclosureSchema,
	notices: noticeSchema,
	services: serviceSchema
} as const;
type Schemas = typeof SCHEMAS;

/** One collection file that parsed and validated. */
interface Valid<T> {
	source: SourceFile;
	slug: string;
	data: T;
	body: string;
}

interface ValidContent {
	site: Site | null;
	collections: { [K in CollectionKey]: Valid<z.output<Schemas[K]>>[] };
	bulletins: BulletinSources;
}

export type { LoadOptions } from './files.ts';

export function loadContent(dir: string, options: LoadOptions = {}): LoadResult {
	const problems: ContentProblem[] = [];
	const root = path.resolve(dir);
	if (!existsSync(root) || !statSync(root).isDirectory()) {
		problems.push({
			file: displayPath(root),
			field: '',
			message: '找不到内容文件夹：请检查 CONTENT_DIR 或 content 文件夹是否存在',
			severity: 'error'
		});
		return { content: null, problems };
	}
	const files = readContentFiles(root, problems, options);
	const valid = parseAndValidate(files, problems);
	const content = derive(root, files, valid, problems, options);
	if (!content || problems.some((p) => p.severity === 'error')) return { content: null, problems };
	return { content, problems };
}

// ---------------------------------------------------------------------------------------------
// Parse and validate: each file on its own

function parseAndValidate(files: ContentFiles, problems: ContentProblem[]): ValidContent {
	const one = <S extends z.ZodObject>(file: SourceFile, schema: S) => {
		const parsed = parseFile(file.text, file.rel.endsWith('.md'), file.shown, problems);
		const data = parsed ? validate(schema, parsed, file.shown, problems) : null;
		return { data, body: parsed?.body ?? '' };
	};

	/** Slugs come from file names and must be unique within a collection. */
	function collection<S extends z.ZodObject>(list: SourceFile[], schema: S): Valid<z.output<S>>[] {
		const seen = new Map<string, string>();
		const out: Valid<z.output<S>>[] = [];
		for (const source of list) {
			const slug = path.posix.basename(source.rel, path.posix.extname(source.rel));
			if (!SLUG.test(slug)) {
				problems.push({
					file: source.shown,
					field: '',
					message: `文件名“${slug}”不能用：只能用小写英文字母、数字和 -（如 radio-station-license${path.posix.extname(source.rel)}）`,
					severity: 'error'
				});
				continue;
			}
			const dup = seen.get(slug.toLowerCase());
			if (dup) {
				problems.push({
					file: source.shown,
					field: '',
					message: `与 ${dup} 同名：每个文件名只能用一次，请给其中一个改名`,
					severity: 'error'
				});
				continue;
			}
			seen.set(slug.toLowerCase(), source.shown);
			const { data, body } = one(source, schema);
			if (data) out.push({ source, slug, data, body });
		}
		return out;
	}

	const c = files.collections;
	return {
		site: files.site ? one(files.site, siteSchema).data : null,
		collections: {
			guides: collection(c.guides, SCHEMAS.guides),
			processes: collection(c.processes, SCHEMAS.processes),
			disclosures: collection(c.disclosures, SCHEMAS.disclosures),
			notices: collection(c.notices, SCHEMAS.notices),
			services: collection(c.services, SCHEMAS.services)
		},
		bulletins: parseBulletins(files, problems)
	};
}

/**
 * `content/bulletins/`: `playlists/<id>.yaml`, plus optional `screens.yaml` and `closures.yaml`.
 * A missing folder means no playlists: the screens then show their default slide.
 */
function parseBulletins(files: ContentFiles, problems: ContentProblem[]): BulletinSources {
	const src: BulletinSources = { playlists: [], screens: null, closures: null };
	const read = <S extends z.ZodObject>(file: SourceFile, schema: S) => {
		const parsed = parseFile(file.text, false, file.shown, problems);
		return parsed ? validate(schema, parsed, file.shown, problems) : null;
	};
	for (const file of files.bulletins) {
		const name = path.posix.basename(file.rel, path.posix.extname(file.rel));
		if (name === 'screens' && /\.ya?ml$/.test(file.rel)) {
			const data = read(file, screensSchema);
			if (data) src.screens = { file: file.shown, data };
		} else if (name === 'closures' && /\.ya?ml$/.test(file.rel)) {
			const data = read(file, closuresSchema);
			if (data) src.closures = { file: file.shown, data };
		} else {
			problems.push({
				file: file.shown,
				field: '',
				message:
					'此文件不会被读取：bulletins/ 里只有 screens.yaml、closures.yaml 和 playlists/<编号>.yaml',
				severity: 'error'
			});
		}
	}
	for (const file of files.playlists) {
		const id = path.posix.basename(file.rel, path.posix.extname(file.rel));
		if (!SLUG.test(id)) {
			problems.push({
				file: file.shown,
				field: '',
				message: `文件名“${id}”不能用作播放列表编号：只能用小写英文字母、数字和 -（如 hall.yaml）`,
				severity: 'error'
			});
			continue;
		}
		src.playlists.push({ id, file: file.shown, data: read(file, playlistSchema) });
	}
	return src;
}

// ---------------------------------------------------------------------------------------------
// Derive and cross-check: what only the whole content can tell

function checkAnnualReport(report: AnnualReport, shown: string, problems: ContentProblem[]): void {
	const t = report.applications;
	for (const kind of applicantKinds) {
		const inflow = t.newlyReceived[kind] + t.carriedOver[kind];
		const handled = applicationResultKinds.reduce((sum, r) => sum + t.results[r][kind], 0);
		const outflow = handled + t.carriedForward[kind];
		if (inflow !== outflow) {
			problems.push({
				file: shown,
				field: formatFieldPath(['annualReport', 'applications', kind]),
				label: `${at(disclosureSchema, ['annualReport', 'applications']).label} · ${applicantKindLabels[kind]}一列`,
				message: `表三的数对不上：一 本年新收 + 二 上年结转 = ${inflow}，但 三 办理结果 + 四 结转下年 = ${outflow}。请核对这一列`,
				severity: 'error'
			});
		}
	}
}

function checkPhones(
	enquiry: string,
	complaint: string,
	where: { field: string; label: string },
	shown: string,
	problems: ContentProblem[]
): void {
	const digits = (s: string) => s.replace(/\D/g, '');
	if (digits(enquiry) === digits(complaint)) {
		problems.push({
			file: shown,
			...where,
			message: `与咨询电话相同（${enquiry}）：投诉电话应是另一条独立的线路`,
			severity: 'warning'
		});
	}
}

/** The field path and its Chinese name, for problems found after validation. */
function at(schema: z.core.$ZodType, fieldPath: PropertyKey[]): { field: string; label: string } {
	return { field: formatFieldPath(fieldPath), label: describePath(schema, fieldPath).label };
}

type Where = { field: string; label: string };

/** What every derive step shares: the folder, the office, the problem list and media use. */
interface Context {
	root: string;
	files: ContentFiles;
	problems: ContentProblem[];
	options: LoadOptions;
	site: Site | null;
	timeZone: string;
	error(file: string, where: Where, message: string): void;
	/** Records a reference to a media file, or reports that it does not exist. */
	useMedia(ref: string | undefined, file: string, where: Where): void;
	/** Media paths referenced so far. */
	referenced: Set<string>;
}

interface Items {
	guides: Guide[];
	processes: Process[];
	disclosures: Disclosure[];
	notices: Notice[];
	services: Service[];
}

function derive(
	root: string,
	files: ContentFiles,
	valid: ValidContent,
	problems: ContentProblem[],
	options: LoadOptions
): Content | null {
	const present = new Set(files.media);
	const ctx: Context = {
		root,
		files,
		problems,
		options,
		site: valid.site,
		timeZone: valid.site?.timeZone ?? 'Asia/Shanghai',
		error: (file, where, message) => problems.push({ file, ...where, message, severity: 'error' }),
		useMedia(ref, file, where) {
			if (!ref) return;
			if (present.has(ref)) this.referenced.add(ref);
			else {
				this.error(
					file,
					where,
					`media 文件夹里没有 ${ref}：请检查文件名（区分大小写），或把文件放进 media/`
				);
			}
		},
		referenced: new Set()
	};
	if (valid.site && files.site) {
		const { enquiryPhone, complaintPhone } = valid.site;
		const where = at(siteSchema, ['complaintPhone']);
		checkPhones(enquiryPhone, complaintPhone, where, files.site.shown, problems);
	}
	const items = deriveItems(ctx, valid.collections);
	checkIndexNumbers(ctx, items.disclosures);
	const bulletins = checkBulletins(
		valid.bulletins,
		{
			guides: new Map(items.guides.map((g) => [g.slug, g])),
			guideFiles: new Set(files.collectionNames.guides),
			media: present,
			timeZone: ctx.timeZone
		},
		problems
	);
	for (const slide of bulletins.playlists.flatMap((p) => p.slides)) {
		const used =
			slide.kind === 'image'
				? [slide.image]
				: slide.kind === 'video'
					? [slide.video]
					: slide.kind === 'carousel'
						? slide.images.map((i) => i.image)
						: [];
		for (const m of used) if (present.has(m)) ctx.referenced.add(m);
	}
	checkGuideReferences(ctx, items);
	const media = shipMedia(ctx);
	if (!ctx.site || problems.some((p) => p.severity === 'error')) return null;
	return assemble(ctx, ctx.site, items, bulletins, media);
}

/** Renders each body and runs each collection's own checks. */
function deriveItems(ctx: Context, v: ValidContent['collections']): Items {
	const { error } = ctx;
	/** Renders the body, checks its media, and hands the item to the collection's own checks. */
	function items<D, T>(
		list: Valid<D>[],
		make: (data: D, item: Item & Body, shown: string) => T
	): T[] {
		return list.map(({ source, slug, data, body }) => {
			const rendered = renderMarkdown(body);
			rendered.media.forEach((m, i) =>
				ctx.useMedia(m, source.shown, { field: 'body', label: `正文 第${i + 1}个图片或附件链接` })
			);
			const item = { slug, file: source.shown, html: rendered.html, text: rendered.text };
			return make(data, item, source.shown);
		});
	}

	const guides = items(v.guides, (data, item, shown): Guide => {
		checkGuide(ctx, data, shown);
		return { ...data, ...item };
	});
	const processes = items(v.processes, (data, item): Process => ({ ...data, ...item }));
	const disclosures = items(v.disclosures, (data, item, shown): Disclosure => {
		if (data.annualReport) checkAnnualReport(data.annualReport, shown, ctx.problems);
		return { ...data, ...item };
	});
	const notices = items(v.notices, (data, item, shown): Notice => {
		const publishedAt = localToInstant(data.published, ctx.timeZone);
		const expiresAt = localToInstant(data.expires, ctx.timeZone);
		if (expiresAt <= publishedAt) {
			error(shown, at(noticeSchema, ['expires']), `应晚于发布时间（${data.published}）`);
		}
		ctx.useMedia(data.image, shown, at(noticeSchema, ['image']));
		if (data.image && !data.imageAlt) {
			error(
				shown,
				at(noticeSchema, ['imageAlt']),
				'有图片就要写图片文字说明：看不见图片的访客会听到这段文字'
			);
		}
		return { ...data, ...item, publishedAt, expiresAt };
	});
	const services = v.services.map(
		({ source, slug, data }): Service => ({ ...data, slug, file: source.shown })
	);
	return { guides, processes, disclosures, notices, services };
}

/** What a guide's fields cannot tell on their own: phones, media, window, time limits, dates. */
function checkGuide(ctx: Context, data: GuideData, shown: string): void {
	const g = (...fieldPath: PropertyKey[]) => at(guideSchema, fieldPath);
	const { site, error } = ctx;
	const { enquiry, complaint } = data.contact;
	checkPhones(enquiry.phone, complaint.phone, g('contact', 'complaint', 'phone'), shown, ctx.problems);
	ctx.useMedia(data.flowChart, shown, g('flowChart'));
	data.materials.forEach((m, i) => {
		ctx.useMedia(m.blankForm, shown, g('materials', i, 'blankForm'));
		ctx.useMedia(m.sample, shown, g('materials', i, 'sample'));
	});
	// With a hall map every window has a cell, so a window that exists is also on the map.
	if (site && data.where.window && !findWindow(data.where.window, site.windows)) {
		const list = site.windows.map((w) => `${w.number}号 ${w.name}`).join('、');
		const map = site.hallMap ? '，大厅平面图上也就找不到它' : '';
		error(
			shown,
			g('where', 'window'),
			`site.yaml 的服务窗口里没有${describeValue(data.where.window)}${map}（现有：${list}）：请写现有窗口的窗口号，如“${site.windows[0]?.number ?? 1}号”，或先在 site.yaml 里加上这个窗口${site.hallMap ? '和它的地图位置' : ''}`
		);
	}
	const toDays = (d: { value: number; unit: string }) => (d.unit === '小时' ? d.value / 24 : d.value);
	const { promised, statutory } = data.timeLimits;
	if (promised.unit === statutory.unit && toDays(promised) > toDays(statutory)) {
		error(
			shown,
			g('timeLimits', 'promised'),
			'承诺办结时限比法定办结时限还长：承诺时限不能超过法定时限'
		);
	}
	if (data.cancelled && data.cancelled <= data.published) {
		error(shown, g('cancelled'), `应晚于发布时间（${data.published}）`);
	}
}

/** Each 索引号 has the office's form (site.yaml) and is used once. */
function checkIndexNumbers(ctx: Context, disclosures: Disclosure[]): void {
	const { site } = ctx;
	// Without a valid site.yaml the office's own form is unknown: that file's error comes first.
	const pattern = site ? new RegExp(site.indexNoPattern, 'u') : null;
	const seen = new Map<string, string>();
	const where = at(disclosureSchema, ['indexNo']);
	for (const d of disclosures) {
		if (site && pattern && !pattern.test(d.indexNo)) {
			ctx.error(
				d.file,
				where,
				`格式不对，应写成如“${site.indexNoExample}”的样子（格式见 site.yaml 的索引号格式），现在是${describeValue(d.indexNo)}`
			);
		}
		const other = seen.get(d.indexNo);
		if (other) ctx.error(d.file, where, `${d.indexNo} 已被 ${other} 使用：每个索引号只能用一次`);
		seen.set(d.indexNo, d.file);
	}
}

/**
 * Every guide named by a process or a service must exist. A guide file with errors of its own
 * still exists: it is reported once, for its own errors, and named here only as that.
 */
function checkGuideReferences(ctx: Context, items: Items): void {
	const valid = new Set(items.guides.map((g) => g.slug));
	const files = new Set(ctx.files.collectionNames.guides);
	for (const [list, schema] of [
		[items.processes, processSchema],
		[items.services, serviceSchema]
	] as const) {
		for (const it of list) {
			it.guides.forEach((ref, i) => {
				if (valid.has(ref)) return;
				ctx.problems.push({
					file: it.file,
					...at(schema, ['guides', i]),
					...(files.has(ref)
						? {
								message: `指向的办事指南 guides/${ref}.md 本身有错误：先改正那个文件`,
								severity: 'warning'
							}
						: {
								message: `没有这个办事指南：guides 文件夹里没有 ${ref}.md，请检查文件名`,
								severity: 'error'
							})
				});
			});
		}
	}
}

/** The media that ship: referenced ones only, each read and checked; the rest is mentioned. */
function shipMedia(ctx: Context): Map<string, Buffer> {
	const list = [...ctx.referenced].sort();
	const bytes = checkMediaFiles(ctx.root, list, ctx.problems, ctx.options);
	// With errors elsewhere, a file may look unreferenced only because its page did not load.
	const clean = !ctx.problems.some((p) => p.severity === 'error');
	for (const m of clean ? ctx.files.media.filter((f) => !ctx.referenced.has(f)) : []) {
		ctx.problems.push({
			file: displayPath(path.join(ctx.root, m)),
			field: '',
			message: '没有任何内容引用此文件，它不会发布到终端',
			severity: 'warning'
		});
	}
	return bytes;
}

/** The content as the routes see it: current items only, in display order. */
function assemble(
	ctx: Context,
	site: Site,
	{ guides, processes, disclosures, notices, services }: Items,
	bulletins: Bulletins,
	media: Map<string, Buffer>
): Content {
	// A cancelled item (取消日期 reached) must not show as current: it leaves every page and the
	// search index with the next build. References to it from processes and services are dropped.
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: ctx.timeZone }).format(new Date());
	const currentGuides = guides.filter((g) => !g.cancelled || g.cancelled > today);
	const current = new Set(currentGuides.map((g) => g.slug));
	for (const it of [...processes, ...services]) it.guides = it.guides.filter((s) => current.has(s));
	currentGuides.sort(
		(a, b) => a.theme.localeCompare(b.theme, 'zh') || a.name.localeCompare(b.name, 'zh')
	);
	disclosures.sort((a, b) => b.date.localeCompare(a.date) || a.indexNo.localeCompare(b.indexNo));
	notices.sort((a, b) => b.publishedAt - a.publishedAt);
	processes.sort((a, b) => a.title.localeCompare(b.title, 'zh'));
	services.sort((a, b) => a.name.localeCompare(b.name, 'zh'));
	return {
		dir: ctx.root,
		site,
		guides: currentGuides,
		processes,
		disclosures,
		notices,
		services,
		bulletins,
		media: [...media.keys()],
		version: { hash: contentHash(ctx.files, media), loadedAt: new Date().toISOString() }
	};
}

/** Reads each referenced media file (size-capped) and refuses an SVG that could run script. */
function checkMediaFiles(
	root: string,
	media: string[],
	problems: ContentProblem[],
	options: LoadOptions
): Map<string, Buffer> {
	const out = new Map<string, Buffer>();
	for (const m of media) {
		const bytes = readMedia(root, m, problems, options);
		if (!bytes) continue;
		out.set(m, bytes);
		// An SVG is a document: one opened on its own could run script. Editors never need that.
		if (
			m.toLowerCase().endsWith('.svg') &&
			/<script|\son\w+\s*=|javascript:|<foreignObject/i.test(bytes.toString('utf8'))
		) {
			problems.push({
				file: displayPath(path.join(root, m)),
				field: '',
				message:
					'这个 SVG 里有脚本、事件或嵌入的网页内容，不能发布：请用绘图软件重新导出为普通图形（不含脚本）',
				severity: 'error'
			});
		}
	}
	return out;
}

/** Short hash of every file that goes into the build; changes whenever any of them changes. */
function contentHash(files: ContentFiles, media: Map<string, Buffer>): string {
	const hash = createHash('sha256');
	const sources = [
		...(files.site ? [files.site] : []),
		...Object.values(files.collections).flat(),
		...files.bulletins,
		...files.playlists
	];
	for (const f of sources) hash.update(f.rel).update(f.text);
	for (const [m, bytes] of media) hash.update(m).update(bytes);
	return hash.digest('hex').slice(0, 12);
}
