/**
 * Time to first render and to interactive in Chromium with the CPU throttled (CDP
 * Emulation.setCPUThrottlingRate), standing in for a kiosk's low-end CPU; loopback network. Two
 * rates: 4x for a typical x86 terminal box, 6x for the RK3399-class ARM boxes common in lobbies.
 *
 * - First render: the browser's own First Contentful Paint (paint timing).
 * - Interactive: the moment SvelteKit's client router starts. `start()` awaits hydration and then
 *   synchronously attaches the router's listeners (`_start_router()` in @sveltejs/kit's client),
 *   so the first `popstate` listener on window marks "hydrated, every handler attached". An init
 *   script records it; no app code is involved.
 * - Cold: a fresh browser context (no HTTP cache, no service worker). Warm: a later visit in a
 *   context where the first visit installed the service worker, so the page comes from it.
 *
 * Each figure is the median of RUNS visits.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { KIOSK_CONTEXT, launchChromium } from './chromium.ts';
import { guidePath, median, notice, round, siteBuild } from './context.ts';
import type { Figure } from './figures.ts';
import { startStaticServer } from '../scripts/static-server.ts';

const RUNS = 3;
/** CPU slowdown → budgets (ms) for first render and interactive, cold and warm. */
const THROTTLES = [
	{ rate: 4, budget: { cold: 2500, warm: 1000 } },
	{ rate: 6, budget: { cold: 3000, warm: 1500 } }
] as const;

declare global {
	interface Window {
		__benchInteractive?: number | null;
	}
}

/** Runs in the page before any of its scripts. */
function markRouterStart(): void {
	window.__benchInteractive = null;
	const add = EventTarget.prototype.addEventListener;
	EventTarget.prototype.addEventListener = function (
		this: EventTarget | undefined,
		type: string,
		listener: EventListenerOrEventListenerObject | null,
		options?: boolean | AddEventListenerOptions
	) {
		// SvelteKit calls the bare global `addEventListener`, so `this` may be undefined (= window).
		if (type === 'popstate' && (this ?? window) === window && window.__benchInteractive === null) {
			window.__benchInteractive = performance.now();
		}
		return add.call(this ?? window, type, listener, options);
	};
}

interface Visit {
	fcp: number;
	interactive: number | null;
	controlled: boolean;
}

async function visit(context: BrowserContext, url: string, rate: number): Promise<Visit> {
	const page = await context.newPage();
	try {
		const cdp = await context.newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate });
		await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
		await page
			.waitForFunction(
				() =>
					performance.getEntriesByName('first-contentful-paint').length > 0 &&
					typeof window.__benchInteractive === 'number',
				undefined,
				{ timeout: 30_000 }
			)
			.catch(() => undefined);
		return await page.evaluate(() => ({
			fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
			interactive: window.__benchInteractive ?? null,
			controlled: navigator.serviceWorker?.controller != null
		}));
	} finally {
		await page.close();
	}
}

/** First visit without throttling; resolves once the service worker is active (precache done). */
async function installWorker(context: BrowserContext, url: string): Promise<boolean> {
	const page: Page = await context.newPage();
	try {
		await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
		return await page.evaluate(async () => {
			if (!('serviceWorker' in navigator)) return false;
			const ready = navigator.serviceWorker.ready.then(() => true);
			const timeout = new Promise<boolean>((r) => setTimeout(() => r(false), 90_000));
			return Promise.race([ready, timeout]);
		});
	} finally {
		await page.close();
	}
}

async function measure(
	browser: Browser,
	url: string,
	mode: 'cold' | 'warm',
	rate: number
): Promise<Visit[]> {
	const visits: Visit[] = [];
	if (mode === 'cold') {
		for (let i = 0; i < RUNS; i++) {
			// A fresh context has no cache and no worker; the page registers its worker as it would on
			// a terminal's first boot, and the precache download runs beside the measured load.
			const context = await browser.newContext(KIOSK_CONTEXT);
			await context.addInitScript(markRouterStart);
			visits.push(await visit(context, url, rate));
			await context.close();
		}
		return visits;
	}
	const context = await browser.newContext(KIOSK_CONTEXT);
	await context.addInitScript(markRouterStart);
	try {
		const installed = await installWorker(context, url);
		if (!installed)
			notice(`render: no service worker became active for ${url}; "warm" is the HTTP cache only`);
		for (let i = 0; i < RUNS; i++) visits.push(await visit(context, url, rate));
		return visits;
	} finally {
		await context.close();
	}
}

export async function run(): Promise<Figure[]> {
	const site = await siteBuild();
	const server = await startStaticServer(site.dir);
	const browser = await launchChromium();
	const figures: Figure[] = [];
	try {
		const pages: [string, string][] = [
			['/', '/'],
			['guide page', guidePath(site.dir)],
			['/search', '/search']
		];
		for (const { rate, budget: budgets } of THROTTLES)
			for (const [name, route] of pages) {
				for (const mode of ['cold', 'warm'] as const) {
					const visits = await measure(browser, server.url + route, mode, rate);
					const budget = budgets[mode];
					const fcp = median(visits.map((v) => v.fcp));
					const interactive = visits.every((v) => v.interactive !== null)
						? median(visits.map((v) => v.interactive as number))
						: NaN;
					const controlled = visits.filter((v) => v.controlled).length;
					const how =
						mode === 'warm'
							? controlled === visits.length
								? 'served by the service worker'
								: `${controlled}/${visits.length} visits served by the service worker`
							: 'fresh context: no cache, no service worker yet';
					figures.push({
						group: `render (CPU ${rate}x slower)`,
						name: `first render (FCP), ${name}, ${mode}`,
						value: round(fcp, 0),
						unit: 'ms',
						budget: `< ${budget} ms`,
						pass: fcp < budget,
						note: `median of ${RUNS}; ${how}`
					});
					figures.push({
						group: `render (CPU ${rate}x slower)`,
						name: `interactive (hydrated), ${name}, ${mode}`,
						value: round(interactive, 0),
						unit: 'ms',
						budget: `< ${budget} ms`,
						pass: interactive < budget,
						note: Number.isNaN(interactive)
							? 'SvelteKit router start not observed within 30 s'
							: `median of ${RUNS}; SvelteKit router started`
					});
				}
			}
		return figures;
	} finally {
		await browser.close();
		await server.close();
	}
}
