import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ZERO_RESULT_EVENT, ZeroResultRecorder } from './zero-results';

describe('ZeroResultRecorder', () => {
	let kept: string[];
	let recorder: ZeroResultRecorder;
	beforeEach(() => {
		vi.useFakeTimers();
		kept = [];
		recorder = new ZeroResultRecorder((q) => kept.push(q), 4000);
	});
	afterEach(() => vi.useRealTimers());

	it('keeps a query once the visitor stops changing it', () => {
		recorder.offer('火星');
		vi.advanceTimersByTime(3000);
		expect(kept).toEqual([]);
		vi.advanceTimersByTime(1000);
		expect(kept).toEqual(['火星']);
	});

	it('counts typing and correcting one search as one, the last version', () => {
		for (const q of ['月球', '月球签', '月球签证x', '月球签证']) recorder.offer(q);
		vi.advanceTimersByTime(4000);
		expect(kept).toEqual(['月球签证']);
	});

	it('keeps different searches apart', () => {
		recorder.offer('火星');
		recorder.offer('月球');
		recorder.flush();
		expect(kept).toEqual(['火星', '月球']);
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
		recorder.flush();
		expect(kept).toEqual(['退税']);
	});
});
