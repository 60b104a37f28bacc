/**
 * Runs the real nginx (Debian package) with the shipped config in deploy/, on loopback, as an
 * ordinary foreground process: only the port, the root folder and the pid, log and temp paths are
 * changed, so what the tests check is what an office installs.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../scripts/lib/net.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DEPLOY = path.join(ROOT, 'deploy');

export const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx';
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so';

/** Whether this machine's nginx can do brotli (libnginx-mod-http-brotli-filter); NGINX_BROTLI=0 forces off. */
export function brotliAvailable(): boolean {
	return process.env.NGINX_BROTLI !== '0' && existsSync(BROTLI_MODULE);
}

export interface NginxOptions {
	/** The folder nginx serves, usually a `current` symlink like the real releases folder (not for the editors' site). */
	root?: string;
	/** Which site file from deploy/sites-available/ to run. */
	site?: 'lobby-kiosk.conf' | 'lobby-kiosk-https.conf' | 'lobby-kiosk-editors.conf';
	/** For the editors' site: where the workbench and its preview listen, and who may come in. */
	editors?: {
		workbenchPort: number;
		previewPort: number;
		htpasswd: string;
		/** Replaces the office's staff network; leave out to keep the shipped one. */
		allow?: string;
	};
	/** For the HTTPS site: certificate and key (PEM files). */
	tls?: { cert: string; key: string };
	/** Turn on the optional brotli include when the module is installed (default: yes if available). */
	brotli?: boolean;
}

export interface RunningNginx {
	/** http://127.0.0.1:<port> (https:// for the HTTPS and editors' sites: the forms there). */
	url: string;
	/** For the editors' site: the live preview. */
	previewUrl: string;
	/** For the HTTPS site: the plain HTTP port that redirects. */
	httpUrl: string;
	/** The generated config folder (nginx.conf, sites-available/, snippets/, logs/). */
	dir: string;
	accessLog(): string;
	errorLog(): string;
	/** The server goes away (connections refused) until resume(). */
	pause(): Promise<void>;
	resume(): Promise<void>;
	stop(): Promise<void>;
}

/** A one-day self-signed certificate for 127.0.0.1 in `dir`, for the HTTPS sites. */
export function selfSignedCert(dir: string): { cert: string; key: string } {
	const tls = { cert: path.join(dir, 'cert.pem'), key: path.join(dir, 'key.pem') };
	execFileSync(
		'openssl',
		[
			'req',
			'-x509',
			'-newkey',
			'rsa:2048',
			'-nodes',
			'-days',
			'1',
			'-subj',
			'/CN=127.0.0.1'
		].concat(['-keyout', tls.key, '-out', tls.cert]),
		{ stdio: 'ignore' }
	);
	return tls;
}

/** Replaces `pattern` in `text`, insisting it matched `count` times: a reshaped config must fail loudly. */
function replaceExactly(
	text: string,
	pattern: RegExp,
	replacement: string,
	count: number,
	what: string
): string {
	const matches = text.match(
		new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g')
	);
	if ((matches?.length ?? 0) !== count) {
		throw new Error(
			`deploy config changed shape: expected ${count} × ${what}, found ${matches?.length ?? 0}`
		);
	}
	return text.replace(new RegExp(pattern.source, 'gm'), replacement);
}

