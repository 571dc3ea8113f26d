/**
 * The catalogue's roll-ups: one per key, each fit for its kind, ratios built from parts that
 * are in the same catalogue — in the full set and in the national build's reduced one.
 */
import { describe, expect, it } from 'vitest';
import { parseRollup, rollupProblems } from '../../src/lib/analysis/rollup';
import { CATALOGUE, NATIONAL_KEYS } from './catalogue';

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

	it("keeps every ratio's parts in the national build's reduced set", () => {
		const keys = new Set(NATIONAL_KEYS);
		const reduced = CATALOGUE.filter((m) => keys.has(m.key));
		expect(reduced).toHaveLength(NATIONAL_KEYS.length);
		for (const m of reduced) expect(rollupProblems(m, reduced), m.key).toEqual([]);
	});
});
