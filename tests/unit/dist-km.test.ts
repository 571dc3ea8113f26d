/**
 * The SQL macro `dist_km` and the build's `distanceKm` are one distance: run the macro on the
 * real engine (duckdb-wasm's Node build, as in the browser) and compare it with the JS function.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/data/connector';
import { openNodeConnector } from '$lib/data/node-connector';
import { DIST_KM_MACRO } from '$lib/data/queries/schema';
import { distanceKm } from '$lib/geo/distance';

let db: Connector;
beforeAll(async () => {
	db = await openNodeConnector();
	await db.query(DIST_KM_MACRO);
});
afterAll(async () => {
	await db?.close();
});

const PAIRS: [string, number, number, number, number][] = [
	['紫阳–安康', 108.534, 32.52, 109.029, 32.685],
	['a factory 0.5 km from its community', 108.5, 32.5, 108.5041, 32.5027],
	['Beijing–Shanghai', 116.4074, 39.9042, 121.4737, 31.2304],
	['London–Paris', -0.1278, 51.5074, 2.3522, 48.8566],
	['same point', 108.5, 32.5, 108.5, 32.5],
	['antipodes', 0, 0, 180, 0]
];

describe('dist_km in SQL equals distanceKm in JS', () => {
	it.each(PAIRS)('%s', async (_, lon1, lat1, lon2, lat2) => {
		const t = await db.query(`SELECT dist_km(?, ?, ?, ?) AS d`, [lon1, lat1, lon2, lat2]);
		const sql = Number(t.toArray()[0]?.d);
		const js = distanceKm(lon1, lat1, lon2, lat2);
		expect(Math.abs(sql - js)).toBeLessThan(1e-9 * Math.max(1, js));
	});
});
