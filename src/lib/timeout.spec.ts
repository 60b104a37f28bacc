import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withTimeout } from './timeout';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('withTimeout', () => {
	it('passes on what settles in time and leaves no timer behind', async () => {
		await expect(withTimeout(Promise.resolve(7), 1000)).resolves.toBe(7);
		await expect(withTimeout(Promise.reject(new Error('no')), 1000)).rejects.toThrow('no');
		expect(vi.getTimerCount()).toBe(0);
	});

	it('rejects with the message once the time is up, not before', async () => {
		const never = new Promise<number>(() => {});
		const raced = withTimeout(never, 1000, 'too slow');
		const seen = vi.fn();
		raced.catch(seen);
		await vi.advanceTimersByTimeAsync(999);
		expect(seen).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(1);
		await expect(raced).rejects.toThrow('too slow');
	});
});
