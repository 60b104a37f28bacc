/**
 * Reads a content folder, validates every file and derives the typed collections the routes use.
 * All problems of all files are collected first; the caller decides whether errors are fatal.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type * as z from 'zod';
import {
	checkBulletins,
	closuresSchema,
	playlistSchema,
	screensSchema,
	type BulletinSources,
	type Bulletins
} from './bulletin-schema.ts';
import { problemsFromZod, type ContentProblem } from './errors.ts';
import { renderMarkdown } from './markdown.ts';
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
	/** `media/…` paths present in the content folder. */
	media: string[];
	version: ContentVersion;
}

export interface LoadResult {
	content: Content | null;
	problems: ContentProblem[];
}

const SLUG = /^[a-z0-9][a-z0-9-]*$/;
const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Shown as `content/…` when the folder is inside the working directory, else absolute. */
function displayPath(file: string): string {
	const rel = path.relative(process.cwd(), file);
	return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel.split(path.sep).join('/');
}

function listFiles(dir: string, extensions: string[]): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true })
		.filter((e) => e.isFile() && !e.name.startsWith('.') && extensions.includes(path.extname(e.name)))
		.map((e) => path.join(dir, e.name))
		.sort();
}

function listMedia(dir: string, prefix = 'media'): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		if (e.name.startsWith('.')) return [];
		const rel = `${prefix}/${e.name}`;
		return e.isDirectory() ? listMedia(path.join(dir, e.name), rel) : [rel];
	});
}

interface ParsedFile {
	data: unknown;
	body: string;
}

/** Splits front matter from body and parses the YAML, reporting syntax errors with their line. */
function parseFile(abs: string, shown: string, problems: ContentProblem[]): ParsedFile | null {
	const source = readFileSync(abs, 'utf8').replace(/^\uFEFF/, '');
	let yamlText = source;
	let body = '';
	let lineOffset = 0;
	if (abs.endsWith('.md')) {
		const m = FRONT_MATTER.exec(source);
		if (!m) {
			problems.push({
				file: shown,
				field: '',
				message: 'missing front matter: the file must start with a line "---", the fields, and another "---"',
				severity: 'error'
			});
			return null;
		}
		yamlText = m[1] ?? '';
		body = source.slice(m[0].length);
		lineOffset = 1;
	}
	const doc = parseDocument(yamlText, { prettyErrors: true, uniqueKeys: true });
	if (doc.errors.length > 0) {
		for (const err of doc.errors) {
			const line = (err.linePos?.[0]?.line ?? 0) + lineOffset;
			const reason = err.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '');
			problems.push({
				file: shown,
				field: '',
				message: `line ${line}: YAML syntax error: ${reason}`,
				severity: 'error'
			});
		}
		return null;
	}
	return { data: doc.toJS() ?? {}, body };
}

function validate<S extends z.ZodObject>(
	schema: S,
	parsed: ParsedFile,
	shown: string,
	problems: ContentProblem[]
): z.output<S> | null {
	if (typeof parsed.data !== 'object' || parsed.data === null || Array.isArray(parsed.data)) {
		problems.push({
			file: shown,
			field: '',
			message: 'expected fields (key: value lines)',
			severity: 'error'
		});
		return null;
	}
	// A misspelt optional field would otherwise vanish silently.
	const known = new Set(Object.keys(schema.shape));
	const unknown = Object.keys(parsed.data).filter((k) => !known.has(k));
	for (const key of unknown) {
		problems.push({
			file: shown,
			field: key,
			message: 'unknown field (check the spelling)',
			severity: 'error'
		});
	}
	const result = schema.safeParse(parsed.data, { reportInput: true });
	if (!result.success) {
		problems.push(...problemsFromZod(shown, result.error.issues));
		return null;
	}
	return unknown.length ? null : result.data;
}

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