/** Writes the test variant of deploy/ into a fresh folder and returns its path. */
export function writeTestConfig(
	opts: NginxOptions & { ports: { main: number; http: number } }
): string {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-nginx-'));
	for (const sub of ['sites-available', 'snippets']) {
		cpSync(path.join(DEPLOY, sub), path.join(dir, sub), { recursive: true });
	}
	for (const sub of ['logs', 'temp']) mkdirSync(path.join(dir, sub), { mode: 0o755 });
	const site = opts.site ?? 'lobby-kiosk.conf';

	let main = readFileSync(path.join(DEPLOY, 'nginx.conf'), 'utf8');
	main = replaceExactly(main, /^pid .*;$/m, `pid ${dir}/nginx.pid;`, 1, 'pid');
	main = replaceExactly(
		main,
		/^error_log .*;$/m,
		`error_log ${dir}/logs/error.log info;`,
		1,
		'error_log'
	);
	main = replaceExactly(
		main,
		/^(\s*)access_log .*;$/m,
		`$1access_log ${dir}/logs/access.log;`,
		1,
		'access_log'
	);
	main = replaceExactly(
		main,
		/^(\s*)(\w+)_temp_path \/var\/lib\/nginx\/(\w+);$/m,
		`$1$2_temp_path ${dir}/temp/$3;`,
		5,
		'*_temp_path'
	);
	// Workers run as whoever runs the tests (root in CI), so they can read any build a test makes
	// in a private temp folder; scripts/release.spec.ts checks releases are readable by www-data.
	main = replaceExactly(
		main,
		/^user .*;$/m,
		process.getuid?.() === 0 ? 'user root;' : '', // only root may switch users
		1,
		'user'
	);
	main = replaceExactly(
		main,
		/^(\s*)include sites-available\/lobby-kiosk\.conf;$/m,
		`$1include sites-available/${site};`,
		1,
		'site include'
	);
	writeFileSync(path.join(dir, 'nginx.conf'), main);

	const sitePath = path.join(dir, 'sites-available', site);
	let conf = readFileSync(sitePath, 'utf8');
	// IPv6 may be missing in a sandbox; loopback IPv4 is all a test needs.
	conf = conf.replace(/^\s*listen \[::\]:.*;\n/gm, '');
	if (site === 'lobby-kiosk-editors.conf') {
		writeFileSync(sitePath, editorsSite(conf, opts));
		return dir;
	}
	if (!opts.root) throw new Error(`${site} needs opts.root`);
	conf = replaceExactly(
		conf,
		/^(\s*)root \/srv\/lobby-kiosk\/releases\/current;$/m,
		`$1root ${opts.root};`,
		1,
		'root'
	);
	if (site === 'lobby-kiosk.conf') {
		conf = replaceExactly(
			conf,
			/^(\s*)listen 80 default_server;$/m,
			`$1listen 127.0.0.1:${opts.ports.main};`,
			1,
			'listen'
		);
	} else {
		if (!opts.tls) throw new Error('the HTTPS site needs opts.tls');
		conf = replaceExactly(
			conf,
			/^(\s*)listen 80;$/m,
			`$1listen 127.0.0.1:${opts.ports.http};`,
			1,
			'listen 80'
		);
		conf = replaceExactly(
			conf,
			/^(\s*)listen 443 ssl http2;$/m,
			`$1listen 127.0.0.1:${opts.ports.main} ssl http2;`,
			1,
			'listen 443'
		);
		conf = replaceExactly(
			conf,
			/^(\s*)ssl_certificate .*;$/m,
			`$1ssl_certificate ${opts.tls.cert};`,
			1,
			'ssl_certificate'
		);
		conf = replaceExactly(
			conf,
			/^(\s*)ssl_certificate_key .*;$/m,
			`$1ssl_certificate_key ${opts.tls.key};`,
			1,
			'ssl_certificate_key'
		);
		// The redirect names the real port, which is not 443 here.
		conf = replaceExactly(
			conf,
			/return 301 https:\/\/\$host\$request_uri;/m,
			`return 301 https://$host:${opts.ports.main}$request_uri;`,
			1,
			'redirect'
		);
	}
	writeFileSync(sitePath, conf);

	if (opts.brotli ?? brotliAvailable()) {
		const sitePath = path.join(dir, 'snippets', 'lobby-kiosk-site.conf');
		const snippet = readFileSync(sitePath, 'utf8');
		writeFileSync(
			sitePath,
			replaceExactly(
				snippet,
				/^#include snippets\/lobby-kiosk-brotli\.conf;$/m,
				'include snippets/lobby-kiosk-brotli.conf;',
				1,
				'brotli include'
			)
		);
	}
	return dir;
}

/** The editors' site with test ports, certificate, password file and (optionally) network. */
function editorsSite(conf: string, opts: NginxOptions & { ports: { main: number; http: number } }) {
	const { editors, tls } = opts;
	if (!editors || !tls) throw new Error("the editors' site needs opts.editors and opts.tls");
	const swaps: [RegExp, string, number, string][] = [
		[/^(\s*)listen 8443 ssl;$/m, `$1listen 127.0.0.1:${opts.ports.main} ssl;`, 1, 'listen 8443'],
		[/^(\s*)listen 8444 ssl;$/m, `$1listen 127.0.0.1:${opts.ports.http} ssl;`, 1, 'listen 8444'],
		[/^(\s*)ssl_certificate .*;$/m, `$1ssl_certificate ${tls.cert};`, 2, 'ssl_certificate'],
		[/^(\s*)ssl_certificate_key .*;$/m, `$1ssl_certificate_key ${tls.key};`, 2, 'certificate key'],
		[/^(\s*)auth_basic_user_file .*;$/m, `$1auth_basic_user_file ${editors.htpasswd};`, 1, 'users'],
		[/127\.0\.0\.1:4310;/m, `127.0.0.1:${editors.workbenchPort};`, 2, 'workbench'],
		[/127\.0\.0\.1:4311;/m, `127.0.0.1:${editors.previewPort};`, 1, 'preview']
	];
	if (editors.allow) {
		swaps.push([/^(\s*)allow 10\.20\.0\.0\/16;$/m, `$1allow ${editors.allow};`, 2, 'allow']);
	}
	return swaps.reduce((text, [re, to, n, what]) => replaceExactly(text, re, to, n, what), conf);
}

