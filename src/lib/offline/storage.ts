/** Persistent storage and how much the terminal keeps, for the status screen. */

/** Asks once that the browser never evicts the offline copy; null where the API is missing. */
export async function requestPersistence(): Promise<boolean | null> {
	if (!navigator.storage?.persist) return null;
	try {
		return (await navigator.storage.persisted()) || (await navigator.storage.persist());
	} catch {
		return false;
	}
}

export interface CacheFacts {
	name: string;
	entries: number;
}

export interface StorageFacts {
	usage: number | null;
	quota: number | null;
	persisted: boolean | null;
	caches: CacheFacts[];
}

export async function storageFacts(): Promise<StorageFacts> {
	const facts: StorageFacts = { usage: null, quota: null, persisted: null, caches: [] };
	try {
		const estimate = await navigator.storage?.estimate?.();
		facts.usage = estimate?.usage ?? null;
		facts.quota = estimate?.quota ?? null;
		facts.persisted = (await navigator.storage?.persisted?.()) ?? null;
	} catch {
		// Leave unknown: the status screen says so.
	}
	if ('caches' in window) {
		for (const name of await caches.keys()) {
			facts.caches.push({ name, entries: (await (await caches.open(name)).keys()).length });
		}
	}
	return facts;
}

/** Quota and other storage failures must never break a visitor's page: note them and go on. */
export function isQuotaError(error: unknown): boolean {
	return error instanceof DOMException && error.name === 'QuotaExceededError';
}
