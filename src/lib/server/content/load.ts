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
import type { ContentProblem } from './errors.ts';
import {
	displayPath,
	readContentFiles,
	readMedia,
	type CollectionKey,
	type LoadOptions,
	type ContentFiles,
	type SourceFile
} from './files.ts';
import { renderMarkdown } from './markdown.ts';
import { parseFile, validate } from './parse.ts';
import {
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
			message: 'content folder not found',
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
					message: `file name "${slug}" is not a valid slug: use lowercase letters, digits and -`,
					severity: 'error'
				});
				continue;
			}
			const dup = seen.get(slug.toLowerCase());
			if (dup) {
				problems.push({
					file: source.shown,
					field: '',
					message: `duplicate slug "${slug}": ${dup} has the same name`,
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
					'not a bulletin file: expected screens.yaml, closures.yaml or playlists/<id>.yaml',
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
				message: `file name "${id}" is not a valid playlist id: use lowercase letters, digits and -`,
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
				field: `annualReport.applications.${kind}`,
				message: `table 三 does not add up: 一 本年新收 + 二 上年结转 = ${inflow}, but 三 办理结果 + 四 结转下年 = ${outflow}`,
				severity: 'error'
			});
		}
	}
}

function checkPhones(
	enquiry: string,
	complaint: string,
	field: string,
	shown: string,
	problems: ContentProblem[]
): void {
	const digits = (s: string) => s.replace(/\D/g, '');
	if (digits(enquiry) === digits(complaint)) {
		problems.push({
			file: shown,
			field,
			message: `enquiry and complaint phone are the same (${enquiry}); visitors expect an independent complaint line`,
			severity: 'warning'
		});
	}
}

function derive(
	root: string,
	files: ContentFiles,
	valid: ValidContent,
	problems: ContentProblem[],
	options: LoadOptions
): Content | null {
	const error = (file: string, field: string, message: string) =>
		problems.push({ file, field, message, severity: 'error' });
	const { site } = valid;
	if (site && files.site) {
		checkPhones(site.enquiryPhone, site.complaintPhone, 'complaintPhone', files.site.shown, problems);
	}
	const timeZone = site?.timeZone ?? 'Asia/Shanghai';

	const mediaSet = new Set(files.media);
	const referenced = new Set<string>();
	const checkMedia = (ref: string | undefined, shown: string, field: string) => {
		if (!ref) return;
		if (mediaSet.has(ref)) referenced.add(ref);
		else error(shown, field, `refers to ${ref}, which is not in the content/media folder`);
	};

	/** Renders the body, checks its images, and hands the item to the collection's own checks. */
	function items<D, T>(list: Valid<D>[], make: (data: D, item: Item & Body, shown: string) => T): T[] {
		return list.map(({ source, slug, data, body }) => {
			const rendered = renderMarkdown(body);
			rendered.media.forEach((m, i) => checkMedia(m, source.shown, `body image ${i + 1}`));
			const item = { slug, file: source.shown, html: rendered.html, text: rendered.text };
			return make(data, item, source.shown);
		});
	}

	const v = valid.collections;
	const guides: Guide[] = items(v.guides, (data, item, shown) => {
		checkPhones(
			data.contact.enquiry.phone,
			data.contact.complaint.phone,
			'contact.complaint.phone',
			shown,
			problems
		);
		checkMedia(data.flowChart, shown, 'flowChart');
		data.materials.forEach((m, i) => {
			checkMedia(m.blankForm, shown, `materials[${i}].blankForm`);
			checkMedia(m.sample, shown, `materials[${i}].sample`);
		});
		const toDays = (d: { value: number; unit: string }) =>
			d.unit === '小时' ? d.value / 24 : d.value;
		const { promised, statutory } = data.timeLimits;
		if (promised.unit === statutory.unit && toDays(promised) > toDays(statutory)) {
			error(shown, 'timeLimits.promised', 'the promised time limit is longer than the statutory one');
		}
		if (data.cancelled && data.cancelled <= data.published) {
			error(shown, 'cancelled', `is on or before published (${data.published})`);
		}
		return { ...data, ...item };
	});

	const processes: Process[] = items(v.processes, (data, item) => ({ ...data, ...item }));

	const disclosures: Disclosure[] = items(v.disclosures, (data, item, shown) => {
		if (data.annualReport) checkAnnualReport(data.annualReport, shown, problems);
		return { ...data, ...item };
	});
	const indexNos = new Map<string, string>();
	for (const d of disclosures) {
		const other = indexNos.get(d.indexNo);
		if (other) error(d.file, 'indexNo', `索引号 ${d.indexNo} is already used by ${other}`);
		indexNos.set(d.indexNo, d.file);
	}

	const notices: Notice[] = items(v.notices, (data, item, shown) => {
		const publishedAt = localToInstant(data.published, timeZone);
		const expiresAt = localToInstant(data.expires, timeZone);
		if (expiresAt <= publishedAt) {
			error(shown, 'expires', `is not after published (${data.published})`);
		}
		checkMedia(data.image, shown, 'image');
		if (data.image && !data.imageAlt) {
			error(shown, 'imageAlt', 'an image needs a text alternative for visitors who cannot see it');
		}
		return { ...data, ...item, publishedAt, expiresAt };
	});

	const services: Service[] = v.services.map(({ source, slug, data }) => ({
		...data,
		slug,
		file: source.shown
	}));

	const bulletins = checkBulletins(
		valid.bulletins,
		{ guides: new Map(guides.map((g) => [g.slug, g])), media: mediaSet, timeZone },
		problems
	);
	for (const slide of bulletins.playlists.flatMap((p) => p.slides)) {
		if (slide.kind === 'image' && mediaSet.has(slide.image)) referenced.add(slide.image);
	}
	const media = [...referenced].sort();
	const mediaBytes = checkMediaFiles(root, media, problems, options);
	for (const m of files.media.filter((f) => !referenced.has(f))) {
		problems.push({
			file: displayPath(path.join(root, m)),
			field: '',
			message: '没有任何内容引用此文件，它不会发布到终端',
			severity: 'warning'
		});
	}

	// Cross-references: every guide slug named elsewhere must exist.
	// Every guide file counts, even an invalid one, so one broken guide is reported once, not
	// again by each process or service that names it.
	const guideSlugs = new Set(
		files.collectionNames.guides
	);
	for (const it of [...processes, ...services]) {
		it.guides.forEach((ref, i) => {
			if (!guideSlugs.has(ref)) {
				error(it.file, `guides[${i}]`, `refers to guide "${ref}", which does not exist in content/guides`);
			}
		});
	}

	if (!site || problems.some((p) => p.severity === 'error')) return null;

	// A cancelled item (取消日期 reached) must not show as current: it leaves every page and the
	// search index with the next build. References to it from processes and services are dropped.
	const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
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
		dir: root,
		site,
		guides: currentGuides,
		processes,
		disclosures,
		notices,
		services,
		bulletins,
		media,
		version: { hash: contentHash(files, mediaBytes), loadedAt: new Date().toISOString() }
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
					'SVG contains script, event handlers or embedded HTML; export it again as a plain drawing',
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
