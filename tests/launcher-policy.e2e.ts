/**
 * The terminal's browser, for real: the policy deploy/kiosk/lobby-kiosk-launch writes, in a real
 * Chromium with a real keyboard, against the production nginx (tests/support/terminal-browser.ts
 * says how, and why this needs root).
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { injectOutsideLink } from './support/kiosk-page';
import {
	IS_ROOT,
	drivable,
	launcherPolicy,
	startTerminalRig,
	stopTerminalRig,
	withPolicy,
	xkey
} from './support/terminal-browser';

test.skip(
	!IS_ROOT,
	'needs root: Chromium reads managed policies only from /etc/chromium/policies/managed'
);
test.describe.configure({ mode: 'serial' });

let nginx: { url: string } | undefined;

test.beforeAll(async () => {
	if (!IS_ROOT) return;
	nginx = { url: await startTerminalRig() };
});

test.afterAll(async () => {
	await stopTerminalRig();
});

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
		// Each row's text (the page is built of shadow roots): "Name value Platform Machine Mandatory OK …",
		// without the row's own <style> and template comments (Chromium 150 has both in each row).
		const rows: string[] = await page.evaluate(`(() => {
			const rows = [];
			const text = (root) => [...root.childNodes]
				.filter((node) => node.nodeType !== Node.COMMENT_NODE && node.localName !== 'style')
				.map((node) => node.textContent)
				.join(' ');
			const walk = (root) => {
				for (const el of root.querySelectorAll('*')) {
					if (el.localName === 'policy-row')
						rows.push(text(el.shadowRoot ?? el).replace(/\\s+/g, ' ').trim());
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
