import { describe, expect, it } from 'vitest';
import { ofBudget, parseBudget, slackOf, type Figure } from './figures.ts';

const figure = (value: number, budget?: string, pass?: boolean): Figure => ({
	group: 'g',
	name: 'n',
	value,
	unit: '',
	...(budget === undefined ? {} : { budget }),
	...(pass === undefined ? {} : { pass })
});

describe('parseBudget', () => {
	it.each([
		['< 16 ms', 'max', 16],
		['≤ 64 MiB', 'max', 64],
		['<= 2.5', 'max', 2.5],
		['>= 95%', 'min', 95],
		['≥ 1,000', 'min', 1000],
		['> 1000', 'min', 1000],
		['= 100 %', 'exact', 100],
		['= 0', 'exact', 0]
	])('reads %s', (text, kind, value) => {
		expect(parseBudget(text)).toEqual({ kind, value });
	});

	it('has no number for a budget in words or no budget', () => {
		expect(parseBudget('completes')).toBeNull();
		expect(parseBudget(undefined)).toBeNull();
	});
});

describe('ofBudget', () => {
	it('gives a maximum as the share used', () => {
		expect(ofBudget(figure(35, '< 100 ms'))).toBe('35% of budget');
		expect(ofBudget(figure(2.19, '< 2'))).toBe('110% of budget');
	});

	it('gives a minimum as the share reached', () => {
		expect(ofBudget(figure(100, '>= 95%'))).toBe('105% of minimum');
		expect(ofBudget(figure(23_000, '≥ 1,000'))).toBe('23× the minimum, slack 23×');
	});

	it('says when a budget is loose enough to hide a regression', () => {
		expect(ofBudget(figure(1, '< 16 ms'))).toBe('6% of budget, slack 16×');
		expect(ofBudget(figure(4, '< 16 ms'))).toBe('25% of budget');
		expect(ofBudget(figure(0, '< 16 ms'))).toBe('0% of budget, slack ∞×');
	});

	it('gives an exact budget as met or missed', () => {
		expect(ofBudget(figure(0, '= 0', true))).toBe('exact');
		expect(ofBudget(figure(2, '= 0', false))).toBe('missed');
	});

	it('says nothing without a budget or a figure', () => {
		expect(ofBudget(figure(3))).toBe('');
		expect(ofBudget(figure(NaN, '< 2'))).toBe('');
		expect(ofBudget(figure(3, 'completes'))).toBe('');
	});
});

describe('slackOf', () => {
	it('is budget over figure for a maximum and figure over minimum for a minimum', () => {
		expect(slackOf(figure(4, '< 16 ms'))).toBe(4);
		expect(slackOf(figure(3_000, '> 1000'))).toBe(3);
		expect(slackOf(figure(100, '= 100 %'))).toBeNull();
	});
});
