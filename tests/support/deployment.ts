/**
 * Where the offline and update tests find the kiosk: each test gets a server of its own, so tests
 * run side by side without sharing a service worker origin or a deployed build.
 *
 * - `nginx`: Debian's nginx with the shipped deploy/ config (tests/support/nginx.ts), serving a
 *   `current` link that deploy() re-points, exactly like a release. pause() stops nginx.
 * - `static`: the small test server (scripts/static-server.ts), which can also cut a download
 *   short (`local.interrupt`).
 *
 * KIOSK_BASE_URL=http://host:port runs the nginx-preferring tests against another server
 * (KIOSK_DEPLOY_LINK names the symlink its root follows). That server cannot be taken away: the
 * tests that need it to say so when they skip. The test server is always local.
 */
import { existsSync, mkdtempSync, renameSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startStaticServer, type StaticServer } from '../../scripts/static-server.ts';
import { NGINX, startNginx } from './nginx';

export interface Deployment {
	readonly baseURL: string;
	/** What serves it, for the test's annotations. */
	readonly server: 'nginx' | 'static' | 'external';
	/** Serve this build folder from now on (a new deploy). */
	deploy(dir: string): Promise<void>;
	/** The local test server (`static` only): it can interrupt downloads. */
	readonly local: StaticServer | null;
	/** Whether pause() can take the server away (not an external server). */
	readonly canPause: boolean;
	/** The server goes away (connections refused) until resume(). */
	pause(): Promise<void>;
	resume(): Promise<void>;
	close(): Promise<void>;
}

const externalBaseUrl = process.env.KIOSK_BASE_URL?.replace(/\/$/, '') || null;

/** Why a test that must take the server away cannot run here (null: it can). */
export const cannotPauseReason = externalBaseUrl
	? `KIOSK_BASE_URL (${externalBaseUrl}) is a server these tests cannot take away`
	: null;

function pointLink(link: string, dir: string): void {
	const temp = `${link}.next-${process.pid}`;
	if (existsSync(temp)) unlinkSync(temp);
	symlinkSync(path.resolve(dir), temp, 'dir');
	renameSync(temp, link);
}

function external(dir: string): Deployment {
	const link = process.env.KIOSK_DEPLOY_LINK;
	const deploy = async (d: string) => {
		if (!link) throw new Error('deploying builds to KIOSK_BASE_URL needs KIOSK_DEPLOY_LINK');
		pointLink(link, d);
	};
	if (link) pointLink(link, dir);
	const cannot = async () => {
		throw new Error(cannotPauseReason!);
	};
	return {
		baseURL: externalBaseUrl!,
		server: 'external',
		deploy,
		local: null,
		canPause: false,
		pause: cannot,
		resume: cannot,
		close: async () => {}
	};
}

async function behindNginx(dir: string): Promise<Deployment> {
	const releases = mkdtempSync(path.join(os.tmpdir(), 'kiosk-releases-'));
	const current = path.join(releases, 'current');
	pointLink(current, dir);
	const nginx = await startNginx({ root: current });
	return {
		baseURL: nginx.url,
		server: 'nginx',
		deploy: async (d) => pointLink(current, d),
		local: null,
		canPause: true,
		pause: () => nginx.pause(),
		resume: () => nginx.resume(),
		close: async () => {
			await nginx.stop();
			rmSync(releases, { recursive: true, force: true });
		}
	};
}

async function onStaticServer(dir: string): Promise<Deployment> {
	const server = await startStaticServer(dir);
	return {
		baseURL: server.url,
		server: 'static',
		local: server,
		canPause: true,
		pause: () => server.pause(),
		resume: () => server.resume(),
		deploy: async (d: string) => {
			server.root = path.resolve(d);
		},
		close: () => server.close()
	};
}

/**
 * Serves the build in `dir` for one test: `static` on the test server; `nginx` behind nginx when
 * installed (else the test server), or KIOSK_BASE_URL. Tests record the choice as an annotation.
 */
export async function openDeployment(dir: string, prefer: 'nginx' | 'static'): Promise<Deployment> {
	if (prefer === 'static') return onStaticServer(dir);
	if (externalBaseUrl) return external(dir);
	if (existsSync(NGINX)) return behindNginx(dir);
	return onStaticServer(dir);
}
