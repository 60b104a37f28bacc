/**
 * Content problems, phrased for editors: `content/guides/x.md: materials[2].copies: expected a
 * whole number, got "两份"`. The loader collects all of them before failing, never just the first.
 */
import type * as z from 'zod';

export type Severity = 'error' | 'warning';

export interface ContentProblem {
	/** Path as the editor sees it, e.g. `content/guides/x.md`. */
	file: string;
	/** Field path such as `materials[2].copies`; empty for whole-file problems. */
	field: string;
	message: string;
	severity: Severity;
}

export function formatFieldPath(path: ReadonlyArray<PropertyKey>): string {
	let out = '';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else out += out ? `.${String(key)}` : String(key);
	}
	return out;
}

export function formatProblem(p: ContentProblem): string {
	const where = p.field ? `${p.file}: ${p.field}` : p.file;
	return `${where}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}

function describeValue(value: unknown): string {
	if (typeof value === 'string') return JSON.stringify(value.length > 60 ? value.slice(0, 57) + '…' : value);
	if (value === null) return 'nothing (null)';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'a group of fields';
	return String(value);
}

/** Turns zod issues into editor-facing problems, with the offending value where it helps. */
export function problemsFromZod(file: string, issues: readonly z.core.$ZodIssue[]): ContentProblem[] {
	return issues.map((issue) => {
		const input = (issue as { input?: unknown }).input;
		let message = issue.message;
		if (issue.code === 'invalid_type' && input === undefined) {
			message = 'is required but missing';
		} else if (issue.code === 'unrecognized_keys') {
			message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')} (check the spelling)`;
		} else if (input !== undefined) {
			message += `, got ${describeValue(input)}`;
		}
		return { file, field: formatFieldPath(issue.path), message, severity: 'error' as const };
	});
}

/** Thrown by the loader when any content file has an error; carries every problem found. */
export class ContentValidationError extends Error {
	constructor(readonly problems: ContentProblem[]) {
		const errors = problems.filter((p) => p.severity === 'error');
		super(
			`Content has ${errors.length} error${errors.length === 1 ? '' : 's'}:\n` +
				errors.map((p) => '  ' + formatProblem(p)).join('\n')
		);
		this.name = 'ContentValidationError';
	}
}
