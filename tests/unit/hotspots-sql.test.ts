/**
 * `hotspots(key, year)` on the real engine over 紫阳县: the stored answer is local Moran's I and
 * Gi* of the villages' values read independently from indicator.arrow, with neighbours from
 * queen contiguity of boundary.arrow's polygons; and the console finds the calls it must prepare.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import type { Connector } from '$lib/data/connector';
import { hotspotCalls, prepareHotspots } from '$lib/data/queries/hotspots';
import { queryShapes, type Shapes } from '$lib/data/queries/shapes';
import { contiguity } from '$lib/geo/contiguity';
import { localMoransI } from '$lib/analysis/hotspots';
import { moransI } from '$lib/analysis/morans-i';
import { openRegion } from './dataset-fixture';

let db: Connector;
let villages: Shapes;
let neighbours: number[][];
beforeAll(async () => {
	({ db } = await openRegion('610924'));
	await db.installSpatial?.();
	villages = await queryShapes(db, ['village', 'community']);
	neighbours = contiguity(villages.polygons);
	await prepareHotspots(db, villages.codes, neighbours, { key: 'collective_income', year: 2020 });
});
afterAll(async () => {
	await db?.close();
});

const rows = async (sql: string) =>
	(await db.query(sql)).toArray().map((r) => r.toJSON() as Record<string, unknown>);

function fileValues(key: string, year: number): (number | null)[] {
	const t = tableFromIPC(readFileSync('static/data/610924/indicator.arrow'));
	const by = new Map<string, number>();
	for (const r of t)
		if (r.key === key && r.year === year && r.value !== null)
			by.set(String(r.code), Number(r.value));
	return villages.codes.map((c) => by.get(c) ?? null);
}

describe('hotspots()', () => {
	it('answers one row per village with the LISA of the file’s values', async () => {
		const got = await rows(`SELECT * FROM hotspots('collective_income', 2020)`);
		expect(got.length).toBe(villages.codes.length);
		const values = fileValues('collective_income', 2020);
		const lisa = localMoransI(values, neighbours, { permutations: 0 });
		got.forEach((r, i) => {
			expect(r.code).toBe(villages.codes[i]);
			expect(r.value).toBe(values[i]);
			expect(r.lisa_i as number).toBeCloseTo(lisa.I[i] as number, 9);
		});
		// Σ Iᵢ / n is the global Moran's I; the sample clusters (data/README: ≥ 0.2).
		const mean = got.reduce((a, r) => a + (r.lisa_i as number), 0) / got.length;
		expect(mean).toBeCloseTo(moransI(values, neighbours).I, 9);
		expect(mean).toBeGreaterThan(0.2);
		const clusters = new Set(got.map((r) => r.cluster));
		expect(clusters.has('HH')).toBe(true);
		expect(clusters.has('LL')).toBe(true);
		for (const r of got) expect(['HH', 'LL', 'HL', 'LH', 'ns']).toContain(r.cluster);
		for (const r of got) expect(['hot', 'cold', 'ns']).toContain(r.hotspot);
	});

	it('says plainly when an indicator has no numbers that year', async () => {
		await expect(
			prepareHotspots(db, villages.codes, neighbours, { key: 'no_such_key', year: 2020 })
		).rejects.toThrow(/no numeric values of indicator 'no_such_key'/);
	});

	it('gives the same answer when asked again (seeded permutations)', async () => {
		const a = await rows(`SELECT code, lisa_p FROM hotspots('collective_income', 2020)`);
		await prepareHotspots(db, villages.codes, neighbours, { key: 'collective_income', year: 2020 });
		const b = await rows(`SELECT code, lisa_p FROM hotspots('collective_income', 2020)`);
		expect(b).toEqual(a);
	});
});

describe('hotspotCalls', () => {
	it.each([
		[
			"SELECT * FROM hotspots('collective_income', 2020)",
			[{ key: 'collective_income', year: 2020 }]
		],
		["select * from HOTSPOTS ( 'a''b' , 2016 ) -- hotspots('x', 1)", [{ key: "a'b", year: 2016 }]],
		["SELECT 'hotspots(''x'', 2020)'", []],
		['SELECT * FROM hotspots(k, 2020)', []]
	])('%s', (sql, calls) => {
		expect(hotspotCalls(sql)).toEqual(calls);
	});
});
