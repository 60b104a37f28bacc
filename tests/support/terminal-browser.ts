/**
 * The terminal's browser, for real: the Chromium policy that deploy/kiosk/lobby-kiosk-launch
 * writes, installed where Chromium reads managed policies, in a headed Chromium on a virtual
 * screen (Xvfb; xdotool for real key presses), against the kiosk served by the production nginx.
 *
 * Chromium reads managed policies only from /etc/chromium/policies/managed/. So that no other
 * Chromium on this machine (other test runs) sees a policy that blocks every address, the file is
 * bind-mounted there in a private mount namespace of the test's own browser (unshare); where that
 * is not allowed, it is installed there for the duration of the test and removed afterwards.
 * Either way this needs root.
 *
 * Playwright drives Chromium through the DevTools protocol, which `DeveloperToolsAvailability: 2`
 * switches off: the browser here runs the launcher's policy without that one entry (`drivable`).
 */
import { chromium, expect, type BrowserContext, type LaunchOptions } from '@playwright/test';
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
import { chromiumPath, removeProfileDir } from '../browser';
import { startNginx, type RunningNginx } from './nginx';

export const LAUNCH = path.resolve('deploy/kiosk/lobby-kiosk-launch');
const BUILD = path.resolve(process.env.KIOSK_BUILD_DIR ?? process.env.BUILD_DIR ?? 'build');
const MANAGED = '/etc/chromium/policies/managed';
export const IS_ROOT = process.getuid?.() === 0;

export type Policy = Record<string, unknown>;

/** The launcher run with `args` and only these settings (plus PATH); it must succeed. */
export function runLauncher(args: string[], env: Record<string, string>): string {
	const run = spawnSync(LAUNCH, args, {
		env: { PATH: process.env.PATH, ...env },
		encoding: 'utf8'
	});
	expect(run.status, run.stderr).toBe(0);
	return run.stdout;
}

/** The policy file the launcher writes for a terminal of `server`. */
export function launcherPolicy(server: string, env: Record<string, string> = {}): Policy {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-policy-'));
	try {
		runLauncher(['--write-policy'], {
			KIOSK_SERVER: server,
			KIOSK_TERMINAL_ID: 'policy-test',
			KIOSK_POLICY_DIR: dir,
			...env
		});
		return JSON.parse(readFileSync(path.join(dir, 'lobby-kiosk.json'), 'utf8')) as Policy;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** What the test browser runs: the launcher's policy, minus what would lock Playwright out. */
export function drivable(policy: Policy, extra: Policy = {}): Policy {
	const copy: Policy = { ...policy, ...extra };
	delete copy.DeveloperToolsAvailability;
	return copy;
}

// ---------------------------------------------------------------------------------------------
// The machinery: a virtual screen, the server, Chromium with a managed policy

let scratch = '';
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

/** Starts nginx on the build, the virtual screen and the policy folder; returns the server's URL. */
export async function startTerminalRig(): Promise<string> {
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
	return nginx.url;
}

export async function stopTerminalRig(): Promise<void> {
	await nginx?.stop();
	nginx = undefined;
	xvfb?.kill();
	xvfb = undefined;
	for (const dir of createdDirs) rmdirSync(dir);
	createdDirs = [];
	if (scratch) removeProfileDir(scratch);
	scratch = '';
}

export interface TerminalBrowserOptions {
	headless: boolean;
	/** Command-line flags; by default the few that matter here of the launcher's own. */
	args?: string[];
	/** Extra environment for Chromium (e.g. CUPS_SERVER). */
	env?: Record<string, string>;
}

/** Chromium (system build: it reads /etc/chromium) with `policy` as its managed policy. */
export async function withPolicy(
	policy: Policy,
	options: TerminalBrowserOptions,
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
		args: ['--no-sandbox', ...(options.args ?? ['--kiosk', '--no-first-run', '--lang=zh-CN'])],
		env: { ...process.env, ...options.env, DISPLAY: display },
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

/** A real key press, as from a USB keyboard, into the browser window. */
export function xkey(combo: string): void {
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
