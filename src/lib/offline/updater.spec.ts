import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	MAX_RELOADS,
	RELOAD_MARK,
	RELOAD_RETRY_MS,
	RELOAD_STUCK_MS,
	TAKEOVER_WAIT_MS
} from './reload';
import { OfflineState } from './state.svelte';
import { Updater, type WorkboxLike } from './updater';

// IndexedDB is not there in Node; what the updater writes to it is not under test here.
vi.mock('./db', () => ({ putSetting: vi.fn(() => Promise.resolve()) }));

/** A registration with a running version and a downloaded one waiting for a safe moment. */
class FakeRegistration extends EventTarget {
	active: object | null = {};
	waiting: object | null = {};
	installing: object | null = null;
}

/** navigator.serviceWorker: the page is controlled, and the test fires `controllerchange`. */
class FakeContainer extends EventTarget {
	controller: object | null = null;
	ready = new Promise<never>(() => {});
}

class FakeStorage {
	#items = new Map<string, string>();
	getItem(key: string) {
		return this.#items.get(key) ?? null;
	}
	setItem(key: string, value: string) {
		this.#items.set(key, value);
	}
	removeItem(key: string) {
		this.#items.delete(key);
	}
}

let page: EventTarget;
let container: FakeContainer;
let storage: FakeStorage;

beforeEach(() => {
	vi.useFakeTimers({
		toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance']
	});
	vi.setSystemTime(new Date('2026-05-03T06:00:00Z'));
	page = new EventTarget();
	container = new FakeContainer();
	storage = new FakeStorage();
	vi.stubGlobal('window', page);
	vi.stubGlobal('navigator', { onLine: true, serviceWorker: container });
	vi.stubGlobal('sessionStorage', storage);
});

afterEach(() => {
	vi.unstubAllGlobals();
	vi.useRealTimers();
});

async function started() {
	const registration = new FakeRegistration();
	const workbox = {
		register: vi.fn(() => Promise.resolve(registration as unknown as ServiceWorkerRegistration)),
		update: vi.fn(() => Promise.resolve()),
		messageSkipWaiting: vi.fn()
	};
	const reload = vi.fn();
	const updater = new Updater({
		state: new OfflineState(),
		intervalMinutes: 15,
		reload,
		probe: () => Promise.resolve(true),
		createWorkbox: () => workbox as unknown as WorkboxLike
	});
	await updater.start();
	return { updater, workbox, reload, registration };
}

/** The new worker has taken control of the page after SKIP_WAITING. */
const takeOver = () => container.dispatchEvent(new Event('controllerchange'));
const touch = () => page.dispatchEvent(new Event('pointerdown'));
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('Updater', () => {
	it('takes a waiting version up at a safe moment: skip-waiting, then one reload', async () => {
		const { updater, workbox, reload } = await started();
		expect(updater.applyNow()).toBe(true);
		expect(workbox.messageSkipWaiting).toHaveBeenCalledTimes(1);
		expect(reload).not.toHaveBeenCalled();
		takeOver();
		await settle();
		expect(reload).toHaveBeenCalledTimes(1);
		updater.stop();
	});

	it('issues a reload again when the first one was lost (the page is still there)', async () => {
		const { updater, reload } = await started();
		updater.applyNow();
		takeOver();
		await settle();
		expect(reload).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(RELOAD_RETRY_MS - 1);
		expect(reload).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(1);
		expect(reload).toHaveBeenCalledTimes(2);
		updater.stop();
	});

	it(`never reloads more than MAX_RELOADS (${MAX_RELOADS}) times in a row`, async () => {
		const { updater, reload } = await started();
		updater.applyNow();
		takeOver();
		await vi.advanceTimersByTimeAsync(RELOAD_RETRY_MS * 10);
		expect(reload).toHaveBeenCalledTimes(MAX_RELOADS);
		expect(JSON.parse(storage.getItem(RELOAD_MARK) ?? 'null')).toMatchObject({
			count: MAX_RELOADS
		});
		// Nor at a later safe moment within the window: a broken deploy must not loop.
		updater.applyNow();
		await settle();
		expect(reload).toHaveBeenCalledTimes(MAX_RELOADS);
		updater.stop();
	});

	it('never reloads while a visitor is busy: a touch after the safe moment waits for the next', async () => {
		const { updater, reload } = await started();
		updater.applyNow();
		await vi.advanceTimersByTimeAsync(500);
		touch();
		takeOver();
		// The visitor goes on reading for minutes: no reload, not even the takeover fallback.
		await vi.advanceTimersByTimeAsync(5 * 60_000);
		expect(reload).not.toHaveBeenCalled();
		// The next idle reset is the safe moment.
		expect(updater.applyNow()).toBe(true);
		await settle();
		expect(reload).toHaveBeenCalledTimes(1);
		updater.stop();
	});

	it('does not retry a reload that is under way and slow, but does one that is stuck', async () => {
		const { updater, reload } = await started();
		updater.applyNow();
		takeOver();
		await settle();
		expect(reload).toHaveBeenCalledTimes(1);
		// The browser started replacing the page; the new one takes long to arrive.
		page.dispatchEvent(new Event('beforeunload'));
		await vi.advanceTimersByTimeAsync(RELOAD_STUCK_MS - 1);
		expect(reload).toHaveBeenCalledTimes(1);
		// Still the old page long after: the navigation is stuck, and is issued again once.
		await vi.advanceTimersByTimeAsync(RELOAD_RETRY_MS);
		expect(reload).toHaveBeenCalledTimes(2);
		// The first reload's mark has expired by then: the count starts again from this one.
		expect(JSON.parse(storage.getItem(RELOAD_MARK) ?? 'null')).toMatchObject({
			count: 1,
			why: ['new worker took control, reload stuck']
		});
		updater.stop();
	});

	it('does not retry a lost reload over a visitor who started touching the screen', async () => {
		const { updater, reload } = await started();
		updater.applyNow();
		takeOver();
		await settle();
		expect(reload).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(1_000);
		touch();
		await vi.advanceTimersByTimeAsync(RELOAD_RETRY_MS * 3);
		expect(reload).toHaveBeenCalledTimes(1);
		updater.applyNow();
		await settle();
		expect(reload).toHaveBeenCalledTimes(2);
		updater.stop();
	});

	it('a worker held back after skip-waiting gets a reload only if nobody touched the screen', async () => {
		const quiet = await started();
		quiet.updater.applyNow();
		// No controllerchange: Chromium kept the new worker waiting. It is asked again…
		await vi.advanceTimersByTimeAsync(TAKEOVER_WAIT_MS - 1);
		expect(quiet.reload).not.toHaveBeenCalled();
		expect(quiet.workbox.messageSkipWaiting.mock.calls.length).toBeGreaterThanOrEqual(2);
		// …and only then does a reload let it in.
		await vi.advanceTimersByTimeAsync(1);
		expect(quiet.reload).toHaveBeenCalledTimes(1);
		expect(JSON.parse(storage.getItem(RELOAD_MARK) ?? 'null')).toMatchObject({
			count: 1,
			why: ['worker held back']
		});
		quiet.updater.stop();

		storage.removeItem(RELOAD_MARK);
		const busy = await started();
		busy.updater.applyNow();
		touch();
		await vi.advanceTimersByTimeAsync(60_000);
		expect(busy.reload).not.toHaveBeenCalled();
		busy.updater.stop();
	});
});
