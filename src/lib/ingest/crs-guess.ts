/**
 * A CRS from what a file says without a .prj — an EPSG code (GeoJSON's legacy `crs` member,
 * GeoParquet's PROJJSON id) — or, when it says nothing, from the coordinates themselves: values
 * within ±180/±90 are lon/lat; an 8-digit easting is a Gauss-Krüger easting whose leading digits
 * are the zone (36xxxxxx → 3° zone 36, central meridian 108°E; 13–23 are 6° zones). A guess is
 * marked as one, so the report can say so. The EPSG numbers are those of China's own systems
 * (CGCS2000, Xi'an 1980, Beijing 1954 Gauss-Krüger zones), plus WGS84, UTM and Web Mercator.
 */
import proj4 from 'proj4';
import type { Point } from '../geo/types';
import {
	centralMeridianOf,
	crsFromDefinition,
	gaussKrugerCrs,
	geographicCrs,
	zoneWidthOf,
	type CrsInfo,
	type Datum
} from './prj';

/** Gauss-Krüger EPSG ranges: first code, datum, zone width, and whether zones carry a prefix. */
const GK_RANGES: [number, Datum, 3 | 6, boolean][] = [
	[4491, 'CGCS2000', 6, true], // zones 13–23
	[4502, 'CGCS2000', 6, false], // CM 75°E–135°E
	[4513, 'CGCS2000', 3, true], // zones 25–45
	[4534, 'CGCS2000', 3, false],
	[2327, 'Xian1980', 6, true],
	[2338, 'Xian1980', 6, false],
	[2349, 'Xian1980', 3, true],
	[2370, 'Xian1980', 3, false],
	[21413, 'Beijing1954', 6, true],
	[21453, 'Beijing1954', 6, false],
	[2401, 'Beijing1954', 3, true],
	[2422, 'Beijing1954', 3, false]
];

const GEOGRAPHIC: Record<number, Datum> = {
	4326: 'WGS84',
	4490: 'CGCS2000',
	4610: 'Xian1980',
	4214: 'Beijing1954'
};

export function crsFromEpsg(code: number): CrsInfo | null {
	const datum = GEOGRAPHIC[code];
	if (datum) return geographicCrs(datum, 'epsg');
	for (const [first, d, width, prefix] of GK_RANGES) {
		const count = width === 6 ? 11 : 21;
		const i = code - first;
		if (i < 0 || i >= count) continue;
		const zone = (width === 6 ? 13 : 25) + i;
		return gaussKrugerCrs(centralMeridianOf(zone, width), width, prefix ? zone : null, d, 'epsg');
	}
	if (code >= 32601 && code <= 32660) {
		return crsFromDefinition(`+proj=utm +zone=${code - 32600} +datum=WGS84 +units=m`, 'epsg');
	}
	if (code === 3857 || code === 900913) return crsFromDefinition('EPSG:3857', 'epsg');
	return null;
}

/** A CRS name as GeoJSON and GeoParquet write it: 'EPSG:4524', 'urn:ogc:def:crs:EPSG::4490'… */
export function crsFromName(name: string): CrsInfo | null {
	if (/CRS:?84$/i.test(name.trim())) return geographicCrs('WGS84', 'epsg');
	const m = /EPSG:{1,2}(?:[\d.]*:)?(\d+)\s*$/i.exec(name.trim());
	return m ? crsFromEpsg(Number(m[1])) : null;
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

/**
 * Are most coordinates within ±180/±90? Most, not all: one corrupt vertex must not turn a
 * lon/lat file into a "projected" one; the geometry check rejects that vertex's feature.
 */
export function mostlyLonLat(points: readonly Point[]): boolean {
	const inside = points.filter(([x, y]) => Math.abs(x) <= 180 && Math.abs(y) <= 90).length;
	return inside * 2 > points.length;
}

/** Does the point (in the file's axis order) fall in China's box? A check on a guessed zone. */
function landsInChina(crs: CrsInfo, x: number, y: number): boolean {
	try {
		const p = crs.swapAxes ? [y, x] : [x, y];
		const [lon, lat] = proj4(crs.definition as string, 'WGS84').forward(p) as number[];
		return (
			lon !== undefined && lat !== undefined && lon >= 73 && lon <= 136 && lat >= 3 && lat <= 54
		);
	} catch {
		return false;
	}
}

/**
 * Guess the CRS from coordinates: lon/lat if they fit, else a Gauss-Krüger zone from the
 * easting's prefix (also when the axes are swapped). Null when nothing fits — projected values
 * without a zone prefix could be in any zone, and a wrong guess would misplace every village.
 */
export function guessCrsFromCoordinates(points: readonly Point[]): CrsInfo | null {
	const finite = points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
	if (finite.length === 0) return null;
	if (mostlyLonLat(finite)) return geographicCrs('CGCS2000', 'assumed');
	const mx = median(finite.map((p) => p[0]));
	const my = median(finite.map((p) => p[1]));
	const candidates: [number, number, boolean][] = [
		[mx, my, false],
		[my, mx, true]
	];
	for (const [easting, northing, swapAxes] of candidates) {
		if (easting < 1e7 || easting >= 4.6e7 || northing < 0 || northing > 6.5e6) continue;
		const zone = Math.floor(easting / 1e6);
		const width = zoneWidthOf(zone);
		if (!width) continue;
		const crs = gaussKrugerCrs(centralMeridianOf(zone, width), width, zone, 'CGCS2000', 'guessed');
		if (swapAxes) crs.swapAxes = true;
		if (landsInChina(crs, mx, my)) return crs;
	}
	return null;
}
