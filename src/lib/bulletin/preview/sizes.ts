import type { ScreenInfo } from '../types.ts';

export interface ScreenSize {
	name: string;
	width: number;
	height: number;
}

/** The LED walls halls really have: every slide is checked at each, in the preview and the tests. */
export const SCREEN_SIZES: readonly ScreenSize[] = [
	{ name: '横屏 1920×1080', width: 1920, height: 1080 },
	{ name: '竖屏 1080×1920', width: 1080, height: 1920 },
	{ name: '条屏 1920×360', width: 1920, height: 360 },
	{ name: '小屏 768×384', width: 768, height: 384 },
	{ name: '条屏 1280×320', width: 1280, height: 320 },
	{ name: '960×540', width: 960, height: 540 },
	{ name: '小屏 512×256', width: 512, height: 256 },
	{ name: '条屏 2560×720', width: 2560, height: 720 }
];

/** Each configured screen at its own size first, then the standard sizes no screen has. */
export function previewSizes(screens: readonly ScreenInfo[]): ScreenSize[] {
	const own = screens.map((s) => ({
		name: `${s.name} ${s.width}×${s.height}`,
		width: s.width,
		height: s.height
	}));
	const taken = new Set(own.map((s) => `${s.width}x${s.height}`));
	return [...own, ...SCREEN_SIZES.filter((s) => !taken.has(`${s.width}x${s.height}`))];
}

/** The strip layout takes over from this aspect ratio on (the page uses the same media query). */
export const isCompact = (width: number, height: number) => width / height >= 3;
