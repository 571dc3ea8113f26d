/**
 * The console's spatial SQL functions on the real engine over the committed 紫阳县 dataset,
 * against independent references: turf on the raw polygons decoded from boundary.arrow, and a
 * brute-force scan of site.arrow with geo/distance.ts. Edge cases (points on shared edges, in
 * holes, outside every unit) are the index's own tests (src/lib/geo/spatial-index.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import * as turf from '@turf/turf';
import type { Connector } from '$lib/data/connector';
import { decodeWkb } from '$lib/geo/wkb';
import { distanceKm } from '$lib/geo/distance';
import { SPATIAL_FUNCTIONS } from '$lib/data/spatial-functions';
import { hotspotCalls, prepareHotspots } from '$lib/data/queries/hotspots';
import { queryShapes } from '$lib/data/queries/shapes';
import { contiguity } from '$lib/geo/contiguity';
import { openRegion } from './dataset-fixture';

let db: Connector;
beforeAll(async () => {
	({ db } = await openRegion('610924'));
	await db.installSpatial?.();
});
afterAll(async () => {
	await db?.close();
});

const rows = async (sql: string) =>
	(await db.query(sql)).toArray().map((r) => r.toJSON() as Record<string, unknown>);

// --- The files, read independently -------------------------------------------------------------

const dir = 'static/data/610924';
const boundary = tableFromIPC(readFileSync(`${dir}/boundary.arrow`));
const region = tableFromIPC(readFileSync(`${dir}/region.arrow`));
const site = tableFromIPC(readFileSync(`${dir}/site.arrow`));
const levelOf = new Map<string, string>();
for (const r of region) levelOf.set(String(r.code), String(r.level));
const shapes = [...boundary].map((r) => ({
	code: String(r.code),
	level: levelOf.get(String(r.code)) as string,
	cx: Number(r.cx),
	cy: Number(r.cy),
	feature: turf.multiPolygon(decodeWkb(r.geom_wkb as Uint8Array))
}));
const sites = [...site].map((r) => ({
	id: String(r.id),
	kind: String(r.kind),
	lon: Number(r.lon),
	lat: Number(r.lat)
}));
const villages = shapes.filter((s) => s.level === 'village' || s.level === 'community');

function nearestSite(lon: number, lat: number, kind: string) {
	let best: { id: string; km: number } | null = null;
	for (const s of sites.filter((x) => x.kind === kind)) {
		const km = distanceKm(lon, lat, s.lon, s.lat);
		if (!best || km < best.km) best = { id: s.id, km };
	}
	return best as { id: string; km: number };
}

describe('point in polygon', () => {
	it('finds, for every site, the village turf says contains it', async () => {
		const got = await rows(
			`SELECT id, village_at(lon, lat) AS v, township_at(lon, lat) AS t FROM site ORDER BY id`
		);
		expect(got.length).toBe(sites.length);
		for (const g of got) {
			const s = sites.find((x) => x.id === g.id)!;
			const pt = turf.point([s.lon, s.lat]);
			const inside = villages.filter((v) => turf.booleanPointInPolygon(pt, v.feature));
			expect(inside.map((v) => v.code)).toContain(g.v);
			const town = shapes.filter(
				(v) => v.level === 'township' && turf.booleanPointInPolygon(pt, v.feature)
			);
			expect(town.map((v) => v.code)).toContain(g.t);
			expect(String(g.t)).toBe(String(g.v).slice(0, 9));
		}
	});

	it('answers NULL for a point outside the county', async () => {
		const [r] = await rows(`SELECT village_at(100, 20) AS v, township_at(NULL, 32) AS t`);
		expect(r).toEqual({ v: null, t: null });
	});

	it('finds each village at its own label point', async () => {
		const got = await rows(`SELECT count(*) AS n FROM v_village WHERE village_at(lon, lat) = code`);
		expect(Number(got[0]?.n)).toBe(villages.length);
	});
});

describe('measures of a unit', () => {
	it('gives the area turf gives, within 0.5%', async () => {
		const got = await rows(`SELECT code, area_km2(code) AS a FROM boundary ORDER BY code`);
		for (const g of got) {
			const s = shapes.find((x) => x.code === g.code)!;
			expect(g.a as number).toBeCloseTo(turf.area(s.feature) / 1e6, 0);
			expect(Math.abs((g.a as number) / (turf.area(s.feature) / 1e6) - 1)).toBeLessThan(0.005);
		}
	});

	// turf.centroid is the vertex mean; turf.centerOfMass is the area centroid, but of the outer
	// ring of one polygon only (of the convex hull for a multipolygon): compare where it applies.
	it('gives the area centroid turf gives, for units of one polygon without holes', async () => {
		const got = await rows(
			`SELECT code, centroid_lon(code) AS x, centroid_lat(code) AS y FROM v_village`
		);
		const simple = got.filter((g) => {
			const c = shapes.find((x) => x.code === g.code)!.feature.geometry.coordinates;
			return c.length === 1 && c[0]!.length === 1;
		});
		expect(simple.length).toBeGreaterThan(got.length / 2);
		for (const g of simple) {
			const s = shapes.find((x) => x.code === g.code)!;
			const ring = s.feature.geometry.coordinates[0]!;
			const [x, y] = turf.centerOfMass(turf.polygon(ring)).geometry.coordinates as [number, number];
			expect(g.x as number).toBeCloseTo(x, 4);
			expect(g.y as number).toBeCloseTo(y, 4);
		}
	});

	it('says two bounding boxes intersect exactly when turf’s do', async () => {
		const got = await rows(`SELECT a.code AS a, b.code AS b, bbox_intersects(a.code, b.code) AS hit
			FROM v_village a, v_village b WHERE a.code < b.code AND a.township_code = '610924101'`);
		expect(got.length).toBeGreaterThan(10);
		for (const g of got) {
			const [a0, a1, a2, a3] = turf.bbox(shapes.find((x) => x.code === g.a)!.feature);
			const [b0, b1, b2, b3] = turf.bbox(shapes.find((x) => x.code === g.b)!.feature);
			expect(g.hit).toBe(a0 <= b2 && b0 <= a2 && a1 <= b3 && b1 <= a3);
		}
	});

	it('answers NULL for an unknown code', async () => {
		const [r] = await rows(`SELECT area_km2('000000000000') AS a, unit_dist_km('x', 'y') AS d`);
		expect(r).toEqual({ a: null, d: null });
	});
});

describe('distances and nearest sites', () => {
	it('finds each village’s nearest resettlement community and factory by brute force', async () => {
		const got = await rows(`SELECT code, lon, lat,
				nearest_site(code, 'resettlement') AS r, nearest_site_km(code, 'resettlement') AS rkm,
				nearest_site(code, 'factory') AS f, nearest_site_km(code, 'factory') AS fkm
			FROM v_village`);
		expect(got.length).toBe(villages.length);
		for (const g of got) {
			const r = nearestSite(g.lon as number, g.lat as number, 'resettlement');
			const f = nearestSite(g.lon as number, g.lat as number, 'factory');
			expect(g.rkm as number).toBeCloseTo(r.km, 9);
			expect(g.fkm as number).toBeCloseTo(f.km, 9);
			expect(distanceKm(g.lon as number, g.lat as number, ...siteAt(g.r as string))).toBeCloseTo(
				r.km,
				9
			);
			expect(g.f).toBeTypeOf('string');
		}
	});

	it('finds the nearest site of a point, and units within a radius as dist_km does', async () => {
		const [p] = await rows(
			`SELECT nearest_site_at(108.5, 32.4, 'factory') AS id, nearest_site_at_km(108.5, 32.4, 'factory') AS km`
		);
		expect(p).toEqual(nearestSite(108.5, 32.4, 'factory'));
		const near = await rows(`SELECT code, km FROM units_within_km(108.5, 32.4, 6)`);
		const expected = villages
			.map((v) => ({ code: v.code, km: distanceKm(v.cx, v.cy, 108.5, 32.4) }))
			.filter((v) => v.km <= 6)
			.sort((a, b) => a.km - b.km);
		expect(near.map((r) => r.code)).toEqual(expected.map((r) => r.code));
	});

	it('lists units near a site and near another unit, leaving the unit itself out', async () => {
		const s = sites.find((x) => x.kind === 'resettlement')!;
		const bySite = await rows(`SELECT code FROM units_near_site('${s.id}', 3)`);
		expect(bySite.map((r) => r.code).sort()).toEqual(
			villages
				.filter((v) => distanceKm(v.cx, v.cy, s.lon, s.lat) <= 3)
				.map((v) => v.code)
				.sort()
		);
		const u = villages[0]!;
		const byUnit = await rows(`SELECT code FROM units_near_unit('${u.code}', 5)`);
		expect(byUnit.map((r) => r.code)).not.toContain(u.code);
		expect(byUnit.map((r) => r.code).sort()).toEqual(
			villages
				.filter((v) => v.code !== u.code && distanceKm(v.cx, v.cy, u.cx, u.cy) <= 5)
				.map((v) => v.code)
				.sort()
		);
	});
});

describe('the help', () => {
	it.each(SPATIAL_FUNCTIONS.map((f) => [f.name, f.example]))(
		'%s’s example runs and answers rows',
		async (_, example) => {
			// hotspots() reads what the console prepares first (queries/hotspots.ts).
			for (const call of hotspotCalls(example)) {
				const v = await queryShapes(db, ['village', 'community']);
				await prepareHotspots(db, v.codes, contiguity(v.polygons), call);
			}
			const got = await rows(example);
			expect(got.length).toBeGreaterThan(0);
		}
	);
});

function siteAt(id: string): [number, number] {
	const s = sites.find((x) => x.id === id)!;
	return [s.lon, s.lat];
}
