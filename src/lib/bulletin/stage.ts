/**
 * What a slide may ask of the screen that shows it. The player keeps each slide hidden until it
 * is ready, and most slides are ready once their images are decoded (the player sees those in
 * the DOM). Video, carousel and data slides need more, through this context:
 *
 * - `ready(promise)`: show me only once this settles (a video's first frame, a feed's first
 *   answer); a rejection skips the slide like one that failed to render, never a black frame.
 * - `onShow(fn)`: tell me each time I go on screen (start the video, the carousel's clock).
 * - `done()`: I have said all I have to say (a video played once): the next slide may come now.
 * - `changed()`: my content changed (new feed rows): fit my text again.
 *
 * Outside the player (the editors' preview) there is no stage: slides then just render.
 */
import { getContext, hasContext, setContext } from 'svelte';

export interface SlideStage {
	ready(promise: Promise<unknown>): void;
	/** Returns the function that stops listening. */
	onShow(fn: () => void): () => void;
	done(): void;
	changed(): void;
}

const KEY = Symbol('slide-stage');

export function provideStage(stage: SlideStage): void {
	setContext(KEY, stage);
}

/** The stage of the slide being initialised, or undefined outside the player. */
export function slideStage(): SlideStage | undefined {
	return hasContext(KEY) ? getContext<SlideStage>(KEY) : undefined;
}

interface LayerState {
	/** Which slide the layer holds: a stage handed to an earlier slide no longer counts. */
	serial: number;
	waits: Promise<unknown>[];
	shows: Set<() => void>;
}

/**
 * The player's side: one entry per layer. `reset` when a new slide goes into a layer; `stage`
 * for that slide; `waits` before showing it; `shown` once it is on screen.
 */
export class LayerStages {
	readonly #layers: LayerState[];
	readonly #onDone: (index: number) => void;
	readonly #onChanged: (index: number) => void;

	constructor(
		count: number,
		onDone: (index: number) => void,
		onChanged: (index: number) => void = () => {}
	) {
		this.#layers = Array.from({ length: count }, () => ({
			serial: 0,
			waits: [],
			shows: new Set()
		}));
		this.#onDone = onDone;
		this.#onChanged = onChanged;
	}

	reset(index: number): void {
		const layer = this.#layers[index]!;
		layer.serial++;
		layer.waits = [];
		layer.shows = new Set();
	}

	/** The stage for the slide now going into layer `index`. */
	stage(index: number): SlideStage {
		const layer = this.#layers[index]!;
		const serial = layer.serial;
		const current = () => layer.serial === serial;
		return {
			ready: (promise) => {
				// Settled here too, so a slide outside any wait never reports an unhandled rejection.
				promise.catch(() => {});
				if (current()) layer.waits.push(promise);
			},
			onShow: (fn) => {
				if (!current()) return () => {};
				const shows = layer.shows;
				shows.add(fn);
				return () => shows.delete(fn);
			},
			done: () => {
				if (current()) this.#onDone(index);
			},
			changed: () => {
				if (current()) this.#onChanged(index);
			}
		};
	}

	/** What the slide in layer `index` asked to wait for. */
	waits(index: number): Promise<unknown>[] {
		return [...this.#layers[index]!.waits];
	}

	/** The slide in layer `index` went on screen (again). */
	shown(index: number): void {
		for (const fn of [...this.#layers[index]!.shows]) fn();
	}
}
