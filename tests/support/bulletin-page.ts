/** Driving the bulletin screen under a fake clock: its sizes, its state, the next slide. */
import { expect, type Page } from '@playwright/test';

export const SIZES = [
	{ width: 1920, height: 1080 },
	{ width: 1080, height: 1920 },
	{ width: 3840, height: 2160 },
	{ width: 1366, height: 768 },
	{ width: 1920, height: 360 }
] as const;

/** Office time (Asia/Shanghai, +08:00); the browser's own zone must not matter. */
export const at = (local: string) => new Date(`${local}+08:00`);
export const MORNING = at('2026-11-27T10:00:00');

interface ScreenState {
	slide: string;
	kind: string;
	changes: number;
}

export const screenState = (page: Page): Promise<ScreenState> =>
	page.getByTestId('bulletin').evaluate((el: HTMLElement) => ({
		slide: el.dataset.slide ?? '',
		kind: el.dataset.kind ?? '',
		changes: Number(el.dataset.changes)
	}));

export async function open(
	page: Page,
	size: { width: number; height: number },
	path: string,
	time: Date
) {
	await page.setViewportSize(size);
	await page.clock.install({ time });
	await page.goto(path);
	await expect(page.getByTestId('bulletin')).toHaveAttribute('data-running', 'true');
	await expect.poll(async () => (await screenState(page)).changes).toBeGreaterThan(0);
}

/** Lets fake time run until the next slide is on screen. */
export async function nextSlide(page: Page): Promise<ScreenState> {
	const before = (await screenState(page)).changes;
	for (let i = 0; i < 30; i++) {
		await page.clock.runFor(1_000);
		if ((await screenState(page)).changes > before) break;
	}
	await expect.poll(async () => (await screenState(page)).changes).toBeGreaterThan(before);
	return screenState(page);
}
