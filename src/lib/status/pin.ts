/**
 * The status screen's PIN check. site.yaml holds only the SHA-256 of the PIN; the entered PIN is
 * hashed here and compared. A visitor who found the hidden gesture gets a few tries, then a pause.
 */
export async function sha256Hex(text: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export const MAX_ATTEMPTS = 5;
export const LOCKOUT_MS = 60_000;

export class PinGate {
	#expected: string;
	#failures = 0;
	#lockedUntil = 0;

	constructor(expectedSha256: string) {
		this.#expected = expectedSha256.toLowerCase();
	}

	/** Milliseconds until another try is allowed (0 when allowed). */
	lockedFor(now = Date.now()): number {
		return Math.max(0, this.#lockedUntil - now);
	}

	async check(pin: string, now = Date.now()): Promise<'ok' | 'wrong' | 'locked'> {
		if (this.lockedFor(now) > 0) return 'locked';
		if ((await sha256Hex(pin)) === this.#expected) {
			this.#failures = 0;
			return 'ok';
		}
		this.#failures += 1;
		if (this.#failures >= MAX_ATTEMPTS) {
			this.#failures = 0;
			this.#lockedUntil = now + LOCKOUT_MS;
			return 'locked';
		}
		return 'wrong';
	}
}
