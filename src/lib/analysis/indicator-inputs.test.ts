import { describe, expect, it } from 'vitest';
import { indicatorInputs } from './indicator-inputs';

const catalogue = [
	{ key: 'collective_income', kind: 'amount', rollup: '{"op":"sum"}' },
	{ key: 'poor_people', kind: 'count', rollup: '{"op":"sum"}' },
	{ key: 'rural_population', kind: 'count', rollup: '{"op":"sum"}' },
	{
		key: 'incidence',
		kind: 'ratio',
		rollup: '{"op":"ratio","num":"poor_people","den":"rural_population"}'
	}
];

describe('indicatorInputs', () => {
	it('reads a stored indicator from itself', () => {
		expect(indicatorInputs('collective_income', catalogue)).toEqual(['collective_income']);
	});
	it('reads a derived indicator from its inputs', () => {
		expect(indicatorInputs('poverty_status', catalogue)).toEqual(['poor_village', 'exit_year']);
		expect(indicatorInputs('weak_collective', catalogue)).toEqual(['collective_income']);
	});
	it('reads a ratio from itself, its numerator and its denominator', () => {
		expect(indicatorInputs('incidence', catalogue)).toEqual([
			'incidence',
			'poor_people',
			'rural_population'
		]);
	});
	it('reads an unknown key (an import) from itself', () => {
		expect(indicatorInputs('my_score', catalogue)).toEqual(['my_score']);
	});
});
