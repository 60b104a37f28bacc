/** Network helpers shared by the test harness and the benchmarks. */
import net from 'node:net';

/**
 * A TCP port on 127.0.0.1 that was free a moment ago: the system picks it, so two servers started
 * side by side (or by two people on one machine) do not collide on a fixed number.
 */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}
