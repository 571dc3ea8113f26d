/**
 * Several regions as one dataset — how the server mode opens the national build (one folder per
 * province): the committed counties 紫阳县 and 岚皋县 loaded together answer as their sum, on
 * duckdb-wasm and on native DuckDB alike.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/data/connector';
import { loadRegions } from '$lib/data/load-dataset';
import { parseManifest } from '$lib/data/manifest';
import { openNodeConnector } from '$lib/data/node-connector';
import { mergeManifests, openNativeFolder } from '$lib/data/native-dataset';
import { queryYearlyTotals } from '$lib/data/queries/yearly-totals';
import { openRegion } from './dataset-fixture';

const CODES = ['610924', '610925'];

async function filesOf(code: string) {
	const dir = path.resolve('static/data', code);
	return {
		manifest: parseManifest(JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'))),
		read: async (f: string) => new Uint8Array(await readFile(path.join(dir, f)))
	};
}

const count = async (db: Connector, sql: string) =>
	Number((await db.query(sql)).toArray()[0]?.toJSON().n);

describe('two counties loaded as one dataset', () => {
	const open: Connector[] = [];
	afterAll(async () => Promise.all(open.map((d) => d.close())));

	it('holds both counties, their units and indicators, and answers as their sum (duckdb-wasm)', async () => {
		const db = await openNodeConnector();
		open.push(db);
		await loadRegions(db, await Promise.all(CODES.map(filesOf)));
		const singles = await Promise.all(CODES.map((c) => openRegion(c)));
		open.push(...singles.map((s) => s.db));
		for (const sql of [
			`SELECT count(*) AS n FROM region`,
			`SELECT count(*) AS n FROM boundary`,
			`SELECT count(*) AS n FROM indicator`,
			`SELECT count(*) AS n FROM site`,
			`SELECT count(*) AS n FROM v_village`
		]) {
			const parts = await Promise.all(singles.map((s) => count(s.db, sql)));
			expect(await count(db, sql), sql).toBe((parts[0] as number) + (parts[1] as number));
		}
		expect(await count(db, 'SELECT count(*) AS n FROM indicator_meta')).toBe(
			await count(singles[0]!.db, 'SELECT count(*) AS n FROM indicator_meta')
		);
		const both = await queryYearlyTotals(db);
		const each = await Promise.all(singles.map((s) => queryYearlyTotals(s.db)));
		both.forEach((y, i) => {
			expect(y.units).toBe(each[0]![i]!.units + each[1]![i]!.units);
			expect(y.poorVillages).toBe(each[0]![i]!.poorVillages + each[1]![i]!.poorVillages);
		});
	}, 60_000);

	it('opens a folder of regions (index.json) in native DuckDB, as the server mode does', async () => {
		const { db, manifest } = await openNativeFolder('static/data');
		open.push(db);
		expect(manifest.region.code).toBe('610924,610925');
		expect(manifest.region.name).toBe('紫阳县、岚皋县');
		expect((manifest.counts.village ?? 0) + (manifest.counts.community ?? 0)).toBe(
			await count(db, `SELECT count(*) AS n FROM region WHERE level IN ('village', 'community')`)
		);
		expect(manifest.firstView).toBeUndefined();
	}, 60_000);

	it('refuses regions whose catalogues differ, naming the region', async () => {
		const [a, b] = await Promise.all(CODES.map(filesOf));
		const odd = { ...b!, manifest: { ...b!.manifest, catalogue: b!.manifest.catalogue.slice(1) } };
		const db = await openNodeConnector();
		open.push(db);
		await expect(loadRegions(db, [a!, odd])).rejects.toThrow(/610925: its catalogue differs/);
		expect(mergeManifests([a!.manifest, b!.manifest]).bbox[0]).toBe(
			Math.min(a!.manifest.bbox[0], b!.manifest.bbox[0])
		);
	});
});
