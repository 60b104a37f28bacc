/**
 * The terminal's browser, for real: the Chromium policy that deploy/kiosk/lobby-kiosk-launch
 * writes, installed where Chromium reads managed policies, and a real keyboard (X key events on
 * a virtual screen, Xvfb + xdotool) against the kiosk served by the production nginx.
 *
 * Chromium reads managed policies only from /etc/chromium/policies/managed/. So that no other
 * Chromium on this machine (other test runs) sees a policy that blocks every address, the file is
 * bind-mounted there in a private mount namespace of the test's own browser (unshare); where that
 * is not allowed, it is installed there for the duration of the test and removed afterwards.
 * Either way this needs root.
 *
 * Playwright drives Chromium through the DevTools protocol, which `DeveloperToolsAvailability: 2`
 * switches off: the browser here runs the launcher's policy without that one entry (the first
 * test checks the file sets it).
 */
import {
	chromium,
	expect,
	test,
	type BrowserContext,
	type LaunchOptions,
	type Page
} from '@playwright/test';
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
	chmodSync,
	copyFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	rmdirSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromiumPath } from './browser';
import { startNginx, type RunningNginx } from './support/nginx';
import { injectOutsideLink } from './support/kiosk-page';

const LAUNCH = path.resolve('deploy/kiosk/lobby-kiosk-launch');
const BUILD = path.resolve(process.env.KIOSK_BUILD_DIR ?? process.env.BUILD_DIR ?? 'build');
const MANAGED = '/etc/chromium/policies/managed';
const IS_ROOT = process.getuid?.() === 0;

type Policy = Record<string, unknown>;

test.skip(
	!IS_ROOT,
	'needs root: Chromium reads managed policies only from /etc/chromium/policies/managed'
);
test.describe.configure({ mode: 'serial' });

