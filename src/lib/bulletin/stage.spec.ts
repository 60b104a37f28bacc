import { describe, expect, it } from 'vitest';
import { LayerStages } from './stage.ts';

function stages() {
	const done: number[] = [];
	const changed: number[] = [];
	const s = new LayerStages(
		2,
		(i) => done.push(i),
		(i) => changed.push(i)
	);
	return { s, done, changed };
}

describe('LayerStages', () => {
	it('collects what a slide waits for, per layer', () => {
		const { s } = stages();
		const a = Promise.resolve('first frame');
		const b = Promise.resolve('feed');
		s.stage(0).ready(a);
		s.stage(1).ready(b);
		expect(s.waits(0)).toEqual([a]);
		expect(s.waits(1)).toEqual([b]);
	});

	it('a failed wait rejects the layer’s waits, so the player skips the slide', async () => {
		const { s } = stages();
		s.stage(0).ready(Promise.reject(new Error('video cannot play')));
		await expect(Promise.all(s.waits(0))).rejects.toThrow('video cannot play');
	});

	it('tells the slide each time it goes on screen, until it stops listening', () => {
		const { s } = stages();
		let shows = 0;
		const stop = s.stage(0).onShow(() => shows++);
		s.shown(0);
		s.shown(0);
		s.shown(1);
		expect(shows).toBe(2);
		stop();
		s.shown(0);
		expect(shows).toBe(2);
	});

	it('passes on a video’s end from the slide that holds the layer, with the layer', () => {
		const { s, done } = stages();
		s.stage(1).done();
		expect(done).toEqual([1]);
	});

	it('forgets the earlier slide of a layer once a new one goes in', () => {
		const { s, done, changed } = stages();
		const old = s.stage(0);
		let shows = 0;
		old.onShow(() => shows++);
		old.ready(Promise.resolve());
		s.reset(0);
		// The old slide's video ending, feed arriving or late request is not the new slide's.
		old.done();
		old.changed();
		old.ready(Promise.reject(new Error('late')));
		old.onShow(() => shows++);
		s.shown(0);
		expect(done).toEqual([]);
		expect(changed).toEqual([]);
		expect(s.waits(0)).toEqual([]);
		expect(shows).toBe(0);
		// The new slide is heard.
		const fresh = s.stage(0);
		fresh.changed();
		fresh.done();
		expect(changed).toEqual([0]);
		expect(done).toEqual([0]);
	});
});
