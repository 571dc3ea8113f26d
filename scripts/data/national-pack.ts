/**
 * The nation as ONE dataset the app can open: the provinces of a national build (`out/national`,
 * one folder each) packed into one folder, `<out>/100000` (全国), with
 * - every unit's geometry simplified (Douglas–Peucker, @turf/simplify, a tolerance per level:
 *   villages ~150 m, townships ~300 m, counties ~500 m), so 620,000 villages draw from a few
 *   million vertices; shared edges are simplified ring by ring, so neighbours may part by up to
 *   the tolerance — invisible at the national scale it is for, and said in the manifest;
 * - the indicators in the provinces' parts (`manifest.indicatorParts`, indicator-parts.ts), each
 *   part the concatenation of that part in every province (their IPC bytes appended, no row
 *   decoded), all years kept; the provinces must list the same parts (file, keys, years). A
 *   province folder without parts (built before them, or a committed county standing in for
 *   one in the tests) is split on the fly into the same layout for its latest year only — the
 *   default view's inputs in the start part, one part per other key — so every province gives
 *   the same list and the nation always has parts;
 * - regions and sites as they are; the catalogue, indicator_meta and label points unchanged;
 * - the default view answered ahead (`first-view.arrow`), as for every built region.
 * Province by province, so memory stays bounded.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import simplify from '@turf/simplify';
import { tableFromIPC } from 'apache-arrow';
import {
	FORMAT_VERSION,
	type BoundaryRow,
	type IndicatorPart,
	type Manifest
} from '../../src/lib/data/contract';
import { parseManifest, parseRegionIndex } from '../../src/lib/data/manifest';
import { decodeWkb, encodeWkb } from '../../src/lib/geo/wkb';
import type { Polygons } from '../../src/lib/geo/types';
import { unionBBox, type BBox } from '../../src/lib/geo/bbox';
import { boundaryTable, indicatorTable, toIpc } from './arrow';
import { START_KEYS } from './catalogue';
import { FILES } from './build-region';
import { writeFirstView } from './first-view';
import { PartFiles, readIndicatorColumns, splitColumns, type PartLayout } from './indicator-parts';
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

/** One province's indicator parts, each with its rows as an IPC stream. */
interface ProvinceParts {
	parts: IndicatorPart[];
	ipc: (part: IndicatorPart) => Uint8Array;
}

/** A province's own parts, or (no parts) its latest year split into the same layout. */
function provinceParts(src: string, manifest: Manifest): ProvinceParts {
	const read = (f: string) => new Uint8Array(readFileSync(join(src, f)));
	if (manifest.indicatorParts) return { parts: manifest.indicatorParts, ipc: (p) => read(p.file) };
	const layout: PartLayout = {
		startFile: manifest.files.indicator,
		startKeys: START_KEYS,
		startYear: manifest.latestYear,
		order: manifest.catalogue.map((m) => m.key)
	};
	const all = readIndicatorColumns(read(manifest.files.indicator));
	const latest = splitColumns(layout, all).filter(({ part }) => part.years[0] === layout.startYear);
	const bytes = new Map(latest.map((r) => [r.part.file, toIpc(indicatorTable(r.columns))]));
	return { parts: latest.map((r) => r.part), ipc: (p) => bytes.get(p.file) as Uint8Array };
}

/** The part list without row counts, to compare provinces. */
const layoutOf = (parts: readonly IndicatorPart[]) =>
	parts.map((p) => `${p.file} [${p.keys.join(', ')}] [${p.years.join(', ')}]`);

/** Throws naming the first difference between a province's parts and the first province's. */
function checkSameParts(code: string, firstCode: string, want: string[], got: string[]) {
	const i = want.findIndex((w, k) => got[k] !== w);
	if (i < 0 && want.length === got.length) return;
	const at = i < 0 ? want.length : i;
	throw new Error(
		`${code}: its indicator parts differ from ${firstCode}'s (part ${at + 1}: ` +
			`${got[at] ?? 'none'}, expected ${want[at] ?? 'none'}); pack provinces of one build`
	);
}

