/**
 * View filters as clauses: malformed specs are refused with a reason, and every predicate runs
 * on the real engine over the committed 紫阳县 dataset and selects exactly the villages found by
 * reading the Arrow files directly (apache-arrow, no SQL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { tableFromIPC, type Table } from 'apache-arrow';
import type { Connector } from '$lib/data/connector';
import type { SqlFragment } from '$lib/data/sql-fragment';
import { openRegion } from '../../../tests/unit/dataset-fixture';
import { checkFilterSpec, clauseToFilter, filterToClause, type FilterSpec } from './filters';
import { Selection } from './selection';

const tables = new Map<string, Table>();
function file(t: string): Table {
	if (!tables.has(t)) tables.set(t, tableFromIPC(readFileSync(`static/data/610924/${t}.arrow`)));
	return tables.get(t) as Table;
}

/** Village and community codes → township code, from region.arrow. */
function villageTownships(): Map<string, string> {
	const out = new Map<string, string>();
	for (const r of file('region'))
		if (r.level === 'village' || r.level === 'community') out.set(r.code, r.parent_code);
	return out;
}

/** The villages a spec selects in `year`, computed from the files. */
function independent(spec: FilterSpec, year: number): string[] {
	const villages = villageTownships();
	const hit = new Set<string>();
	if (spec.field === 'township') {
		for (const [code, t] of villages) if (spec.values.includes(t)) hit.add(code);
	} else if (spec.field === 'village') {
		for (const code of villages.keys()) if (spec.values.includes(code)) hit.add(code);
	} else {
		const [lo, hi] = spec.values as (number | null)[];
		for (const r of file('indicator')) {
			if (r.key !== spec.field || r.year !== year || !villages.has(r.code)) continue;
			const ok =
				spec.op === 'in'
					? spec.values.includes(r.text)
					: r.value !== null &&
						(lo === null || lo === undefined || r.value >= lo) &&
						(hi === null || hi === undefined || r.value < hi);
			if (ok) hit.add(r.code);
		}
	}
	return [...hit].sort();
}

let db: Connector;
beforeAll(async () => {
	({ db } = await openRegion('610924'));
});
afterAll(async () => {
	await db?.close();
});

async function selected(where: SqlFragment | null): Promise<string[]> {
	const t = await db.query(
		`SELECT code FROM v_village${where ? ` WHERE ${where.sql}` : ''} ORDER BY code`,
		where?.params ?? []
	);
	return t.getChild('code')?.toArray().map(String) ?? [];
}

const CASES: [string, FilterSpec, number][] = [
	['two townships', { field: 'township', op: 'in', values: ['610924100', '610924101'] }, 2020],
	[
		'three villages by code',
		{ field: 'village', op: 'in', values: ['610924101215', '610924117219', '610924106202'] },
		2020
	],
	['a category (Chinese text)', { field: 'branch_status', op: 'in', values: ['软弱涣散'] }, 2018],
	['two categories', { field: 'fs_grade', op: 'in', values: ['优秀', '基本称职'] }, 2021],
	['a closed range', { field: 'collective_income', op: 'range', values: [30000, 50000] }, 2020],
	['a range open above', { field: 'collective_income', op: 'range', values: [100000, null] }, 2022],
	['a range open below', { field: 'collective_income', op: 'range', values: [null, 30000] }, 2019],
	['a range to Infinity', { field: 'incidence', op: 'range', values: [0.03, Infinity] }, 2015]
];

