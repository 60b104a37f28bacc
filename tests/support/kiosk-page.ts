/** Browser-side helpers for the offline and update tests. */
import { expect, type Page } from '@playwright/test';

/** Waits until the service worker controls the page: from then on the whole site is cached. */
export async function waitForOfflineReady(page: Page, timeout = 30_000): Promise<void> {
	// Polled from Node: the page's own timers may be under page.clock.
	await expect
		.poll(() => page.evaluate(() => navigator.serviceWorker?.controller !== null), { timeout })
		.toBe(true);
}

export interface WorkerSnapshot {
	active: boolean;
	installing: boolean;
	waiting: boolean;
}

export function workerSnapshot(page: Page): Promise<WorkerSnapshot> {
	return page.evaluate(async () => {
		const r = await navigator.serviceWorker.getRegistration();
		return { active: !!r?.active, installing: !!r?.installing, waiting: !!r?.waiting };
	});
}

/** Reads the kiosk's own IndexedDB (after the app has opened it): one key, or the whole store. */
export function readStore<T>(page: Page, store: string, key?: string): Promise<T | null> {
	return page.evaluate(
		([s, k]) =>
			new Promise<T | null>((resolve, reject) => {
				const open = indexedDB.open('lobby-kiosk');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					if (!db.objectStoreNames.contains(s)) {
						db.close();
						return resolve(null);
					}
					const objects = db.transaction(s).objectStore(s);
					const request = k === undefined ? objects.getAll() : objects.get(k);
					request.onsuccess = () => {
						resolve((request.result as T | undefined) ?? null);
						db.close();
					};
					request.onerror = () => reject(request.error);
				};
			}),
		[store, key] as const
	);
}

export function readSetting<T>(page: Page, key: string): Promise<T | null> {
	return readStore<T>(page, 'settings', key);
}

export function contentVersion(page: Page): Promise<string | null> {
	return page.locator('meta[name="kiosk-content-version"]').getAttribute('content');
}

/** Opens /status the way staff do: a 5-second press on the emblem, then the PIN. */
export async function openStatusScreen(page: Page, pin: string): Promise<void> {
	const emblem = page.getByTestId('emblem');
	const box = await emblem.boundingBox();
	if (!box) throw new Error('emblem not visible');
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
	await page.mouse.down();
	await page.waitForURL('**/status', { timeout: 10_000 });
	await page.mouse.up();
	for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click();
	await page.getByRole('button', { name: '确认' }).click();
	await expect(page.getByTestId('status-app')).toBeVisible();
}

/** Counts full page loads per tab (a reload shows up as a second load). */
export async function countLoads(page: Page): Promise<void> {
	await page.addInitScript(() => {
		sessionStorage.setItem(
			'kiosk-test-loads',
			String(Number(sessionStorage.getItem('kiosk-test-loads') ?? 0) + 1)
		);
	});
}

export function loads(page: Page): Promise<number> {
	return page.evaluate(() => Number(sessionStorage.getItem('kiosk-test-loads') ?? 0));
}

/** Adds a link to another site to the page's text, as an editor's Markdown would produce one. */
export async function injectOutsideLink(page: Page, name = '中国政府网'): Promise<void> {
	await page
		.locator('.prose')
		.first()
		.evaluate((el, name) => {
			const a = document.createElement('a');
			a.href = 'https://www.gov.cn/';
			a.rel = 'external';
			a.textContent = name;
			el.append(a);
		}, name);
}
