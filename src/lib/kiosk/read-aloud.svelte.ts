/**
 * Read-aloud through the Web Speech API. Offered only when the device has a Chinese voice; any
 * touch stops it (EN 301 549 5.1.3: speech can be interrupted).
 */
const LANG = 'zh-CN';
/** Long pages are spoken in pieces: some engines cut off utterances after ~15 s of speech. */
const MAX_CHUNK = 180;

function chunks(text: string): string[] {
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

export class ReadAloud {
	available = $state(false);
	speaking = $state(false);
	#voice: SpeechSynthesisVoice | null = null;

	/** Voices load asynchronously in Chromium; listen until one arrives. */
	init(): () => void {
		if (typeof speechSynthesis === 'undefined') return () => {};
		const pick = () => {
			this.#voice =
				speechSynthesis.getVoices().find((v) => v.lang.replace('_', '-').startsWith('zh')) ?? null;
			this.available = this.#voice !== null;
		};
		pick();
		speechSynthesis.addEventListener('voiceschanged', pick);
		return () => {
			speechSynthesis.removeEventListener('voiceschanged', pick);
			this.stop();
		};
	}

	speak(text: string): void {
		if (!this.available || !text.trim()) return;
		speechSynthesis.cancel();
		const parts = chunks(text);
		this.speaking = true;
		parts.forEach((part, i) => {
			const u = new SpeechSynthesisUtterance(part);
			u.lang = LANG;
			if (this.#voice) u.voice = this.#voice;
			u.rate = 0.9;
			if (i === parts.length - 1) u.onend = () => (this.speaking = false);
			u.onerror = () => (this.speaking = false);
			speechSynthesis.speak(u);
		});
	}

	stop(): void {
		if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
		this.speaking = false;
	}
}
