/**
 * The part of read-aloud that loads beside hydration rather than ahead of the first paint:
 * choosing the voice, walking the page for what a visitor sees, splitting long text.
 */
import type { ReadableNode } from './readable-text';

export { pickVoice } from './voice';
export { readableText } from './readable-text';

/** Not rendered (display: none, e.g. the print-only lines): not read either. */
export const isHidden = (node: ReadableNode) => node instanceof Element && !node.checkVisibility();

/** Long pages are spoken in pieces: some engines cut off utterances after ~15 s of speech. */
const MAX_CHUNK = 180;

export function chunks(text: string): string[] {
	const sentences = text.match(/[^。！？!?；;\n]+[。！？!?；;\n]?/g) ?? [text];
	const out: string[] = [];
	let current = '';
	for (const s of sentences) {
		if ((current + s).length > MAX_CHUNK && current) {
			out.push(current);
			current = '';
		}
		current += s;
	}
	if (current.trim()) out.push(current);
	return out;
}
