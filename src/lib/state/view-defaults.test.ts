import { describe, expect, it } from 'vitest';
import type { IndicatorMeta } from '$lib/data/contract';
import { DERIVED_INDICATORS } from '$lib/analysis/derived-indicators';
import { completeView, methodsFor } from './view-defaults';

const meta = (
	key: string,
	theme: IndicatorMeta['theme'],
	kind: IndicatorMeta['kind'],
	classes: unknown,
	rollup?: object
): IndicatorMeta => ({
	key,
	theme,
	kind,
	label_zh: key,
	label_en: key,
	unit: '',
	default_classes: JSON.stringify(classes),
	better: 'none',
	rollup: rollup ? JSON.stringify(rollup) : undefined
});
const catalogue: IndicatorMeta[] = [
	...(DERIVED_INDICATORS as unknown as IndicatorMeta[]),
	meta('poor_households', 'poverty', 'count', [1, 20, 50, 100]),
	meta('incidence', 'poverty', 'ratio', [0.03, 0.1], {
		op: 'ratio',
		num: 'poor_people',
		den: 'rural_population'
	}),
	meta('exit_year', 'poverty', 'year', [2016, 2017, 2018]),
	meta('collective_income', 'collective', 'amount', [1, 30000, 50000]),
	meta('branch_status', 'party', 'category', ['标准', '软弱涣散']),
	meta('first_secretary', 'party', 'flag', [0, 1]),
	meta('relocated_households', 'relocation', 'count', [50, 100])
];
const years = [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023];
const byKey = (k: string) => catalogue.find((m) => m.key === k)!;

describe('completeView', () => {
	it('opens an empty URL on poverty-exit status of villages in the latest year, by category', () => {
		expect(completeView({}, catalogue, years)).toMatchObject({
			theme: 'poverty',
			indicator: 'poverty_status',
			level: 'village',
			year: 2023,
			method: 'categorical',
			stat: 'value',
			filters: []
		});
	});

	it('opens each theme on its headline indicator', () => {
		const open = (theme: IndicatorMeta['theme']) => completeView({ theme }, catalogue, years);
		expect(open('collective')).toMatchObject({ indicator: 'collective_income', method: 'policy' });
		expect(open('party')).toMatchObject({ indicator: 'branch_status', method: 'categorical' });
		expect(open('relocation').indicator).toBe('relocated_households');
	});

	it('takes the theme from the indicator, and ignores an indicator of another theme', () => {
		expect(completeView({ indicator: 'branch_status' }, catalogue, years).theme).toBe('party');
		expect(
			completeView({ theme: 'collective', indicator: 'branch_status' }, catalogue, years).indicator
		).toBe('collective_income');
	});

	it('falls back for what the dataset lacks: an unknown indicator, a year outside the data', () => {
		const v = completeView({ indicator: 'no_such_key', year: 2030 }, catalogue, years);
		expect(v).toMatchObject({ indicator: 'poverty_status', year: 2023 });
	});

	it('classes numbers at village level by the catalogue breaks, at township level by quantiles', () => {
		expect(completeView({ indicator: 'poor_households' }, catalogue, years)).toMatchObject({
			method: 'manual',
			breaks: [1, 20, 50, 100]
		});
		expect(
			completeView({ indicator: 'poor_households', level: 'township' }, catalogue, years)
		).toMatchObject({
			method: 'quantile',
			classes: 5,
			stat: 'sum'
		});
	});

	it('recomputes ratios at township level and counts a category there', () => {
		expect(completeView({ indicator: 'incidence', level: 'township' }, catalogue, years).stat).toBe(
			'ratio'
		);
		const v = completeView({ indicator: 'branch_status', level: 'county' }, catalogue, years);
		expect(v).toMatchObject({ stat: 'count', category: '标准', method: 'quantile' });
		const w = completeView(
			{ indicator: 'branch_status', level: 'township', category: '软弱涣散', stat: 'share' },
			catalogue,
			years
		);
		expect(w).toMatchObject({ stat: 'share', category: '软弱涣散' });
	});

	it('keeps a method that fits and replaces one that does not', () => {
		expect(
			completeView(
				{ indicator: 'collective_income', method: 'ckmeans', classes: 4 },
				catalogue,
				years
			)
		).toMatchObject({ method: 'ckmeans', classes: 4 });
		expect(
			completeView({ indicator: 'branch_status', method: 'quantile' }, catalogue, years).method
		).toBe('categorical');
	});

	it('keeps well-formed filters, the selection and the extent; drops a malformed filter', () => {
		const v = completeView(
			{
				filters: [
					{ field: 'township', op: 'in', values: ['610924101'] },
					{ field: 'township', op: 'in', values: ['not-a-code'] }
				],
				selected: '610924101215',
				extent: { lon: 108.5, lat: 32.5, zoom: 9 }
			},
			catalogue,
			years
		);
		expect(v.filters).toEqual([{ field: 'township', op: 'in', values: ['610924101'] }]);
		expect(v.selected).toBe('610924101215');
		expect(v.extent).toEqual({ lon: 108.5, lat: 32.5, zoom: 9 });
	});
});

describe('methodsFor', () => {
	it('offers policy bands only where the indicator has them and the statistic is per village', () => {
		expect(methodsFor(byKey('collective_income'), 'village', 'value')[0]).toBe('policy');
		expect(methodsFor(byKey('collective_income'), 'township', 'median')).toContain('policy');
		expect(methodsFor(byKey('collective_income'), 'township', 'sum')).not.toContain('policy');
		expect(methodsFor(byKey('poor_households'), 'village', 'value')).not.toContain('policy');
	});
	it('classes flags and categories at village level by category only', () => {
		expect(methodsFor(byKey('first_secretary'), 'village', 'value')).toEqual(['categorical']);
		expect(methodsFor(byKey('first_secretary'), 'township', 'share')).not.toContain('categorical');
	});
});
