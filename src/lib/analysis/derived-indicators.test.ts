import { describe, expect, it } from 'vitest';
import {
	DERIVED_INDICATORS,
	WEAK_COLLECTIVE_LINE,
	derivedAvailable,
	derivedCategoryLabel,
	derivedIndicator
} from './derived-indicators';
import { POVERTY_STATUS_CLASSES } from './poverty-status';
import { parseRollup, rollupOf } from './rollup';

describe('derived catalogue entries', () => {
	it('have unique keys, both names, a theme and a rollup that fits their kind', () => {
		const keys = DERIVED_INDICATORS.map((d) => d.key);
		expect(new Set(keys).size).toBe(keys.length);
		for (const d of DERIVED_INDICATORS) {
			expect(d.label_zh, d.key).toMatch(/[\u4e00-\u9fff]/);
			expect(d.label_en, d.key).toMatch(/^[A-Z]/);
			expect(['poverty', 'collective', 'party', 'relocation']).toContain(d.theme);
			expect(rollupOf(d), d.key).toEqual(parseRollup(d.rollup));
			expect(d.inputs.length).toBeGreaterThan(0);
		}
	});

	it('poverty_status lists the status classes in legend order with their names', () => {
		const d = derivedIndicator('poverty_status');
		expect(d?.kind).toBe('category');
		expect(JSON.parse(d?.default_classes ?? '')).toEqual(POVERTY_STATUS_CLASSES.map((c) => c.key));
		expect(d?.categories?.map((c) => c.key)).toEqual([
			'poor',
			'exited_this_year',
			'exited',
			'never'
		]);
		expect(derivedCategoryLabel('poverty_status', 'exited', 'zh')).toBe('往年已退出');
		expect(derivedCategoryLabel('poverty_status', 'poor', 'en')).toBe('Poor, not yet exited');
		expect(derivedCategoryLabel('poverty_status', 'unknown', 'en')).toBe('unknown');
	});
});

describe('rules', () => {
	const status = derivedIndicator('poverty_status');
	it.each([
		[[1, 2018], 2017, 'poor'],
		[[1, null], 2023, 'poor'],
		[[1, 2018], 2018, 'exited_this_year'],
		[[1, 2018], 2020, 'exited'],
		[[0, null], 2016, 'never'],
		[[null, null], 2016, null]
	] as const)('poverty_status of %j in %i is %s', (inputs, year, want) => {
		expect(status?.derive(inputs, year)).toBe(want);
	});

	it.each([
		['empty_shell', 0, 1],
		['empty_shell', 1, 0],
		['empty_shell', null, null],
		['weak_collective', 0, 1],
		['weak_collective', WEAK_COLLECTIVE_LINE - 1, 1],
		['weak_collective', WEAK_COLLECTIVE_LINE, 0],
		['weak_collective', null, null]
	] as const)('%s of income %s is %s', (key, income, want) => {
		expect(derivedIndicator(key)?.derive([income], 2020)).toBe(want);
	});
});

describe('lookup', () => {
	it('finds derived keys only, and offers those whose inputs the dataset has', () => {
		expect(derivedIndicator('poor_village')).toBeUndefined();
		expect(derivedIndicator('constructor')).toBeUndefined();
		expect(derivedAvailable(['collective_income']).map((d) => d.key)).toEqual([
			'empty_shell',
			'weak_collective'
		]);
		expect(derivedAvailable(['poor_village', 'exit_year', 'collective_income']).length).toBe(3);
	});
});
