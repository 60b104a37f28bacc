import { describe, expect, it } from 'vitest';
import { LOCKOUT_MS, MAX_ATTEMPTS, PinGate, sha256Hex } from './pin';

const HASH_2468 = 'a1fb4e703a9ef1fa4936801721ff285a97ac85330856674412e054892afe6972';

describe('PinGate', () => {
	it('hashes like sha256sum', async () => {
		expect(await sha256Hex('2468')).toBe(HASH_2468);
	});

	it('accepts the PIN whose hash site.yaml holds', async () => {
		const gate = new PinGate(HASH_2468.toUpperCase());
		expect(await gate.check('1234')).toBe('wrong');
		expect(await gate.check('2468')).toBe('ok');
	});

	it('pauses after repeated wrong PINs, even for the right one', async () => {
		const gate = new PinGate(HASH_2468);
		const now = 1_000_000;
		for (let i = 1; i < MAX_ATTEMPTS; i++) expect(await gate.check('0000', now)).toBe('wrong');
		expect(await gate.check('0000', now)).toBe('locked');
		expect(await gate.check('2468', now + 1000)).toBe('locked');
		expect(gate.lockedFor(now + 1000)).toBe(LOCKOUT_MS - 1000);
		expect(await gate.check('2468', now + LOCKOUT_MS)).toBe('ok');
	});
});
