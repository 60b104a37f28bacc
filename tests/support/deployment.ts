/**
 * Where the offline and update tests find the kiosk. By default a local static server
 * (static-server.ts) serves a build folder. To run the same tests against a real web server:
 *
 *   KIOSK_BASE_URL=http://127.0.0.1:8080     the server's address
 *   KIOSK_DEPLOY_LINK=/srv/kiosk/current     a symlink the server uses as its root; the update
 *                                            tests deploy a build by re-pointing it (atomically)
 *
 * The local server can also become unreachable and cut a download short. The nginx of
 * playwright.nginx.config.ts can be taken away and brought back too (stopped and started again);
 * another external server cannot, so those steps are skipped there.
 */
import { existsSync, renameSync, symlinkSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { startStaticServer, type StaticServer } from '../../scripts/static-server.ts';
import { globalNginxControl } from './nginx';

export interface Deployment {
	readonly baseURL: string;
	/** Serve this build folder from now on (a new deploy). */
	deploy(dir: string): Promise<void>;
	/** The local server, when the tests run one (null against an external server). */
	readonly local: StaticServer | null;
	/** Whether pause() can take the server away (not for an arbitrary external server). */
	readonly canPause: boolean;
	/** The server goes away (connections refused) until resume(); close() brings it back. */
	pause(): Promise<void>;
	resume(): Promise<void>;
	close(): Promise<void>;
}

export const externalBaseUrl = process.env.KIOSK_BASE_URL?.replace(/\/$/, '') || null;

function pointLink(link: string, dir: string): void {
	const temp = `${link}.next-${process.pid}`;
	if (existsSync(temp)) unlinkSync(temp);
	symlinkSync(path.resolve(dir), temp, 'dir');
	renameSync(temp, link);
}

/** Opens a deployment serving `dir` (locally), or the external server (then `dir` is deployed
 * only when KIOSK_DEPLOY_LINK is set; otherwise the server's own content is used). */
export async function openDeployment(dir: string): Promise<Deployment> {
	if (externalBaseUrl) {
		const link = process.env.KIOSK_DEPLOY_LINK;
		const deploy = async (d: string) => {
			if (!link) throw new Error('KIOSK_DEPLOY_LINK is needed to deploy builds to KIOSK_BASE_URL');
			pointLink(link, d);
		};
		if (link) await deploy(dir);
		const nginx = globalNginxControl();
		let paused = false;
		const resume = async () => {
			if (paused) await nginx?.resume();
			paused = false;
		};
		return {
			baseURL: externalBaseUrl,
			deploy,
			local: null,
			canPause: nginx !== null,
			pause: async () => {
				if (!nginx) throw new Error('this external server cannot be taken away');
				await nginx.pause();
				paused = true;
			},
			resume,
			// The next test starts against a running server.
			close: resume
		};
	}
	const server = await startStaticServer(dir);
	return {
		baseURL: server.url,
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

/** Whether tests may deploy builds of their own (always locally; with a link when external). */
export const canDeploy = !externalBaseUrl || Boolean(process.env.KIOSK_DEPLOY_LINK);
