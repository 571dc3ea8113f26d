/**
 * The committed sample clusters in space the way real villages do (issue 14): each theme's main
 * indicator in the latest year has global Moran's I of at least 0.2 under queen contiguity, as
 * data:check reports, and the indicators lean the known way with remoteness — remote villages
 * poorer, exiting later, with weaker collectives, more weak-and-lax branches and more relocation,
 * first secretaries in poor villages. Both committed regions, queried through a real DuckDB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDataset } from '../../../scripts/data/check';
import { MAIN_INDICATORS, MIN_MORANS_I } from '../../../scripts/data/clustering';
import { openDataset, type TestDb } from './duckdb';

describe.each(['610924', '610925'])('committed region %s', (region) => {
	const dir = `static/data/${region}`;
	let db: TestDb;
	beforeAll(async () => {
		db = await openDataset(dir);
		// Distance of every village to the county seat (the 城关镇 …100 town's label point).
		db.rows(`CREATE TABLE remote AS
			WITH seat AS (SELECT cx, cy FROM boundary WHERE code = '${region}100')
			SELECT r.code, dist_km(seat.cx, seat.cy, b.cx, b.cy) AS km
			FROM region r JOIN boundary b USING (code), seat WHERE r.level = 'village'`);
	});
	afterAll(() => db?.close());

	it.each(MAIN_INDICATORS.map((m) => [m.theme, m.key]))(
		"clusters %s (%s): Moran's I ≥ 0.2 in the latest year",
		(theme) => {
			const { errors, stats } = checkDataset(dir);
			expect(errors).toEqual([]);
			expect(stats[`morans_i:${theme}`]).toBeGreaterThanOrEqual(MIN_MORANS_I);
		}
	);

	/** Correlation over villages between distance to the seat and an expression of one row. */
	const corr = (key: string, year: number | null, expr = 'i.value') =>
		db.one(`SELECT corr(d.km, ${expr}) FROM indicator i JOIN remote d USING (code)
			WHERE i.key = '${key}' ${year === null ? '' : `AND i.year = ${year}`}`);

	it('makes remote villages poorer and later to exit', () => {
		expect(corr('poor_village', 2014)).toBeGreaterThan(0.2);
		expect(corr('exit_year', 2023)).toBeGreaterThan(0.1);
	});

	it('gives remote villages weaker collectives', () => {
		expect(corr('collective_income', 2020)).toBeLessThan(-0.2);
		expect(corr('collective_income', 2023)).toBeLessThan(-0.2);
	});

	it('finds more weak-and-lax branches among remote villages', () => {
		expect(
			corr('branch_status', null, "CASE WHEN i.text = '软弱涣散' THEN 1 ELSE 0 END")
		).toBeGreaterThan(0);
	});

	it('relocates a larger share of the registered poor from remote villages', () => {
		const r = db.one(`SELECT corr(d.km, h.value / g.value) FROM indicator h
			JOIN indicator g ON g.code = h.code AND g.year = h.year AND g.key = 'registered_households'
			JOIN remote d ON d.code = h.code
			WHERE h.key = 'relocated_households' AND h.year = 2023`);
		expect(r).toBeGreaterThan(0.1);
	});

	it('sends first secretaries to poor villages', () => {
		const share = (poor: number) =>
			db.one(`SELECT avg(f.value) FROM indicator f JOIN indicator p ON p.code = f.code AND p.year = f.year AND p.key = 'poor_village'
				JOIN remote d ON d.code = f.code WHERE f.key = 'first_secretary' AND f.year = 2018 AND p.value = ${poor}`);
		expect(share(1)).toBeGreaterThan(0.9);
		expect(share(0)).toBeLessThan(0.2);
	});
});
