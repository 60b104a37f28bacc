/**
 * Printing on a terminal, for real: a CUPS queue `hall-printer` that writes PDF files (cups-pdf),
 * Chromium started with the launcher's own flags, address and policy for KIOSK_PRINTER (under
 * Xvfb, tests/support/terminal-browser.ts), a tap on the print button beside a guide's materials,
 * and the page that comes out of the printer: an A4 checklist with the guide's materials.
 *
 * Needs root (the managed policy; lpadmin) and the Debian packages cups, printer-driver-cups-pdf
 * and poppler-utils (scripts/test.sh installs them). Starts cupsd when it is not running.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	IS_ROOT,
	drivable,
	launcherPolicy,
	runLauncher,
	startTerminalRig,
	stopTerminalRig,
	withPolicy
} from './support/terminal-browser';

const PRINTER = 'hall-printer';
const PPD = '/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd';

test.skip(!IS_ROOT, 'needs root: the managed Chromium policy and lpadmin');
test.describe.configure({ mode: 'serial' });

let server = '';
let cupsd: ChildProcess | undefined;
let createdQueue = false;

const sh = (command: string) => spawnSync('sh', ['-c', command], { encoding: 'utf8' });

/** Where cups-pdf writes a job of this (root's) user: `Out` of cups-pdf.conf. */
function pdfFolder(): string {
	const conf = existsSync('/etc/cups/cups-pdf.conf')
		? readFileSync('/etc/cups/cups-pdf.conf', 'utf8')
		: '';
	const out = /^Out\s+(.+)$/m.exec(conf)?.[1]?.trim() ?? '${HOME}/PDF';
	return out.replace('${HOME}', os.userInfo().homedir).replace('${USER}', os.userInfo().username);
}

test.beforeAll(async () => {
	if (!IS_ROOT) return;
	for (const tool of ['cupsd', 'lpadmin', 'lpstat', 'pdfinfo', 'pdftoppm']) {
		if (sh(`command -v ${tool}`).status !== 0)
			throw new Error(
				`${tool} is missing: apt-get install cups printer-driver-cups-pdf poppler-utils`
			);
	}
	if (!existsSync(PPD))
		throw new Error(`${PPD} is missing: apt-get install printer-driver-cups-pdf`);
	// A CUPS that freezes Chromium's printing would hang the tap below for good: say so instead.
	const cups = spawnSync('bash', ['deploy/kiosk/lobby-kiosk-cups', 'check'], { encoding: 'utf8' });
	if (cups.status !== 0) throw new Error(cups.stderr.trim());
	if (sh('lpstat -r').stdout.includes('not running')) {
		cupsd = spawn('cupsd', ['-f'], { stdio: 'ignore' });
		await expect.poll(() => sh('lpstat -r').stdout, { timeout: 20_000 }).toContain('is running');
	}
	if (sh(`lpstat -p ${PRINTER}`).status !== 0) {
		execFileSync('lpadmin', ['-p', PRINTER, '-E', '-v', 'cups-pdf:/', '-P', PPD], {
			stdio: 'ignore'
		});
		createdQueue = true;
	}
	execFileSync('lpadmin', ['-d', PRINTER]);
	server = await startTerminalRig();
});

test.afterAll(async () => {
	await stopTerminalRig();
	if (createdQueue) spawnSync('lpadmin', ['-x', PRINTER]);
	cupsd?.kill();
});

/** The Chromium command line the launcher runs, minus the binary, profile and address. */
function launcherFlags(env: Record<string, string>): { flags: string[]; url: string } {
	const settings = { KIOSK_SERVER: server, KIOSK_TERMINAL_ID: 'print-test', ...env };
	const command = runLauncher(['--print-command'], settings).trim();
	// The launcher prints it shell-quoted (printf %q): let the shell take it apart.
	const words = execFileSync(
		'bash',
		['-c', 'eval "words=($1)"; printf "%s\\0" "${words[@]}"', '_', command],
		{
			encoding: 'utf8'
		}
	)
		.split('\0')
		.slice(0, -1);
	const url = runLauncher(['--print-url'], settings).trim();
	expect(words.at(-1)).toBe(url);
	return { flags: words.slice(1, -1).filter((w) => !w.startsWith('--user-data-dir=')), url };
}

