/**
 * Files under /media/ (flow charts, blank forms, samples) never open as a bare page, which would
 * leave the visitor without the toolbar or the idle reset: pictures open in the kiosk's own
 * viewer, other files (PDF forms) as a QR code to take them away on a phone.
 */
export type MediaKind = 'image' | 'document';

export interface MediaLink {
	/** The file's path on this site, e.g. /media/form.pdf. */
	path: string;
	kind: MediaKind;
	/** The file's own name. */
	name: string;
	/** What the link said (e.g. 空白表格), when it said anything. */
	label?: string;
}

const IMAGE = /\.(png|jpe?g|webp|gif|svg)$/i;

export function mediaLink(href: string, origin: string): MediaLink | null {
	let url: URL;
	try {
		url = new URL(href, origin);
	} catch {
		return null;
	}
	if (url.origin !== origin || !url.pathname.startsWith('/media/')) return null;
	const path = url.pathname;
	let name = path.slice(path.lastIndexOf('/') + 1);
	try {
		name = decodeURIComponent(name);
	} catch {
		// A malformed escape: show the name as it is.
	}
	return { path, kind: IMAGE.test(path) ? 'image' : 'document', name };
}

/** The address a phone can open: the office's public site, not the terminal's own server. */
export function publicFileUrl(path: string, publicBaseUrl: string): string {
	return `${publicBaseUrl.replace(/\/$/, '')}${path}`;
}
