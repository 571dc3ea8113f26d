import { describe, expect, it } from 'vitest';
import { keysInSql } from './sql-keys';
import { KPIS_SQL } from './queries/kpis';

const catalogue = [
	{ key: 'poor_village', theme: 'poverty' },
	{ key: 'exit_year', theme: 'poverty' },
	{ key: 'collective_income', theme: 'collective' },
	{ key: 'branch_status', theme: 'party' }
];

describe('keysInSql', () => {
	it('finds catalogue keys written as string literals', () => {
		const sql = `SELECT code FROM indicator WHERE key = 'collective_income' AND text = 'x_y'`;
		expect(keysInSql(sql, catalogue)).toEqual(['collective_income']);
	});
	it('reads every key of a theme view it names, in any case', () => {
		expect(keysInSql('select * from V_POVERTY where year = 2020', catalogue)).toEqual([
			'poor_village',
			'exit_year'
		]);
	});
	it('ignores v_village and words that are not keys', () => {
		expect(keysInSql(`SELECT name FROM v_village WHERE name = 'abc'`, catalogue)).toEqual([]);
	});
	it("finds the KPI cards' inputs in their SQL", () => {
		expect(keysInSql(KPIS_SQL, catalogue).sort()).toEqual([
			'branch_status',
			'collective_income',
			'exit_year',
			'poor_village'
		]);
	});
});
