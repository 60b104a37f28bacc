/**
 * The staff PIN that guards /status and /reset. site.yaml holds a slow salted hash of it
 * (PBKDF2-SHA-256, hundreds of milliseconds per try), never the PIN; the entered PIN is hashed
 * here and compared. Wrong tries lead to a pause that grows and is kept in IndexedDB, so leaving
 * and reopening the page does not reset it. See SECURITY.md for what this does and does not
 * protect. Used by the browser and by `npm run pin` (Node), hence no `$lib` imports.
 */

export interface PinVerifier {
	/** Hex. */
	salt: string;
	iterations: number;
	/** Hex of the 32-byte PBKDF2-SHA-256 output. */
	hash: string;
}

/** 0.25-0.5 s per try in Chromium on a current server core; more on a slower terminal. */
export const DEFAULT_ITERATIONS = 1_000_000;

function toHex(bytes: Uint8Array): string {
	return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> {
	const bytes = new Uint8Array(hex.length / 2);
	for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
	return bytes;
}

export async function pinHash(pin: string, saltHex: string, iterations: number): Promise<string> {
	const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
		'deriveBits'
	]);
	const bits = await crypto.subtle.deriveBits(
		{ name: 'PBKDF2', hash: 'SHA-256', salt: fromHex(saltHex), iterations },
		key,
		256
	);
	return toHex(new Uint8Array(bits));
}

/** A new verifier with a fresh random salt (for site.yaml). */
export async function makeVerifier(
	pin: string,
	iterations = DEFAULT_ITERATIONS
): Promise<PinVerifier> {
	const salt = toHex(crypto.getRandomValues(new Uint8Array(16)));
	return { salt, iterations, hash: await pinHash(pin, salt, iterations) };
}

/** Wrong tries and the pause they earned; kept across page loads. */
export interface PinLock {
	failures: number;
	/** How many pauses in a row (each one doubles the next). */
	lockouts: number;
	/** Epoch ms until which no try is accepted. */
	lockedUntil: number;
}

export interface PinLockStore {
	load(): Promise<PinLock | undefined>;
	save(lock: PinLock): Promise<void>;
}

export const MAX_ATTEMPTS = 5;
export const LOCKOUT_MS = 60_000;
export const MAX_LOCKOUT_MS = 60 * 60_000;

const OPEN: PinLock = { failures: 0, lockouts: 0, lockedUntil: 0 };

/** A store that forgets (no IndexedDB): the pause still holds while the page lives. */
export function memoryLockStore(): PinLockStore {
	let kept: PinLock | undefined;
	return {
		load: () => Promise.resolve(kept),
		save: (lock) => {
			kept = lock;
			return Promise.resolve();
		}
	};
}

export class PinGate {
	#verifier: PinVerifier;
	#store: PinLockStore;
	#fallback = memoryLockStore();

	constructor(verifier: PinVerifier, store: PinLockStore = memoryLockStore()) {
		this.#verifier = { ...verifier, hash: verifier.hash.toLowerCase() };
		this.#store = store;
	}

	async #load(): Promise<PinLock> {
		try {
			return (await this.#store.load()) ?? (await this.#fallback.load()) ?? OPEN;
		} catch {
			return (await this.#fallback.load()) ?? OPEN;
		}
	}

	async #save(lock: PinLock): Promise<void> {
		await this.#fallback.save(lock);
		try {
			await this.#store.save(lock);
		} catch {
			// Storage refused (full, private mode): the pause holds for this page at least.
		}
	}

	/** Milliseconds until another try is allowed (0 when allowed). */
	async lockedFor(now = Date.now()): Promise<number> {
		return Math.max(0, (await this.#load()).lockedUntil - now);
	}

	async check(pin: string, now = Date.now()): Promise<'ok' | 'wrong' | 'locked'> {
		const lock = await this.#load();
		if (lock.lockedUntil > now) return 'locked';
		const { salt, iterations, hash } = this.#verifier;
		if ((await pinHash(pin, salt, iterations)) === hash) {
			await this.#save(OPEN);
			return 'ok';
		}
		const failures = lock.failures + 1;
		if (failures < MAX_ATTEMPTS) {
			await this.#save({ ...lock, failures });
			return 'wrong';
		}
		const pause = Math.min(MAX_LOCKOUT_MS, LOCKOUT_MS * 2 ** lock.lockouts);
		await this.#save({ failures: 0, lockouts: lock.lockouts + 1, lockedUntil: now + pause });
		return 'locked';
	}
}
