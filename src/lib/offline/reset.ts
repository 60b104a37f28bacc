/**
 * Support staff's last resort (/reset): drop the service worker and everything it cached, and the
 * local usage counts, so the next load fetches the current version from the server afresh.
 */
import { currentUpdater } from './boot';
import { db } from './db';
import { clearUsage } from '$lib/usage/counts';

export interface ResetOptions {
	/** Also forget the terminal id and mode (set again with /?terminal=…). */
	forgetTerminal: boolean;
}

/** Runs every step even if one fails; returns what was done, in words for staff. */
export async function resetTerminal({ forgetTerminal }: ResetOptions): Promise<string[]> {
	const done: string[] = [];
	const attempt = async (label: string, step: () => Promise<string>) => {
		try {
			done.push(`${label}：${await step()}`);
		} catch (error) {
			done.push(`${label}：失败（${error instanceof Error ? error.message : String(error)}）`);
		}
	};
	currentUpdater()?.stop();
	await attempt('后台服务', async () => {
		const registrations = (await navigator.serviceWorker?.getRegistrations()) ?? [];
		await Promise.all(registrations.map((r) => r.unregister()));
		return `已注销 ${registrations.length} 个`;
	});
	await attempt('离线缓存', async () => {
		const names = 'caches' in window ? await caches.keys() : [];
		await Promise.all(names.map((name) => caches.delete(name)));
		return `已清除 ${names.length} 个`;
	});
	await attempt('使用统计', async () => {
		await clearUsage();
		const database = await db();
		await database.delete('settings', 'lastCheck');
		await database.delete('settings', 'lastApplied');
		return '已清除';
	});
	if (forgetTerminal) {
		await attempt('终端设置', async () => {
			await (await db()).delete('settings', 'terminal');
			return '已清除';
		});
	}
	return done;
}
