/**
 * `npm run pin -- 2468`: prints the site.yaml lines for a staff PIN (a fresh salt each time).
 * Paste them under `kiosk:`; the PIN itself is never stored anywhere.
 */
import { DEFAULT_ITERATIONS, makeVerifier } from '../src/lib/status/pin.ts';

const pin = process.argv[2] ?? '';
if (!/^\d{4,12}$/.test(pin)) {
	console.error('用法：npm run pin -- <4 到 12 位数字>，例如 npm run pin -- 246813');
	process.exit(1);
}
const started = performance.now();
const { salt, iterations, hash } = await makeVerifier(pin, DEFAULT_ITERATIONS);
const ms = Math.round(performance.now() - started);
console.log(`  statusPin:
    salt: ${salt}
    iterations: ${iterations}
    hash: ${hash}`);
console.error(
	`（把以上几行放在 site.yaml 的 kiosk: 下面。本机计算一次用时 ${ms} 毫秒；终端上每次尝试大致相同或更慢。` +
		`${pin.length < 6 ? '建议使用 6 位以上的密码，见 SECURITY.md。' : ''}）`
);
