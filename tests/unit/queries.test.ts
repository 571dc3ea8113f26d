/**
 * The named queries, run on the real engine over the committed 紫阳县 dataset, checked against
 * counts computed independently from the Arrow files (apache-arrow in JS, no SQL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/data/connector';
import type { Manifest } from '$lib/data/contract';
import { queryIndicatorValues, type ValuesMeta } from '$lib/data/queries/indicator-values';
import { derivedIndicator } from '$lib/analysis/derived-indicators';
import { queryShapes } from '$lib/data/queries/shapes';
import { openRegion } from './dataset-fixture';
import { statusesFromFiles } from './poverty-files';

let db: Connector;
let manifest: Manifest;
beforeAll(async () => {
	({ db, manifest } = await openRegion('610924'));
});
afterAll(async () => {
	await db?.close();
});

const statusMeta = derivedIndicator('poverty_status') as ValuesMeta;
const statuses = (year: number) =>
	queryIndicatorValues(db, statusMeta, { key: 'poverty_status', year, level: 'village' });

function countBy(values: Iterable<string | null>): Record<string, number> {
	const out: Record<string, number> = {};
	for (const v of values) if (v !== null) out[v] = (out[v] ?? 0) + 1;
	return out;
}

describe('poverty-exit status (the derived indicator of the first map)', () => {
	it('counts per class equal the counts computed from the files, every year', async () => {
		for (const year of manifest.years) {
			const rows = await statuses(year);
			expect(countBy(rows.texts), `year ${year}`).toEqual(
				countBy(statusesFromFiles(year).values())
			);
		}
	});

	it('gives one row per village and community, ordered by code', async () => {
		const rows = await statuses(2023);
		expect(rows.codes.length).toBe(207);
		expect([...rows.codes].sort()).toEqual(rows.codes);
		expect(rows.names.every((n) => n.length > 0)).toBe(true);
	});

	it('finds poor villages not yet exited early on and none by 2020', async () => {
		expect(countBy((await statuses(2014)).texts).poor).toBeGreaterThan(0);
		expect(countBy((await statuses(2020)).texts).poor ?? 0).toBe(0);
	});
});

describe('shapes', () => {
	it('decodes a polygon for each village and community, in lon/lat inside the region bbox', async () => {
		const s = await queryShapes(db, ['village', 'community']);
		expect(s.polygons.length).toBe(207);
		const [minx, miny, maxx, maxy] = manifest.bbox;
		for (const [x, y] of s.labels) {
			expect(x).toBeGreaterThanOrEqual(minx);
			expect(x).toBeLessThanOrEqual(maxx);
			expect(y).toBeGreaterThanOrEqual(miny);
			expect(y).toBeLessThanOrEqual(maxy);
		}
	});

	it('has 17 townships and one county', async () => {
		expect((await queryShapes(db, ['township'])).codes.length).toBe(17);
		expect((await queryShapes(db, ['county'])).codes).toEqual(['610924']);
	});
});

describe('views and helpers', () => {
	it('v_village lists every unit with its township name', async () => {
		const t = await db.query(
			`SELECT count(*) AS n, count(township) AS with_township FROM v_village`
		);
		expect(t.toArray()[0]?.toJSON()).toEqual({ n: 207, with_township: 207 });
	});

	it('has one wide view per theme, keyed by code and year', async () => {
		for (const v of ['v_poverty', 'v_collective', 'v_party']) {
			const t = await db.query(`SELECT count(*) AS n, count(DISTINCT year) AS years FROM ${v}`);
			expect(t.toArray()[0]?.years, v).toBe(manifest.years.length);
		}
	});

	it('dist_km measures great-circle distance (紫阳 to 安康 is about 50 km)', async () => {
		const t = await db.query(`SELECT dist_km(108.534, 32.520, 109.029, 32.685) AS d`);
		expect(Number(t.toArray()[0]?.d)).toBeGreaterThan(45);
		expect(Number(t.toArray()[0]?.d)).toBeLessThan(55);
	});

	it('binds parameters instead of splicing text', async () => {
		const t = await db.query(`SELECT count(*) AS n FROM region WHERE name = ?`, ["x' OR '1'='1"]);
		expect(Number(t.toArray()[0]?.n)).toBe(0);
	});

	it('refuses extension downloads with a clear error instead of a dead engine', async () => {
		await expect(db.query(`SELECT * FROM read_parquet('x.parquet')`)).rejects.toThrow();
		const t = await db.query(`SELECT 1 AS ok`);
		expect(Number(t.toArray()[0]?.ok)).toBe(1);
	});
});
