import { describe, expect, it } from 'vitest';
import { speechRate } from './speech-rate';
import { pickVoice, voiceRank, type VoiceLike } from './voice';

const v = (lang: string, name = lang, localService = true): VoiceLike => ({
	name,
	lang,
	localService
});

/** What Chromium lists with speech-dispatcher and espeak-ng on the reference terminal. */
const ESPEAK = [
	v('en-GB', 'English (Great Britain) espeak-ng'),
	v('yue', 'Chinese (Cantonese) espeak-ng'),
	v('yue', 'Chinese (Cantonese, latin as Jyutping) espeak-ng'),
	v('cmn-latn-pinyin', 'Chinese (Mandarin, latin as Pinyin) espeak-ng'),
	v('cmn', 'Chinese (Mandarin, latin as English) espeak-ng'),
	v('cmn', 'Chinese (Mandarin, latin as English)+Adam espeak-ng')
];

describe('voiceRank', () => {
	it('takes Mandarin however the engine names it', () => {
		expect(voiceRank(v('zh-CN'))).toBe(0);
		expect(voiceRank(v('zh_CN'))).toBe(0);
		expect(voiceRank(v('zh-Hans-CN'))).toBe(0);
		expect(voiceRank(v('cmn-Hans-CN'))).toBe(0);
		expect(voiceRank(v('zh-cmn-Hans'))).toBe(0);
		expect(voiceRank(v('cmn'))).toBe(1);
		expect(voiceRank(v('zh'))).toBe(1);
		expect(voiceRank(v('zh-TW'))).toBe(2);
		expect(voiceRank(v('cmn-latn-pinyin'))).toBe(3);
	});

	it('never takes Cantonese or other Chinese languages', () => {
		for (const lang of ['yue', 'zh-HK', 'zh-yue', 'yue-HK', 'zh-MO', 'zh-min-nan', 'hak', 'nan']) {
			expect(voiceRank(v(lang)), lang).toBeNull();
		}
		expect(voiceRank(v('zh-CN', 'Microsoft Cantonese voice'))).toBeNull();
		expect(voiceRank(v('zh', '粤语'))).toBeNull();
	});

	it('never takes other languages', () => {
		for (const lang of ['en-US', 'ja-JP', 'ko', 'cy', ''])
			expect(voiceRank(v(lang)), lang).toBeNull();
	});
});

describe('pickVoice', () => {
	it('picks espeak-ng Mandarin (lang cmn) on the reference terminal, not Cantonese or pinyin', () => {
		expect(pickVoice(ESPEAK)?.name).toBe('Chinese (Mandarin, latin as English) espeak-ng');
	});

	it('prefers zh-CN, then Mandarin without region, then zh-TW', () => {
		expect(pickVoice([v('zh-TW'), v('cmn'), v('zh-CN')])?.lang).toBe('zh-CN');
		expect(pickVoice([v('zh-TW'), v('cmn')])?.lang).toBe('cmn');
		expect(pickVoice([v('yue'), v('zh-TW'), v('en-US')])?.lang).toBe('zh-TW');
	});

	it('prefers a voice on the device to a network voice of the same kind', () => {
		const picked = pickVoice([v('zh-CN', 'Google 普通话', false), v('zh-CN', 'Local')]);
		expect(picked?.name).toBe('Local');
	});

	it('finds none (so no read-aloud button) without a Mandarin voice', () => {
		expect(pickVoice([])).toBeNull();
		expect(pickVoice([v('en-US'), v('yue'), v('zh-HK')])).toBeNull();
	});
});

describe('speechRate', () => {
	it('reads slower in elder mode', () => {
		expect(speechRate(true)).toBeLessThan(speechRate(false));
		expect(speechRate(true)).toBeGreaterThanOrEqual(0.5);
	});
});
