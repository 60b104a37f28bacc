/**
 * The terminal's own IndexedDB: its identity and update log (`settings`) and the local usage
 * counts (`views`, `misses`, and the 好差评 tally kept as the one `ratings` value in `settings`). Nothing here is ever sent anywhere by the app.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { PinLock } from '$lib/status/pin';
import type { TerminalSettings } from './terminal';
import type { MissCount, ViewCount } from '$lib/usage/counts';
import type { RatingTally } from '$lib/usage/ratings';

export interface UpdateCheck {
	/** ISO time of the check. */
	at: string;
	result: 'current' | 'found' | 'ready' | 'failed' | 'unreachable';
	detail?: string;
}

export interface SettingsValues {
	terminal: TerminalSettings;
	lastCheck: UpdateCheck;
	/** ISO time the running version was taken up (the reload after an update). */
	lastApplied: string;
	/** Wrong staff PINs and the pause they earned: survives reloads (and /reset). */
	pinLock: PinLock;
	/** 好差评 counts per level: one small value, so no new store (and no schema upgrade). */
	ratings: RatingTally;
}

interface KioskDB extends DBSchema {
	settings: { key: keyof SettingsValues; value: SettingsValues[keyof SettingsValues] };
	views: { key: string; value: ViewCount };
	misses: { key: string; value: MissCount };
}

export const DB_NAME = 'lobby-kiosk';

let opening: Promise<IDBPDatabase<KioskDB>> | null = null;

export function db(): Promise<IDBPDatabase<KioskDB>> {
	opening ??= openDB<KioskDB>(DB_NAME, 1, {
		upgrade(database) {
			database.createObjectStore('settings');
			database.createObjectStore('views', { keyPath: 'path' });
			database.createObjectStore('misses', { keyPath: 'query' });
		},
		// /reset deletes the database; let it, and open afresh next time.
		blocking() {
			void opening?.then((d) => d.close());
			opening = null;
		}
	}).catch((error: unknown) => {
		opening = null;
		throw error;
	});
	return opening;
}

export async function getSetting<K extends keyof SettingsValues>(
	key: K
): Promise<SettingsValues[K] | undefined> {
	return (await (await db()).get('settings', key)) as SettingsValues[K] | undefined;
}

export async function putSetting<K extends keyof SettingsValues>(
	key: K,
	value: SettingsValues[K]
): Promise<void> {
	await (await db()).put('settings', value, key);
}
