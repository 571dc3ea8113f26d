import { describe, expect, it } from 'vitest';
import {
	DEFAULT_SETTINGS,
	decodePlannerSettings,
	encodePlannerSettings,
	type PlannerSettings
} from './planner-settings';

const known = new Set([
	'weak_collective',
	'lax_branch',
	'poor_no_secretary',
	'few_reserve_cadres',
	'factory_gap'
]);
const roundTrip = (s: PlannerSettings) => decodePlannerSettings(encodePlannerSettings(s), known);

describe('planner settings in the URL', () => {
	it('writes nothing for the defaults, and reads the defaults back', () => {
		expect(encodePlannerSettings(DEFAULT_SETTINGS).toString()).toBe('');
		expect(decodePlannerSettings(new URLSearchParams(''), known)).toEqual(DEFAULT_SETTINGS);
	});

	it('round-trips every part that differs', () => {
		const s: PlannerSettings = {
			year: 2020,
			rules: [
				{ id: 'weak_collective', params: { max_income: 30000 } },
				{ id: 'few_reserve_cadres', params: { min_cadres: 3 } },
				{ id: 'factory_gap' }
			],
			combine: 'and',
			score: [
				{ key: 'collective_income', weight: 2, direction: 'higher-better' },
				{ key: 'incidence', weight: 1.5, direction: 'lower-better' }
			],
			method: 'zscore',
			bottom: 0.15,
			strongMin: 200000,
			capacity: 2,
			maxKm: 12
		};
		expect(roundTrip(s)).toEqual(s);
	});

	it('keeps no rule when the link says none', () => {
		expect(roundTrip({ ...DEFAULT_SETTINGS, rules: [] }).rules).toEqual([]);
	});

	it.each([
		['rules=no_such_rule,lax_branch', 'rules', [{ id: 'lax_branch' }]],
		['year=abc', 'year', null],
		['method=jenks', 'method', 'rank'],
		['bottom=5', 'bottom', 0.1],
		['capacity=-1', 'capacity', 1],
		[
			'score=collective_income:x:up,incidence:2:down',
			'score',
			[{ key: 'incidence', weight: 2, direction: 'lower-better' }]
		],
		['score=%3Cimg%3E:1:up', 'score', []]
	] as const)('falls back part by part on a bad link: %s', (q, part, value) => {
		expect(decodePlannerSettings(new URLSearchParams(q), known)[part]).toEqual(value);
	});
});
