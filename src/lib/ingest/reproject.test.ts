import gcoord from 'gcoord';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import type { Point, Polygons } from '../geo/types';
import type { BoundaryFeature } from './boundary-types';
import { crsFromDefinition, gaussKrugerCrs, geographicCrs } from './prj';
import { reprojectFeatures, samplePoints } from './reproject';

const LONLAT: Point[] = [
	[108.3, 32.6],
	[108.5, 32.4],
	[108.7, 32.8],
	[108.3, 32.6]
];
const feature = (ring: Point[]): BoundaryFeature => ({
	featureIndex: 0,
	properties: { name: '金塘村' },
	polygons: [[ring]] as Polygons
});
const gk36 = proj4('+proj=tmerc +lon_0=108 +k=1 +x_0=36500000 +ellps=GRS80 +units=m', 'WGS84');
const toGk = (p: Point, prefix = true): Point => {
	const [x, y] = gk36.inverse(p) as Point;
	return [prefix ? x : x - 36e6, y];
};
const ring = (f: BoundaryFeature) => f.polygons[0]?.[0] ?? [];

function expectNear(actual: Point[], expected: Point[], tolerance: number) {
	expect(actual).toHaveLength(expected.length);
	actual.forEach(([x, y], i) => {
		expect(Math.abs(x - (expected[i] as Point)[0])).toBeLessThan(tolerance);
		expect(Math.abs(y - (expected[i] as Point)[1])).toBeLessThan(tolerance);
	});
}

describe('reprojectFeatures', () => {
	it('passes lon/lat through untouched and does not change its input', () => {
		const input = feature(LONLAT);
		const { features, notes } = reprojectFeatures([input], geographicCrs('CGCS2000', 'prj'));
		expect(ring(features[0] as BoundaryFeature)).toEqual(LONLAT);
		expect(features[0]?.properties).toEqual({ name: '金塘村' });
		expect(notes).toEqual([]);
	});

	it('reprojects Gauss-Krüger zone 36 to lon/lat within 1e-8°', () => {
		const crs = gaussKrugerCrs(108, 3, 36, 'CGCS2000', 'prj');
		const input = feature(LONLAT.map((p) => toGk(p)));
		const { features, notes } = reprojectFeatures([input], crs);
		expectNear(ring(features[0] as BoundaryFeature), LONLAT, 1e-8);
		expect(notes).toEqual([]);
		expect(ring(input)[0]?.[0]).toBeGreaterThan(36e6);
	});

	it('removes a zone prefix the .prj does not have, and says so', () => {
		const crs = gaussKrugerCrs(108, 3, null, 'CGCS2000', 'prj'); // CM 108E, false easting 500000
		const { features, notes } = reprojectFeatures([feature(LONLAT.map((p) => toGk(p)))], crs);
		expectNear(ring(features[0] as BoundaryFeature), LONLAT, 1e-8);
		expect(notes[0]?.reason_zh).toMatch(/带号 36/);
		expect(notes[0]?.reason_en).toMatch(/prefix 36/);
	});

	it('adds the zone prefix the .prj has and the coordinates lack', () => {
		const crs = gaussKrugerCrs(108, 3, 36, 'CGCS2000', 'prj');
		const { features, notes } = reprojectFeatures(
			[feature(LONLAT.map((p) => toGk(p, false)))],
			crs
		);
		expectNear(ring(features[0] as BoundaryFeature), LONLAT, 1e-8);
		expect(notes).toHaveLength(1);
	});

	it('warns when the eastings carry another zone than the .prj', () => {
		const crs = gaussKrugerCrs(111, 3, 37, 'CGCS2000', 'prj');
		const { notes } = reprojectFeatures([feature(LONLAT.map((p) => toGk(p)))], crs);
		expect(notes[0]?.reason_en).toMatch(/prefix 36 differs from the CRS's zone 37/);
	});

	it('reads northing-first coordinates when the CRS says the axes are swapped', () => {
		const crs = { ...gaussKrugerCrs(108, 3, 36, 'CGCS2000', 'guessed'), swapAxes: true };
		const swapped = LONLAT.map((p) => toGk(p)).map(([x, y]) => [y, x] as Point);
		const { features } = reprojectFeatures([feature(swapped)], crs);
		expectNear(ring(features[0] as BoundaryFeature), LONLAT, 1e-8);
	});

	it('warns that Beijing 1954 and Xian 1980 get no datum shift', () => {
		const wkt =
			'GEOGCS["GCS_Beijing_1954",DATUM["D_Beijing_1954",SPHEROID["Krasovsky_1940",6378245.0,298.3]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
		const { notes } = reprojectFeatures([feature(LONLAT)], crsFromDefinition(wkt, 'prj'));
		expect(notes[0]?.reason_zh).toMatch(/北京54/);
	});

	it('undoes GCJ-02 on request (the inverse of gcoord’s WGS84 → GCJ-02 within 1e-5°)', () => {
		const shifted = LONLAT.map((p) => gcoord.transform(p, gcoord.WGS84, gcoord.GCJ02) as Point);
		// The offset in Ankang is a few hundred metres: the test would be empty without it.
		expect(Math.abs((shifted[0] as Point)[0] - 108.3)).toBeGreaterThan(1e-3);
		const crs = geographicCrs('WGS84', 'format');
		const { features, notes } = reprojectFeatures([feature(shifted)], crs, {
			correctFrom: 'gcj02'
		});
		expectNear(ring(features[0] as BoundaryFeature), LONLAT, 1e-5);
		expect(notes[0]?.reason_en).toMatch(/GCJ-02/);
		const bd = LONLAT.map((p) => gcoord.transform(p, gcoord.WGS84, gcoord.BD09) as Point);
		const fromBaidu = reprojectFeatures([feature(bd)], crs, { correctFrom: 'bd09' });
		expectNear(ring(fromBaidu.features[0] as BoundaryFeature), LONLAT, 1e-5);
	});

	it('leaves coordinates it cannot project as NaN for the geometry check to reject', () => {
		const crs = gaussKrugerCrs(108, 3, 36, 'CGCS2000', 'prj');
		const { features } = reprojectFeatures(
			[
				feature([
					[NaN, 1],
					[Infinity, 2]
				])
			],
			crs
		);
		for (const [x, y] of ring(features[0] as BoundaryFeature)) {
			expect(Number.isFinite(x) && Number.isFinite(y)).toBe(false);
		}
	});
});

describe('samplePoints', () => {
	it('spreads at most ~limit finite points over all features', () => {
		const many = Array.from({ length: 10 }, (_, i) =>
			feature(Array.from({ length: 1000 }, (_, k) => [i, k] as Point))
		);
		const sample = samplePoints(many, 500);
		expect(sample.length).toBeLessThanOrEqual(1000);
		expect(new Set(sample.map((p) => p[0])).size).toBe(10);
		expect(samplePoints([feature([[NaN, 1]])])).toEqual([]);
	});
});
