/**
 * Everything a visitor changes on a kiosk lives here, so that one `reset()` returns the terminal
 * to a clean state for the next person. Nothing in it is ever persisted.
 */
type ResetListener = () => void;

export class KioskSession {
	/** 长辈模式: larger type and targets. */
	elder = $state(false);
	/** Low-reach (wheelchair) mode: interactive content in the lower half on portrait screens. */
	lowReach = $state(false);
	/** Navigations made since the last reset; Back walks these, then goes to the parent page. */
	depth = $state(0);
	/** Bumped on every reset so views can key off it. */
	generation = $state(0);

	// Plain Set on purpose: listeners are wiring, not state any view renders.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#listeners = new Set<ResetListener>();

	/** Features with their own visitor state (search text, dialogs) register to be cleared. */
	onReset(listener: ResetListener): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	reset(): void {
		this.elder = false;
		this.lowReach = false;
		this.depth = 0;
		this.generation += 1;
		for (const listener of this.#listeners) listener();
	}
}

export const session = new KioskSession();
