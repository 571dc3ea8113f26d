import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import type { Point } from '../geo/types';
import { crsFromEpsg, crsFromName, guessCrsFromCoordinates } from './crs-guess';

describe('crsFromEpsg', () => {
	it.each([
		[4524, 'CGCS2000', 108, 36, 3],
		[4545, 'CGCS2000', 108, null, 3],
		[4513, 'CGCS2000', 75, 25, 3],
		[4554, 'CGCS2000', 135, null, 3],
		[4497, 'CGCS2000', 111, 19, 6],
		[4508, 'CGCS2000', 111, null, 6],
		[2360, 'Xian1980', 108, 36, 3],
		[21418, 'Beijing1954', 105, 18, 6],
		[2412, 'Beijing1954', 108, 36, 3]
	])('EPSG:%i is %s Gauss-Krüger, CM %i°E, zone %s', (code, datum, cm, zone, width) => {
		const crs = crsFromEpsg(code);
		expect(crs).toMatchObject({ kind: 'projected', datum, how: 'epsg' });
		expect(crs?.gaussKruger).toMatchObject({ centralMeridian: cm, zone, zoneWidth: width });
		expect(crs?.gaussKruger?.falseEasting).toBe((zone ?? 0) * 1e6 + 500000);
	});

	it('knows the geographic systems, UTM and Web Mercator, and nothing else', () => {
		expect(crsFromEpsg(4490)).toMatchObject({ kind: 'geographic', datum: 'CGCS2000' });
		expect(crsFromEpsg(4326)).toMatchObject({ kind: 'geographic', datum: 'WGS84' });
		expect(crsFromEpsg(32649)).toMatchObject({ kind: 'projected', datum: 'WGS84' });
		expect(crsFromEpsg(3857)?.kind).toBe('projected');
		expect(crsFromEpsg(27700)).toBeNull();
	});
});

describe('crsFromName', () => {
	it.each([
		['EPSG:4524', 'projected'],
		['urn:ogc:def:crs:EPSG::4490', 'geographic'],
		['urn:ogc:def:crs:EPSG:6.6:4326', 'geographic'],
		['urn:ogc:def:crs:OGC:1.3:CRS84', 'geographic'],
		['OGC:CRS84', 'geographic']
	])('%s', (name, kind) => {
		expect(crsFromName(name)?.kind).toBe(kind);
	});
	it('returns null for names it does not know', () => {
		expect(crsFromName('urn:ogc:def:crs:EPSG::27700')).toBeNull();
		expect(crsFromName('my local grid')).toBeNull();
	});
});

describe('guessCrsFromCoordinates', () => {
	const gk36 = proj4('+proj=tmerc +lon_0=108 +k=1 +x_0=36500000 +ellps=GRS80 +units=m', 'WGS84');
	const projected = (
		[
			[108.3, 32.6],
			[108.5, 32.4],
			[108.7, 32.8]
		] as Point[]
	).map((p) => gk36.inverse(p) as Point);

	it('reads lon/lat as lon/lat (assumed CGCS2000)', () => {
		const crs = guessCrsFromCoordinates([
			[108.3, 32.6],
			[108.5, 32.4]
		]);
		expect(crs).toMatchObject({ kind: 'geographic', datum: 'CGCS2000', how: 'assumed' });
	});

	it('guesses 3° zone 36 (CM 108°E) from eastings of 36xxxxxx, and says it guessed', () => {
		const crs = guessCrsFromCoordinates(projected);
		expect(crs).toMatchObject({ kind: 'projected', how: 'guessed' });
		expect(crs?.gaussKruger).toMatchObject({ zone: 36, centralMeridian: 108, zoneWidth: 3 });
		expect(crs?.name_zh).toContain('第36带');
	});

	it('guesses a 6° zone from a prefix of 13–23 (19 → CM 111°E)', () => {
		const gk19 = proj4('+proj=tmerc +lon_0=111 +k=1 +x_0=19500000 +ellps=GRS80 +units=m', 'WGS84');
		const crs = guessCrsFromCoordinates([gk19.inverse([110.5, 30.2]) as Point]);
		expect(crs?.gaussKruger).toMatchObject({ zone: 19, centralMeridian: 111, zoneWidth: 6 });
	});

	it('notices northing and easting stored the other way round', () => {
		const swapped = projected.map(([x, y]) => [y, x] as Point);
		const crs = guessCrsFromCoordinates(swapped);
		expect(crs).toMatchObject({ swapAxes: true, gaussKruger: { zone: 36 } });
	});

	it('refuses to guess a zone for eastings without a prefix, or for nonsense', () => {
		expect(guessCrsFromCoordinates([[512345, 3601234]])).toBeNull();
		expect(guessCrsFromCoordinates([[36512345, 9e7]])).toBeNull();
		expect(guessCrsFromCoordinates([[99512345, 3601234]])).toBeNull();
		expect(guessCrsFromCoordinates([[NaN, NaN]])).toBeNull();
		expect(guessCrsFromCoordinates([])).toBeNull();
	});
});
