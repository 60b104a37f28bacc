/**
 * Read-aloud really speaks on the terminal: Chromium with the launcher's own flags
 * (deploy/kiosk/lobby-kiosk-launch, which passes --enable-speech-dispatcher), speech-dispatcher
 * with espeak-ng's Mandarin voice as deploy/kiosk/install.sh installs them, and a virtual sound
 * card (a PulseAudio null sink) whose output is recorded. Nothing is read: silence; a guide's
 * 申请材料 section read: speech; a touch: silence again; the home menu read in elder mode takes
 * longer than without. Sound server and speech server are this test's own (private sockets in a
 * scratch folder) and stop with it.
 */
import { chromium, expect, test, type Browser } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS, chromiumPath } from './browser';

const LAUNCH = path.resolve('deploy/kiosk/lobby-kiosk-launch');
const RATE = 16_000;
/** 16-bit RMS: the null sink is digital silence (0) when idle; espeak-ng speech is in the thousands. */
const SILENT = 50;
const SPEECH = 500;

test.describe.configure({ mode: 'serial' });

let scratch = '';
const children: ChildProcess[] = [];
let browser: Browser | undefined;

function need(tool: string, pkg: string): void {
	if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0)
		throw new Error(`${tool} is missing: apt-get install ${pkg} (scripts/test.sh installs it)`);
}

async function waitFor(file: string, what: string): Promise<void> {
	for (let i = 0; i < 200; i++) {
		if (existsSync(file)) return;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`${what} did not start (no ${file})`);
}

/** The Chromium flags the launcher gives a terminal, parsed from its --print-command. */
function launcherFlags(server: string): string[] {
	const run = spawnSync(LAUNCH, ['--print-command'], {
		env: { PATH: process.env.PATH, KIOSK_SERVER: server, KIOSK_TERMINAL_ID: 'voice-test' },
		encoding: 'utf8'
	});
	expect(run.status, run.stderr).toBe(0);
	// printf %q: words split on unescaped spaces, backslashes escape the next character.
	const words = run.stdout.trim().match(/(?:\\.|[^\s\\])+/g) ?? [];
	return words.map((w) => w.replace(/\\(.)/g, '$1')).filter((w) => w.startsWith('--'));
}

/** Records the virtual speaker for `ms` and returns the loudness (RMS) of each 100 ms. */
async function record(env: NodeJS.ProcessEnv, ms: number): Promise<number[]> {
	const parec = spawn(
		'parec',
		['-d', 'kiosk.monitor', '--format=s16le', `--rate=${RATE}`, '--channels=1', '--raw'],
		{ env, stdio: ['ignore', 'pipe', 'inherit'] }
	);
	const chunks: Buffer[] = [];
	parec.stdout.on('data', (c: Buffer) => chunks.push(c));
	await new Promise((r) => setTimeout(r, ms));
	parec.kill();
	await new Promise((r) => parec.once('close', r));
	const pcm = Buffer.concat(chunks);
	const window = RATE / 10;
	const out: number[] = [];
	for (let start = 0; start + window * 2 <= pcm.length; start += window * 2) {
		let sum = 0;
		for (let i = 0; i < window; i++) sum += pcm.readInt16LE(start + i * 2) ** 2;
		out.push(Math.round(Math.sqrt(sum / window)));
	}
	return out;
}

/**
 * Starts recording, runs `act`, and returns how long the speech that follows lasts (from the first
 * to the last loud 100 ms, ended by 2 s of silence), or 0 if none comes within 20 s.
 */
async function speechLength(env: NodeJS.ProcessEnv, act: () => Promise<void>): Promise<number> {
	const parec = spawn(
		'parec',
		['-d', 'kiosk.monitor', '--format=s16le', `--rate=${RATE}`, '--channels=1', '--raw'],
		{ env, stdio: ['ignore', 'pipe', 'inherit'] }
	);
	const windowBytes = (RATE / 10) * 2;
	let pending = Buffer.alloc(0);
	let windows = 0;
	let first = -1;
	let last = -1;
	const done = new Promise<void>((resolve) => {
		parec.stdout.on('data', (chunk: Buffer) => {
			pending = Buffer.concat([pending, chunk]);
			while (pending.length >= windowBytes) {
				let sum = 0;
				for (let i = 0; i < windowBytes; i += 2) sum += pending.readInt16LE(i) ** 2;
				pending = pending.subarray(windowBytes);
				if (Math.sqrt(sum / (windowBytes / 2)) > SPEECH) {
					if (first < 0) first = windows;
					last = windows;
				}
				windows += 1;
				if ((first >= 0 && windows - last > 20) || (first < 0 && windows > 200)) resolve();
			}
		});
		parec.once('close', () => resolve());
	});
	await act();
	await Promise.race([done, new Promise((r) => setTimeout(r, 120_000))]);
	parec.kill();
	return first < 0 ? 0 : (last - first + 1) / 10;
}