function checkPhones(enquiry: string, complaint: string, field: string, shown: string, problems: ContentProblem[]) {
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

export function loadContent(dir: string): LoadResult {
	const problems: ContentProblem[] = [];
	const root = path.resolve(dir);
	const hash = createHash('sha256');
	if (!existsSync(root) || !statSync(root).isDirectory()) {
		problems.push({ file: displayPath(root), field: '', message: 'content folder not found', severity: 'error' });
		return { content: null, problems };
	}
	const media = listMedia(path.join(root, 'media'));
	const mediaSet = new Set(media);
	for (const m of media.filter((f) => f.toLowerCase().endsWith('.svg'))) {
		// An SVG is a document: one opened on its own could run script. Editors never need that.
		const svg = readFileSync(path.join(root, m), 'utf8');
		if (/<script|\son\w+\s*=|javascript:|<foreignObject/i.test(svg)) {
			problems.push({
				file: displayPath(path.join(root, m)),
				field: '',
				message: 'SVG contains script, event handlers or embedded HTML; export it again as a plain drawing',
				severity: 'error'
			});
		}
	}
	for (const m of media) hash.update(m).update(readFileSync(path.join(root, m)));

	const checkMedia = (ref: string | undefined, shown: string, field: string) => {
		if (ref && !mediaSet.has(ref)) {
			problems.push({ file: shown, field, message: `refers to ${ref}, which is not in the content/media folder`, severity: 'error' });
		}
	};

	/** Loads one collection folder; slugs come from file names and must be unique. */
	function collection<S extends z.ZodObject, T>(
		folder: string,
		extensions: string[],
		schema: S,
		derive: (data: z.output<S>, item: Item & Body, shown: string, media: string[]) => T | null
	): T[] {
		const seen = new Map<string, string>();
		const out: T[] = [];
		for (const abs of listFiles(path.join(root, folder), extensions)) {
			const shown = displayPath(abs);
			const slug = path.basename(abs, path.extname(abs));
			hash.update(path.relative(root, abs)).update(readFileSync(abs));
			if (!SLUG.test(slug)) {
				problems.push({ file: shown, field: '', message: `file name "${slug}" is not a valid slug: use lowercase letters, digits and -`, severity: 'error' });
				continue;
			}
			const dup = seen.get(slug.toLowerCase());
			if (dup) {
				problems.push({ file: shown, field: '', message: `duplicate slug "${slug}": ${dup} has the same name`, severity: 'error' });
				continue;
			}
			seen.set(slug.toLowerCase(), shown);
			const parsed = parseFile(abs, shown, problems);
			if (!parsed) continue;
			const data = validate(schema, parsed, shown, problems);
			if (!data) continue;
			const rendered = renderMarkdown(parsed.body);
			rendered.media.forEach((m, i) => checkMedia(m, shown, `body image ${i + 1}`));
			const item = derive(data, { slug, file: shown, html: rendered.html, text: rendered.text }, shown, rendered.media);
			if (item) out.push(item);
		}
		return out;
	}

	// site.yaml
	let site: Site | null = null;
	const siteFile = ['site.yaml', 'site.yml'].map((f) => path.join(root, f)).find((f) => existsSync(f));
	if (!siteFile) {
		problems.push({ file: displayPath(path.join(root, 'site.yaml')), field: '', message: 'site.yaml is missing', severity: 'error' });
	} else {
		const shown = displayPath(siteFile);
		hash.update(readFileSync(siteFile));
		const parsed = parseFile(siteFile, shown, problems);
		site = parsed ? validate(siteSchema, parsed, shown, problems) : null;
		if (site) checkPhones(site.enquiryPhone, site.complaintPhone, 'complaintPhone', shown, problems);
	}
	const timeZone = site?.timeZone ?? 'Asia/Shanghai';

	const guides = collection('guides', ['.md'], guideSchema, (data, item, shown) => {
		checkPhones(data.contact.enquiry.phone, data.contact.complaint.phone, 'contact.complaint.phone', shown, problems);
		checkMedia(data.flowChart, shown, 'flowChart');
		data.materials.forEach((m, i) => {
			checkMedia(m.blankForm, shown, `materials[${i}].blankForm`);
			checkMedia(m.sample, shown, `materials[${i}].sample`);
		});
		const toDays = (d: { value: number; unit: string }) => (d.unit === '小时' ? d.value / 24 : d.value);
		if (data.timeLimits.promised.unit === data.timeLimits.statutory.unit && toDays(data.timeLimits.promised) > toDays(data.timeLimits.statutory)) {
			problems.push({ file: shown, field: 'timeLimits.promised', message: 'the promised time limit is longer than the statutory one', severity: 'error' });
		}
		if (data.cancelled && data.cancelled <= data.published) {
			problems.push({ file: shown, field: 'cancelled', message: `is on or before published (${data.published})`, severity: 'error' });
		}
		return { ...data, ...item };
	});

	const processes = collection('processes', ['.md'], processSchema, (data, item) => ({ ...data, ...item }));

	const disclosures = collection('disclosure', ['.md'], disclosureSchema, (data, item, shown) => {
		if (data.annualReport) checkAnnualReport(data.annualReport, shown, problems);
		return { ...data, ...item };
	});
	const indexNos = new Map<string, string>();
	for (const d of disclosures) {
		const other = indexNos.get(d.indexNo);
		if (other) problems.push({ file: d.file, field: 'indexNo', message: `索引号 ${d.indexNo} is already used by ${other}`, severity: 'error' });
		indexNos.set(d.indexNo, d.file);
	}

	const notices = collection('notices', ['.md'], noticeSchema, (data, item, shown) => {
		const publishedAt = localToInstant(data.published, timeZone);
		const expiresAt = localToInstant(data.expires, timeZone);
		if (expiresAt <= publishedAt) {
			problems.push({ file: shown, field: 'expires', message: `is not after published (${data.published})`, severity: 'error' });
		}
		checkMedia(data.image, shown, 'image');
		if (data.image && !data.imageAlt) {
			problems.push({ file: shown, field: 'imageAlt', message: 'an image needs a text alternative for visitors who cannot see it', severity: 'error' });
		}
		return { ...data, ...item, publishedAt, expiresAt };
	});

	const services = collection('services', ['.yaml', '.yml'], serviceSchema, (data, item) => {
		const { slug, file } = item;
		return { ...data, slug, file };
	});

	const bulletins = loadBulletins(
		path.join(root, 'bulletins'),
		{ guides: new Map(guides.map((g) => [g.slug, g])), media: mediaSet, timeZone },
		hash,
		problems
	);

	// Cross-references: every guide slug named elsewhere must exist.
	// Every guide file counts, even an invalid one, so one broken guide is reported once, not
	// again by each process or service that names it.
	const guideSlugs = new Set(
		listFiles(path.join(root, 'guides'), ['.md']).map((f) => path.basename(f, '.md'))
	);
	for (const list of [processes, services]) {
		for (const it of list) {
			it.guides.forEach((ref, i) => {
				if (!guideSlugs.has(ref)) {
					problems.push({ file: it.file, field: `guides[${i}]`, message: `refers to guide "${ref}", which does not exist in content/guides`, severity: 'error' });
				}
			});
		}
	}

	if (!site || problems.some((p) => p.severity === 'error')) return { content: null, problems };

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
		content: {
			dir: root,
			site,
			guides: currentGuides,
			processes,
			disclosures,
			notices,
			services,
			bulletins,
			media,
			version: { hash: hash.digest('hex').slice(0, 12), loadedAt: new Date().toISOString() }
		},
		problems
	};
}

