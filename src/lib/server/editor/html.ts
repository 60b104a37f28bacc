/** Text and attribute values in the workbench's own HTML pages. */
export const escapeHtml = (s: string): string =>
	s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
