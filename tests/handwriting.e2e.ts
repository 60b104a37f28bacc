/**
 * 手写 on the search screen, by touch at both screen sizes: a character written on the pad with
 * a finger (the reference strokes of 无, scaled to the pad and sent as real touch events) is
 * offered as a candidate, a tap puts it in the search field and results appear, and the likely
 * next words continue it.
 */
import { expect, test, type Page } from '@playwright/test';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);

/** The character's stroke medians (Make Me a Hanzi: 1024 grid, y up). */
function medians(char: string): number[][][] {
	const file = require.resolve(`hanzi-writer-data/${char}.json`);
	return (JSON.parse(readFileSync(file, 'utf8')) as { medians: number[][][] }).medians;
}

const pad = (page: Page) => page.getByLabel('手写板');
const candidates = (page: Page) => page.getByRole('group', { name: '手写候选字' });

/** Writes the character on the pad with one finger, stroke by stroke, as touch events. */
async function write(page: Page, char: string) {
	const box = await pad(page).boundingBox();
	expect(box).not.toBeNull();
	const { x, y, width } = box as { x: number; y: number; width: number };
	const margin = width * 0.12;
	const scale = (width - 2 * margin) / 1024;
	const cdp = await page.context().newCDPSession(page);
	const strokes = medians(char);
	expect(strokes.length).toBeGreaterThan(0);
	for (const stroke of strokes) {
		const points = stroke.map(([px, py]) => ({
			x: x + margin + (px as number) * scale,
			y: y + margin + (900 - (py as number)) * scale
		}));
		const [first, ...rest] = points;
		await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [first!] });
		for (const p of rest) {
			await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [p] });
		}
		await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
	}
	await cdp.detach();
}

async function openHandwriting(page: Page) {
	await page.goto('/search');
	await expect(page.getByRole('searchbox')).toBeVisible();
	// The page is hydrated (the terminal is live) before the switch can answer a tap.
	await page.locator('html[data-kiosk-ready]').waitFor({ state: 'attached' });
	await page.getByRole('button', { name: '手写', exact: true }).tap();
	await expect(pad(page)).toBeVisible();
	await expect(page.getByRole('group', { name: '屏幕键盘' })).toHaveCount(0);
}

test.describe('handwriting input', () => {
	test('a written character becomes a candidate, then the query, then results', async ({
		page
	}) => {
		await openHandwriting(page);
		await write(page, '无');
		const pick = candidates(page).getByRole('button', { name: '无', exact: true });
		await expect(pick).toBeVisible();
		await pick.tap();
		await expect(page.getByRole('searchbox')).toHaveValue('无');
		await expect(page.getByTestId('search-result').first()).toContainText('无');
		// The ink is gone for the next character.
		await expect(candidates(page)).toHaveCount(0);
	});

	test('next words from the index continue what was written', async ({ page }) => {
		await openHandwriting(page);
		await write(page, '无');
		await candidates(page).getByRole('button', { name: '无', exact: true }).tap();
		const words = page.getByRole('group', { name: '联想词' });
		await expect(words.getByRole('button', { name: '无线电', exact: true })).toBeVisible();
		await words.getByRole('button', { name: '无线电台', exact: true }).tap();
		await expect(page.getByRole('searchbox')).toHaveValue('无线电台');
		await expect(page.getByTestId('search-result').first()).toContainText('无线电台');
	});

	test('重写 clears the pad, and 拼音 brings the keyboard back', async ({ page }) => {
		await openHandwriting(page);
		await write(page, '无');
		await expect(candidates(page).getByRole('button').first()).toBeVisible();
		await page.getByRole('button', { name: '重写' }).tap();
		await expect(candidates(page)).toHaveCount(0);
		await page.getByRole('button', { name: '拼音', exact: true }).tap();
		await expect(page.getByRole('group', { name: '屏幕键盘' })).toBeVisible();
	});
});