/**
 * `content/bulletins/`: `playlists/<id>.yaml`, plus optional `screens.yaml` and `closures.yaml`.
 * A missing folder means no playlists: the screens then show their default slide.
 */
function loadBulletins(
	dir: string,
	refs: Parameters<typeof checkBulletins>[1],
	hash: ReturnType<typeof createHash>,
	problems: ContentProblem[]
): Bulletins {
	const src: BulletinSources = { playlists: [], screens: null, closures: null };
	const read = <S extends z.ZodObject>(abs: string, schema: S) => {
		const shown = displayPath(abs);
		hash.update(path.relative(dir, abs)).update(readFileSync(abs));
		const parsed = parseFile(abs, shown, problems);
		return { shown, data: parsed ? validate(schema, parsed, shown, problems) : null };
	};
	for (const abs of listFiles(dir, ['.yaml', '.yml', '.md', '.json'])) {
		const name = path.basename(abs, path.extname(abs));
		if ((name === 'screens' || name === 'closures') && /\.ya?ml$/.test(abs)) {
			const { shown, data } =
				name === 'screens' ? read(abs, screensSchema) : read(abs, closuresSchema);
			if (data && 'screens' in data) src.screens = { file: shown, data };
			if (data && 'closures' in data) src.closures = { file: shown, data };
		} else {
			problems.push({
				file: displayPath(abs),
				field: '',
				message:
					'not a bulletin file: expected screens.yaml, closures.yaml or playlists/<id>.yaml',
				severity: 'error'
			});
		}
	}
	for (const abs of listFiles(path.join(dir, 'playlists'), ['.yaml', '.yml'])) {
		const id = path.basename(abs, path.extname(abs));
		if (!SLUG.test(id)) {
			problems.push({
				file: displayPath(abs),
				field: '',
				message: `file name "${id}" is not a valid playlist id: use lowercase letters, digits and -`,
				severity: 'error'
			});
			continue;
		}
		const { shown, data } = read(abs, playlistSchema);
		src.playlists.push({ id, file: shown, data });
	}
	return checkBulletins(src, refs, problems);
}