function isListening(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1', () => {
			socket.end();
			resolve(true);
		});
		socket.on('error', () => resolve(false));
	});
}

async function waitFor(
	what: string,
	condition: () => Promise<boolean>,
	failed: () => string | null = () => null
): Promise<void> {
	const deadline = Date.now() + 10_000;
	while (Date.now() < deadline) {
		const failure = failed();
		if (failure) throw new Error(failure);
		if (await condition()) return;
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error(`nginx: ${what} within 10 s`);
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** What it takes to stop and restart a running nginx. */
interface Control {
	conf: string;
	pidFile: string;
	port: number;
}

/** Makes the server unreachable (connections refused), like a server or network that went away. */
async function pause({ pidFile, port }: Control): Promise<void> {
	const pid = Number(readFileSync(pidFile, 'utf8'));
	process.kill(pid, 'SIGQUIT'); // graceful: finish open requests, then exit
	await waitFor('stop', async () => !alive(pid) && !(await isListening(port)));
}

/** Starts the same nginx again (as a daemon, so it outlives the process that resumed it). */
async function resume({ conf, port }: Control): Promise<void> {
	const started = spawnSync(NGINX, ['-c', conf], { encoding: 'utf8' });
	if (started.status !== 0) throw new Error(`nginx did not start again:\n${started.stderr}`);
	await waitFor('listen again', () => isListening(port));
}

export async function startNginx(opts: NginxOptions): Promise<RunningNginx> {
	if (!existsSync(NGINX)) {
		throw new Error(
			`${NGINX} not found: install nginx (apt-get install nginx-light) or set NGINX_PATH`
		);
	}
	const ports = { main: await freePort(), http: await freePort() };
	const dir = writeTestConfig({ ...opts, ports });
	const conf = path.join(dir, 'nginx.conf');
	const check = spawnSync(NGINX, ['-t', '-q', '-c', conf], { encoding: 'utf8' });
	if (check.status !== 0) throw new Error(`nginx -t failed:\n${check.stderr}`);

	const child = spawn(NGINX, ['-c', conf, '-g', 'daemon off;'], {
		stdio: ['ignore', 'ignore', 'pipe']
	});
	let stderr = '';
	child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
	const errorLog = () => {
		const file = path.join(dir, 'logs', 'error.log');
		return stderr + (existsSync(file) ? readFileSync(file, 'utf8') : '');
	};
	await waitFor(
		`listen on ${ports.main}`,
		() => isListening(ports.main),
		() => (child.exitCode !== null ? `nginx exited (${child.exitCode}):\n${errorLog()}` : null)
	);

	const control: Control = { conf, pidFile: path.join(dir, 'nginx.pid'), port: ports.main };
	const scheme = opts.site && opts.site !== 'lobby-kiosk.conf' ? 'https' : 'http';
	return {
		url: `${scheme}://127.0.0.1:${ports.main}`,
		previewUrl: `https://127.0.0.1:${ports.http}`,
		httpUrl: `http://127.0.0.1:${scheme === 'https' ? ports.http : ports.main}`,
		dir,
		accessLog: () => readFileSync(path.join(dir, 'logs', 'access.log'), 'utf8'),
		errorLog,
		pause: () => pause(control),
		resume: () => resume(control),
		stop: async () => {
			// After pause/resume the running master is a daemon known only by its pid file.
			if (existsSync(control.pidFile)) {
				const pid = Number(readFileSync(control.pidFile, 'utf8'));
				if (alive(pid)) {
					process.kill(pid, 'SIGQUIT');
					await waitFor('stop', async () => !alive(pid)).catch(() => process.kill(pid, 'SIGKILL'));
				}
			}
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
