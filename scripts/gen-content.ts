/**
 * `npm run gen:content -- --items N --out DIR [--seed S] [--force]`: writes a synthetic but valid
 * content folder of N items (10% guides, 80% disclosure items, 10% notices, plus a few processes
 * and online services) in the domain of a provincial Economic and Information Commission, so every
 * cost can be measured at any size with `CONTENT_DIR=DIR`. The same N and seed always give the
 * same bytes: figures taken on two machines are taken on the same corpus.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	flowChartSvg,
	makeAnnualReport,
	makeDisclosure,
	makeGuide,
	makeNotice,
	makeProcess,
	makeService,
	type GeneratedGuide
} from './gen-content/generators.ts';
import { DISCLOSURE_KINDS } from './gen-content/phrasing.ts';
import { isoDate, pad, randomDate, Rng } from './gen-content/random.ts';
import { OFFICE, THEMES } from './gen-content/vocabulary.ts';

/** Written at the root of a generated folder; only such a folder is ever overwritten. */
const MARKER = '.generated-content';
const FOLDERS = ['guides', 'disclosure', 'notices', 'processes', 'services', 'media'];
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface GenerateOptions {
	items: number;
	out: string;
	seed?: number;
	/** Overwrite a non-empty folder that this script did not write. */
	force?: boolean;
	/** site.yaml to copy; defaults to the repository's content/site.yaml. */
	siteFile?: string;
}

export interface GenerateSummary {
	guides: number;
	disclosures: number;
	notices: number;
	processes: number;
	services: number;
	media: number;
	files: number;
	bytes: number;
}

function prepareFolder(out: string, force: boolean): void {
	if (existsSync(out)) {
		const entries = readdirSync(out);
		if (entries.length > 0 && !entries.includes(MARKER) && !force) {
			throw new Error(
				`${out} is not empty and was not written by gen:content; choose another --out or pass --force`
			);
		}
		for (const f of [...FOLDERS, 'site.yaml'])
			rmSync(path.join(out, f), { recursive: true, force: true });
	}
	for (const f of FOLDERS) mkdirSync(path.join(out, f), { recursive: true });
	writeFileSync(path.join(out, MARKER), 'Written by `npm run gen:content`; safe to delete.\n');
}

