/**
 * Data files stored compressed in the offline cache: the build writes `<file>.gz` beside each
 * (see $lib/server/offline/precache.ts) and the service worker (src/service-worker.ts) serves the plain file
 * from it.
 */
export const COMPRESSED_SUFFIX = '.gz';

/** Below this a file is cached as it is: gzip's header would eat most of the gain. */
export const COMPRESS_MIN_BYTES = 1024;

/** gzip's magic number, 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
	return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}
