/**
 * Unattended updates: a new build deployed in place of the running one is downloaded in the
 * background and taken up only at a safe moment (the kiosk's idle reset, a bulletin slide
 * change) with one reload; a visitor in the middle of something is never interrupted. A broken or
 * interrupted deploy leaves the running version alone, and the next check tries again.
 *
 * Builds two versions of the test content (tests/support/build-site.ts, ~15 s each) and switches
 * the test server between them (see tests/support/deployment.ts).
 * KIOSK_UPDATE_BUILDS=<folder> keeps the two builds between runs (delete it after changing code).
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import {
	cpSync,
	existsSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	unlinkSync,
	writeFileSync
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDocument, type Document } from 'yaml';
import { RELOAD_STUCK_MS, TAKEOVER_WAIT_MS } from '../src/lib/offline/reload';
import { buildSite } from './support/build-site';
import { openDeployment, type Deployment } from './support/deployment';
import {
	contentVersion,
	countLoads,
	loads,
	readSetting,
	waitForOfflineReady,
	workerSnapshot
} from './support/kiosk-page';

test.describe.configure({ mode: 'serial' });

interface Builds {
	a: string;
	b: string;
	/** B, but one page is still A's: its bytes do not match the new worker's integrity hash. */
	mismatch: string;
	/** B, with one file of the new version missing (404). */
	missing: string;
}

/** Set to a folder to keep the two builds between runs (they are rebuilt when missing). */
const KEEP_BUILDS = process.env.KIOSK_UPDATE_BUILDS
	? path.resolve(process.env.KIOSK_UPDATE_BUILDS)
	: null;
let work = '';
let builds: Builds;
let site: Deployment;
const IDLE_S = 15;
const COUNTDOWN_S = 20;

function editSite(dir: string, edit: (doc: Document) => void): void {
	const file = path.join(dir, 'site.yaml');
	const doc = parseDocument(readFileSync(file, 'utf8'));
	edit(doc);
	writeFileSync(file, doc.toString());
}

/** The pages a half-done deploy gets wrong. */
const STALE_PAGE = 'guides.html';
const MISSING_FILE = 'guides/__data.json';

test.beforeAll(async () => {
	test.setTimeout(300_000);
	work = mkdtempSync(path.join(os.tmpdir(), 'kiosk-update-'));
	const kept = KEEP_BUILDS ?? work;
	const contentA = path.join(work, 'content-a');
	const contentB = path.join(work, 'content-b');
	cpSync(path.resolve('tests/fixtures/good'), contentA, { recursive: true });
	// Real time, not page.clock (Chromium does not activate a waiting worker reliably under a
	// faked clock): the shortest idle reset and update interval site.yaml allows.
	editSite(contentA, (doc) => {
		doc.setIn(['kiosk', 'idleTimeoutSeconds'], IDLE_S);
		doc.setIn(['kiosk', 'idleCountdownSeconds'], COUNTDOWN_S);
		doc.setIn(['kiosk', 'updateCheckMinutes'], 1);
	});
	cpSync(contentA, contentB, { recursive: true });
	// Version B: the office renamed its hall (every page changes, and so does the worker).
	editSite(contentB, (doc) => doc.set('hallName', `${String(doc.get('hallName'))}（新址）`));

	builds = {
		a: path.join(kept, 'a'),
		b: path.join(kept, 'b'),
		mismatch: path.join(work, 'mismatch'),
		missing: path.join(work, 'missing')
	};
	if (!existsSync(builds.a)) await buildSite({ contentDir: contentA, outDir: builds.a });
	if (!existsSync(builds.b)) await buildSite({ contentDir: contentB, outDir: builds.b });
	cpSync(builds.b, builds.mismatch, { recursive: true });
	cpSync(path.join(builds.a, STALE_PAGE), path.join(builds.mismatch, STALE_PAGE));
	cpSync(builds.b, builds.missing, { recursive: true });
	unlinkSync(path.join(builds.missing, MISSING_FILE));
	// A failed install keeps the files it verified, and the earlier attempts may have fetched this
	// one: the manifest asks for a revision of it no attempt has seen, as a real new version would.
	const sw = path.join(builds.missing, 'sw.js');
	const entry = `url:"${MISSING_FILE}",revision:"`;
	expect(readFileSync(sw, 'utf8')).toContain(entry);
	writeFileSync(sw, readFileSync(sw, 'utf8').replace(entry, `${entry}unseen-`));
});

test.afterAll(() => {
	if (work) rmSync(work, { recursive: true, force: true });
});

// The test server, which can also cut a download short (a broken deploy's other half).
test.beforeEach(async () => {
	site = await openDeployment(builds.a, 'static');
	test.info().annotations.push({ type: 'server', description: site.server });
});
test.afterEach(async () => {
	await site.close();
});

type Marked = Window & { visitorMarker?: string };