export function generateContent(options: GenerateOptions): GenerateSummary {
	const { items, out, seed = 1, force = false } = options;
	if (!Number.isInteger(items) || items < 10)
		throw new Error('--items must be a whole number of at least 10');
	const rng = new Rng(seed);
	const nGuides = Math.max(1, Math.round(items * 0.1));
	const nNotices = Math.max(1, Math.round(items * 0.1));
	const nDisclosures = items - nGuides - nNotices;
	const nProcesses = Math.min(40, Math.max(3, Math.round(items / 250)));
	const nServices = Math.min(24, Math.max(4, Math.round(items / 400)));

	prepareFolder(out, force);
	let files = 0;
	let bytes = 0;
	const write = (rel: string, text: string) => {
		writeFileSync(path.join(out, rel), text);
		files++;
		bytes += Buffer.byteLength(text);
	};

	const siteFile =
		options.siteFile ??
		[path.join(REPO, 'content/site.yaml'), path.join(REPO, 'tests/fixtures/good/site.yaml')].find(
			(f) => existsSync(f)
		);
	if (!siteFile) throw new Error('no site.yaml to copy (content/site.yaml is missing)');
	write('site.yaml', readFileSync(siteFile, 'utf8'));

	const guides: GeneratedGuide[] = [];
	const flowCharts = new Set<string>();
	for (let i = 0; i < nGuides; i++) {
		const g = makeGuide(rng, i, flowCharts);
		write(`guides/${g.slug}.md`, g.text);
		guides.push({ slug: g.slug, theme: g.theme });
	}
	for (const theme of THEMES.filter((t) => flowCharts.has(t.slug))) {
		write(`media/flow-${theme.slug}.svg`, flowChartSvg(theme));
	}

	// 索引号 are numbered per year in publication order, as the seed's 430S00720/2015-40731.
	const firstYear = 2014;
	const lastYear = 2025;
	const reportYears = Math.min(
		lastYear - firstYear + 1,
		Math.max(1, Math.round(nDisclosures / 600))
	);
	const perYear = new Map<number, number>();
	const indexNo = (year: number) => {
		const n = (perYear.get(year) ?? 0) + 1;
		perYear.set(year, n);
		return `430S00720/${year}-${pad(n, 5)}`;
	};
	for (let i = 0; i < nDisclosures; i++) {
		const theme = rng.pick(THEMES);
		if (i < reportYears) {
			// Annual reports are published each March for the year before.
			const year = lastYear - 1 - i;
			const date = isoDate(year + 1, 3, rng.int(10, 31));
			const text = makeDisclosure(
				rng,
				indexNo(+date.slice(0, 4)),
				'公开年报',
				`${OFFICE}${year}年政府信息公开工作年度报告`,
				date,
				theme,
				makeAnnualReport(rng, year)
			);
			write(`disclosure/annual-report-${year}.md`, text);
			continue;
		}
		const [category, , title] = rng.weighted(DISCLOSURE_KINDS.map((k) => [k, k[1]] as const));
		const date = randomDate(rng, firstYear, lastYear);
		const year = +date.slice(0, 4);
		const no = indexNo(year);
		write(
			`disclosure/gk-${year}-${no.slice(-5)}.md`,
			makeDisclosure(rng, no, category, title(rng, year, theme), date, theme)
		);
	}

	for (let i = 0; i < nNotices; i++) {
		const published = randomDate(rng, 2016, 2026);
		write(
			`notices/notice-${published.slice(0, 4)}-${pad(i + 1, 5)}.md`,
			makeNotice(rng, published, rng.pick(THEMES))
		);
	}
	for (let i = 0; i < nProcesses; i++) {
		write(`processes/process-${pad(i + 1, 3)}.md`, makeProcess(rng, i, guides));
	}
	for (let i = 0; i < nServices; i++) {
		const s = makeService(rng, i, guides);
		write(`services/${s.slug}.yaml`, s.text);
	}

	return {
		guides: nGuides,
		disclosures: nDisclosures,
		notices: nNotices,
		processes: nProcesses,
		services: nServices,
		media: flowCharts.size,
		files,
		bytes
	};
}

function parseArgs(argv: string[]): GenerateOptions {
	const opts: Partial<GenerateOptions> = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const value = () => {
			const v = argv[++i];
			if (v === undefined) throw new Error(`${arg} needs a value`);
			return v;
		};
		if (arg === '--items') opts.items = Number(value().replace(/[,_]/g, ''));
		else if (arg === '--out') opts.out = path.resolve(value());
		else if (arg === '--seed') opts.seed = Number(value());
		else if (arg === '--force') opts.force = true;
		else throw new Error(`unknown argument ${arg}`);
	}
	if (!opts.items || !opts.out)
		throw new Error('usage: npm run gen:content -- --items N --out DIR [--seed S] [--force]');
	return opts as GenerateOptions;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	try {
		const opts = parseArgs(process.argv.slice(2));
		const t0 = performance.now();
		const s = generateContent(opts);
		const ms = performance.now() - t0;
		console.log(
			`✓ ${opts.out}: ${s.guides} guides, ${s.disclosures} disclosure items, ${s.notices} notices, ` +
				`${s.processes} processes, ${s.services} services, ${s.media} media files ` +
				`(${s.files} files, ${(s.bytes / 1e6).toFixed(1)} MB) in ${(ms / 1000).toFixed(1)} s. ` +
				`Check it with CONTENT_DIR=${opts.out} npm run content:check`
		);
	} catch (e) {
		console.error(`✗ ${e instanceof Error ? e.message : String(e)}`);
		process.exit(1);
	}
}
