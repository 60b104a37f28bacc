/** The screen sizes every slide is checked at, in the editors' preview and the tests. */
export const SCREEN_SIZES = [
	{ name: '横屏 1920×1080', width: 1920, height: 1080 },
	{ name: '竖屏 1080×1920', width: 1080, height: 1920 },
	{ name: '4K 3840×2160', width: 3840, height: 2160 },
	{ name: '1366×768', width: 1366, height: 768 },
	{ name: 'LED条屏 1920×360', width: 1920, height: 360 }
] as const;

export type ScreenSize = (typeof SCREEN_SIZES)[number];

/** The strip layout takes over from this aspect ratio on (the page uses the same media query). */
export const isCompact = (width: number, height: number) => width / height >= 3;
