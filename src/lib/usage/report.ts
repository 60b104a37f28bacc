/** The usage counts as staff take them away: a JSON file, and a short summary for a QR code. */
import type { TerminalSettings } from '$lib/offline/terminal';
import type { Usage } from './counts';
import { ratingsLine } from './ratings';

export interface UsageReport extends Usage {
	format: 'lobby-kiosk-usage/1';
	terminal: string | null;
	/** Day of the export; the counts themselves keep days only. */
	day: string;
	contentVersion: string;
}

export function usageReport(
	usage: Usage,
	terminal: TerminalSettings | null,
	contentVersion: string,
	day: string
): UsageReport {
	return {
		format: 'lobby-kiosk-usage/1',
		terminal: terminal?.id ?? null,
		day,
		contentVersion,
		...usage
	};
}

const bytes = (s: string) => new TextEncoder().encode(s).length;

/**
 * Plain text that fits a QR code a phone reads easily (`maxBytes` of UTF-8): the most viewed
 * pages and the most missed searches, cut from the bottom until it fits.
 */
export function usageSummary(report: UsageReport, maxBytes = 900, top = 10): string {
	const head = `${report.terminal ? `终端 ${report.terminal} ` : ''}使用统计 截至${report.day}`;
	let views = report.views.slice(0, top).map((v) => `${v.title || v.path}×${v.count}`);
	let misses = report.misses.slice(0, top).map((m) => `${m.query}×${m.count}`);
	const text = () =>
		[
			head,
			ratingsLine(report.ratings),
			`常看：${views.join('；') || '无'}`,
			`未找到：${misses.join('；') || '无'}`
		].join('\n');
	while (bytes(text()) > maxBytes && (views.length > 0 || misses.length > 0)) {
		if (views.length >= misses.length) views = views.slice(0, -1);
		else misses = misses.slice(0, -1);
	}
	return text();
}
