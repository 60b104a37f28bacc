/**
 * The fleet's update checks against the real web server: 1,000 terminals polling every 15
 * minutes is 1.1 requests/s on average, which nothing notices, so this measures the burst instead
 * (a whole fleet rebooting after a power cut): autocannon offering 1,000 checks/s over 50
 * connections for 10 s, then flat out for 5 s to find the capacity, on loopback,
 * against Debian's nginx serving the build with deploy/nginx.conf (via tests/support/nginx.ts, the
 * same harness as the serving tests). Every request is a conditional update check
 * (If-None-Match), as the browser makes for sw.js, so each should cost a 304.
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort } from '../scripts/lib/net.ts';
import { notice, REPO, round, siteBuild, subDir } from './context.ts';
import type { Figure } from './figures.ts';

const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx';
const TERMINALS = 1_000;
const POLL_MINUTES = 15;
const CONNECTIONS = 50;
/** The whole fleet checking within one second (after a power cut, all terminals boot at once). */
const BURST_RATE = TERMINALS;
const BURST_SECONDS = 10;
const CAPACITY_SECONDS = 5;
const P99_BUDGET_MS = 50;
/**
 * Capacity, flat out: ten times the burst. Measured 43,555 req/s on an idle 2-core machine and
 * 14,544 with the machine shared (load average 17), so a config or server regression shows.
 */
const RPS_BUDGET = 10 * BURST_RATE;
const UPDATE_CHECK_FILES = ['sw.js', 'manifest.webmanifest', '_app/version.json'];
/** Urgent news: every terminal asks for /alerts.json about every 30 s ($lib/alerts). */
const ALERT_POLL_SECONDS = 30;
const ALERT_RATE = Math.ceil(TERMINALS / ALERT_POLL_SECONDS);
const ALERT_SECONDS = 10;

interface Server {
	url: string;
	stop(): Promise<void>;
}

interface NginxSupport {
	startNginx(opts: { root: string }): Promise<{ url: string; stop(): Promise<void> }>;
}

