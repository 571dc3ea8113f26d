/**
 * The committed 紫阳县 dataset (static/data/610924) against the "done when": counts,
 * the five 三变 pilots, relocation totals, factories and their gaps, poverty exit, the olive
 * income distribution and Party-organisation rules — queried through a real DuckDB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDataset } from '../../../scripts/data/check';
import { factoryGap, needsFactory } from '../../../src/lib/analysis/factory-rule';
import { openDataset, type TestDb } from './duckdb';

const DIR = 'static/data/610924';
let db: TestDb;

beforeAll(async () => {
	db = await openDataset(DIR);
});
afterAll(() => db?.close());

describe('610924 紫阳县 committed dataset', () => {
	it('passes data:check', () => {
		expect(checkDataset(DIR).errors).toEqual([]);
	});

	it.each([
		['county', 1],
		['township', 17],
		['village', 175],
		['community', 32]
	])('has the real number of %s units (%i)', (level, n) => {
		expect(db.one(`SELECT count(*) FROM region WHERE level = '${level}'`)).toBe(n);
	});

	it('loads in DuckDB with 175 villages and every unit under a township of the region', () => {
		expect(db.one("SELECT count(*) FROM region WHERE level='village'")).toBe(175);
		const orphans =
			db.one(`SELECT count(*) FROM region u LEFT JOIN region t ON t.code = u.parent_code AND t.level = 'township'
			WHERE u.level IN ('village','community') AND t.code IS NULL`);
		expect(orphans).toBe(0);
		expect(db.one('SELECT count(*) FROM boundary')).toBe(225);
	});

	it('uses short names and keeps the official ones', () => {
		const row = db.rows<{ name: string; full_name: string }>(
			"SELECT name, full_name FROM region WHERE code = '610924101215'"
		)[0];
		expect(row).toEqual({ name: '王家河村', full_name: '王家河村委会' });
	});

	it.each([
		['610924101215', '省级'],
		['610924117219', '省级'],
		['610924106202', '省级'],
		['610924109203', '市级'],
		['610924103206', '市级']
	])('flags 三变 pilot %s at %s level from 2017', (code, level) => {
		const rows = db.rows<{ year: number; text: string }>(
			`SELECT year, text FROM indicator WHERE code='${code}' AND key='sanbian_pilot' ORDER BY year`
		);
		expect(rows).toHaveLength(10);
		for (const r of rows) expect(r.text).toBe(r.year >= 2017 ? level : '无');
	});

	it('relocates exactly 23,450 households and 75,777 people (seed 003)', () => {
		const sites = db.rows<{ hh: number; pp: number }>(
			"SELECT sum(households) hh, sum(people) pp FROM site WHERE kind='resettlement'"
		)[0];
		expect(sites).toEqual({ hh: 23450, pp: 75777 });
		const villages = db.rows<{
			hh: number;
			pp: number;
		}>(`SELECT sum(value) FILTER (WHERE key='relocated_households') hh,
			sum(value) FILTER (WHERE key='relocated_people') pp FROM indicator WHERE year=2020`)[0];
		expect(villages).toEqual({ hh: 23450, pp: 75777 });
	});

	it('has 30+ factories averaging about 150 jobs and 5,000+ poor labourers employed', () => {
		const f = db.rows<{ n: number; jobs: number; poor: number }>(
			"SELECT count(*) n, avg(jobs) jobs, sum(poor_employed) poor FROM site WHERE kind='factory'"
		)[0]!;
		expect(f.n).toBeGreaterThanOrEqual(30);
		expect(f.jobs).toBeGreaterThanOrEqual(150);
		expect(f.jobs).toBeLessThan(200);
		expect(f.poor).toBeGreaterThanOrEqual(5000);
	});

	it('leaves a few 500+-household communities without a qualifying factory', () => {
		type Row = {
			id: string;
			kind: string;
			lon: number;
			lat: number;
			households: number | null;
			jobs: number | null;
			months_operating: number | null;
		};
		const sites = db.rows<Row>(
			'SELECT id, kind, lon, lat, households, jobs, months_operating FROM site ORDER BY id'
		);
		const factories = sites.filter((s) => s.kind === 'factory');
		const big = sites.filter((s) => s.kind === 'resettlement' && needsFactory(s, 'resettlement'));
		const gaps = big.map((c) => factoryGap(c, factories)).filter((g) => g !== null);
		expect(gaps.length).toBeGreaterThanOrEqual(2);
		expect(gaps.length).toBeLessThanOrEqual(5);
		expect(big.length).toBeGreaterThan(gaps.length * 2);
		// The build plants one with no factory of its own, one with its factory too far and one
		// with its factory too small; the first has other communities' factories a few km off,
		// so the rule calls it 'far' too.
		expect(gaps).toContain('far');
		expect(gaps).toContain('small');
	});

	it('stores factory distances that match their coordinates (the dist_km of the console)', () => {
		const worst = db.one(`SELECT max(abs(f.distance_km - dist_km(c.lon, c.lat, f.lon, f.lat)))
			FROM site f JOIN site c ON c.id = f.community_id`);
		expect(worst).toBeLessThanOrEqual(0.0005 + 1e-9);
	});

	it('brings incidence to 0 by 2020 and exits every poor village by 2020, under 3% in its exit year', () => {
		expect(db.one("SELECT max(value) FROM indicator WHERE key='incidence' AND year >= 2020")).toBe(
			0
		);
		expect(
			db.one(
				"SELECT count(*) FROM indicator WHERE key='exit_year' AND (value IS NULL OR value > 2020)"
			)
		).toBe(0);
		const poor = db.one(
			"SELECT count(DISTINCT code) FROM indicator WHERE key='poor_village' AND value = 1"
		);
		expect(poor).toBeGreaterThan(80);
		const over =
			db.one(`SELECT count(*) FROM indicator e JOIN indicator i ON i.code = e.code AND i.key = 'incidence' AND i.year = e.value
			WHERE e.key = 'exit_year' AND e.year = 2023 AND i.value >= 0.03`);
		expect(over).toBe(0);
	});

	it('moves collective income from many empty shells to the olive shape (~65% in 3–10万 by 2020)', () => {
		const share = (year: number, cond: string) =>
			db.one(`SELECT avg(CASE WHEN ${cond} THEN 1 ELSE 0 END) FROM indicator i JOIN region r ON r.code = i.code
				WHERE r.level = 'village' AND i.key = 'collective_income' AND i.year = ${year}`);
		expect(share(2014, 'value = 0')).toBeGreaterThan(0.4);
		expect(share(2020, 'value BETWEEN 30000 AND 100000')).toBeGreaterThan(0.6);
		expect(share(2020, 'value BETWEEN 30000 AND 100000')).toBeLessThan(0.7);
		expect(share(2020, 'value = 0')).toBeLessThan(0.05);
	});

	it('keeps weak-and-lax branches a small share and rectifies them', () => {
		const shares = db.rows<{
			year: number;
			s: number;
		}>(`SELECT year, avg(CASE WHEN text = '软弱涣散' THEN 1 ELSE 0 END) s
			FROM indicator WHERE key = 'branch_status' GROUP BY year ORDER BY year`);
		for (const { s } of shares) expect(s).toBeLessThan(0.12);
		expect(shares.some(({ s }) => s > 0)).toBe(true);
		// Weak spells last at most two years; each ends with a rectification year.
		const long =
			db.one(`SELECT count(*) FROM indicator a JOIN indicator b ON b.code = a.code AND b.key = a.key AND b.year = a.year + 1
			JOIN indicator c ON c.code = a.code AND c.key = a.key AND c.year = a.year + 2
			WHERE a.key = 'branch_status' AND a.text = '软弱涣散' AND b.text = '软弱涣散' AND c.text = '软弱涣散'`);
		expect(long).toBe(0);
		const unrecorded =
			db.one(`SELECT count(*) FROM indicator a JOIN indicator b ON b.code = a.code AND b.year = a.year + 1 AND b.key = 'branch_status'
			JOIN indicator r ON r.code = a.code AND r.year = b.year AND r.key = 'rectified_year'
			WHERE a.key = 'branch_status' AND a.text = '软弱涣散' AND b.text = '标准' AND (r.value IS NULL OR r.value <> b.year)`);
		expect(unrecorded).toBe(0);
	});

	it('leaves a few poor villages without a first secretary or with fewer than 2 reserve cadres', () => {
		const poor = db.one(
			"SELECT count(DISTINCT code) FROM indicator WHERE key='poor_village' AND value=1"
		);
		const noFs =
			db.one(`SELECT count(*) FROM indicator p JOIN indicator f ON f.code = p.code AND f.year = p.year AND f.key = 'first_secretary'
			WHERE p.key = 'poor_village' AND p.value = 1 AND p.year = 2023 AND f.value = 0`);
		const fewCadres =
			db.one(`SELECT count(*) FROM indicator p JOIN indicator f ON f.code = p.code AND f.year = p.year AND f.key = 'reserve_cadres'
			WHERE p.key = 'poor_village' AND p.value = 1 AND p.year = 2023 AND f.value < 2`);
		for (const n of [noFs, fewCadres]) {
			expect(n).toBeGreaterThanOrEqual(1);
			expect(n).toBeLessThan(poor * 0.1);
		}
	});

	it('makes remote villages poorer: poor villages lie farther from the county seat', () => {
		const d = db.rows<{
			poor: number;
			km: number;
		}>(`WITH seat AS (SELECT cx, cy FROM boundary WHERE code = '610924100')
			SELECT i.value AS poor, avg(dist_km(seat.cx, seat.cy, b.cx, b.cy)) km
			FROM indicator i JOIN boundary b ON b.code = i.code, seat JOIN region r ON true
			WHERE i.key = 'poor_village' AND i.year = 2014 AND r.code = i.code AND r.level = 'village' GROUP BY i.value ORDER BY i.value`);
		expect(d).toHaveLength(2);
		expect(d[1]!.km).toBeGreaterThan(d[0]!.km);
	});
});
