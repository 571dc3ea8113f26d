import { describe, expect, it } from 'vitest';
import type { IndicatorMeta } from '$lib/data/contract';
import { readFileSync } from 'node:fs';
import { appCatalogue } from './first-view-query';
import { completeInYears, indicatorYears, viewNeeds } from './view-needs';

const meta = (key: string, kind: string, rollup = '{"op":"sum"}') =>
	({ key, kind, rollup, theme: 'poverty' }) as IndicatorMeta;
const catalogue = [
	meta('collective_income', 'amount'),
	meta('poor_people', 'count'),
	meta('rural_population', 'count'),
	meta('incidence', 'ratio', '{"op":"ratio","num":"poor_people","den":"rural_population"}')
];
const view = { indicator: 'collective_income', year: 2023, filters: [] };

describe('viewNeeds', () => {
	it('needs the indicator in the view year', () => {
		expect(viewNeeds(view, catalogue)).toEqual({ keys: ['collective_income'], years: [2023] });
	});
	it('needs a derived indicator by its inputs', () => {
		expect(viewNeeds({ ...view, indicator: 'poverty_status' }, catalogue).keys).toEqual([
			'poor_village',
			'exit_year'
		]);
	});
	it('needs the indicators it filters on, once each, but not places', () => {
		const filters = [
			{ field: 'incidence', op: 'range' as const, values: [0, 0.1] },
			{ field: 'township', op: 'in' as const, values: ['610924100'] },
			{ field: 'village', op: 'in' as const, values: ['610924100201'] },
			{ field: 'collective_income', op: 'range' as const, values: [0, 1] }
		];
		expect(viewNeeds({ ...view, filters }, catalogue).keys).toEqual([
			'collective_income',
			'incidence',
			'poor_people',
			'rural_population'
		]);
	});
	it('needs both years of a comparison', () => {
		expect(viewNeeds({ ...view, compareYear: 2016 }, catalogue).years).toEqual([2016, 2023]);
	});
});

describe('indicatorYears', () => {
	const years: Record<string, number[]> = {
		poor_village: [2014, 2015, 2023],
		exit_year: [2015, 2023],
		collective_income: [2014, 2015, 2023],
		incidence: [2023],
		poor_people: [2023],
		rural_population: [2023]
	};
	const yearsOf = (k: string) => years[k] ?? [];
	it('is the stored years of a stored indicator', () => {
		expect(indicatorYears('collective_income', catalogue, yearsOf)).toEqual([2014, 2015, 2023]);
	});
	it('is the years all inputs of a derived indicator share', () => {
		expect(indicatorYears('poverty_status', catalogue, yearsOf)).toEqual([2015, 2023]);
	});
	it('is empty for a key with no data', () => {
		expect(indicatorYears('unknown', catalogue, yearsOf)).toEqual([]);
	});
});

describe('completeInYears', () => {
	const manifest = JSON.parse(readFileSync('static/data/610924/manifest.json', 'utf8')) as {
		catalogue: IndicatorMeta[];
		years: number[];
	};
	const full = appCatalogue(manifest.catalogue);
	// As the national build: every key in 2023, collective income in every year.
	const yearsOf = (k: string) => (k === 'collective_income' ? manifest.years : [2023]);

	it('keeps a year the indicator has data in', () => {
		const v = completeInYears(
			{ indicator: 'collective_income', year: 2016 },
			full,
			manifest.years,
			yearsOf
		);
		expect(v.year).toBe(2016);
	});
	it("falls back to the indicator's latest year when it has no data in the year asked", () => {
		const v = completeInYears(
			{ indicator: 'incidence', year: 2016 },
			full,
			manifest.years,
			yearsOf
		);
		expect(v.year).toBe(2023);
	});
	it('drops a comparison with a year the indicator has no data in', () => {
		const url = { indicator: 'incidence', year: 2023, compareYear: 2016 };
		expect(completeInYears(url, full, manifest.years, yearsOf).compareYear).toBeUndefined();
		const both = { indicator: 'collective_income', year: 2023, compareYear: 2016 };
		expect(completeInYears(both, full, manifest.years, yearsOf).compareYear).toBe(2016);
	});
	it('is the plain completion for a dataset in one file', () => {
		const v = completeInYears({ indicator: 'incidence', year: 2016 }, full, manifest.years);
		expect(v.year).toBe(2016);
	});
});
