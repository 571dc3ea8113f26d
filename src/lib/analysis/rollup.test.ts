import { describe, expect, it } from 'vitest';
import {
	defaultRollup,
	parseRollup,
	RollupError,
	rollupOf,
	rollupProblems,
	stringifyRollup,
	type Rollup
} from './rollup';

describe('parseRollup', () => {
	it.each<[string, Rollup]>([
		['{"op":"sum"}', { op: 'sum' }],
		['{"op":"share"}', { op: 'share' }],
		['{"op":"categories"}', { op: 'categories' }],
		['{"op":"max"}', { op: 'max' }],
		['{"op":"mean"}', { op: 'mean' }],
		[
			'{"op":"ratio","num":"poor_people","den":"rural_population"}',
			{ op: 'ratio', num: 'poor_people', den: 'rural_population' }
		]
	])('reads %s', (json, rule) => {
		expect(parseRollup(json)).toEqual(rule);
		expect(stringifyRollup(rule)).toBe(json);
	});

	it.each([
		['not json', /not JSON/],
		['[]', /no "op"/],
		['{"op":"median"}', /not one of/],
		['{"op":"sum","num":"x"}', /takes no num/],
		['{"op":"ratio","num":"a"}', /needs "num" and "den"/],
		['{"op":"ratio","num":"a","den":"a"}', /same key/]
	])('rejects %s', (json, message) => {
		expect(() => parseRollup(json)).toThrow(RollupError);
		expect(() => parseRollup(json)).toThrow(message);
	});

	it('writes a ratio with its keys in a fixed order', () => {
		expect(stringifyRollup({ den: 'b', num: 'a', op: 'ratio' } as Rollup)).toBe(
			'{"op":"ratio","num":"a","den":"b"}'
		);
	});
});

describe('rollupOf', () => {
	it.each<[string, Rollup]>([
		['flag', { op: 'share' }],
		['category', { op: 'categories' }],
		['count', { op: 'sum' }],
		['amount', { op: 'sum' }],
		['ratio', { op: 'mean' }],
		['year', { op: 'max' }],
		['something new', { op: 'mean' }]
	])('falls back by kind for a %s without a rule', (kind, rule) => {
		expect(rollupOf({ kind })).toEqual(rule);
		expect(rollupOf({ kind, rollup: '' })).toEqual(rule);
		expect(rollupOf({ kind, rollup: null })).toEqual(rule);
		expect(defaultRollup(kind)).toEqual(rule);
	});

	it("uses the catalogue's rule when it reads and fits the kind", () => {
		expect(rollupOf({ kind: 'count', rollup: '{"op":"mean"}' })).toEqual({ op: 'mean' });
		expect(rollupOf({ kind: 'ratio', rollup: '{"op":"ratio","num":"a","den":"b"}' })).toEqual({
			op: 'ratio',
			num: 'a',
			den: 'b'
		});
	});

	it('falls back rather than throw on an unreadable or unfit rule', () => {
		expect(rollupOf({ kind: 'count', rollup: '{"op":' })).toEqual({ op: 'sum' });
		expect(rollupOf({ kind: 'flag', rollup: '{"op":"sum"}' })).toEqual({ op: 'share' });
		expect(rollupOf({ kind: 'category', rollup: '{"op":"max"}' })).toEqual({ op: 'categories' });
	});
});

describe('rollupProblems', () => {
	const catalogue = [
		{ key: 'poor_people', kind: 'count' },
		{ key: 'rural_population', kind: 'count' },
		{ key: 'branch_status', kind: 'category' },
		{ key: 'incidence', kind: 'ratio' }
	];
	const incidence = (rollup: string) => ({ key: 'incidence', kind: 'ratio', rollup });

	it('accepts a ratio of two counts in the catalogue, and no rule at all', () => {
		expect(
			rollupProblems(
				incidence('{"op":"ratio","num":"poor_people","den":"rural_population"}'),
				catalogue
			)
		).toEqual([]);
		expect(rollupProblems({ key: 'incidence', kind: 'ratio' }, catalogue)).toEqual([]);
	});

	it('names a missing part, a non-numeric part and a rule that refers to itself', () => {
		expect(
			rollupProblems(incidence('{"op":"ratio","num":"poor_people","den":"people"}'), catalogue)
		).toEqual(['incidence: rollup ratio part people is not in the catalogue']);
		expect(
			rollupProblems(
				incidence('{"op":"ratio","num":"branch_status","den":"rural_population"}'),
				catalogue
			)
		).toEqual(['incidence: rollup ratio part branch_status is a category, not a count or amount']);
		expect(
			rollupProblems(incidence('{"op":"ratio","num":"incidence","den":"poor_people"}'), catalogue)
		).toEqual(['incidence: rollup ratio refers to itself']);
	});

	it('names an unreadable rule and one unfit for the kind', () => {
		expect(rollupProblems(incidence('{"op":"avg"}'), catalogue)[0]).toMatch(
			/incidence: .*not one of/
		);
		expect(rollupProblems({ key: 'x', kind: 'flag', rollup: '{"op":"sum"}' }, [])).toEqual([
			'x: rollup "sum" does not fit a flag indicator'
		]);
	});
});
