import { describe, expect, it } from 'vitest';
import { bulletinPath, describeTerminal, parseTerminalParams } from './terminal';

const parse = (query: string) =>
	parseTerminalParams(new URL(`http://kiosk/${query}`), '2026-05-03');

describe('terminal settings from the address', () => {
	it('reads a bulletin terminal with its screen', () => {
		const s = parse('?terminal=B-2&mode=bulletin&screen=lobby');
		expect(s).toEqual({ id: 'B-2', mode: 'bulletin', screen: 'lobby', setOn: '2026-05-03' });
		expect(bulletinPath(s!)).toBe('/bulletin?screen=lobby');
	});
	it('defaults to the kiosk, which has no screen', () => {
		expect(parse('?terminal=T-07&screen=lobby')).toEqual({
			id: 'T-07',
			mode: 'kiosk',
			setOn: '2026-05-03'
		});
	});
	it('knows a touch terminal has a printer only when the launcher says so', () => {
		expect(parse('?terminal=T-07&mode=kiosk&printer=yes')).toEqual({
			id: 'T-07',
			mode: 'kiosk',
			printer: true,
			setOn: '2026-05-03'
		});
		expect(parse('?terminal=T-07&mode=kiosk')?.printer).toBeUndefined();
		expect(parse('?terminal=T-07&mode=kiosk&printer=no')?.printer).toBeUndefined();
		expect(parse('?terminal=B-2&mode=bulletin&printer=yes')?.printer).toBeUndefined();
		expect(describeTerminal(parse('?terminal=T-07&printer=yes'))).toBe(
			'T-07 · 触摸查询终端（已接打印机）'
		);
	});
	it('ignores missing or unsafe ids', () => {
		expect(parse('')).toBeNull();
		expect(parse('?q=无线电')).toBeNull();
		expect(parse('?terminal=%3Cscript%3E')).toBeNull();
		expect(parse('?terminal=B&mode=bulletin&screen=a/b')?.screen).toBeUndefined();
	});
	it('describes itself for the status screen', () => {
		expect(describeTerminal(null)).toContain('未设置');
		expect(describeTerminal(parse('?terminal=B-2&mode=bulletin&screen=lobby'))).toBe(
			'B-2 · 信息发布屏（屏幕 lobby）'
		);
	});
});
