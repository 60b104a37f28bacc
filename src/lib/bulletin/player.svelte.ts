/**
 * Runs a bulletin screen for weeks: executes the scheduler's decisions with two layers, so the
 * next slide is rendered, its images decoded and its text fitted while the current one is still
 * on screen; only then does it fade in over it. Nothing ever leaves a blank frame. Slides that
 * need more than decoded images (a video's first frame, a feed's first answer) say so through
 * their stage (`stage.ts`), which also lets a video played once end its turn early.
 *
 * Between two slides (and only then) it announces a safe moment for the update manager and takes
 * up content that a background check found newer. A watchdog restarts a stalled rotation.
 * Everything it starts (timers, listeners, fetches) is stopped by the function `start` returns,
 * and nothing it keeps grows with time.
 */
import { tick } from 'svelte';
import { contentNow } from '$lib/kiosk/preview-time';
import type { ActiveAlert } from '$lib/alerts/feed';
import { notifySafeMoment } from '$lib/kiosk/safe-moment';
import { withTimeout } from '$lib/timeout';
import { GROW_FIT, fitSlide } from './fit.ts';
import { LayerStages, type SlideStage } from './stage.ts';
import { Watchdog } from './watchdog.ts';
import {
	brightnessAt,
	decide,
	longestMs,
	programmeFor,
	type Cursor,
	type Decision,
	type Shown
} from './schedule.ts';
import type { BulletinData, BulletinNotice } from './types.ts';

export const FADE_MS = 600;
/** A decode (or a slide's own wait) longer than this is treated as failed: the slide is skipped. */
const DECODE_TIMEOUT_MS = 10_000;
export const PLAYLIST_URL = '/bulletin/playlist.json';

export interface Layer {
	shown: Shown | null;
	/** Whether this slide was laid out with room for the ticker band. */
	ticker: boolean;
	/** Content version it was rendered from. */
	version: string;
}

function sameShown(a: Shown | null, b: Shown): boolean {
	if (!a || a.key !== b.key) return false;
	if (a.type === 'slide' && b.type === 'slide') {
		return a.notices.map((n) => n.slug).join() === b.notices.map((n) => n.slug).join();
	}
	return true;
}

/** A fetched document is used only if it has the shape this code expects. */
function looksLikeBulletinData(x: unknown): x is BulletinData {
	const d = x as Partial<BulletinData> | null;
	return (
		typeof d === 'object' &&
		d !== null &&
		typeof d.version === 'string' &&
		typeof d.site?.timeZone === 'string' &&
		Array.isArray(d.playlists) &&
		Array.isArray(d.screens) &&
		Array.isArray(d.closures) &&
		Array.isArray(d.notices)
	);
}

export class BulletinPlayer {
	data: BulletinData = $state.raw() as BulletinData;
	readonly screen: string | null;
	readonly programme = $derived.by(() => programmeFor(this.data, this.screen));
	readonly zone = $derived(this.data.site.timeZone);

	layers: Layer[] = $state([]);
	front = $state(0);
	/** The layer fading out under the new one, or -1. */
	behind = $state(-1);
	ticker: BulletinNotice[] = $state.raw([]);
	/** Urgent news from `/alerts.json` (see `$lib/alerts`). */
	alerts: ActiveAlert[] = $state.raw([]);
	brightness = $state(1);
	/** Minute clock; 0 until the page runs in a browser (a prerendered time would be wrong). */
	now = $state(0);
	/** Slide changes so far: tests and the benchmark read it from the page. */
	changes = $state(0);
	recoveries = $state(0);

