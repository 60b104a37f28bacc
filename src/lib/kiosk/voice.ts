/**
 * Which of the device's voices reads the kiosk aloud. Speech engines name Mandarin in several ways:
 * browsers with the system's voices say `zh-CN`, espeak-ng through speech-dispatcher says `cmn`
 * (and `cmn-latn-pinyin` for its variant that reads Latin letters as pinyin). Cantonese (`yue`,
 * `zh-HK`) and other Chinese languages would read the characters in a voice visitors here do
 * not expect, so they are never picked; no Mandarin voice means no read-aloud button.
 */
export interface VoiceLike {
	name: string;
	lang: string;
	localService: boolean;
	default?: boolean;
}

const NOT_MANDARIN_NAME = /cantonese|粤|粵|hakka|客家|min nan|閩南|闽南|wu\b|吴语|吳語|shanghai/i;
const MAINLAND = new Set(['cn', 'hans', 'sg']);
const TRADITIONAL = new Set(['tw', 'hant']);
const NOT_MANDARIN_REGION = new Set(['hk', 'mo']);

/**
 * How well a voice fits, lower is better: 0 Mainland Mandarin (zh-CN, cmn-Hans-CN), 1 Mandarin
 * with no region (zh, cmn), 2 Taiwan Mandarin (zh-TW), 3 a variant reading Latin letters as
 * pinyin; null for anything that is not Mandarin.
 */
export function voiceRank(voice: VoiceLike): number | null {
	if (NOT_MANDARIN_NAME.test(voice.name)) return null;
	const [primary, ...rest] = voice.lang.trim().toLowerCase().replaceAll('_', '-').split('-');
	let tags = rest;
	if (primary === 'zh') {
		// zh-cmn-… is Mandarin; zh-yue, zh-hak, zh-min-nan… are other languages.
		if (tags[0] === 'cmn') tags = tags.slice(1);
		else if (tags[0] && /^[a-z]{3}$/.test(tags[0])) return null;
	} else if (primary !== 'cmn') return null;
	if (tags.some((t) => NOT_MANDARIN_REGION.has(t))) return null;
	if (tags.includes('latn') || tags.includes('pinyin')) return 3;
	if (tags.some((t) => MAINLAND.has(t))) return 0;
	if (tags.some((t) => TRADITIONAL.has(t))) return 2;
	return 1;
}

/**
 * The best Mandarin voice, or null. Among equals an on-device voice wins (the terminal may be
 * offline), then the engine's default, then the engine's own order.
 */
export function pickVoice<V extends VoiceLike>(voices: readonly V[]): V | null {
	let best: { voice: V; key: number } | null = null;
	for (const voice of voices) {
		const rank = voiceRank(voice);
		if (rank === null) continue;
		const key = rank * 4 + (voice.localService ? 0 : 2) + (voice.default ? 0 : 1);
		if (!best || key < best.key) best = { voice, key };
	}
	return best?.voice ?? null;
}
