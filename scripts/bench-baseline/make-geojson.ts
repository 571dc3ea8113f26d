/**
 * The naive baseline's data: ONE GeoJSON FeatureCollection of a dataset folder's village and
 * community polygons, as a developer would export it for a plain maplibre page. Each feature's
 * properties hold what the bench's switches need and nothing more: its code, name and township,
 * `poor_village` and `exit_year` of the latest year (the page derives the poverty-exit status
 * from them, as the app does), and `collective_income_<year>` for 2016 and the latest year.
 * Township roll-ups are left to the page's JavaScript. Geometry comes from `boundary.arrow`
 * (WKB, decoded with the app's own `geo/wkb.ts`), values from `indicator.arrow` (long format).
 *
 * `tsx scripts/bench-baseline/make-geojson.ts <dataset dir> <out.geojson>`; prints one line of
 * JSON with the counts and sizes.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC, type Table } from 'apache-arrow';
import { decodeWkb } from '../../src/lib/geo/wkb';

/** The early year the bench's year switch opens (the same as `SWITCHES` in scripts/bench.js). */
export const SWITCH_YEAR = 2016;

interface Manifest {
	region: { code: string; name: string };
	latestYear: number;
	bbox: [number, number, number, number];
	files: Record<string, string>;
}

type Props = Record<string, string | number | null>;

function readTable(dir: string, file: string): Table {
	return tableFromIPC(readFileSync(join(dir, file)));
}

/** A column as a plain array (dictionary-encoded strings decoded), or throws naming it. */
function column(table: Table, name: string): unknown[] {
	const vector = table.getChild(name);
	if (!vector) throw new Error(`no column "${name}"`);
	return [...vector];
}

export function makeGeojson(dir: string) {
	const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
	const file = (name: string) => manifest.files[name] ?? `${name}.arrow`;
	const latest = manifest.latestYear;

	// region: name and township (parent) of every village and community.
	const region = readTable(dir, file('region'));
	const rCode = column(region, 'code') as string[];
	const rName = column(region, 'name') as string[];
	const rLevel = column(region, 'level') as string[];
	const rParent = column(region, 'parent_code') as (string | null)[];
	const props = new Map<string, Props>();
	rCode.forEach((code, i) => {
		if (rLevel[i] !== 'village' && rLevel[i] !== 'community') return;
		props.set(code, {
			code,
			name: rName[i] ?? '',
			township: rParent[i] ?? '',
			poor_village: null,
			exit_year: null,
			[`collective_income_${SWITCH_YEAR}`]: null,
			[`collective_income_${latest}`]: null
		});
	});

	// indicator (long format): keep only the keys and years the switches need.
	const wanted: Record<string, number[]> = {
		poor_village: [latest],
		exit_year: [latest],
		collective_income: [SWITCH_YEAR, latest]
	};
	const ind = readTable(dir, file('indicator'));
	const iCode = column(ind, 'code') as string[];
	const iYear = column(ind, 'year') as number[];
	const iKey = column(ind, 'key') as string[];
	const iValue = column(ind, 'value') as (number | null)[];
	for (let i = 0; i < iCode.length; i++) {
		const key = iKey[i] as string;
		const year = Number(iYear[i]);
		if (!wanted[key]?.includes(year)) continue;
		const p = props.get(iCode[i] as string);
		if (!p) continue;
		const name = key === 'collective_income' ? `${key}_${year}` : key;
		p[name] = iValue[i] ?? null;
	}

	// boundary: one feature per village or community polygon.
	const boundary = readTable(dir, file('boundary'));
	const bCode = column(boundary, 'code') as string[];
	const bWkb = column(boundary, 'geom_wkb') as Uint8Array[];
	const features = [];
	for (let i = 0; i < bCode.length; i++) {
		const p = props.get(bCode[i] as string);
		if (!p) continue;
		const polygons = decodeWkb(bWkb[i] as Uint8Array);
		const geometry =
			polygons.length === 1
				? { type: 'Polygon', coordinates: polygons[0] }
				: { type: 'MultiPolygon', coordinates: polygons };
		features.push({ type: 'Feature', properties: p, geometry });
	}
	return {
		type: 'FeatureCollection',
		// Foreign members the page reads (maplibre ignores them).
		bench: {
			region: manifest.region.code,
			name: manifest.region.name,
			latestYear: latest,
			switchYear: SWITCH_YEAR,
			bbox: manifest.bbox
		},
		features
	};
}

/** Total size of a dataset folder's Arrow files, bytes. */
export function arrowBytes(dir: string): number {
	const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
	return Object.values(manifest.files).reduce((s, f) => s + statSync(join(dir, f)).size, 0);
}

const [dir, out] = process.argv.slice(2);
if (dir && out) {
	const collection = makeGeojson(dir);
	const json = JSON.stringify(collection);
	writeFileSync(out, json);
	const counts = {
		features: collection.features.length,
		geojsonBytes: Buffer.byteLength(json),
		arrowBytes: arrowBytes(dir)
	};
	console.log(JSON.stringify(counts));
}
