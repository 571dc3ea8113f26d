/**
 * The nation as ONE dataset the app can open: the provinces of a national build (`out/national`,
 * one folder each) packed into one folder, `<out>/100000` (全国), with
 * - every unit's geometry simplified (Douglas–Peucker, @turf/simplify, a tolerance per level:
 *   villages ~150 m, townships ~300 m, counties ~500 m), so 620,000 villages draw from a few
 *   million vertices; shared edges are simplified ring by ring, so neighbours may part by up to
 *   the tolerance — invisible at the national scale it is for, and said in the manifest;
 * - the latest year's indicators only (the reduced national keys); other years are the
 *   provinces' folders or the server mode;
 * - regions and sites as they are; the catalogue, indicator_meta and label points unchanged;
 * - the default view answered ahead (`first-view.arrow`), as for every built region.
 * Province by province, so memory stays bounded.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import simplify from '@turf/simplify';
import { tableFromIPC } from 'apache-arrow';
import { FORMAT_VERSION, type BoundaryRow, type Manifest } from '../../src/lib/data/contract';
import { parseManifest, parseRegionIndex } from '../../src/lib/data/manifest';
import { decodeWkb, encodeWkb } from '../../src/lib/geo/wkb';
import type { Polygons } from '../../src/lib/geo/types';
import { unionBBox, type BBox } from '../../src/lib/geo/bbox';
import { boundaryTable, indicatorTable, toIpc } from './arrow';
import { FILES } from './build-region';
import { writeFirstView } from './first-view';
import { IpcStreamFile } from './ipc-stream-file';
import type { IndexEntry } from './write';

export const NATION_CODE = '100000';

/** Simplification tolerance in degrees, by level. */
export const TOLERANCE: Readonly<Record<string, number>> = {
	village: 0.0015,
	community: 0.0015,
	township: 0.003,
	county: 0.005
};

/** One unit's polygons simplified; rings keep at least four points (turf's guard). */
export function simplifyPolygons(polygons: Polygons, tolerance: number): Polygons {
	const geometry = { type: 'MultiPolygon' as const, coordinates: polygons };
	const out = simplify(geometry, { tolerance, highQuality: false, mutate: false });
	return out.coordinates as Polygons;
}

export interface PackResult {
	dir: string;
	units: number;
	vertices: { before: number; after: number };
	indicatorRows: number;
	seconds: number;
}

const count = (p: Polygons) => p.reduce((s, poly) => s + poly.reduce((t, r) => t + r.length, 0), 0);

/** Pack the national build in `from` into `<out>/100000`, with its own index.json. */
export async function packNation(from: string, out: string): Promise<PackResult> {
	const started = performance.now();
	const provinces = parseRegionIndex(JSON.parse(readFileSync(join(from, 'index.json'), 'utf8')));
	const dir = join(out, NATION_CODE);
	mkdirSync(dir, { recursive: true });
	const files = {
		region: new IpcStreamFile(join(dir, FILES.region)),
		boundary: new IpcStreamFile(join(dir, FILES.boundary)),
		site: new IpcStreamFile(join(dir, FILES.site)),
		indicator: new IpcStreamFile(join(dir, FILES.indicator))
	};
	const counts: Record<string, number> = {};
	let bbox: BBox = [Infinity, Infinity, -Infinity, -Infinity];
	let first: Manifest | null = null;
	const vertices = { before: 0, after: 0 };
	for (const p of provinces) {
		const src = join(from, p.path);
		const manifest = parseManifest(JSON.parse(readFileSync(join(src, 'manifest.json'), 'utf8')));
		first ??= manifest;
		const latest = manifest.latestYear;
		const read = (f: string) => new Uint8Array(readFileSync(join(src, f)));
		files.region.append(read(manifest.files.region));
		files.site.append(read(manifest.files.site));
		const boundary = tableFromIPC(read(manifest.files.boundary));
		const rows: BoundaryRow[] = [];
		for (const r of boundary) {
			const polygons = decodeWkb(r.geom_wkb as Uint8Array);
			const simple = simplifyPolygons(polygons, TOLERANCE[r.level as string] ?? 0.002);
			vertices.before += count(polygons);
			vertices.after += count(simple);
			rows.push({
				code: r.code as string,
				level: r.level as BoundaryRow['level'],
				geom_wkb: encodeWkb(simple),
				minx: r.minx as number,
				miny: r.miny as number,
				maxx: r.maxx as number,
				maxy: r.maxy as number,
				cx: r.cx as number,
				cy: r.cy as number,
				area_km2: r.area_km2 as number
			});
		}
		files.boundary.append(toIpc(boundaryTable(rows)));
		const ind = tableFromIPC(read(manifest.files.indicator));
		const c = { code: [] as string[], year: [] as number[], key: [] as string[] };
		const v = { value: [] as (number | null)[], text: [] as (string | null)[] };
		for (const r of ind) {
			if (r.year !== latest) continue;
			c.code.push(r.code as string);
			c.year.push(r.year as number);
			c.key.push(r.key as string);
			v.value.push((r.value as number | null) ?? null);
			v.text.push((r.text as string | null) ?? null);
		}
		files.indicator.append(toIpc(indicatorTable({ ...c, ...v })));
		for (const [k, n] of Object.entries(manifest.counts)) {
			if (k !== 'indicator') counts[k] = (counts[k] ?? 0) + (n ?? 0);
		}
		counts.indicator = (counts.indicator ?? 0) + c.code.length;
		bbox = unionBBox(bbox, manifest.bbox);
		console.error(
			`${p.code} ${p.name}: ${rows.length} shapes, ${c.code.length} indicator rows (${((performance.now() - started) / 1000).toFixed(0)} s)`
		);
	}
	if (!first) throw new Error(`${from}: no provinces in index.json`);
	for (const f of Object.values(files)) f.close();
	writeFileSync(
		join(dir, FILES.indicator_meta),
		readFileSync(join(from, provinces[0]!.path, first.files.indicator_meta))
	);
	const latest = first.latestYear;
	const manifest: Manifest = {
		format: FORMAT_VERSION,
		region: { code: NATION_CODE, name: '全国', level: 'nation' },
		years: [latest],
		latestYear: latest,
		bbox,
		files: FILES,
		counts: counts as Manifest['counts'],
		catalogue: first.catalogue,
		provenance: {
			...first.provenance,
			reduced: [
				first.provenance.reduced,
				`packed as one dataset: the latest year (${latest}) only, every unit simplified ` +
					`(tolerance ${TOLERANCE.village}° for villages, ${TOLERANCE.township}° townships, ` +
					`${TOLERANCE.county}° counties; neighbours may part by up to that)`
			]
				.filter(Boolean)
				.join('; ')
		}
	};
	writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, '\t')}\n`);
	await writeFirstView(dir);
	const units = (counts.village ?? 0) + (counts.community ?? 0);
	const entry: IndexEntry = {
		code: NATION_CODE,
		name: '全国',
		level: 'nation',
		path: NATION_CODE,
		townships: counts.township ?? 0,
		units,
		default: true
	};
	writeFileSync(
		join(out, 'index.json'),
		`${JSON.stringify({ format: FORMAT_VERSION, regions: [entry] }, null, '\t')}\n`
	);
	return {
		dir,
		units,
		vertices,
		indicatorRows: counts.indicator ?? 0,
		seconds: Math.round((performance.now() - started) / 1000)
	};
}
