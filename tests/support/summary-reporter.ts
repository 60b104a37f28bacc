/**
 * Says which Chromium runs the tests before they start, and at the end how many passed, failed,
 * were flaky (passed only on a retry) and were skipped, naming each skipped test with its reason.
 */
import { chromium } from '@playwright/test';
import type { FullConfig, FullResult, Reporter, Suite, TestCase } from '@playwright/test/reporter';
import { execFileSync } from 'node:child_process';
import { chromiumPath } from '../browser';

function chromiumVersion(): string {
	const executable = chromiumPath() ?? chromium.executablePath();
	try {
		const version = execFileSync(executable, ['--version'], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore']
		}).trim();
		return `${version} (${executable})`;
	} catch (error) {
		return `unknown: ${executable} did not start (${error instanceof Error ? error.message : error})`;
	}
}

export default class SummaryReporter implements Reporter {
	#root: Suite | null = null;

	printsToStdio(): boolean {
		return false;
	}

	onBegin(_config: FullConfig, suite: Suite): void {
		this.#root = suite;
		console.log(`Chromium: ${chromiumVersion()}`);
	}

	onEnd(result: FullResult): void {
		// Only tests that ran (`--list` runs none).
		const tests = (this.#root?.allTests() ?? []).filter((t) => t.results.length > 0);
		if (tests.length === 0) return;
		const by = (outcome: ReturnType<TestCase['outcome']>) =>
			tests.filter((t) => t.outcome() === outcome);
		const skipped = by('skipped');
		const flaky = by('flaky');
		const failed = by('unexpected');
		const passed = by('expected');
		const name = (t: TestCase) =>
			`[${t.parent.project()?.name}] ${t.titlePath().slice(2).join(' › ')}`;
		console.log('');
		for (const t of flaky) console.log(`Flaky (passed only on a retry): ${name(t)}`);
		console.log(`Skipped: ${skipped.length}`);
		for (const t of skipped) {
			const reason = t.annotations
				.filter((a) => a.type === 'skip' || a.type === 'fixme')
				.map((a) => a.description ?? '(no reason given)')
				.join('; ');
			// Skipped without a skip() of its own: an earlier test of its serial group failed.
			console.log(
				`  ${name(t)}: ${reason || 'not run: an earlier test of its serial group failed'}`
			);
		}
		console.log(`Flaky: ${flaky.length} (status: ${result.status})`);
		console.log(
			`e2e: ${passed.length + flaky.length} passed, ${failed.length} failed, ${skipped.length} skipped`
		);
	}
}
