/**
 * Editors' Markdown becomes HTML at build time. Whatever they paste, no script, iframe, event
 * handler or non-http(s) link survives: the kiosk renders this HTML with {@html}.
 */
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { keepTogetherHtml } from '../../typography.ts';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const SANITIZE: sanitizeHtml.IOptions = {
	allowedTags: [
		'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'ul', 'ol', 'li', 'strong', 'em',
		'b', 'i', 'u', 's', 'del', 'sup', 'sub', 'code', 'pre', 'a', 'img', 'table', 'thead', 'tbody',
		'tr', 'th', 'td', 'caption', 'span', 'dl', 'dt', 'dd'
	],
	allowedAttributes: {
		a: ['href', 'title'],
		img: ['src', 'alt', 'title', 'width', 'height'],
		th: ['colspan', 'rowspan', 'align'],
		td: ['colspan', 'rowspan', 'align'],
		ol: ['start']
	},
	allowedSchemes: ['http', 'https'],
	allowedSchemesByTag: { img: [] },
	allowProtocolRelative: false,
	// An editor's `# 标题` would compete with the page's own h1.
	transformTags: { h1: 'h2' },
	disallowedTagsMode: 'discard'
};

export interface RenderedMarkdown {
	html: string;
	/** Plain text for search and read-aloud. */
	text: string;
	/** `media/…` paths referenced by images and links, for the existence check and the build. */
	media: string[];
}

export function renderMarkdown(source: string): RenderedMarkdown {
	const raw = marked.parse(source) as string;
	const media: string[] = [];
	const html = sanitizeHtml(raw, {
		...SANITIZE,
		transformTags: {
			...SANITIZE.transformTags,
			img: (tagName, attribs) => {
				const src = attribs.src ?? '';
				// Only images from content/media are allowed; they are served from /media/.
				const m = /^\/?(media\/[^?#]+)$/.exec(src);
				if (!m?.[1]) return { tagName: 'span', attribs: {} };
				media.push(m[1]);
				return { tagName, attribs: { ...attribs, src: '/' + m[1], loading: 'lazy' } };
			},
			// Links to other sites are marked external (the kiosk shows them as a QR code); links
			// inside the kiosk stay plain so the prerender crawler checks that they exist. A link
			// to a file in content/media is a reference like an image: only referenced media ship.
			a: (tagName, attribs) => {
				const href = attribs.href ?? '';
				const m = /^\/?(media\/[^?#]+)$/.exec(href);
				if (m?.[1]) {
					media.push(m[1]);
					return { tagName, attribs: { ...attribs, href: '/' + m[1] } };
				}
				return {
					tagName,
					attribs: /^https?:/i.test(href) ? { ...attribs, rel: 'external' } : attribs
				};
			}
		},
		allowedAttributes: {
			...SANITIZE.allowedAttributes,
			img: ['src', 'alt', 'title', 'width', 'height', 'loading'],
			a: ['href', 'title', 'rel']
		},
		allowedSchemesByTag: {}
	});
	const text = sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
		.replace(/&nbsp;/g, ' ')
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/\s+/g, ' ')
		.trim();
	// Phone numbers, 索引号 and “15 个工作日” stay on one line wherever the body wraps.
	return { html: keepTogetherHtml(html), text, media };
}
