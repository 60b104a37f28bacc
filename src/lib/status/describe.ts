/** Status-screen wording for the offline machinery's states. */
import type { UpdateCheck } from '$lib/offline/db';
import type { OfflineState } from '$lib/offline/state.svelte';

const RESULTS: Record<UpdateCheck['result'], string> = {
	current: '已是最新版本',
	found: '发现新版本，正在后台下载',
	ready: '新版本已下载，将在无人使用时自动更新',
	failed: '更新失败，继续使用当前版本，稍后自动重试',
	unreachable: '无法连接服务器（离线）'
};

export function describeCheck(check: UpdateCheck | null, format: (iso: string) => string): string {
	if (!check) return '尚未检查';
	return `${format(check.at)} · ${RESULTS[check.result]}`;
}

export function describeWorker(state: OfflineState): string {
	const base = {
		starting: '正在启动',
		unsupported: '此浏览器不支持（无法离线使用）',
		installing: '正在下载离线内容',
		active: '运行中',
		failed: '未能启动'
	}[state.worker];
	const parts = [base];
	if (state.worker === 'active')
		parts.push(state.controlled ? '本页由离线缓存提供' : '重新载入后生效');
	if (state.downloading) parts.push('新版本下载中');
	if (state.updateWaiting) parts.push('新版本等待无人使用时更新');
	if (state.workerError) parts.push(state.workerError);
	return parts.join(' · ');
}

export function describePersistence(persisted: boolean | null): string {
	if (persisted === null) return '未知（浏览器不支持）';
	return persisted
		? '已获准：浏览器不会自动清除离线内容'
		: '未获准：存储空间紧张时浏览器可能清除离线内容';
}

/** From real requests to the server only (../reachability), never from the cable alone. */
export function describeNetwork(
	offlineSince: number | null,
	reachedAt: number | null,
	format: (ms: number) => string
): string {
	if (offlineSince !== null) return `离线：无法连接服务器（自 ${format(offlineSince)}）`;
	if (reachedAt === null) return '正在连接服务器…';
	return '在线';
}
