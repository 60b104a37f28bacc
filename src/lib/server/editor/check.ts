/**
 * The content check inside the workbench: the same check as `content:check` and every build, run
 * again whenever a file in the content folder changes (a save from the forms), so the editor sees
 * at once whether what they saved would be published, and what to fix, in Chinese.
 */
import { watch, type FSWatcher } from 'node:fs';
import { formatProblem, loadContent } from '../content/index.ts';

/** A burst of writes (the CMS saves a file and maybe its media) is checked once. */
const SETTLE_MS = 300;
/** Without file events (a folder the system cannot watch), check again at most this often. */
const RECHECK_MS = 2_000;
/** How many recently saved files the workbench names. */
const RECENT_FILES = 5;

export interface CheckedProblem {
	file: string;
	severity: 'error' | 'warning';
	text: string;
}

export interface CheckResult {
	checkedAt: string;
	errors: number;
	warnings: number;
	/** One line on what is there, when the check passes. */
	summary: string;
	/** The content version a build of this folder would carry; null while there are errors. */
	version: string | null;
	problems: CheckedProblem[];
	/** Files changed since the workbench started, the latest first, as `guides/x.md`. */
	recent: { file: string; errors: number; warnings: number }[];
}

export class ContentCheck {
	#dir: string;
	#result: CheckResult | null = null;
	#recent: string[] = [];
	#timer: ReturnType<typeof setTimeout> | undefined;
	#watcher: FSWatcher | null = null;
	#checkedAtMs = 0;

	constructor(dir: string) {
		this.#dir = dir;
		try {
			this.#watcher = watch(dir, { recursive: true }, (_event, name) => {
				if (name) this.#saved(String(name).split('\\').join('/'));
			});
		} catch {
			this.#watcher = null;
		}
	}

	/** The latest result (checking first when nothing has been checked, or cannot be watched). */
	result(): CheckResult {
		if (!this.#result || (!this.#watcher && Date.now() - this.#checkedAtMs > RECHECK_MS)) {
			this.#run();
		}
		return this.#result!;
	}

	/** Checks again now (before publishing: a save a moment ago may not have settled yet). */
	checkNow(): CheckResult {
		clearTimeout(this.#timer);
		this.#run();
		return this.#result!;
	}

	close(): void {
		clearTimeout(this.#timer);
		this.#watcher?.close();
	}

	/** The check's messages for one file (`guides/x.md`). */
	problemsOf(file: string): string[] {
		return this.result()
			.problems.filter((p) => p.file === file || p.file.endsWith(`/${file}`))
			.map((p) => p.text);
	}

	#saved(file: string): void {
		// Editors' temporary and hidden files (.git, ~$ lock files of Office) are not content.
		if (file.split('/').some((part) => part.startsWith('.') || part.startsWith('~'))) return;
		// A folder's own change event comes with every file written into it.
		if (!/\.[A-Za-z0-9]+$/.test(file)) return;
		this.#recent = [file, ...this.#recent.filter((f) => f !== file)].slice(0, RECENT_FILES);
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => this.#run(), SETTLE_MS);
	}

	#run(): void {
		const { content, problems } = loadContent(this.#dir);
		this.#checkedAtMs = Date.now();
		const errors = problems.filter((p) => p.severity === 'error');
		const ofFile = (file: string) => (p: { file: string }) =>
			p.file === file || p.file.endsWith(`/${file}`);
		// The files just saved first: that is what the editor is looking for.
		const rank = (p: { file: string }) => {
			const i = this.#recent.findIndex((f) => ofFile(f)(p));
			return i < 0 ? RECENT_FILES : i;
		};
		const sorted = [...problems].sort(
			(a, b) =>
				rank(a) - rank(b) || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1)
		);
		this.#result = {
			checkedAt: new Date(this.#checkedAtMs).toISOString(),
			errors: errors.length,
			warnings: problems.length - errors.length,
			version: content?.version.hash ?? null,
			summary: content
				? `办事指南 ${content.guides.length} 项，办事流程 ${content.processes.length} 项，` +
					`政务公开 ${content.disclosures.length} 项，通知公告 ${content.notices.length} 项，` +
					`在线服务 ${content.services.length} 项`
				: '',
			problems: sorted.map((p) => ({ file: p.file, severity: p.severity, text: formatProblem(p) })),
			recent: this.#recent.map((file) => {
				const own = problems.filter(ofFile(file));
				const ownErrors = own.filter((p) => p.severity === 'error').length;
				return { file, errors: ownErrors, warnings: own.length - ownErrors };
			})
		};
	}
}
