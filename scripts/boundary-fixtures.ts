/**
 * CLI: write the boundary import fixtures into tests/fixtures/import/ (`npx tsx
 * scripts/boundary-fixtures.ts`). Ten real villages of 紫阳县 (see boundary-fixtures/villages.ts)
 * as the files a county office sends: a GBK shapefile zip without .cpg (DBF language driver
 * 0x4D, a GBK-named folder without the zip's UTF-8 flag, macOS junk), one with .cpg = 936 and
 * upper-case extensions, a projected one (CGCS2000 3° Gauss-Krüger zone 36, zone prefix in the
 * false easting), a GeoJSON with a bow-tie, a clockwise and an unclosed ring and a point among
 * valid polygons, a KML and a GeoParquet. Output is deterministic, so the files can be committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { zipSync, type Zippable } from 'fflate';
import proj4 from 'proj4';
import type { Polygons } from '../src/lib/geo/types';
import { encodeWkb } from '../src/lib/geo/wkb';
import { writeGeoJson } from './boundary-fixtures/geojson-write';
import { writeKml } from './boundary-fixtures/kml-write';
import { writeParquet } from './boundary-fixtures/parquet-write';
import {
	encodeGbk,
	writeDbf,
	writeShp,
	type TextEncoding
} from './boundary-fixtures/shapefile-write';
import { loadFixtureVillages, type FixtureVillage } from './boundary-fixtures/villages';

const OUT = 'tests/fixtures/import';
// Local midnight: zip stores local DOS time, so this gives the same bytes in every time zone.
const MTIME = new Date(2024, 0, 1);

const GCS_CGCS2000 =
	'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const GK_ZONE_36 = `PROJCS["CGCS2000_3_Degree_GK_Zone_36",${GCS_CGCS2000},PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",36500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",108.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;

const villages = loadFixtureVillages();

function shapefileParts(
	list: FixtureVillage[],
	encoding: TextEncoding,
	driver: number,
	map = (p: Polygons) => p
) {
	const { shp, shx } = writeShp(list.map((v) => map(v.polygons)));
	// Field names as Chinese offices write them: 行政区代码/名称 (XZQDM/XZQMC) and 乡镇.
	const fields = [
		{ name: 'XZQDM', length: 12 },
		{ name: 'XZQMC', length: 40 },
		{ name: '乡镇', length: 30 }
	];
	const dbf = writeDbf(
		fields,
		list.map((v) => [v.code, v.name, v.township]),
		encoding,
		driver
	);
	return { shp, shx, dbf };
}

function zip(files: Zippable): Uint8Array {
	return zipSync(files, { mtime: MTIME });
}

/** Replace an ASCII placeholder in a zip's names by GBK bytes, with no UTF-8 flag (as Windows). */
function gbkNames(bytes: Uint8Array, placeholder: string, name: string): Uint8Array {
	const from = new TextEncoder().encode(placeholder);
	const to = encodeGbk(name);
	if (from.length !== to.length) throw new Error('gbkNames: lengths differ');
	const out = bytes.slice();
	for (let i = 0; i + from.length <= out.length; i++) {
		if (from.every((b, k) => out[i + k] === b)) out.set(to, i);
	}
	return out;
}

function gbkNoCpg(): Uint8Array {
	const { shp, shx, dbf } = shapefileParts(villages, 'gbk', 0x4d);
	const folder = 'XXXXXXXXXX';
	const files: Zippable = {
		[`${folder}/cunjie.shp`]: shp,
		[`${folder}/cunjie.shx`]: shx,
		[`${folder}/cunjie.dbf`]: dbf,
		// What macOS's Finder adds: AppleDouble files that must not count as a second layer.
		[`__MACOSX/${folder}/._cunjie.shp`]: Uint8Array.from([0, 5, 22, 7, 0, 2, 0, 0])
	};
	return gbkNames(zip(files), folder, '紫阳县村界');
}

function gbkCpg936(): Uint8Array {
	const { shp, shx, dbf } = shapefileParts(villages, 'gbk', 0x00);
	return zip({
		'ZY_CUN.SHP': shp,
		'ZY_CUN.SHX': shx,
		'ZY_CUN.DBF': dbf,
		'ZY_CUN.CPG': new TextEncoder().encode('936'),
		'ZY_CUN.PRJ': new TextEncoder().encode(GCS_CGCS2000)
	});
}

function projectedGk36(): Uint8Array {
	const gk = proj4(GK_ZONE_36, 'WGS84');
	// Millimetre eastings and northings, as survey data has them.
	const project = (polygons: Polygons): Polygons =>
		polygons.map((p) =>
			p.map((r) =>
				r.map(([lon, lat]) => {
					const [x, y] = gk.inverse([lon, lat]) as [number, number];
					return [Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000];
				})
			)
		);
	const { shp, shx, dbf } = shapefileParts(villages, 'utf-8', 0x00, project);
	return zip({
		'projected/zy_cun_gk36.shp': shp,
		'projected/zy_cun_gk36.shx': shx,
		'projected/zy_cun_gk36.dbf': dbf,
		'projected/zy_cun_gk36.prj': new TextEncoder().encode(GK_ZONE_36)
	});
}

function geoParquet(): Uint8Array {
	const site = villages[4] as FixtureVillage;
	const [x, y] = site.polygons[0]?.[0]?.[0] ?? [0, 0];
	const point = new Uint8Array(21);
	const view = new DataView(point.buffer);
	view.setUint8(0, 1);
	view.setUint32(1, 1, true);
	view.setFloat64(5, x, true);
	view.setFloat64(13, y, true);
	const rows = [...villages.map((v) => ({ ...v, wkb: encodeWkb(v.polygons) }))];
	rows.push({ ...site, name: `${site.name}村委会`, wkb: point });
	const crs = {
		type: 'GeographicCRS',
		name: 'China Geodetic Coordinate System 2000',
		id: { authority: 'EPSG', code: 4490 }
	};
	const geo = {
		version: '1.1.0',
		primary_column: 'geometry',
		columns: {
			geometry: { encoding: 'WKB', geometry_types: ['Polygon', 'MultiPolygon', 'Point'], crs }
		}
	};
	return writeParquet(
		[
			{ name: 'code', kind: 'text', values: rows.map((r) => r.code) },
			{ name: 'name', kind: 'text', values: rows.map((r) => r.name) },
			{ name: 'township', kind: 'text', values: rows.map((r) => r.township) },
			{ name: 'geometry', kind: 'binary', values: rows.map((r) => r.wkb) }
		],
		{ geo: JSON.stringify(geo) }
	);
}

mkdirSync(OUT, { recursive: true });
const outputs: [string, Uint8Array | string][] = [
	['boundary-gbk-no-cpg.zip', gbkNoCpg()],
	['boundary-gbk-cpg936.zip', gbkCpg936()],
	['boundary-gk36-prj.zip', projectedGk36()],
	['boundary-bowtie.geojson', writeGeoJson(villages)],
	['boundary-villages.kml', writeKml(villages)],
	['boundary-villages.parquet', geoParquet()]
];
for (const [name, data] of outputs) {
	writeFileSync(`${OUT}/${name}`, data);
	const size = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
	console.log(`${OUT}/${name}  ${(size / 1024).toFixed(1)} KB`);
}
