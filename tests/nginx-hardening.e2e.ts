/**
 * The script policy behind the production nginx: the header sends no script rule of its own
 * (no `script-src`, no `default-src`, never `'unsafe-inline'`), so the hashed policy in each
 * page's <meta> is the one that decides, and script injected into a published page does not run.
 */
import { expect, type Page } from '@playwright/test';
import http from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUILD, test } from './support/nginx-fixtures';

/** Every Content-Security-Policy header of a response (nginx may send more than one). */
function cspHeaders(url: string): Promise<string[]> {
	return new Promise((resolve, reject) => {
		http
			.get(url, (res) => {
				res.resume();
				const raw = res.rawHeaders;
				resolve(
					raw.filter(
						(_, i) => i % 2 === 1 && raw[i - 1]!.toLowerCase() === 'content-security-policy'
					)
				);
			})
			.on('error', reject);
	});
}

/** Records every CSP violation the page reports, from before its first script. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
	await page.addInitScript(() => {
		const w = window as unknown as { violations: string[] };
		w.violations = [];
		document.addEventListener('securitypolicyviolation', (e) =>
			w.violations.push(`${e.violatedDirective} ${e.blockedURI || 'inline'}`)
		);
	});
	return () => page.evaluate(() => (window as unknown as { violations: string[] }).violations);
}

test('the header has no script rule: the page’s hashed <meta> policy is the only one', async ({
	serve
}) => {
	const { url } = await serve();
	const guide = readFileSync(path.join(BUILD, 'guides.html'), 'utf8');
	expect(guide).toMatch(
		/<meta http-equiv="content-security-policy" content="[^"]*script-src 'self' 'sha256-/
	);
	for (const p of ['/', '/guides', '/sw.js', '/no-such-page', '/_app/version.json']) {
		const headers = await cspHeaders(url + p);
		expect(headers, p).toHaveLength(1);
		const directives = headers[0]!.split(';').map((d) => d.trim().split(/\s+/)[0]);
		expect(directives, p).not.toContain('script-src');
		expect(directives, p).not.toContain('script-src-elem');
		expect(directives, p).not.toContain('default-src');
		expect(headers[0], p).not.toMatch(/script-src[^;]*'unsafe-inline'/);
		// What a <meta> cannot carry stays in the header.
		expect(headers[0], p).toContain("frame-ancestors 'self'");
		expect(headers[0], p).toContain("script-src-attr 'none'");
		expect(headers[0], p).toContain("object-src 'none'");
	}
});

test('script injected into a published page does not run behind nginx, and is reported', async ({
	releases,
	serve,
	page
}) => {
	// As if a content file had slipped script past the sanitiser into a page of the release.
	const file = path.join(releases.dir, 'A', 'guides.html');
	const html = readFileSync(file, 'utf8');
	const injected = html.replace(
		/<body([^>]*)>/,
		`<body$1><script>window.__injected = true</script>` +
			`<img src="/no-such-image.png" alt="" onerror="window.__onerror = true">` +
			`<svg onload="window.__onload = true"></svg>`
	);
	expect(injected, 'the page has a <body> to inject into').not.toBe(html);
	writeFileSync(file, injected);

	const { url } = await serve();
	const violations = await recordViolations(page);
	await page.goto(url + '/guides');
	// The page's own inline bootstrap (hashed in its <meta>) ran and started the app.
	await expect(page.locator('html[data-kiosk-ready]')).toHaveCount(1);
	await expect
		.poll(violations)
		.toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^script-src-elem inline$/),
				expect.stringMatching(/^script-src-attr inline$/)
			])
		);
	const ran = await page.evaluate(() =>
		['__injected', '__onerror', '__onload'].filter((k) => k in window)
	);
	expect(ran).toEqual([]);
	// Nothing the app does itself is refused.
	expect((await violations()).filter((v) => !/^script-src-(elem|attr) inline$/.test(v))).toEqual(
		[]
	);
});