async function openGuide(context: BrowserContext, url: string): Promise<Page> {
	const page = context.pages()[0] ?? (await context.newPage());
	await page.goto(url);
	await expect(page.locator('html[data-kiosk-ready]')).toHaveCount(1);
	await page.locator('a[href="/guides"]').first().click();
	await page.locator('a[href^="/guides/"]').first().click();
	await expect(page.locator('#materials table.materials')).toBeVisible();
	return page;
}

/** The terminal settings the kiosk stored (lib/offline/db.ts), or null. Runs in the page. */
async function storedTerminal(): Promise<{ id: string; printer?: boolean } | null> {
	// Opening a database that does not exist yet would create it empty, under the app's feet.
	const known = await indexedDB.databases();
	if (!known.some((d) => d.name === 'lobby-kiosk')) return null;
	return new Promise((resolve) => {
		const open = indexedDB.open('lobby-kiosk');
		open.onerror = () => resolve(null);
		open.onsuccess = () => {
			const db = open.result;
			if (!db.objectStoreNames.contains('settings')) return resolve(null);
			const get = db.transaction('settings').objectStore('settings').get('terminal');
			get.onsuccess = () => {
				const value = get.result as { id: string; printer?: boolean } | undefined;
				db.close();
				resolve(value ? { id: value.id, ...(value.printer ? { printer: true } : {}) } : null);
			};
			get.onerror = () => resolve(null);
		};
	});
}

/** The job title in a cups-pdf file name: each byte outside a-z0-9 is written as `NNN_` (octal). */
function jobTitleOf(file: string): string {
	const name = path.basename(file, '.pdf');
	const bytes = [...name.matchAll(/(\d{3})_|([A-Za-z0-9])/g)].map((m) =>
		m[1] ? parseInt(m[1], 8) : m[2]!.charCodeAt(0)
	);
	// The name is cut after a number of bytes, maybe inside a character.
	return new TextDecoder().decode(Uint8Array.from(bytes)).replace(/\uFFFD+$/, '');
}

/** The share of dark pixels on the first page (pdftoppm, grey, 20 dpi). */
function inkCoverage(pdf: string): number {
	const pgm = execFileSync('pdftoppm', ['-gray', '-r', '20', '-f', '1', '-l', '1', pdf], {
		maxBuffer: 1 << 24,
		stdio: ['ignore', 'pipe', 'ignore'] // Chromium's Type 3 glyphs make poppler chatty
	});
	// A binary PGM: "P5\n<w> <h>\n255\n" then one byte a pixel.
	const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
	expect(header, 'pdftoppm wrote a PGM').not.toBeNull();
	const pixels = pgm.subarray(header![0].length);
	expect(pixels.length).toBe(Number(header![1]) * Number(header![2]));
	return pixels.filter((v) => v < 160).length / pixels.length;
}

function pdfsIn(folder: string): string[] {
	if (!existsSync(folder)) return [];
	return readdirSync(folder)
		.filter((f) => f.endsWith('.pdf'))
		.map((f) => path.join(folder, f));
}

