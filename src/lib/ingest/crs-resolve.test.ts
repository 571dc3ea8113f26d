import { describe, expect, it } from 'vitest';
import type { Point } from '../geo/types';
import { IngestError } from './boundary-types';
import { resolveCrs } from './crs-resolve';

const LONLAT: Point[] = [
	[108.3, 32.6],
	[108.5, 32.4]
];
const GK36: Point[] = [
	[36528000, 3608000],
	[36547000, 3586000]
];
const GK_NO_PREFIX: Point[] = [
	[528000, 3608000],
	[547000, 3586000]
];
const ZONE_36_WKT =
	'PROJCS["CGCS2000_3_Degree_GK_Zone_36",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",36500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",108.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

describe('resolveCrs', () => {
	it('takes the .prj when it fits the coordinates', () => {
		const { crs, notes } = resolveCrs({ from: 'prj', wkt: ZONE_36_WKT }, GK36);
		expect(crs).toMatchObject({ how: 'prj', gaussKruger: { zone: 36 } });
		expect(notes).toEqual([]);
	});

	it('guesses the zone without a .prj, and says so', () => {
		const { crs, notes } = resolveCrs({ from: 'prj', wkt: null }, GK36);
		expect(crs).toMatchObject({ how: 'guessed', gaussKruger: { zone: 36, centralMeridian: 108 } });
		expect(notes[0]?.reason_zh).toMatch(/推测/);
	});

	it('assumes CGCS2000 lon/lat for a shapefile without .prj in degrees', () => {
		const { crs, notes } = resolveCrs({ from: 'prj', wkt: null }, LONLAT);
		expect(crs).toMatchObject({ kind: 'geographic', how: 'assumed' });
		expect(notes).toEqual([]);
	});

	it('overrules a GeoJSON that claims lon/lat over projected coordinates', () => {
		const { crs, notes } = resolveCrs({ from: 'geojson', name: null }, GK36);
		expect(crs).toMatchObject({ kind: 'projected', how: 'guessed' });
		expect(notes[0]?.reason_en).toMatch(/declares lon\/lat/);
	});

	it('reads lon/lat as lon/lat even when the .prj claims a projection', () => {
		const { crs, notes } = resolveCrs({ from: 'prj', wkt: ZONE_36_WKT }, LONLAT);
		expect(crs.kind).toBe('geographic');
		expect(notes).toHaveLength(1);
	});

	it('falls back to the coordinates when the .prj or crs name cannot be read', () => {
		expect(resolveCrs({ from: 'prj', wkt: 'garbage' }, GK36).notes[0]?.reason_en).toMatch(/\.prj/);
		const named = resolveCrs({ from: 'geojson', name: 'urn:ogc:def:crs:EPSG::27700' }, LONLAT);
		expect(named.crs.kind).toBe('geographic');
		expect(named.notes).toHaveLength(1);
	});

	it('follows GeoJSON crs names, GeoParquet PROJJSON ids and KML’s rule', () => {
		expect(resolveCrs({ from: 'geojson', name: 'EPSG:4524' }, GK36).crs.how).toBe('epsg');
		expect(resolveCrs({ from: 'kml' }, LONLAT).crs).toMatchObject({
			datum: 'WGS84',
			how: 'format'
		});
		const parquet = { from: 'geoparquet' as const, crs: { id: { authority: 'EPSG', code: 4490 } } };
		expect(resolveCrs(parquet, LONLAT).crs).toMatchObject({ datum: 'CGCS2000', how: 'epsg' });
		expect(resolveCrs({ from: 'geoparquet', crs: undefined }, LONLAT).crs.how).toBe('format');
		expect(resolveCrs({ from: 'geoparquet', crs: null }, GK36).crs.how).toBe('guessed');
	});

	it('uses the user’s CRS over everything', () => {
		const { crs } = resolveCrs({ from: 'prj', wkt: null }, GK_NO_PREFIX, 'EPSG:4545');
		expect(crs).toMatchObject({ how: 'user', gaussKruger: { centralMeridian: 108, zone: null } });
		const proj = resolveCrs(
			{ from: 'kml' },
			GK36,
			'+proj=tmerc +lon_0=108 +x_0=36500000 +ellps=GRS80'
		);
		expect(proj.crs.kind).toBe('projected');
	});

	it('stops with a clear error when projected coordinates have no zone to go by', () => {
		expect(() => resolveCrs({ from: 'prj', wkt: null }, GK_NO_PREFIX)).toThrow(IngestError);
		try {
			resolveCrs({ from: 'prj', wkt: null }, GK_NO_PREFIX);
		} catch (e) {
			expect((e as IngestError).reason_zh).toMatch(/\.prj/);
			expect((e as IngestError).kind).toBe('unknown-crs');
		}
	});

	it('is not swayed by a few corrupt vertices', () => {
		const withOutlier: Point[] = [...LONLAT, [108.4, 32.5], [1e300, 5]];
		expect(resolveCrs({ from: 'prj', wkt: null }, withOutlier).crs.kind).toBe('geographic');
		expect(resolveCrs({ from: 'geojson', name: null }, withOutlier).notes).toEqual([]);
	});

	it('does not guess from no coordinates at all', () => {
		expect(resolveCrs({ from: 'prj', wkt: null }, []).crs.kind).toBe('geographic');
	});
});
