import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { IngestError } from './boundary-types';
import { crsFromDefinition, gaussKrugerCrs, geographicCrs } from './prj';

const GCS_CGCS2000 =
	'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const esriGk = (name: string, fe: number, cm: number, gcs = GCS_CGCS2000) =>
	`PROJCS["${name}",${gcs},PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",${fe}],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${cm}],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;
const ZONE_36 = esriGk('CGCS2000_3_Degree_GK_Zone_36', 36500000, 108);
const CM_108 = esriGk('CGCS2000_3_Degree_GK_CM_108E', 500000, 108);
const OGC_4524 =
	'PROJCS["CGCS2000 / 3-degree Gauss-Kruger zone 36",GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101,AUTHORITY["EPSG","1024"]],AUTHORITY["EPSG","1043"]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433],AUTHORITY["EPSG","4490"]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",108],PARAMETER["scale_factor",1],PARAMETER["false_easting",36500000],PARAMETER["false_northing",0],UNIT["metre",1],AUTHORITY["EPSG","4524"]]';
const GCS_XIAN =
	'GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const GCS_BEIJING =
	'GEOGCS["GCS_Beijing_1954",DATUM["D_Beijing_1954",SPHEROID["Krasovsky_1940",6378245.0,298.3]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const GCS_WGS84 =
	'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

/**
 * Meridian arc length from the equator (Helmert's series in n = f/(2−f)), written out here as
 * a computation independent of proj4's (which uses Krüger's series through conformal latitude).
 */
function meridianArc(latDeg: number, a: number, invF: number): number {
	const f = 1 / invF;
	const n = f / (2 - f);
	const p = (latDeg * Math.PI) / 180;
	return (
		(a / (1 + n)) *
		((1 + n ** 2 / 4 + n ** 4 / 64) * p -
			1.5 * (n - n ** 3 / 8) * Math.sin(2 * p) +
			(15 / 16) * (n ** 2 - n ** 4 / 4) * Math.sin(4 * p) -
			(35 / 48) * n ** 3 * Math.sin(6 * p) +
			(315 / 512) * n ** 4 * Math.sin(8 * p))
	);
}

describe('crsFromDefinition', () => {
	it.each([
		['ESRI zone 36 (prefix)', ZONE_36, 36500000, 36, 3],
		['ESRI CM 108E (no prefix)', CM_108, 500000, null, 3],
		['OGC WKT of EPSG:4524', OGC_4524, 36500000, 36, 3]
	])('reads %s as CGCS2000 Gauss-Krüger', (_, wkt, fe, zone, width) => {
		const crs = crsFromDefinition(wkt, 'prj');
		expect(crs).toMatchObject({ kind: 'projected', datum: 'CGCS2000', how: 'prj' });
		expect(crs.gaussKruger).toEqual({
			centralMeridian: 108,
			falseEasting: fe,
			zone,
			zoneWidth: width
		});
		expect(crs.name_zh).toContain('高斯-克吕格');
		expect(crs.name_en).toContain('central meridian 108°E');
	});

	it.each([
		[GCS_CGCS2000, 'CGCS2000'],
		[GCS_WGS84, 'WGS84'],
		[GCS_XIAN, 'Xian1980'],
		[GCS_BEIJING, 'Beijing1954']
	])('reads a geographic .prj and its datum (%#)', (wkt, datum) => {
		expect(crsFromDefinition(wkt, 'prj')).toMatchObject({
			kind: 'geographic',
			datum,
			gaussKruger: null
		});
	});

	it("knows Xi'an 1980 and Beijing 1954 Gauss-Krüger zones, 6° ones by their zone number", () => {
		const xian = crsFromDefinition(
			esriGk('Xian_1980_3_Degree_GK_Zone_36', 36500000, 108, GCS_XIAN),
			'prj'
		);
		expect(xian).toMatchObject({ datum: 'Xian1980', gaussKruger: { zone: 36, zoneWidth: 3 } });
		const beijing = crsFromDefinition(
			esriGk('Beijing_1954_GK_Zone_19', 19500000, 111, GCS_BEIJING),
			'prj'
		);
		expect(beijing).toMatchObject({
			datum: 'Beijing1954',
			gaussKruger: { zone: 19, zoneWidth: 6 }
		});
		// CM 111°E without a prefix fits both a 6° and a 3° zone: the width is not claimed.
		const open = crsFromDefinition(
			esriGk('Beijing_1954_GK_CM_111E', 500000, 111, GCS_BEIJING),
			'prj'
		);
		expect(open.gaussKruger?.zoneWidth).toBeNull();
	});

	it('names a projection that is not Gauss-Krüger by its own name (UTM)', () => {
		const crs = crsFromDefinition('+proj=utm +zone=49 +datum=WGS84 +units=m', 'epsg');
		expect(crs).toMatchObject({ kind: 'projected', datum: 'WGS84', gaussKruger: null });
	});

	it('turns an unreadable .prj into an IngestError with zh and en reasons', () => {
		for (const bad of ['garbage', 'PROJCS["broken', '']) {
			const e = (() => {
				try {
					crsFromDefinition(bad, 'prj');
				} catch (err) {
					return err;
				}
			})();
			expect(e).toBeInstanceOf(IngestError);
			expect((e as IngestError).reason_zh).toMatch(/坐标系/);
		}
	});
});

describe('Gauss-Krüger numbers', () => {
	const zone36 = proj4(ZONE_36, 'WGS84');

	it('puts 108°E, 32.5°N at easting 36500000 and the meridian arc northing', () => {
		const [x, y] = zone36.inverse([108, 32.5]) as [number, number];
		expect(x).toBe(36500000);
		// On the central meridian with k0 = 1 the northing is the meridian arc (CGCS2000 = GRS80).
		const arc = meridianArc(32.5, 6378137, 298.257222101);
		expect(arc).toBeCloseTo(3597298.03, 1);
		expect(Math.abs(y - arc)).toBeLessThan(1);
		expect(Math.abs(y - arc)).toBeLessThan(0.001);
	});

	it('round-trips an off-meridian point within 1e-7°', () => {
		for (const [lon, lat] of [
			[109.2, 31.9],
			[106.55, 33.1],
			[108.73, 32.21]
		] as [number, number][]) {
			const p = zone36.inverse([lon, lat]) as [number, number];
			expect(p[0]).not.toBe(36500000);
			const [lon2, lat2] = zone36.forward(p) as [number, number];
			expect(Math.abs(lon2 - lon)).toBeLessThan(1e-7);
			expect(Math.abs(lat2 - lat)).toBeLessThan(1e-7);
		}
	});

	it("matches EPSG Guidance Note 7-2's published Transverse Mercator example to a centimetre", () => {
		// OSGB 1936 / British National Grid: 50°30'N 0°30'E → E 577274.99, N 69740.50 (GN 7-2, 3.5.3.1).
		const bng = proj4(
			'+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +a=6377563.396 +rf=299.3249646 +units=m',
			'WGS84'
		);
		const [e, n] = bng.inverse([0.5, 50.5]) as [number, number];
		expect(Math.abs(e - 577274.99)).toBeLessThan(0.01);
		expect(Math.abs(n - 69740.5)).toBeLessThan(0.01);
	});

	it('builds the same projection from a zone number as from the .prj', () => {
		const built = proj4(
			gaussKrugerCrs(108, 3, 36, 'CGCS2000', 'guessed').definition as string,
			'WGS84'
		);
		const a = zone36.forward([36512345.678, 3601234.5]) as number[];
		const b = built.forward([36512345.678, 3601234.5]) as number[];
		expect(Math.abs((a[0] ?? 0) - (b[0] ?? 1))).toBeLessThan(1e-9);
		expect(Math.abs((a[1] ?? 0) - (b[1] ?? 1))).toBeLessThan(1e-9);
		expect(geographicCrs('WGS84', 'format')).toMatchObject({ kind: 'geographic', datum: 'WGS84' });
	});
});
