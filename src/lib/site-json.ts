/**
 * `/site.json` as the browser receives it: the office facts and the content version, written by
 * the build from content the server already checked (zod, `$lib/server/content`). What arrives
 * may still be cut short or mixed up (a half-copied deploy, a damaged cache), so its shape is
 * checked here before any screen relies on it: the facts every screen reads, field by field.
 */
import type { ContentVersion, Site } from '$lib/server/content';

/*
 * A few lines of checks instead of a schema library: this runs on every page's first paint, and
 * the shape is small and fixed.
 */
type Check = (value: unknown) => boolean;

const text: Check = (value) => typeof value === 'string';
const number: Check = (value) => typeof value === 'number' && Number.isFinite(value);
const record = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
/** An object with at least these fields (others pass through). */
const shape =
	(fields: Record<string, Check>): Check =>
	(value) =>
		record(value) && Object.entries(fields).every(([key, check]) => check(value[key]));
const list =
	(item: Check, min = 0): Check =>
	(value) =>
		Array.isArray(value) && value.length >= min && value.every(item);

const siteShape = shape({
	name: text,
	hallName: text,
	address: text,
	hours: shape({ days: list(number, 1), sessions: list(shape({ from: text, to: text }), 1) }),
	enquiryPhone: text,
	complaintPhone: text,
	windows: list(shape({ number: text, name: text, services: list(text) }), 1),
	publicBaseUrl: text,
	timeZone: text,
	kiosk: shape({
		idleTimeoutSeconds: number,
		idleCountdownSeconds: number,
		updateCheckMinutes: number
	}),
	frequentSearches: list(text)
});
const versionShape = shape({ hash: text, loadedAt: text });

export interface SiteData {
	site: Site;
	contentVersion: ContentVersion;
}

/** The checked document, or null when it is not a complete site.json of this app. */
export function parseSiteJson(document: unknown): SiteData | null {
	if (!record(document) || !siteShape(document.site) || !versionShape(document.contentVersion)) {
		return null;
	}
	// The fields checked above are the ones the screens depend on; the rest came from the same
	// build's zod-checked content, in the same file.
	return {
		site: document.site as Site,
		contentVersion: document.contentVersion as ContentVersion
	};
}

/** What a terminal says when site.json is missing or damaged (shown on the static error page). */
export const SITE_JSON_PROBLEM =
	'站点信息文件（site.json）缺失或损坏，终端暂时无法显示内容。请联系技术人员重新发布。';