test('a tap on the print button beside the materials prints an A4 checklist, with no dialog', async () => {
	test.setTimeout(180_000);
	const { flags, url } = launcherFlags({ KIOSK_PRINTER: PRINTER });
	expect(flags).toContain('--kiosk-printing');
	expect(url).toMatch(/&printer=yes$/);
	const policy = launcherPolicy(server, { KIOSK_PRINTER: PRINTER });
	expect(policy).toMatchObject({ PrintingEnabled: true, PrintHeaderFooter: false });

	const folder = pdfFolder();
	const before = new Set(pdfsIn(folder));
	const started = Date.now();
	await withPolicy(drivable(policy), { headless: false, args: flags }, async (context) => {
		const page = await openGuide(context, url);
		const guideName = (await page.locator('h1').textContent())!.trim();
		const materials = (
			await page.locator('#materials table.materials tbody tr strong').allTextContents()
		).map((m) => m.trim());
		expect(materials.length).toBeGreaterThan(0);

		const button = page.locator('#materials').getByRole('button', { name: '打印材料清单' });
		await expect(button).toHaveCount(1);
		// Nowhere else on the page: the heading no longer carries it.
		await expect(page.getByRole('button', { name: '打印材料清单' })).toHaveCount(1);
		await button.click();
		await expect(page.locator('#materials [role="status"]')).toContainText('已发送到打印机');
		await expect(button).toBeDisabled();

		const fresh = () =>
			pdfsIn(folder).filter((f) => !before.has(f) && statSync(f).mtimeMs >= started - 1000);
		await expect
			.poll(fresh, { timeout: 60_000, message: `a new PDF from cups-pdf in ${folder}` })
			.toHaveLength(1);
		const [pdf] = fresh();
		try {
			// Done once CUPS has no job left for the queue (cups-pdf writes the file as it goes).
			await expect
				.poll(() => sh(`lpstat -o ${PRINTER}`).stdout.trim(), { timeout: 60_000 })
				.toBe('');
			// No print dialog, no second window: the visitor is still on the guide.
			expect(context.pages()).toHaveLength(1);
			expect(page.url()).toMatch(/\/guides\/[^/]+$/);

			await test.info().attach('checklist.pdf', { path: pdf!, contentType: 'application/pdf' });
			const info = execFileSync('pdfinfo', [pdf!], { encoding: 'utf8' });
			expect(info).toMatch(/Page size:.* pts \(A4\)/);
			expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(1);

			// cups-pdf names the file after the job, which Chromium names after the page: the guide.
			expect(guideName.startsWith(jobTitleOf(pdf!))).toBe(true);
			// The page is printed, not blank. (Its words are checked in Chromium's own PDF of the
			// page, kiosk.e2e.ts: CUPS's PostScript step drops the text layer of Chinese glyphs,
			// so pdftotext cannot read them back here.)
			expect(inkCoverage(pdf!)).toBeGreaterThan(0.01);
			// The checklist was on the page that printed, all of it (the same page, print media).
			await page.emulateMedia({ media: 'print' });
			const printed = (await page.locator('#materials').innerText()).replace(/\s+/g, '');
			for (const material of materials)
				expect(printed, material).toContain(material.replace(/\s+/g, ''));
			expect(printed).toContain(`${guideName}·申请材料清单`.replace(/\s+/g, ''));
		} finally {
			rmSync(pdf!, { force: true });
		}
	});
});

test('a terminal without a printer shows no print button, and its browser cannot print', async () => {
	test.setTimeout(120_000);
	const { flags, url } = launcherFlags({});
	expect(flags).not.toContain('--kiosk-printing');
	expect(url).not.toContain('printer');
	const policy = launcherPolicy(server);
	expect(policy.PrintingEnabled).toBe(false);

	await withPolicy(drivable(policy), { headless: false, args: flags }, async (context) => {
		const page = await openGuide(context, url);
		await expect(page.locator('html[data-kiosk-ready]')).toHaveCount(1);
		// The button would show once the terminal's settings are stored (they are read beside
		// hydration): wait for them, so that its absence means something.
		await expect.poll(() => page.evaluate(storedTerminal)).toEqual({ id: 'print-test' });
		await expect(page.locator('#materials table.materials')).toBeVisible();
		await expect(page.getByRole('button', { name: '打印材料清单' })).toHaveCount(0);
	});
});

test('the launcher offers printing only when CUPS has the queue', () => {
	test.setTimeout(60_000);
	// The real start path (not --print-*), with `echo` for Chromium: the command it would run.
	const start = (printer: string) => {
		const profile = mkdtempSync(path.join(os.tmpdir(), 'kiosk-profile-'));
		try {
			return runLauncher([], {
				KIOSK_SERVER: server,
				KIOSK_TERMINAL_ID: 'print-test',
				KIOSK_PRINTER: printer,
				KIOSK_CHROMIUM: 'echo',
				KIOSK_PROFILE_DIR: profile,
				DISPLAY: ':0'
			});
		} finally {
			rmSync(profile, { recursive: true, force: true });
		}
	};
	const present = start(PRINTER);
	expect(present).toContain('--kiosk-printing');
	expect(present).toContain('&printer=yes');
	const missing = start('no-such-printer');
	expect(missing).not.toContain('--kiosk-printing');
	expect(missing).not.toContain('printer=yes');
});