/** Without deploy/ (not written yet), a minimal config with the same caching essentials. */
async function startFallbackNginx(root: string): Promise<Server> {
	const dir = subDir('nginx');
	for (const sub of ['logs', 'temp']) mkdirSync(path.join(dir, sub), { recursive: true });
	const port = await freePort();
	const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
		.map((t) => `\t${t}_temp_path ${dir}/temp/${t};`)
		.join('\n');
	const conf = path.join(dir, 'nginx.conf');
	writeFileSync(
		conf,
		`worker_processes auto;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 4096; }
http {
	include /etc/nginx/mime.types;
	types { application/manifest+json webmanifest; }
	default_type application/octet-stream;
	sendfile on;
	keepalive_timeout 65;
	access_log ${dir}/logs/access.log;
${temp}
	etag on;
	gzip on;
	gzip_types text/css application/javascript application/json application/manifest+json image/svg+xml;
	server {
		listen 127.0.0.1:${port};
		root ${root};
		location / { try_files $uri $uri.html $uri/index.html =404; add_header Cache-Control "no-cache"; }
		location ^~ /_app/immutable/ { add_header Cache-Control "public, max-age=31536000, immutable"; }
	}
}
`
	);
	const child = spawn(NGINX, ['-c', conf, '-g', 'daemon off;'], {
		stdio: ['ignore', 'ignore', 'pipe']
	});
	let stderr = '';
	child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 10_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${stderr}`);
		if (
			await fetch(url + '/').then(
				() => true,
				() => false
			)
		)
			break;
		if (Date.now() > deadline) throw new Error(`nginx did not answer within 10 s: ${stderr}`);
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		url,
		stop: async () => {
			if (child.exitCode !== null) return;
			const exited = new Promise((r) => child.once('exit', r));
			child.kill('SIGQUIT');
			await exited;
		}
	};
}

async function startServer(root: string): Promise<{ server: Server; how: string }> {
	const support = path.join(REPO, 'tests/support/nginx.ts');
	// BENCH_NGINX_FALLBACK=1 forces the minimal config, e.g. to compare it with deploy/.
	if (
		!process.env.BENCH_NGINX_FALLBACK &&
		existsSync(path.join(REPO, 'deploy/nginx.conf')) &&
		existsSync(support)
	) {
		const { startNginx } = (await import(pathToFileURL(support).href)) as NginxSupport;
		return { server: await startNginx({ root }), how: 'deploy/nginx.conf' };
	}
	notice(
		'fleet: nginx ran a minimal equivalent config (ETag, gzip, no-cache): deploy/nginx.conf is missing or BENCH_NGINX_FALLBACK is set'
	);
	return {
		server: await startFallbackNginx(root),
		how: 'a minimal config'
	};
}

export async function run(): Promise<Figure[]> {
	if (!existsSync(NGINX)) {
		throw new Error(`${NGINX} not found: apt-get install nginx-light (or set NGINX_PATH)`);
	}
	const site = await siteBuild();
	const files = UPDATE_CHECK_FILES.filter((f) => existsSync(path.join(site.dir, f)));
	if (files.length === 0)
		throw new Error('the build has none of sw.js, manifest.webmanifest, _app/version.json');

	const { server, how } = await startServer(site.dir);
	try {
		// What a terminal's browser sends: compressed encodings accepted, the tag it holds.
		const encoding = 'gzip, deflate, br';
		const requests = [];
		for (const f of files) {
			const res = await fetch(`${server.url}/${f}`, { headers: { 'accept-encoding': encoding } });
			await res.arrayBuffer();
			const etag = res.headers.get('etag');
			if (!res.ok || !etag)
				notice(`fleet: /${f} answered ${res.status} ${etag ? '' : 'without an ETag'}`);
			requests.push({
				method: 'GET',
				path: `/${f}`,
				headers: { 'accept-encoding': encoding, ...(etag ? { 'if-none-match': etag } : {}) }
			});
		}
		// The burst: the whole fleet checking within one second, held for BURST_SECONDS. Latency is
		// measured at that offered rate (autocannon corrects for coordinated omission).
		const burst = await autocannon({
			url: server.url,
			connections: CONNECTIONS,
			duration: BURST_SECONDS,
			overallRate: BURST_RATE,
			requests
		});
		// Capacity: as fast as the server answers, for the headroom figure.
		const capacity = await autocannon({
			url: server.url,
			connections: CONNECTIONS,
			duration: CAPACITY_SECONDS,
			requests
		});
		// The alerts poll at its steady rate, each request holding the tag of the file it has.
		const alertsUrl = `${server.url}/alerts.json`;
		const alertsFirst = await fetch(alertsUrl, { headers: { 'accept-encoding': encoding } });
		await alertsFirst.arrayBuffer();
		const alertsTag = alertsFirst.headers.get('etag');
		if (!alertsFirst.ok || !alertsTag) {
			notice(
				`fleet: /alerts.json answered ${alertsFirst.status} ${alertsTag ? '' : 'without an ETag'}`
			);
		}
		const alerts = await autocannon({
			url: server.url,
			connections: CONNECTIONS,
			duration: ALERT_SECONDS,
			overallRate: ALERT_RATE,
			requests: [
				{
					method: 'GET',
					path: '/alerts.json',
					headers: {
						'accept-encoding': encoding,
						...(alertsTag ? { 'if-none-match': alertsTag } : {})
					}
				}
			]
		});
		const alertsTotal = Object.values(alerts.statusCodeStats).reduce((sum, c) => sum + c.count, 0);
		const alerts304 = alerts.statusCodeStats['304']?.count ?? 0;
		const counts = [burst, capacity].map((r) => ({
			total: Object.values(r.statusCodeStats).reduce((s, c) => s + c.count, 0),
			notModified: r.statusCodeStats['304']?.count ?? 0,
			errors: r.errors
		}));
		const total = counts.reduce((s, c) => s + c.total, 0);
		const notModified = counts.reduce((s, c) => s + c.notModified, 0);
		const errors = counts.reduce((s, c) => s + c.errors, 0);
		const share = total ? (notModified / total) * 100 : 0;
		const rps = capacity.requests.average;
		const average = TERMINALS / (POLL_MINUTES * 60);
		const paths = files.map((f) => '/' + f).join(' ');
		const group = 'fleet (nginx, loopback)';
		return [
			{
				group,
				name: `update check p99 latency, burst of ${BURST_RATE.toLocaleString('en-US')} req/s`,
				value: round(burst.latency.p99, 1),
				unit: 'ms',
				budget: `< ${P99_BUDGET_MS} ms`,
				pass: burst.latency.p99 < P99_BUDGET_MS,
				note: `p50 ${round(burst.latency.p50, 1)} ms, max ${round(burst.latency.max, 0)} ms; ${round(burst.requests.average, 0)} req/s achieved over ${CONNECTIONS} connections for ${BURST_SECONDS} s; ${paths}; nginx with ${how}`
			},
			{
				group,
				name: 'update checks served per second, flat out',
				value: round(rps, 0),
				unit: 'req/s',
				budget: `≥ ${RPS_BUDGET.toLocaleString('en-US')}`,
				pass: rps >= RPS_BUDGET,
				note: `${Math.round(rps / average).toLocaleString('en-US')}× the average of ${TERMINALS.toLocaleString('en-US')} terminals every ${POLL_MINUTES} min (${round(average, 2)} req/s); p99 ${round(capacity.latency.p99, 1)} ms at saturation, load generator on the same 2 cores`
			},
			{
				group,
				name: 'update checks answered 304 Not Modified',
				value: round(share, 1),
				unit: '%',
				budget: '= 100 %',
				pass: total > 0 && notModified === total && errors === 0,
				note: `${notModified.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}; ${errors} errors`
			},
			{
				group,
				name: `alerts poll p99 latency, ${TERMINALS.toLocaleString('en-US')} terminals every ${ALERT_POLL_SECONDS} s (${ALERT_RATE} req/s)`,
				value: round(alerts.latency.p99, 1),
				unit: 'ms',
				budget: `< ${P99_BUDGET_MS} ms`,
				pass: alerts.latency.p99 < P99_BUDGET_MS,
				note: `${round(alerts.requests.average, 1)} req/s for ${ALERT_SECONDS} s; ${round(rps / ALERT_RATE, 0)}× headroom against the capacity above; GET /alerts.json with If-None-Match`
			},
			{
				group,
				name: 'alerts polls answered 304 Not Modified',
				value: round(alertsTotal ? (alerts304 / alertsTotal) * 100 : 0, 1),
				unit: '%',
				budget: '= 100 %',
				pass: alertsTotal > 0 && alerts304 === alertsTotal && alerts.errors === 0,
				note: `${alerts304.toLocaleString('en-US')} of ${alertsTotal.toLocaleString('en-US')}; ${alerts.errors} errors`
			}
		];
	} finally {
		await server.stop();
	}
}