describe('filter predicates on the real engine', () => {
	it.each(CASES)('%s selects the villages the files say', async (_name, spec, year) => {
		const expected = independent(spec, year);
		expect(expected.length).toBeGreaterThan(0);
		expect(expected.length).toBeLessThan(villageTownships().size);
		const clause = filterToClause(spec, year, 'test');
		expect(await selected(clause.predicate)).toEqual(expected);
	});

	it('clauses in an intersect selection select the villages every filter selects', async () => {
		const s = Selection.intersect();
		const a: FilterSpec = { field: 'township', op: 'in', values: ['610924100', '610924101'] };
		const b: FilterSpec = { field: 'collective_income', op: 'range', values: [30000, null] };
		s.update(filterToClause(a, 2020, 'a'));
		s.update(filterToClause(b, 2020, 'b'));
		const inB = new Set(independent(b, 2020));
		const expected = independent(a, 2020).filter((c) => inB.has(c));
		expect(expected.length).toBeGreaterThan(0);
		expect(await selected(s.predicate())).toEqual(expected);
	});

	it('a hostile value is a parameter and harms nothing', async () => {
		const evil = "'); DROP TABLE region; --";
		const regionRows = async () =>
			Number((await db.query('SELECT count(*)::INTEGER AS n FROM region')).getChild('n')?.get(0));
		const before = await regionRows();
		const clause = filterToClause({ field: 'branch_status', op: 'in', values: [evil] }, 2020, 'x');
		expect(clause.predicate?.sql).not.toContain('DROP');
		expect(clause.predicate?.params).toContain(evil);
		expect(await selected(clause.predicate)).toEqual([]);
		expect(before).toBeGreaterThan(0);
		expect(await regionRows()).toBe(before);
		expect(() =>
			filterToClause({ field: 'township', op: 'in', values: [evil] }, 2020, 'x')
		).toThrow(/township code/);
		expect(() =>
			filterToClause({ field: `x"; ${evil}`, op: 'in', values: ['a'] }, 2020, 'x')
		).toThrow(/field/);
	});
});

describe('malformed filters are refused with a reason', () => {
	const bad: [unknown, RegExp][] = [
		[null, /object/],
		[{ field: 'Township', op: 'in', values: ['610924100'] }, /field/],
		[{ field: '', op: 'in', values: ['a'] }, /field/],
		[{ field: 'branch_status', op: 'eq', values: ['a'] }, /unknown op "eq"/],
		[{ field: 'branch_status', op: 'in', values: [] }, /non-empty/],
		[{ field: 'branch_status', op: 'in', values: 'a' }, /non-empty/],
		[{ field: 'branch_status', op: 'in', values: [1] }, /texts/],
		[{ field: 'branch_status', op: 'in', values: [''] }, /texts/],
		[{ field: 'township', op: 'range', values: ['610924100', '610924199'] }, /"in"/],
		[{ field: 'township', op: 'in', values: ['61092410'] }, /9-digit/],
		[{ field: 'collective_income', op: 'range', values: [1, 2, 3] }, /\[lo, hi\]/],
		[{ field: 'collective_income', op: 'range', values: ['1', 2] }, /not a number/],
		[{ field: 'collective_income', op: 'range', values: [NaN, 2] }, /not a number/],
		[{ field: 'collective_income', op: 'range', values: [5, 5] }, /empty range/],
		[{ field: 'collective_income', op: 'range', values: [null, null] }, /at least one bound/],
		[{ field: 'collective_income', op: 'range', values: [Infinity, null] }, /not a number/],
		[{ field: 'x', op: 'in', values: Array.from({ length: 300 }, (_, i) => `v${i}`) }, /more than/]
	];
	it.each(bad)('%j', (spec, why) => {
		expect(() => checkFilterSpec(spec)).toThrow(why);
	});

	it('an indicator filter needs a whole-number year; a township filter does not', () => {
		const weak: FilterSpec = { field: 'branch_status', op: 'in', values: ['软弱涣散'] };
		expect(() => filterToClause(weak, 2020.5, 'x')).toThrow(/year/);
		const towns: FilterSpec = { field: 'township', op: 'in', values: [610924100] };
		expect(filterToClause(towns, NaN, 'x').value).toEqual(['610924100']);
	});

	it('a clause turns back into the filter it came from, open ends as null', () => {
		const spec: FilterSpec = { field: 'incidence', op: 'range', values: [-Infinity, 0.1] };
		const clause = filterToClause(spec, 2020, 'x');
		expect(clause.label).toBe('incidence < 0.1');
		expect(clauseToFilter(clause)).toEqual({
			field: 'incidence',
			op: 'range',
			values: [null, 0.1]
		});
		expect(clauseToFilter({ ...clause, value: 'nonsense' })).toBeNull();
	});
});
