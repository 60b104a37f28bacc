/**
 * Urgent news within a minute: `npm run alert` writes `/alerts.json` into the served folder of a
 * running bulletin screen and touch kiosk; under a fake clock each shows it within 60 s and drops
 * it once its time has passed (or it is cleared). The site is a scratch copy of the build on the
 * test server, so writing the file touches nothing else.
 */
import { expect, test, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../scripts/alert';
import { openDeployment, type Deployment } from './support/deployment';

/** 2026-12-01 10:00 in the office (Asia/Shanghai). */
const MORNING = new Date('2026-12-01T10:00:00+08:00');
const TEXT = '今日下午暂停办理不动产登记';
const quiet = () => {};

let dir: string;
let site: Deployment;

test.beforeAll(async () => {
	dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-alerts-'));
	cpSync(path.resolve(process.env.BUILD_DIR || 'build'), dir, { recursive: true });
	site = await openDeployment(dir, 'static');
});

test.afterAll(async () => {
	await site?.close();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

// Two screens under fake clocks, each stepped through minutes of slides: more than the default
// minute on a shared 2-core machine.
test.describe.configure({ timeout: 180_000 });

test.beforeEach(() => {
	run(['--clear', '--into', dir], MORNING.getTime(), quiet);
});

/**
 * Opens a page (its context's fake clock installed) and waits until its first look at
 * /alerts.json is answered; then the clock stops, so only runFor() moves it and "within 60 s"
 * means 60 s of page time. The clock belongs to the context: every page in it shares it.
 */
async function open(page: Page, url: string, ready: string): Promise<void> {
	const firstPoll = page.waitForResponse((r) => r.url().endsWith('/alerts.json'));
	await page.goto(`${site.baseURL}${url}`);
	await expect(page.locator(ready)).toBeAttached();
	await firstPoll;
	// The clock runs until paused: on a busy machine the moment read may be past by the time the
	// pause arrives, so read it again and retry (a few times at most).
	for (let tries = 1; ; tries++) {
		const now = await page.evaluate(() => Date.now());
		try {
			await page.clock.pauseAt(now + 1_000);
			return;
		} catch (error) {
			if (tries >= 3 || !String(error).includes('to the past')) throw error;
		}
	}
}

const publish = (args: string[]) => run([...args, '--into', dir], MORNING.getTime(), quiet);

test('an alert reaches a running kiosk and bulletin within 60 s and leaves at its time', async ({
	page: kiosk,
	context
}) => {
	await context.clock.install({ time: MORNING });
	const bulletin = await context.newPage();
	await bulletin.setViewportSize({ width: 1920, height: 1080 });
	await open(kiosk, '/guides', 'html[data-kiosk-ready]');
	await open(bulletin, '/bulletin', '[data-testid="bulletin"][data-running="true"]');
	const band = kiosk.getByTestId('urgent-alert');
	// The sample content may run an urgent notice of its own in the ticker.
	const ticker = bulletin.locator('section.ticker', { hasText: TEXT });
	await expect(band).toHaveAttribute('data-count', '0');
	await expect(band).toBeHidden();
	await expect(ticker).toHaveCount(0);

	publish([TEXT, '--until', '10:30']);
	await context.clock.runFor(60_000);

	await expect(band).toBeVisible();
	await expect(band).toContainText(TEXT);
	await expect(band).toHaveAttribute('role', 'alert');
	// Above the page, below the top bar, and the toolbar still uncovered, in both orientations.
	for (const size of [
		{ width: 1080, height: 1920 },
		{ width: 1920, height: 1080 }
	]) {
		await kiosk.setViewportSize(size);
		const bandBox = (await band.boundingBox())!;
		const toolbarBox = (await kiosk.locator('nav.toolbar').boundingBox())!;
		expect(bandBox.y + bandBox.height).toBeLessThanOrEqual(toolbarBox.y);
		await kiosk.screenshot({ path: test.info().outputPath(`kiosk-alert-${size.width}.png`) });
	}
	await expect(ticker).toContainText(TEXT);
	await bulletin.screenshot({ path: test.info().outputPath('bulletin-alert.png') });

	// 10:30 passes; nothing was cleared by hand and the file still holds the alert.
	await context.clock.fastForward('30:00');
	await context.clock.runFor(1_000);
	await expect(band).toBeHidden();
	await expect(band).toHaveAttribute('data-count', '0');
	await expect(ticker).toHaveCount(0);
});

test('a takeover alert fills the bulletin between its slides, and --clear takes it off', async ({
	page
}) => {
	await page.setViewportSize({ width: 1920, height: 1080 });
	await page.clock.install({ time: MORNING });
	await open(page, '/bulletin', '[data-testid="bulletin"][data-running="true"]');
	const screen = page.getByTestId('bulletin');

	const kind = async () => (await screen.getAttribute('data-kind')) ?? '';
	publish(['大厅临时疏散，请按指示有序离开', '--until', '12:00', '--level', 'takeover']);
	// It takes the screen within 60 s (its turn lasts 20 s, so 2 s steps cannot miss it).
	let waited = 0;
	while (waited < 60_000 && (await kind()) !== 'urgent') {
		await page.clock.runFor(2_000);
		waited += 2_000;
	}
	expect(await kind()).toBe('urgent');
	expect(waited).toBeLessThanOrEqual(60_000);
	await expect(page.locator('.layer.front')).toContainText('大厅临时疏散，请按指示有序离开');
	await page.screenshot({ path: test.info().outputPath('bulletin-takeover.png') });

	// Not a frozen frame: the rotation goes on between its turns, then it comes back.
	const seen: string[] = ['urgent'];
	for (let i = 0; i < 45 && seen.filter((k) => k === 'urgent').length < 2; i++) {
		await page.clock.runFor(2_000);
		const now = await kind();
		if (now !== seen.at(-1)) seen.push(now);
	}
	expect(seen.length).toBeGreaterThanOrEqual(3);
	expect(seen[1]).not.toBe('urgent');
	expect(seen.filter((k) => k === 'urgent')).toHaveLength(2);

	publish(['--clear']);
	await page.clock.runFor(60_000);
	await expect(page.locator('section.ticker', { hasText: '大厅临时疏散' })).toHaveCount(0);
	for (let i = 0; i < 3; i++) {
		await page.clock.runFor(20_000);
		await expect(screen).not.toHaveAttribute('data-kind', 'urgent');
	}
});
