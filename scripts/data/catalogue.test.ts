/**
 * The catalogue's roll-ups: one per key, each fit for its kind, ratios built from parts that
 * are in the same catalogue; and the national build's policy — all keys for the latest year,
 * each theme's default indicator for every year, the default view's inputs in the start part.
 */
import { describe, expect, it } from 'vitest';
import { derivedIndicator } from '../../src/lib/analysis/derived-indicators';
import { parseRollup, rollupProblems } from '../../src/lib/analysis/rollup';
import { appCatalogue, firstQuery } from '../../src/lib/state/first-view-query';
import { THEME_DEFAULTS } from '../../src/lib/state/view-defaults';
import {
	CATALOGUE,
	CATALOGUE_KEYS,
	keptNationally,
	NATIONAL_SERIES_KEYS,
	START_KEYS
} from './catalogue';
import { YEARS } from './profiles';

const rollup = (key: string) => {
	const m = CATALOGUE.find((c) => c.key === key);
	return m && parseRollup(m.rollup);
};

describe('catalogue roll-ups', () => {
	it('has 41 keys, each with a roll-up that fits its kind and catalogue', () => {
		expect(CATALOGUE).toHaveLength(41);
		for (const m of CATALOGUE) expect(rollupProblems(m, CATALOGUE), m.key).toEqual([]);
	});

	it('recomputes incidence from its parts, never as a mean of rates', () => {
		expect(rollup('incidence')).toEqual({
			op: 'ratio',
			num: 'poor_people',
			den: 'rural_population'
		});
	});

	it.each([
		['fs_score', 'mean'],
		['fs_days', 'mean'],
		['college_cadre_share', 'mean'],
		['exit_year', 'max'],
		['rectified_year', 'max'],
		['work_team_size', 'sum'],
		['collective_income', 'sum'],
		['first_secretary', 'share'],
		['branch_status', 'categories']
	])('rolls %s up by %s', (key, op) => {
		expect(rollup(key)?.op).toBe(op);
	});

	it('says in the description when a ratio can only be averaged', () => {
		for (const m of CATALOGUE)
			if (m.kind === 'ratio' && parseRollup(m.rollup).op === 'mean')
				expect(m.description_zh, m.key).toMatch(/不在数据中/);
	});

	it("keeps every ratio's parts among the series keys kept for every year", () => {
		const series = new Set(NATIONAL_SERIES_KEYS);
		const reduced = CATALOGUE.filter((m) => series.has(m.key));
		expect(reduced).toHaveLength(NATIONAL_SERIES_KEYS.length);
		for (const m of reduced) expect(rollupProblems(m, reduced), m.key).toEqual([]);
	});
});

/** A theme default's stored inputs: its own key, or a derived indicator's inputs. */
const storedInputs = (key: string) => derivedIndicator(key)?.inputs ?? [key];

describe("the national build's indicator policy", () => {
	it("keeps for every year the stored inputs of each theme's default indicator", () => {
		const inputs = Object.values(THEME_DEFAULTS).flatMap((k) => [...storedInputs(k)]);
		expect(NATIONAL_SERIES_KEYS).toEqual(inputs);
		for (const k of inputs) expect(CATALOGUE_KEYS.has(k), k).toBe(true);
	});

	it("starts with the inputs of the default view's indicator in the latest year", () => {
		const first = firstQuery({}, appCatalogue(CATALOGUE), YEARS);
		expect(first?.view.indicator).toBe('poverty_status');
		expect(first?.view.year).toBe(YEARS[YEARS.length - 1]);
		expect(START_KEYS).toEqual(storedInputs('poverty_status'));
	});

	it('keeps every key in the latest year and only the series keys before', () => {
		const keep = keptNationally(2023);
		for (const m of CATALOGUE) {
			expect(keep(m.key, 2023), m.key).toBe(true);
			expect(keep(m.key, 2014), m.key).toBe(NATIONAL_SERIES_KEYS.includes(m.key));
		}
	});
});
