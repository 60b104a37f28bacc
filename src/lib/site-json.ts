/**
 * `/site.json` as the browser receives it: the office facts and the content version, written by
 * the build from content the server already checked (zod, `$lib/server/content`). What arrives
 * may still be cut short or mixed up (a half-copied deploy, a damaged cache), so its shape is
 * checked here before any screen relies on it: the facts every screen reads, field by field.
 */
import * as v from 'valibot';
import type { ContentVersion, Site } from '$lib/server/content';

const text = v.string();
const number = v.pipe(v.number(), v.finite());

const SiteShape = v.looseObject({
	name: text,
	hallName: text,
	address: text,
	hours: v.pipe(v.array(v.object({ days: text, time: text })), v.minLength(1)),
	enquiryPhone: text,
	complaintPhone: text,
	windows: v.pipe(
		v.array(v.looseObject({ number: text, name: text, services: v.array(text) })),
		v.minLength(1)
	),
	publicBaseUrl: text,
	timeZone: text,
	kiosk: v.looseObject({
		idleTimeoutSeconds: number,
		idleCountdownSeconds: number,
		updateCheckMinutes: number
	}),
	frequentSearches: v.array(text)
});

const SiteJson = v.object({
	site: SiteShape,
	contentVersion: v.object({ hash: text, loadedAt: text })
});

export interface SiteData {
	site: Site;
	contentVersion: ContentVersion;
}

/** The checked document, or null when it is not a complete site.json of this app. */
export function parseSiteJson(document: unknown): SiteData | null {
	const result = v.safeParse(SiteJson, document);
	if (!result.success) return null;
	// The fields checked above are the ones the screens depend on; the rest came from the same
	// build's zod-checked content, in the same file.
	return { site: result.output.site as Site, contentVersion: result.output.contentVersion };
}

/** What a terminal says when site.json is missing or damaged (shown on the static error page). */
export const SITE_JSON_PROBLEM =
	'站点信息文件（site.json）缺失或损坏，终端暂时无法显示内容。请联系技术人员重新发布。';
