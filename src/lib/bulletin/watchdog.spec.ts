import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Watchdog } from './watchdog.ts';

describe('watchdog', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	function setup(limit = 60_000) {
		const onStall = vi.fn();
		const onGiveUp = vi.fn();
		const dog = new Watchdog({ limit: () => limit, onStall, onGiveUp, clock: () => Date.now() });
		const stop = dog.start();
		return { dog, onStall, onGiveUp, stop };
	}

	it('stays quiet while the rotation moves', () => {
		const { dog, onStall, stop } = setup();
		for (let i = 0; i < 100; i++) {
			vi.advanceTimersByTime(15_000);
			dog.progress();
		}
		expect(onStall).not.toHaveBeenCalled();
		stop();
	});

	it('restarts a rotation that stopped for longer than the limit', () => {
		const { onStall, stop } = setup();
		vi.advanceTimersByTime(60_000);
		expect(onStall).not.toHaveBeenCalled();
		vi.advanceTimersByTime(5_000);
		expect(onStall).toHaveBeenCalledTimes(1);
		stop();
	});

	it('reloads the page when restarts do not help', () => {
		const { onStall, onGiveUp, stop } = setup();
		vi.advanceTimersByTime(3 * 65_000);
		expect(onStall).toHaveBeenCalledTimes(2);
		expect(onGiveUp).toHaveBeenCalledTimes(1);
		stop();
	});

	it('forgets stalls long past', () => {
		const { dog, onStall, onGiveUp, stop } = setup();
		for (let day = 0; day < 5; day++) {
			vi.advanceTimersByTime(65_000); // one stall…
			for (let i = 0; i < 240; i++) {
				vi.advanceTimersByTime(15_000); // …then an hour of normal running
				dog.progress();
			}
		}
		expect(onStall).toHaveBeenCalledTimes(5);
		expect(onGiveUp).not.toHaveBeenCalled();
		stop();
	});

	it('stops checking when stopped', () => {
		const { onStall, stop } = setup();
		stop();
		vi.advanceTimersByTime(600_000);
		expect(onStall).not.toHaveBeenCalled();
	});
});