test.beforeAll(async () => {
	need('pulseaudio', 'pulseaudio');
	need('parec', 'pulseaudio-utils');
	need('speech-dispatcher', 'speech-dispatcher speech-dispatcher-espeak-ng espeak-ng');
	scratch = mkdtempSync(path.join(os.tmpdir(), 'kiosk-voice-'));
});

test.afterAll(async () => {
	await browser?.close();
	for (const child of children.reverse()) child.kill();
	await Promise.all(
		children.map((c) => c.exitCode === null && new Promise((r) => c.once('exit', r)))
	);
	if (scratch) rmSync(scratch, { recursive: true, force: true });
});

test('a guide section read aloud comes out of the speaker, a touch silences it, elder mode is slower', async ({
	baseURL
}) => {
	test.setTimeout(240_000);
	const pulse = path.join(scratch, 'pulse.sock');
	const speechd = path.join(scratch, 'speechd.sock');
	const env: NodeJS.ProcessEnv = {
		...process.env,
		HOME: scratch,
		XDG_RUNTIME_DIR: scratch,
		PULSE_SERVER: `unix:${pulse}`,
		SPEECHD_ADDRESS: `unix_socket:${speechd}`
	};

	await test.step('a virtual sound card and the speech server', async () => {
		const sound = spawn(
			'pulseaudio',
			[
				'-n',
				'--daemonize=no',
				'--exit-idle-time=-1',
				'--use-pid-file=no',
				'--system=no',
				'-L',
				`module-native-protocol-unix socket=${pulse} auth-anonymous=1`,
				'-L',
				'module-null-sink sink_name=kiosk'
			],
			{ env, stdio: 'ignore' }
		);
		children.push(sound);
		await waitFor(pulse, 'PulseAudio');
		// As the launcher does: the speech server runs before Chromium asks it for voices.
		const server = spawn(
			'speech-dispatcher',
			['-s', '-t', '0', '-c', 'unix_socket', '-S', speechd, '-L', scratch],
			{ env, stdio: 'ignore' }
		);
		children.push(server);
		await waitFor(speechd, 'speech-dispatcher');
	});

	const flags = launcherFlags(baseURL!);
	expect(flags).toContain('--enable-speech-dispatcher');
	browser = await chromium.launch({
		executablePath: chromiumPath(),
		// The launcher's flags, less the profile folder (Playwright brings its own).
		args: [...CHROMIUM_ARGS, ...flags.filter((f) => !f.startsWith('--user-data-dir'))],
		ignoreDefaultArgs: ['--mute-audio'],
		env
	});
	const context = await browser.newContext({
		baseURL,
		viewport: { width: 1080, height: 1920 },
		hasTouch: true,
		locale: 'zh-CN'
	});
	const page = await context.newPage();
	await page.goto('/guides');
	await page.locator('a[href^="/guides/"]').first().tap();
	const read = page.getByRole('button', { name: '朗读：申请材料' });
	// espeak-ng lists thousands of voices; on a busy machine Chromium takes a while to have them.
	await expect(read, 'the Mandarin voice of espeak-ng is found').toBeVisible({ timeout: 120_000 });

	await test.step('nothing read: silence', async () => {
		const quiet = await record(env, 2000);
		expect(quiet.length).toBeGreaterThan(10);
		expect(Math.max(...quiet)).toBeLessThan(SILENT);
	});

	await test.step('the 申请材料 section read: speech', async () => {
		await read.tap();
		await expect(page.getByRole('button', { name: '停止朗读：申请材料' })).toBeVisible();
		const speech = await record(env, 5000);
		const loud = speech.filter((rms) => rms > SPEECH).length;
		expect(loud, `100 ms windows above ${SPEECH} RMS: ${speech.join(' ')}`).toBeGreaterThan(10);
	});

	await test.step('any touch stops it: silence again', async () => {
		await page.locator('h1').tap();
		await expect(page.getByRole('button', { name: '朗读：申请材料' })).toBeVisible();
		await page.waitForTimeout(1000);
		const after = await record(env, 2000);
		expect(after.length).toBeGreaterThan(10);
		expect(Math.max(...after), after.join(' ')).toBeLessThan(SILENT);
	});

	await test.step('elder mode reads slower: the home menu takes longer to read', async () => {
		await page.goto('/');
		const menu = page.getByRole('button', { name: '朗读：主要栏目' });
		await expect(menu).toBeVisible({ timeout: 120_000 });
		const normal = await speechLength(env, () => menu.tap());
		await page.getByRole('button', { name: '长辈模式' }).tap();
		await page.waitForTimeout(1000);
		const elder = await speechLength(env, () => menu.tap());
		test.info().annotations.push({
			type: 'figure',
			description: `home menu read aloud: ${normal} s, in elder mode ${elder} s`
		});
		expect(normal).toBeGreaterThan(2);
		// Chromium hands speech-dispatcher a logarithmic rate: 0.7 is about 15 % fewer words a minute
		// in espeak-ng, with its pauses unchanged (measured: 42.5 s, elder 46.7 s).
		expect(elder).toBeGreaterThan(normal * 1.05);
	});
	await context.close();
});