/** Pack the national build in `from` into `<out>/100000`, with its own index.json. */
export async function packNation(from: string, out: string): Promise<PackResult> {
	const started = performance.now();
	const provinces = parseRegionIndex(JSON.parse(readFileSync(join(from, 'index.json'), 'utf8')));
	const dir = join(out, NATION_CODE);
	mkdirSync(dir, { recursive: true });
	const files = {
		region: new IpcStreamFile(join(dir, FILES.region)),
		boundary: new IpcStreamFile(join(dir, FILES.boundary)),
		site: new IpcStreamFile(join(dir, FILES.site))
	};
	let parts: PartFiles | null = null;
	let layout: string[] = [];
	const years = new Set<number>();
	const counts: Record<string, number> = {};
	let bbox: BBox = [Infinity, Infinity, -Infinity, -Infinity];
	let first: Manifest | null = null;
	let firstCode = '';
	const vertices = { before: 0, after: 0 };
	try {
		for (const p of provinces) {
			const src = join(from, p.path);
			const manifest = parseManifest(JSON.parse(readFileSync(join(src, 'manifest.json'), 'utf8')));
			const own = provinceParts(src, manifest);
			if (!first) {
				first = manifest;
				firstCode = p.code;
				layout = layoutOf(own.parts);
				parts = new PartFiles(dir, {
					startFile: FILES.indicator,
					startKeys: own.parts.find((q) => q.file === manifest.files.indicator)?.keys ?? START_KEYS,
					startYear: manifest.latestYear,
					order: manifest.catalogue.map((m) => m.key)
				});
			}
			checkSameParts(p.code, firstCode, layout, layoutOf(own.parts));
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
			let indicatorRows = 0;
			for (const part of own.parts) {
				const file = part.file === manifest.files.indicator ? FILES.indicator : part.file;
				(parts as PartFiles).appendIpc({ ...part, file }, own.ipc(part));
				indicatorRows += part.rows;
				for (const y of part.years) years.add(y);
			}
			for (const [k, n] of Object.entries(manifest.counts)) {
				if (k !== 'indicator') counts[k] = (counts[k] ?? 0) + (n ?? 0);
			}
			counts.indicator = (counts.indicator ?? 0) + indicatorRows;
			bbox = unionBBox(bbox, manifest.bbox);
			console.error(
				`${p.code} ${p.name}: ${rows.length} shapes, ${indicatorRows} indicator rows (${((performance.now() - started) / 1000).toFixed(0)} s)`
			);
		}
	} catch (e) {
		// Leave no file open behind a refused or failed pack.
		for (const f of Object.values(files)) f.close();
		parts?.close();
		throw e;
	}
	if (!first || !parts) throw new Error(`${from}: no provinces in index.json`);
	for (const f of Object.values(files)) f.close();
	const indicatorParts = parts.close();
	writeFileSync(
		join(dir, FILES.indicator_meta),
		readFileSync(join(from, provinces[0]!.path, first.files.indicator_meta))
	);
	const latest = first.latestYear;
	const manifest: Manifest = {
		format: FORMAT_VERSION,
		region: { code: NATION_CODE, name: '全国', level: 'nation' },
		years: [...years].sort((a, b) => a - b),
		latestYear: latest,
		bbox,
		files: FILES,
		counts: counts as Manifest['counts'],
		catalogue: first.catalogue,
		provenance: {
			...first.provenance,
			reduced: [
				first.provenance.reduced,
				`packed as one dataset: ${
					years.size > 1
						? `the provinces' indicator parts (${Math.min(...years)}–${latest}) concatenated`
						: `indicators of the latest year (${latest}) only`
				}, every unit simplified ` +
					`(tolerance ${TOLERANCE.village}° for villages, ${TOLERANCE.township}° townships, ` +
					`${TOLERANCE.county}° counties; neighbours may part by up to that)`
			]
				.filter(Boolean)
				.join('; ')
		},
		indicatorParts
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
