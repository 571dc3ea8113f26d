import { beforeEach, describe, expect, it } from 'vitest';
import { classIndex } from './interval';
import { COLLECTIVE_INCOME_BANDS, EMPTY_SHELL_KEY, POLICY_BANDS, policyBands } from './policy';

beforeEach(() => {
	expect.hasAssertions();
});

const { breaks, bands } = policyBands();
const bandOf = (yuan: number) => bands[classIndex(yuan, breaks)]!.label.zh;

describe('policyBands() for collective income', () => {
	it('names six bands, from empty shell to 50万 and over, in both languages', () => {
		expect(bands.map((b) => b.label.zh)).toEqual([
			'空壳村（0）',
			'薄弱村 不足3万元',
			'薄弱村 3—5万元',
			'5—10万元',
			'10—50万元',
			'50万元以上'
		]);
		expect(bands.map((b) => b.label.en)).toEqual([
			'Empty shell (0)',
			'Weak, under 30k yuan',
			'Weak, 30k–50k yuan',
			'50k–100k yuan',
			'100k–500k yuan',
			'500k yuan and over'
		]);
	});
	it.each([
		[0, '空壳村（0）'],
		[-200, '空壳村（0）'],
		[0.01, '薄弱村 不足3万元'],
		[29_999, '薄弱村 不足3万元'],
		[30_000, '薄弱村 3—5万元'],
		[49_999.99, '薄弱村 3—5万元'],
		[50_000, '5—10万元'],
		[100_000, '10—50万元'],
		[499_999, '10—50万元'],
		[500_000, '50万元以上'],
		[12_000_000, '50万元以上']
	])('puts %s yuan in %s', (yuan, band) => {
		expect(bandOf(yuan)).toBe(band);
	});
	it('gives each band a stable key', () => {
		expect(bands.map((b) => b.key)).toEqual([
			EMPTY_SHELL_KEY,
			'0..30000',
			'30000..50000',
			'50000..100000',
			'100000..500000',
			'500000..'
		]);
	});
});

describe('policyBands(spec) with edited thresholds', () => {
	it('follows the thresholds, and the weak line decides which bands are 薄弱村', () => {
		const edited = policyBands({ thresholds: [20_000, 100_000], weakBelow: 20_000 });
		expect(edited.bands.map((b) => b.label.zh)).toEqual([
			'空壳村（0）',
			'薄弱村 不足2万元',
			'2—10万元',
			'10万元以上'
		]);
	});
	it('makes the weak line a threshold even when it is not listed', () => {
		const edited = policyBands({ thresholds: [100_000], weakBelow: 40_000 });
		expect(edited.breaks.slice(1)).toEqual([40_000, 100_000]);
		expect(edited.bands[1]!.label.zh).toBe('薄弱村 不足4万元');
	});
	it('marks no band weak when the weak line is 0', () => {
		const edited = policyBands({ thresholds: [5_000], weakBelow: 0 });
		expect(edited.bands.map((b) => b.label.en)).toEqual([
			'Empty shell (0)',
			'Under 5k yuan',
			'5k yuan and over'
		]);
	});
	it('sorts and de-duplicates thresholds', () => {
		const edited = policyBands({ thresholds: [50_000, 30_000, 30_000], weakBelow: 50_000 });
		expect(edited.breaks).toEqual([Number.MIN_VALUE, 30_000, 50_000]);
	});
	it.each([0, -1, NaN, Infinity])('rejects a threshold of %s', (t) => {
		expect(() => policyBands({ thresholds: [t], weakBelow: 0 })).toThrow(
			/^policyBands: thresholds/
		);
	});
});

describe('POLICY_BANDS', () => {
	it('offers policy bands only where the reports define them: collective income', () => {
		expect(Object.keys(POLICY_BANDS)).toEqual(['collective_income']);
		expect(POLICY_BANDS.collective_income).toBe(COLLECTIVE_INCOME_BANDS);
	});
	it('uses the thresholds of the reports: 3万, 5万 (the weak line), 10万, 50万', () => {
		expect(COLLECTIVE_INCOME_BANDS).toEqual({
			thresholds: [30_000, 50_000, 100_000, 500_000],
			weakBelow: 50_000
		});
	});
});
