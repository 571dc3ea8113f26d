import { beforeEach, describe, expect, it } from 'vitest';
import {
	FLAG_LABELS,
	formatCount,
	formatFlag,
	formatNumber,
	formatPercent,
	formatterFor,
	formatYear,
	formatYuan,
	formatYuanShort,
	type Lang
} from './format';

beforeEach(() => {
	expect.hasAssertions();
});

describe('formatYuan', () => {
	it.each([
		[0, '0元', '0 yuan'],
		[500, '500元', '500 yuan'],
		[9_999.6, '1万元', '10,000 yuan'],
		[30_000, '3万元', '30,000 yuan'],
		[29_999, '2.9999万元', '29,999 yuan'],
		[123_456, '12.3456万元', '123,456 yuan'],
		[-15_000, '-1.5万元', '-15,000 yuan'],
		[250_000_000, '2.5亿元', '250,000,000 yuan']
	])('writes %s yuan as "%s" and "%s"', (n, zh, en) => {
		expect(formatYuan(n, 'zh')).toBe(zh);
		expect(formatYuan(n, 'en')).toBe(en);
	});
	it('never rounds an amount just under a threshold up to it (below 1亿)', () => {
		expect(formatYuan(49_999, 'zh')).not.toBe(formatYuan(50_000, 'zh'));
	});
});

describe('formatYuanShort (band names, no unit)', () => {
	it.each([
		[30_000, '3', '30k'],
		[5_000, '0.5', '5k'],
		[1_500_000, '150', '1.5M'],
		[800, '0.08', '800']
	])('writes %s as "%s" (万) and "%s"', (n, zh, en) => {
		expect(formatYuanShort(n, 'zh')).toBe(zh);
		expect(formatYuanShort(n, 'en')).toBe(en);
	});
});

describe('counts, ratios, years and flags', () => {
	const both = (f: (n: number, lang: Lang) => string, n: number) => [f(n, 'zh'), f(n, 'en')];
	it('writes counts with separators in both languages', () => {
		expect(both(formatCount, 65_465)).toEqual(['65,465', '65,465']);
		expect(formatCount(12.5)).toBe('12.5');
	});
	it('writes ratios as percent with at most two decimals', () => {
		expect(both(formatPercent, 0.1234)).toEqual(['12.34%', '12.34%']);
		expect(formatPercent(0)).toBe('0%');
		expect(formatPercent(0.0001)).toBe('0.01%');
	});
	it('writes years without separators', () => {
		expect(both(formatYear, 2018)).toEqual(['2018', '2018']);
		expect(formatYear(2017.5)).toBe('2017.5');
	});
	it('writes flags as yes or no', () => {
		expect(both(formatFlag, 1)).toEqual(['是', 'Yes']);
		expect(both(formatFlag, 0)).toEqual(['否', 'No']);
		expect(formatFlag(2, 'en')).toBe('2');
		expect(FLAG_LABELS['1']).toEqual({ zh: '是', en: 'Yes' });
	});
	it('writes other numbers with at most two decimals', () => {
		expect(formatNumber(1234.5678)).toBe('1,234.57');
	});
});

describe('formatterFor', () => {
	it.each([
		['amount', 30_000, '3万元'],
		['ratio', 0.5, '50%'],
		['year', 2020, '2020'],
		['flag', 1, '是'],
		['count', 1_000, '1,000'],
		['category', 3, '3']
	] as const)('picks the formatter of kind %s', (kind, n, zh) => {
		expect(formatterFor(kind)(n, 'zh')).toBe(zh);
	});
});