function marker(page: Page): Promise<string | null> {
	return page.evaluate(() => (window as Marked).visitorMarker ?? null);
}

/** Opens the kiosk, waits until it works offline, and marks the page (a reload loses the mark). */
async function open(page: Page, url: string): Promise<string> {
	await countLoads(page);
	await page.goto(`${site.baseURL}${url}`);
	await waitForOfflineReady(page);
	await page.evaluate(() => ((window as Marked).visitorMarker = 'busy'));
	const version = await contentVersion(page);
	expect(version).toBeTruthy();
	return version!;
}

/** The network comes back: the kiosk checks for a new version right away. */
async function networkReturns(context: BrowserContext): Promise<void> {
	await context.setOffline(true);
	await context.setOffline(false);
}

function lastCheck(page: Page): Promise<{ at: string; result: string } | null> {
	return readSetting<{ at: string; result: string }>(page, 'lastCheck');
}

/** Waits for a check made after `since` to end with `result`. */
async function expectCheck(page: Page, since: string, result: string, timeout = 30_000) {
	await expect
		.poll(
			async () => {
				const check = await lastCheck(page);
				return check && check.at > since ? check.result : null;
			},
			{ timeout }
		)
		.toBe(result);
}

/** A visitor touching the screen every few seconds until `done` (never idle long enough to reset). */
async function visitorBusyUntil(page: Page, done: () => Promise<boolean>, timeoutMs: number) {
	const until = Date.now() + timeoutMs;
	while (!(await done())) {
		if (Date.now() > until) throw new Error('timed out while the visitor was busy');
		await page.locator('h1').first().tap();
		await page.waitForTimeout(4_000);
	}
}

/**
 * The page loaded once before the update, then reloaded into the new version. Every reload the
 * updater issued is in its account (why), and each is one of the documented ones: the new worker
 * took control; Chromium held it back past the takeover wait and the reload let it in, then the
 * page that came from the old worker caught up ("page older than its worker"); a reload that never
 * replaced the page was issued again ("…, reload lost" / "…, reload stuck"), and that one alone
 * loaded.
 */
async function expectUpdateReload(page: Page): Promise<void> {
	const raw = await page.evaluate(() => sessionStorage.getItem('kiosk-update-reload'));
	const why = (JSON.parse(raw ?? 'null') as { why?: string[] } | null)?.why ?? [];
	expect(why.length, `the updater's account of its reloads: ${raw}`).toBeGreaterThan(0);
	for (const reason of why) {
		expect(reason).toMatch(
			/^(new worker took control( while in use)?|worker held back|page older than its worker)(, reload (lost|stuck))*$/
		);
	}
	// A reload followed by its own retry never loaded; every other one did, once.
	const loaded = why.filter((reason, i) => !why[i + 1]?.startsWith(`${reason}, reload `));
	expect(
		await loads(page),
		`one load before the update, then one per reload that loaded: ${raw}`
	).toBe(1 + loaded.length);
	// The first reload that loaded took the page into the new worker, except when Chromium held it
	// back: the page may then have come from the old worker and caught up once, nothing else.
	const heldBack = loaded[0]?.startsWith('worker held back');
	const afterwards = loaded.slice(1);
	expect(heldBack ? [[], ['page older than its worker']] : [[]]).toContainEqual(afterwards);
}

/** Waits (real time) for the idle reset and for the reload to the new version it allows. */
async function expectReloadedAtIdleReset(page: Page, oldVersion: string): Promise<void> {
	await expect
		.poll(
			async () => {
				try {
					return (await marker(page)) === null && (await contentVersion(page)) !== oldVersion;
				} catch {
					return false; // mid-reload
				}
			},
			// The reset, the takeover wait, and time to call a stuck reload stuck and issue it again.
			{ timeout: (IDLE_S + COUNTDOWN_S) * 1000 + TAKEOVER_WAIT_MS + RELOAD_STUCK_MS + 30_000 }
		)
		.toBe(true)
		.catch(async (error: unknown) => {
			// What the terminal was doing, for whoever reads the failure.
			// A page with a navigation pending does not evaluate: give up on it after 5 s.
			const gaveUp = new Promise((resolve) => setTimeout(() => resolve('no answer'), 5_000));
			console.log(
				'state when the reload did not come:',
				page.url(),
				await Promise.race([
					gaveUp,
					page
						.evaluate(async () => ({
							url: location.href,
							overlay: document.querySelector('[data-testid=idle-overlay]')?.hasAttribute('open'),
							reg: await navigator.serviceWorker.getRegistration().then((r) => ({
								active: r?.active?.state,
								waiting: r?.waiting?.state,
								installing: r?.installing?.state
							})),
							controller: navigator.serviceWorker.controller?.state
						}))
						.catch((e) => String(e))
				])
			);
			throw error;
		});
}

