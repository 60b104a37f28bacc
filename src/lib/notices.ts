/** Notices are prerendered with their validity window; the running kiosk decides what is current. */
export interface NoticeWindow {
	publishedAt: number;
	expiresAt: number;
}

export function isCurrentNotice(notice: NoticeWindow, now: number): boolean {
	return notice.publishedAt <= now && now < notice.expiresAt;
}