	#elements: (HTMLElement | undefined)[] = [];
	/** Layers whose slide threw while rendering; never shown. */
	#failed = [false, false];
	#cursor: Cursor | null = null;
	#generation = 0;
	#pending: BulletinData | null = null;
	#fetching: AbortController | null = null;
	#lastCheck = -Infinity;
	#running = false;
	readonly #watchdog = new Watchdog({
		limit: () => 3 * longestMs(this.programme),
		onStall: () => this.#recover(),
		onGiveUp: () => location.reload()
	});
	#slideTimer: ReturnType<typeof setTimeout> | undefined;
	/** Whether the slide on screen is within its turn (the slide timer is set, not yet fired). */
	#turnPending = false;
	readonly #stages = new LayerStages(
		2,
		(index) => this.#slideDone(index),
		(index) => this.#refitLayer(index)
	);
	#fadeTimer: ReturnType<typeof setTimeout> | undefined;
	#clockTimer: ReturnType<typeof setTimeout> | undefined;

	constructor(data: BulletinData, screen: string | null) {
		this.data = data;
		this.screen = screen;
		const first: Layer = { shown: { type: 'default', key: 'default' }, ticker: false, version: '' };
		this.layers = [first, { shown: null, ticker: false, version: '' }];
	}

	bindLayer(index: number, el: HTMLElement | undefined): void {
		this.#elements[index] = el;
	}

	markFailed(index: number): void {
		this.#failed[index] = true;
	}

	/** The stage (`stage.ts`) for the slide now rendering in layer `index`. */
	stageFor(index: number): SlideStage {
		return this.#stages.stage(index);
	}

	/** Starts the rotation, clock and watchdog; returns the function that stops all of them. */
	start(): () => void {
		const generation = ++this.#generation;
		this.#running = true;
		this.#tickClock();
		const stopWatchdog = this.#watchdog.start();
		const onResize = () => this.refit();
		window.addEventListener('resize', onResize);
		void this.#advance(generation);
		return () => {
			this.#generation++;
			this.#running = false;
			this.#turnPending = false;
			stopWatchdog();
			window.removeEventListener('resize', onResize);
			clearTimeout(this.#slideTimer);
			clearTimeout(this.#fadeTimer);
			clearTimeout(this.#clockTimer);
			this.#fetching?.abort();
		};
	}

	/**
	 * New or ended urgent news goes on screen at once, not at the next slide boundary: the ticker
	 * or takeover appears within a poll of being published and leaves when it ends.
	 */
	setAlerts(alerts: ActiveAlert[]): void {
		const key = (list: ActiveAlert[]) =>
			list.map((a) => `${a.id}|${a.text}|${a.takeover}|${a.expiresAt}`).join();
		if (key(alerts) === key(this.alerts)) return;
		this.alerts = alerts;
		if (this.#running) this.#recover(false);
	}

	/** Re-fits what is on screen after the window changed size (e.g. a rotated display). */
	refit(): void {
		for (const el of this.#elements) if (el) fitSlide(el, { maxFit: GROW_FIT });
	}

	#tickClock = () => {
		this.now = contentNow();
		this.brightness = brightnessAt(this.now, this.programme.dimming, this.zone);
		// Re-aligned every minute, so the clock never drifts from the wall.
		this.#clockTimer = setTimeout(this.#tickClock, 60_000 - (Date.now() % 60_000) + 20);
	};

	#schedule(generation: number, ms: number) {
		clearTimeout(this.#slideTimer);
		this.#turnPending = true;
		this.#slideTimer = setTimeout(() => {
			this.#turnPending = false;
			void this.#advance(generation);
		}, ms);
	}

	/**
	 * A slide has finished early (a video played once). Only the slide on screen may end its own
	 * turn, and only while that turn runs: not one fading out, nor during a change of slide.
	 */
	#slideDone(index: number) {
		if (!this.#running || index !== this.front || !this.#turnPending) return;
		this.#schedule(this.#generation, 0);
	}

	/** A slide's content changed while it is up (new feed rows): its text is fitted again. */
	#refitLayer(index: number) {
		const el = this.#elements[index];
		if (el) fitSlide(el, { maxFit: GROW_FIT });
	}

	async #advance(generation: number): Promise<void> {
		if (generation !== this.#generation) return;
		this.#watchdog.progress();
		notifySafeMoment('bulletin-between-slides');
		if (this.#pending) {
			this.data = this.#pending;
			this.#pending = null;
		}
		this.#checkForUpdate();

		const now = contentNow();
		const decision = decide(now, this.programme, this.zone, this.#cursor, this.alerts);
		this.#cursor = decision.cursor;
		const current = this.layers[this.front];
		const hasTicker = decision.ticker.length > 0;
		if (
			sameShown(current?.shown ?? null, decision.shown) &&
			current?.ticker === hasTicker &&
			current.version === this.data.version
		) {
			// Same slide again (a single live slide, the default slide): no transition, but a video
			// or carousel starts over.
			this.#apply(decision);
			this.#schedule(generation, decision.durationMs);
			this.#stages.shown(this.front);
			return;
		}

		const back = this.front === 0 ? 1 : 0;
		this.#failed[back] = false;
		this.#stages.reset(back);
		this.layers[back] = { shown: decision.shown, ticker: hasTicker, version: this.data.version };
		await tick();
		const ready = await this.#prepare(back);
		if (generation !== this.#generation) return;
		if (!ready) {
			// Keep the current slide up and move on; the cursor already points past the failure.
			this.#schedule(generation, 1_000);
			return;
		}
		this.#swap(back, decision);
		this.#schedule(generation, decision.durationMs);
	}

	async #prepare(index: number): Promise<boolean> {
		const el = this.#elements[index];
		if (!el || this.#failed[index]) return false;
		try {
			const images = [...el.querySelectorAll('img')].map((img) => img.decode());
			await withTimeout(Promise.all([...images, ...this.#stages.waits(index)]), DECODE_TIMEOUT_MS);
		} catch {
			return false;
		}
		// Let what the loaded images told the slide (their proportions) reach the DOM first.
		await tick();
		fitSlide(el, { maxFit: GROW_FIT });
		return true;
	}

	#apply(decision: Decision) {
		this.ticker = decision.ticker;
		this.now = contentNow();
		this.brightness = decision.brightness;
	}

	#swap(index: number, decision: Decision) {
		this.behind = this.front;
		this.front = index;
		this.#apply(decision);
		this.changes++;
		this.#stages.shown(index);
		clearTimeout(this.#fadeTimer);
		const old = this.behind;
		this.#fadeTimer = setTimeout(() => {
			// Covered by the new slide now: let it go, so only one slide's DOM is kept.
			this.behind = -1;
			this.layers[old] = { shown: null, ticker: false, version: '' };
		}, FADE_MS + 100);
	}

	#checkForUpdate() {
		const minutes = Math.max(1, this.data.site.updateCheckMinutes);
		const now = performance.now();
		if (this.#fetching || now - this.#lastCheck < minutes * 60_000) return;
		this.#lastCheck = now;
		const controller = new AbortController();
		this.#fetching = controller;
		fetch(PLAYLIST_URL, { cache: 'no-cache', signal: controller.signal })
			.then((r) => (r.ok ? r.json() : null))
			.then((next: unknown) => {
				if (looksLikeBulletinData(next) && next.version !== this.data.version) this.#pending = next;
			})
			// Offline or mid-deploy: keep playing what we have and ask again later.
			.catch(() => {})
			.finally(() => {
				if (this.#fetching === controller) this.#fetching = null;
			});
	}

	/**
	 * Abandons whatever hangs (a decode that never settles, a lost timer) and starts again; also
	 * how urgent news cuts the current slide short (not counted as a recovery).
	 */
	#recover(stalled = true) {
		if (stalled) this.recoveries++;
		const generation = ++this.#generation;
		clearTimeout(this.#slideTimer);
		this.#turnPending = false;
		void this.#advance(generation);
	}
}