/** The policy file the launcher writes for a terminal of `server`. */
function launcherPolicy(server: string, env: Record<string, string> = {}): Policy {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-policy-'));
	try {
		const run = spawnSync(LAUNCH, ['--write-policy'], {
			env: {
				PATH: process.env.PATH,
				KIOSK_SERVER: server,
				KIOSK_TERMINAL_ID: 'policy-test',
				KIOSK_POLICY_DIR: dir,
				...env
			},
			encoding: 'utf8'
		});
		expect(run.status, run.stderr).toBe(0);
		return JSON.parse(readFileSync(path.join(dir, 'lobby-kiosk.json'), 'utf8')) as Policy;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** What the test browser runs: the launcher's policy, minus what would lock Playwright out. */
function drivable(policy: Policy, extra: Policy = {}): Policy {
	const copy: Policy = { ...policy, ...extra };
	delete copy.DeveloperToolsAvailability;
	return copy;
}

// ---------------------------------------------------------------------------------------------
// The machinery: a virtual screen, the server, Chromium with a managed policy

let scratch: string;
let xvfb: ChildProcess | undefined;
let display = '';
let nginx: RunningNginx | undefined;
let createdDirs: string[] = [];
let privateMount = false;

async function startXvfb(): Promise<void> {
	for (let n = 90 + Math.floor(Math.random() * 200), tries = 0; tries < 20; n++, tries++) {
		if (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) continue;
		// No key autorepeat: on a busy machine a key press held a little long would repeat
		// (two tabs for one Ctrl+T).
		const child = spawn(
			'Xvfb',
			[`:${n}`, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp', '-ardelay', '600000'],
			{ stdio: 'ignore' }
		);
		for (let i = 0; i < 100 && child.exitCode === null; i++) {
			if (existsSync(`/tmp/.X11-unix/X${n}`)) {
				xvfb = child;
				display = `:${n}`;
				return;
			}
			await new Promise((r) => setTimeout(r, 100));
		}
		child.kill();
	}
	throw new Error('Xvfb did not start (apt-get install xvfb)');
}

test.beforeAll(async () => {
	if (!IS_ROOT) return;
	for (const tool of ['Xvfb', 'xdotool']) {
		if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
			throw new Error(`${tool} is missing: apt-get install xvfb xdotool`);
		}
	}
	if (!existsSync(path.join(BUILD, 'index.html')))
		throw new Error('no build: run `npx vite build`');
	scratch = mkdtempSync(path.join(os.tmpdir(), 'kiosk-launcher-'));
	symlinkSync(BUILD, path.join(scratch, 'current'));
	nginx = await startNginx({ root: path.join(scratch, 'current') });
	await startXvfb();
	// The mount point must exist; only what this test created is removed afterwards.
	for (const dir of ['/etc/chromium', '/etc/chromium/policies', MANAGED]) {
		if (!existsSync(dir)) {
			mkdirSync(dir);
			createdDirs.unshift(dir);
		}
	}
	privateMount = spawnSync('unshare', ['--mount', 'true']).status === 0;
});

test.afterAll(async () => {
	await nginx?.stop();
	xvfb?.kill();
	for (const dir of createdDirs) rmdirSync(dir);
	createdDirs = [];
	if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Chromium (system build: it reads /etc/chromium) with `policy` as its managed policy. */
async function withPolicy(
	policy: Policy,
	options: { headless: boolean },
	body: (context: BrowserContext, profile: string) => Promise<void>
): Promise<void> {
	const dir = mkdtempSync(path.join(scratch, 'run-'));
	const policyDir = path.join(dir, 'managed');
	const profile = path.join(dir, 'profile');
	mkdirSync(policyDir);
	writeFileSync(path.join(policyDir, 'lobby-kiosk.json'), JSON.stringify(policy, null, '\t'));
	const browser = chromiumPath() ?? '/usr/bin/chromium';
	let executablePath = browser;
	let installed: string | null = null;
	if (privateMount) {
		executablePath = path.join(dir, 'chromium');
		writeFileSync(
			executablePath,
			`#!/bin/sh\nexec unshare --mount --propagation private sh -c 'mount --bind "$0" ${MANAGED} && exec "$@"' '${policyDir}' '${browser}' "$@"\n`
		);
		chmodSync(executablePath, 0o755);
	} else {
		installed = path.join(MANAGED, `lobby-kiosk-test-${process.pid}.json`);
		copyFileSync(path.join(policyDir, 'lobby-kiosk.json'), installed);
	}
	const launch: LaunchOptions = {
		executablePath,
		headless: options.headless,
		args: ['--no-sandbox', '--kiosk', '--no-first-run', '--lang=zh-CN'],
		env: { ...process.env, DISPLAY: display },
		timeout: 60_000
	};
	const context = await chromium.launchPersistentContext(profile, {
		...launch,
		// The window as the launcher makes it: full screen (--kiosk). A viewport set by Playwright
		// would resize the window out of full screen, where Chromium keeps Ctrl+T/N/W to itself.
		viewport: null,
		deviceScaleFactor: undefined
	});
	try {
		await body(context, profile);
	} finally {
		await context.close();
		if (installed) rmSync(installed, { force: true });
	}
}

async function blocked(context: BrowserContext, url: string): Promise<string> {
	const page = await context.newPage();
	try {
		return await page.goto(url).then(
			() => `loaded ${page.url()}`,
			(e: Error) => (/ERR_BLOCKED_BY_ADMINISTRATOR/.test(e.message) ? 'blocked' : e.message)
		);
	} finally {
		await page.close();
	}
}

/** A real key press, as from a USB keyboard, into the browser window. */
function xkey(combo: string): void {
	const env = { ...process.env, DISPLAY: display };
	const windows = execFileSync('xdotool', ['search', '--onlyvisible', '--class', 'chromium'], {
		env,
		encoding: 'utf8'
	})
		.trim()
		.split('\n');
	expect(windows.length, 'one browser window').toBeGreaterThan(0);
	execFileSync('xdotool', ['windowfocus', '--sync', windows[0]!], { env });
	execFileSync('xdotool', ['key', '--clearmodifiers', combo], { env });
}

const settle = (page: Page) => page.waitForTimeout(800);

// ---------------------------------------------------------------------------------------------

test('the launcher locks the browser to the server by default, with downloads, dialogs and history off', () => {
	const server = 'https://kiosk.example.gov.cn';
	const policy = launcherPolicy(server);
	expect(policy).toMatchObject({
		URLBlocklist: ['*', 'chrome://*'],
		URLAllowlist: [server],
		DownloadRestrictions: 3,
		AllowFileSelectionDialogs: false,
		TaskManagerEndProcessEnabled: false,
		SavingBrowserHistoryDisabled: true,
		DeveloperToolsAvailability: 2,
		IncognitoModeAvailability: 1,
		// Printing is decided elsewhere; this file keeps what it had.
		PrintingEnabled: false
	});
	const open = launcherPolicy(server, { KIOSK_LOCK_TO_SERVER: 'no' });
	expect(open.URLBlocklist).toBeUndefined();
	expect(open.URLAllowlist).toBeUndefined();
	expect(open.SavingBrowserHistoryDisabled).toBe(true);
});

test('Chromium knows and applies every entry of the policy file (chrome://policy)', async () => {
	test.setTimeout(120_000);
	const policy = launcherPolicy(nginx!.url);
	// chrome://policy is itself refused by the blocklist: let this one page through to read it.
	const shown = drivable(policy, { URLAllowlist: [nginx!.url, 'chrome://policy'] });
	await withPolicy(shown, { headless: true }, async (context) => {
		const page = context.pages()[0] ?? (await context.newPage());
		await page.goto('chrome://policy');
		await expect(page.getByText('URLBlocklist', { exact: true }).first()).toBeVisible();
		// Each row's text (the page is built of shadow roots): "Name value Platform Machine Mandatory OK …".
		const rows: string[] = await page.evaluate(`(() => {
			const rows = [];
			const walk = (root) => {
				for (const el of root.querySelectorAll('*')) {
					if (el.localName === 'policy-row')
						rows.push((el.shadowRoot ?? el).textContent.replace(/\\s+/g, ' ').trim());
					if (el.shadowRoot) walk(el.shadowRoot);
				}
			};
			walk(document);
			return rows;
		})()`);
		const names = Object.keys(shown);
		expect(names.length).toBeGreaterThan(25);
		for (const name of names) {
			const row = rows.find((r) => r.startsWith(`${name} `));
			expect(row, `${name} is listed`).toBeTruthy();
			// "Deprecated" still applies (Chromium names the replacement in time); "Error" does not.
			expect(row, `${name} is applied`).toMatch(/ Mandatory (OK|Deprecated) /);
		}
	});
});

test('locked to the server: no other site, no browser page, no shortcut out, nothing in history', async () => {
	test.setTimeout(180_000);
	const { url } = nginx!;
	const other = url.replace('127.0.0.1', 'localhost'); // the same server under another origin
	const policy = drivable(launcherPolicy(url));
	await withPolicy(policy, { headless: false }, async (context, profile) => {
		const page = context.pages()[0] ?? (await context.newPage());
		await page.goto(`${url}/?terminal=policy-test&mode=kiosk`);
		await expect(page.locator('html[data-kiosk-ready]')).toHaveCount(1);

		await test.step('other sites and the browser’s own pages are refused', async () => {
			for (const target of [
				`${other}/`,
				'https://www.gov.cn/',
				'chrome://history',
				'chrome://downloads',
				'chrome://settings',
				'chrome://newtab',
				'file:///etc/passwd',
				`view-source:${url}/`
			]) {
				expect(await blocked(context, target), target).toBe('blocked');
			}
		});

		await test.step('with no kiosk page to stop them, Ctrl+T and Ctrl+H lead to a refusal', async () => {
			await page.bringToFront();
			await page.goto('about:blank');
			xkey('ctrl+t');
			await expect.poll(() => context.pages().length).toBe(2);
			const tab = context.pages()[1]!;
			await expect.poll(() => tab.url()).toMatch(/^chrome-error:/);
			await tab.close();
			xkey('ctrl+h');
			await expect
				.poll(() => context.pages().map((p) => p.url()))
				.toEqual([expect.stringMatching(/^chrome-error:/)]);
		});

		await test.step('on the kiosk page, browser shortcuts do nothing at all', async () => {
			await page.goto(`${url}/?terminal=policy-test&mode=kiosk`);
			await expect(page.locator('html[data-kiosk-ready]')).toHaveCount(1);
			await page.locator('a[href="/guides"]').first().click();
			await expect(page).toHaveURL(/\/guides$/);
			await page.evaluate(() => {
				const w = window as unknown as { keys: string[]; stayed: boolean };
				w.stayed = true;
				w.keys = [];
				window.addEventListener('keydown', (e) => w.keys.push(`${e.key}:${e.defaultPrevented}`));
			});
			const combos = [
				'ctrl+t',
				'ctrl+n',
				'ctrl+h',
				'ctrl+j',
				'ctrl+l',
				'ctrl+u',
				'ctrl+p',
				'F5',
				'ctrl+r',
				'alt+Left',
				'alt+Home',
				'ctrl+shift+Delete',
				'shift+Escape'
			];
			for (const combo of combos) {
				xkey(combo);
				await settle(page);
				expect(context.pages().length, combo).toBe(1);
				expect(page.url(), combo).toMatch(/\/guides$/);
				expect(await page.evaluate(() => 'stayed' in window), `${combo}: no reload`).toBe(true);
			}
			// Every one reached the page and was swallowed there (modifier keys alone pass).
			const keys = await page.evaluate(() => (window as unknown as { keys: string[] }).keys);
			const pressed = keys.filter((k) => !/^(Control|Alt|Shift):/.test(k));
			expect(pressed).toHaveLength(combos.length);
			expect(pressed.filter((k) => !k.endsWith(':true'))).toEqual([]);
		});

		await test.step('a middle or Ctrl click opens no new tab; an outside link shows its QR code', async () => {
			// The control: a page without the kiosk's lockdown does open a tab on a middle click.
			const bare = await context.newPage();
			await bare.setContent(`<a href="${url}/guides" style="font-size:40px">指南</a>`);
			await bare.locator('a').click({ button: 'middle' });
			await expect.poll(() => context.pages().length).toBe(3);
			for (const p of context.pages().slice(1)) await p.close();

			const guide = await page.locator('a[href^="/guides/"]').first().getAttribute('href');
			await page.goto(url + guide);
			await expect(page.locator('html[data-kiosk-ready]')).toHaveCount(1);
			const here = page.url();
			await injectOutsideLink(page);
			await page.getByRole('link', { name: '中国政府网' }).click({ button: 'middle' });
			const dialog = page.getByTestId('external-link-dialog');
			await expect(dialog).toBeVisible();
			await expect(dialog).toContainText('www.gov.cn');
			await settle(page);
			expect(context.pages().length).toBe(1);
			await page.goto(url + guide);
			await expect(page.locator('html[data-kiosk-ready]')).toHaveCount(1);
			const own = page.getByRole('link', { name: '首页' });
			await own.click({ button: 'middle' });
			await own.click({ modifiers: ['Control'] });
			await own.click({ modifiers: ['Shift'] });
			await settle(page);
			expect(context.pages().length).toBe(1);
			expect(page.url()).toBe(here);
		});

		await test.step('what visitors looked at is not written to the profile', async () => {
			await page.goto(`${url}/search?q=${encodeURIComponent('王小明')}`);
			await settle(page);
			await context.close();
			const history = path.join(profile, 'Default', 'History');
			const text = existsSync(history) ? readFileSync(history).toString('latin1') : '';
			expect(text.includes(new URL(url).host), 'the History database names a kiosk page').toBe(
				false
			);
		});
	});
});
