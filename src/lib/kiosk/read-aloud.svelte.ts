/**
 * Read-aloud through the Web Speech API. Offered only when the device has a Mandarin voice
 * (./voice.ts); any touch stops it (EN 301 549 5.1.3: speech can be interrupted). One instance
 * for the whole kiosk, so that starting one reading stops any other.
 */
type SpeechEngine = typeof import('./speech-engine');

export class ReadAloud {
	available = $state(false);
	speaking = $state(false);
	/** What is being read (a section of the page), so its own button can show 停止. */
	source = $state<object | null>(null);
	#voice: SpeechSynthesisVoice | null = null;
	/** Events of a cancelled reading arrive late; only the current reading may end itself. */
	#reading = 0;
	/** Loaded by init(); until then no voice is picked and nothing is offered. */
	#engine: SpeechEngine | null = null;

	/** Voices load asynchronously in Chromium; listen until one arrives. */
	init(): () => void {
		if (typeof speechSynthesis === 'undefined') return () => {};
		let stopped = false;
		const pick = () => {
			if (!this.#engine) return;
			this.#voice = this.#engine.pickVoice(speechSynthesis.getVoices());
			this.available = this.#voice !== null;
		};
		speechSynthesis.addEventListener('voiceschanged', pick);
		void import('./speech-engine').then((engine) => {
			if (stopped) return;
			this.#engine = engine;
			pick();
		});
		return () => {
			stopped = true;
			speechSynthesis.removeEventListener('voiceschanged', pick);
			this.stop();
		};
	}

	speak(text: string, { rate, source = null }: { rate: number; source?: object | null }): void {
		if (!this.available || !this.#voice || !this.#engine || !text.trim()) return;
		speechSynthesis.cancel();
		const parts = this.#engine.chunks(text);
		const voice = this.#voice;
		const reading = ++this.#reading;
		this.speaking = true;
		this.source = source;
		const done = () => {
			if (reading !== this.#reading) return;
			this.speaking = false;
			this.source = null;
		};
		parts.forEach((part, i) => {
			const u = new SpeechSynthesisUtterance(part);
			u.voice = voice;
			// The voice's own tag: speech-dispatcher's Mandarin is `cmn`, not zh-CN.
			u.lang = voice.lang;
			u.rate = rate;
			if (i === parts.length - 1) u.onend = done;
			u.onerror = done;
			speechSynthesis.speak(u);
		});
	}

	/** Reads what a visitor sees of `element` (./readable-text.ts); stops when touched again. */
	toggle(element: Element | null | undefined, rate: number): void {
		if (this.speaking && this.source === (element ?? null)) return this.stop();
		if (!element || !this.#engine) return;
		const { readableText, isHidden } = this.#engine;
		this.speak(readableText(element, { isHidden }), { rate, source: element });
	}

	stop(): void {
		this.#reading += 1;
		if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
		this.speaking = false;
		this.source = null;
	}
}

export const speech = new ReadAloud();
