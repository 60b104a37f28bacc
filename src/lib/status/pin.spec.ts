import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
	LOCKOUT_MS,
	makeVerifier,
	MAX_ATTEMPTS,
	MAX_LOCKOUT_MS,
	memoryLockStore,
	PinGate,
	pinHash,
	type PinLock,
	type PinLockStore
} from './pin';

/** Fast enough for tests; the real count is in site.yaml. */
const FAST = 1_000;

async function wrongUntilLocked(gate: PinGate, now: number): Promise<void> {
	for (let i = 1; i < MAX_ATTEMPTS; i++) expect(await gate.check('0000', now)).toBe('wrong');
	expect(await gate.check('0000', now)).toBe('locked');
}

describe('pinHash', () => {
	it('is PBKDF2-HMAC-SHA-256 (RFC 7914 test vector)', async () => {
		expect(await pinHash('passwd', '73616c74', 1)).toBe(
			'55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc'
		);
	});

	it('a fresh verifier has its own salt each time', async () => {
		const a = await makeVerifier('2468', FAST);
		const b = await makeVerifier('2468', FAST);
		expect(a.salt).toMatch(/^[0-9a-f]{32}$/);
		expect(a.salt).not.toBe(b.salt);
		expect(a.hash).not.toBe(b.hash);
	});

	it('the sample site.yaml holds the sample PIN 2468, slowly hashed', async () => {
		const site = parse(readFileSync('content/site.yaml', 'utf8')) as {
			kiosk: { statusPin: { salt: string; iterations: number; hash: string } };
		};
		const { salt, iterations, hash } = site.kiosk.statusPin;
		expect(iterations).toBeGreaterThanOrEqual(1_000_000);
		expect(await pinHash('2468', salt, iterations)).toBe(hash);
	});
});

describe('PinGate', () => {
	it('accepts the PIN whose verifier site.yaml holds, and only that', async () => {
		const gate = new PinGate(await makeVerifier('2468', FAST));
		expect(await gate.check('1234')).toBe('wrong');
		expect(await gate.check('24680')).toBe('wrong');
		expect(await gate.check('2468')).toBe('ok');
	});

	it('pauses after repeated wrong PINs, even for the right one', async () => {
		const gate = new PinGate(await makeVerifier('2468', FAST));
		const now = 1_000_000;
		await wrongUntilLocked(gate, now);
		expect(await gate.check('2468', now + 1000)).toBe('locked');
		expect(await gate.lockedFor(now + 1000)).toBe(LOCKOUT_MS - 1000);
		expect(await gate.check('2468', now + LOCKOUT_MS)).toBe('ok');
	});

	it('keeps the pause when the page is left and reopened (a new gate, the same store)', async () => {
		const verifier = await makeVerifier('2468', FAST);
		const store = memoryLockStore();
		const now = 1_000_000;
		await wrongUntilLocked(new PinGate(verifier, store), now);
		const reopened = new PinGate(verifier, store);
		expect(await reopened.check('2468', now + 1000)).toBe('locked');
	});

	it('doubles each further pause, up to an hour, until the right PIN is entered', async () => {
		const verifier = await makeVerifier('2468', FAST);
		const gate = new PinGate(verifier);
		let now = 1_000_000;
		const pauses: number[] = [];
		for (let round = 0; round < 8; round++) {
			await wrongUntilLocked(gate, now);
			const pause = await gate.lockedFor(now);
			pauses.push(pause);
			now += pause;
		}
		expect(pauses).toEqual([1, 2, 4, 8, 16, 32, 60, 60].map((m) => m * 60_000));
		expect(Math.max(...pauses)).toBe(MAX_LOCKOUT_MS);
		expect(await gate.check('2468', now)).toBe('ok');
		await gate.check('0000', now);
		expect(await gate.lockedFor(now)).toBe(0);
	});

	it('a store that fails (private mode, full disk) still pauses within the page', async () => {
		const broken: PinLockStore = {
			load: () => Promise.reject(new Error('no IndexedDB')),
			save: (_: PinLock) => Promise.reject(new Error('no IndexedDB'))
		};
		const gate = new PinGate(await makeVerifier('2468', FAST), broken);
		await wrongUntilLocked(gate, 5_000);
		expect(await gate.check('2468', 6_000)).toBe('locked');
	});
});
