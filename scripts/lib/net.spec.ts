import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePort } from './net.ts';

const listen = (port: number) =>
	new Promise<net.Server>((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve(server));
	});

describe('freePort', () => {
	it('gives a port a server can then listen on', async () => {
		const port = await freePort();
		expect(port).toBeGreaterThan(0);
		expect(port).toBeLessThan(65_536);
		const server = await listen(port);
		expect((server.address() as net.AddressInfo).port).toBe(port);
		await new Promise((r) => server.close(r));
	});

	it('does not give a port that is taken', async () => {
		const taken = await listen(0);
		const port = (taken.address() as net.AddressInfo).port;
		const ports = await Promise.all(Array.from({ length: 20 }, () => freePort()));
		expect(ports).toHaveLength(20);
		expect(ports).not.toContain(port);
		await new Promise((r) => taken.close(r));
	});
});
