import { beforeEach, describe, expect, it } from 'vitest';
import { SAME_SEARCH_MS, ZERO_RESULT_EVENT, ZeroResultRecorder } from './zero-results';

describe('ZeroResultRecorder', () => {
	let kept: [string, string | null][];
	let now: number;
	let recorder: ZeroResultRecorder;
	beforeEach(() => {
		kept = [];
		now = 1_000_000;
		recorder = new ZeroResultRecorder(
			(q, replaces) => kept.push([q, replaces]),
			() => now
		);
	});

	it('stores a search at once', () => {
		recorder.offer('火星');
		expect(kept).toEqual([['火星', null]]);
	});

	it('counts refining one search as one: each version replaces the one before', () => {
		for (const q of ['月球', '月球签', '月球签证']) {
			recorder.offer(q);
			now += 2000;
		}
		expect(kept).toEqual([
			['月球', null],
			['月球签', '月球'],
			['月球签证', '月球签']
		]);
	});

	it('keeps different searches, the same one later, and a new visitor apart', () => {
		recorder.offer('火星');
		recorder.offer('火星');
		recorder.offer('月球');
		now += SAME_SEARCH_MS;
		recorder.offer('月球签证');
		recorder.forget();
		recorder.offer('月球签证处');
		expect(kept).toEqual([
			['火星', null],
			['月球', null],
			['月球签证', null],
			['月球签证处', null]
		]);
	});

	it('drops personal data and ignores malformed events', () => {
		const target = new EventTarget();
		const stop = recorder.listen(target);
		target.dispatchEvent(new CustomEvent(ZERO_RESULT_EVENT, { detail: { query: '13800138000' } }));
		target.dispatchEvent(new CustomEvent(ZERO_RESULT_EVENT, { detail: { query: 42 } }));
		target.dispatchEvent(new CustomEvent(ZERO_RESULT_EVENT));
		target.dispatchEvent(new CustomEvent(ZERO_RESULT_EVENT, { detail: { query: '退税' } }));
		stop();
		target.dispatchEvent(new CustomEvent(ZERO_RESULT_EVENT, { detail: { query: '不再记录' } }));
		expect(kept).toEqual([['退税', null]]);
	});
});