test('kiosk: a new version is taken up at the next idle reset, never while a visitor is busy', async ({
	page
}) => {
	// Up to 100 s for the download, 35 s of a busy visitor, then the idle reset and the reload.
	test.setTimeout(330_000);
	const versionA = await open(page, '/');
	const started = new Date().toISOString();
	await page
		.getByRole('link', { name: /办事指南/ })
		.first()
		.tap();
	await expect(page).toHaveURL(/\/guides$/);
	await page.locator('a[href^="/guides/"]').first().tap();
	await expect(page).toHaveURL(/\/guides\/[^/]+$/);
	const guideUrl = page.url();

	// B is deployed while a visitor reads a guide; the one-minute check finds and downloads it.
	await site.deploy(builds.b);
	await visitorBusyUntil(
		page,
		async () =>
			(await lastCheck(page))?.result === 'ready' && (await lastCheck(page))!.at > started,
		100_000
	);
	expect(await workerSnapshot(page)).toMatchObject({ active: true, waiting: true });
	// The visitor keeps reading (longer than an idle reset would take), undisturbed.
	const end = Date.now() + (IDLE_S + COUNTDOWN_S) * 1000;
	await visitorBusyUntil(page, async () => Date.now() > end, 60_000);
	expect(await marker(page)).toBe('busy');
	expect(page.url()).toBe(guideUrl);
	expect(await contentVersion(page)).toBe(versionA);
	expect(await loads(page)).toBe(1);

	// Nobody there any more: the idle reset, then the update and one reload, on the home screen.
	await expectReloadedAtIdleReset(page, versionA);
	expect(page.url()).toBe(`${site.baseURL}/`);
	await expect(page.getByText('（新址）').first()).toBeVisible();
	await expectUpdateReload(page);
	expect(await workerSnapshot(page)).toMatchObject({ active: true, waiting: false });
	// When it was taken up, for the status screen: during this test, after the download.
	const applied = await readSetting<string>(page, 'lastApplied');
	expect(applied).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
	expect(applied! > started).toBe(true);
	expect(Date.parse(applied!)).toBeLessThanOrEqual(Date.now());
});

test('bulletin: a new version is taken up between two slides', async ({ page, context }) => {
	test.setTimeout(120_000);
	const versionA = await open(page, '/bulletin');
	const screen = page.getByTestId('bulletin');
	await expect(screen).toHaveAttribute('data-running', 'true');
	const since = new Date().toISOString();

	await site.deploy(builds.b);
	await networkReturns(context);
	await expectCheck(page, since, 'ready');
	// Downloaded; the slide on screen stays up until the rotation moves on.
	expect(await marker(page)).toBe('busy');

	// At the next slide change the screen reloads once, into B, and plays on.
	await expect
		.poll(
			async () => {
				try {
					return (await marker(page)) === null && (await contentVersion(page)) !== versionA;
				} catch {
					return false;
				}
			},
			{ timeout: 60_000 }
		)
		.toBe(true);
	expect(page.url()).toBe(`${site.baseURL}/bulletin`);
	await expectUpdateReload(page);
	await expect(page.getByTestId('bulletin')).toHaveAttribute('data-running', 'true');
});

test('a broken or interrupted deploy leaves the running version; the next check tries again', async ({
	page,
	context
}) => {
	test.setTimeout(240_000);
	const versionA = await open(page, '/');

	const local = site.local!;
	const attempts: [string, () => Promise<void>][] = [
		[
			'the network drops in the middle of the download',
			async () => {
				local.interrupt = (p) => p === '/guides';
				await site.deploy(builds.b);
			}
		],
		[
			'a page of the old version among the new files (integrity mismatch)',
			() => site.deploy(builds.mismatch)
		],
		['a file of the new version missing (404)', () => site.deploy(builds.missing)]
	];
	for (const [what, deploy] of attempts) {
		await test.step(what, async () => {
			const since = new Date().toISOString();
			await deploy();
			await networkReturns(context);
			await expectCheck(page, since, 'failed');
			// Nothing to take up, so no safe moment can reload the page.
			expect(await workerSnapshot(page)).toMatchObject({ active: true, waiting: false });
			expect(await contentVersion(page)).toBe(versionA);
			local.interrupt = null;
		});
	}
	await test.step('a safe moment after the failures changes nothing', async () => {
		await page.waitForTimeout((IDLE_S + COUNTDOWN_S + 3) * 1000);
		expect(await marker(page)).toBe('busy');
		expect(await contentVersion(page)).toBe(versionA);
		expect(await loads(page)).toBe(1);
	});

	await test.step('the deploy is completed: the next check takes it up', async () => {
		const since = new Date().toISOString();
		await site.deploy(builds.b);
		await networkReturns(context);
		await expectCheck(page, since, 'ready');
		await expectReloadedAtIdleReset(page, versionA);
		await expectUpdateReload(page);
	});
});
