/**
 * Validate a dataset folder against the contract (src/lib/data/contract.ts, documented in
 * docs/dataset-format.md): columns of every table, codes (6/9/12 digits, unique, every village
 * in a real township), geometry (valid, non-empty, bbox and area consistent, villages summing
 * to their county within 0.5%), sites, the catalogue and its roll-ups, indicators (every key in
 * the catalogue, values in range for their kind, every year present, ratios equal to their
 * parts), and spatial clustering (each theme's main indicator in the latest year has Moran's I
 * of at least 0.2, clustering.ts). Returns readable messages.
 */
import { decodeWkb } from '../../src/lib/geo/wkb';
import { bboxOfPolygons } from '../../src/lib/geo/bbox';
import { pointInPolygons, polygonsAreaKm2 } from '../../src/lib/geo/ring';
import { validatePolygons } from '../../src/lib/geo/validate';
import {
	BOUNDARY_LEVELS,
	CODE_LENGTH,
	FORMAT_VERSION,
	ROW_LEVELS,
	TABLES,
	type IndicatorMeta,
	type Manifest
} from '../../src/lib/data/contract';
import { REQUIRED_KEYS } from './catalogue';
import { catalogueRows, checkCatalogue, checkColumns, checkRatios } from './check-catalogue';
import { readParts, type PartsTable } from './check-parts';
import { indicatorRows, readJson, readTable, type Columns } from './check-tables';
import { clusteringProblems, themeClustering } from './clustering';
import type { Polygons } from '../../src/lib/geo/types';

export interface CheckResult {
	errors: string[];
	stats: Record<string, number>;
}

/** A manifest as read from disk: any field may be missing or wrong. */
type ManifestLike = Partial<Omit<Manifest, 'catalogue' | 'provenance'>> & {
	catalogue?: Partial<IndicatorMeta>[];
	provenance?: { reduced?: string };
};

const ROW_LEVEL_SET = new Set<string>(ROW_LEVELS);

export function checkDataset(dir: string): CheckResult {
	const errors: string[] = [];
	const stats: Record<string, number> = {};
	const fail = (msg: string) => {
		if (errors.length < 200) errors.push(msg);
	};
	const manifest = readJson(dir, 'manifest.json') as ManifestLike | null;
	if (!manifest) return { errors: [`${dir}: no manifest.json`], stats };
	if (manifest.format !== FORMAT_VERSION)
		fail(`manifest: format ${manifest.format}, expected ${FORMAT_VERSION}`);
	const years: number[] = manifest.years ?? [];
	if (years.length === 0) fail('manifest: no years');
	const tables: Record<string, Columns | null> = {};
	const files: Partial<Record<string, string>> = manifest.files ?? {};
	const split = manifest.indicatorParts !== undefined;
	let parts: PartsTable | null = null;
	for (const name of TABLES) {
		const file = files[name];
		if (!file) {
			fail(`manifest: no file for table ${name}`);
			continue;
		}
		if (name === 'indicator' && split) {
			// Each part's columns are checked as it is read; the start file is one of them.
			parts = readParts(dir, manifest, fail);
			tables[name] = parts?.table ?? null;
			if (!parts) fail(`indicator parts: none could be read`);
			continue;
		}
		const t = (tables[name] = readTable(dir, file));
		if (!t) fail(`missing file ${file} for table ${name}`);
		else checkColumns(name, t, fail);
	}
	const region = tables.region;
	const boundary = tables.boundary;
	const site = tables.site;
	const indicator = tables.indicator;
	const meta = tables.indicator_meta;
	if (!region || !boundary || !site || !indicator || !meta) return { errors, stats };

	// Region: codes and hierarchy.
	const levelOf = new Map<string, string>();
	const parentOf = new Map<string, string | null>();
	const codes = region.col('code') as string[];
	const levels = region.col('level') as string[];
	const parents = region.col('parent_code') as (string | null)[];
	const names = region.col('name') as string[];
	codes.forEach((code, i) => {
		const level = levels[i] as string;
		if (!ROW_LEVEL_SET.has(level)) fail(`region ${code}: unknown level ${level}`);
		else {
			const digits = CODE_LENGTH[level as keyof typeof CODE_LENGTH];
			if (!new RegExp(`^\\d{${digits}}$`).test(code))
				fail(`region ${code}: a ${level} code must have ${digits} digits`);
		}
		if (levelOf.has(code)) fail(`region ${code}: duplicate code`);
		if (!names[i]) fail(`region ${code}: empty name`);
		levelOf.set(code, level);
		parentOf.set(code, parents[i] ?? null);
		stats[level] = (stats[level] ?? 0) + 1;
	});
	for (const [code, level] of levelOf) {
		const parent = parentOf.get(code);
		if (level === 'village' || level === 'community') {
			if (!parent || levelOf.get(parent) !== 'township')
				fail(`region ${code}: parent ${parent} is not a township in the dataset`);
			else if (!code.startsWith(parent))
				fail(`region ${code}: code does not start with its township ${parent}`);
		}
		if (level === 'township' && (!parent || levelOf.get(parent) !== 'county'))
			fail(`region ${code}: parent ${parent} is not a county in the dataset`);
	}
	const counts: Partial<Record<string, number>> = manifest.counts ?? {};
	for (const level of BOUNDARY_LEVELS) {
		if ((counts[level] ?? 0) !== (stats[level] ?? 0))
			fail(`manifest counts.${level} = ${counts[level]}, table has ${stats[level] ?? 0}`);
	}

	const units = checkBoundaries(boundary, levelOf, fail, stats);
	checkSites(site, levelOf, manifest.bbox, fail);
	checkIndicators(indicator, meta, manifest, levelOf, years, fail, stats, parts);
	const latest = manifest.latestYear ?? Math.max(...years);
	const clustering = themeClustering(units, indicatorRows(indicator), latest);
	for (const c of clustering) stats[`morans_i:${c.theme}`] = c.I;
	for (const problem of clusteringProblems(clustering)) fail(problem);
	if ((counts.site ?? -1) !== site.rows)
		fail(`manifest counts.site = ${counts.site}, table has ${site.rows}`);
	if (!parts && (counts.indicator ?? -1) !== indicator.rows)
		fail(`manifest counts.indicator = ${counts.indicator}, table has ${indicator.rows}`);
	if (parts && (counts.indicator ?? -1) !== parts.listedRows)
		fail(`manifest counts.indicator = ${counts.indicator}, its parts list ${parts.listedRows}`);
	if (parts && (counts.indicator ?? -1) !== indicator.rows)
		fail(`manifest counts.indicator = ${counts.indicator}, the parts hold ${indicator.rows}`);
	return { errors, stats };
}

/** Checks every boundary; returns the villages' and communities' polygons for clustering. */
function checkBoundaries(
	boundary: Columns,
	levelOf: Map<string, string>,
	fail: (m: string) => void,
	stats: Record<string, number>
): { code: string; polygons: Polygons }[] {
	const units: { code: string; polygons: Polygons }[] = [];
	const codes = boundary.col('code') as string[];
	const wkbs = boundary.col('geom_wkb') as Uint8Array[];
	const area = boundary.col('area_km2') as number[];
	const box = ['minx', 'miny', 'maxx', 'maxy'].map((c) => boundary.col(c) as number[]);
	const cx = boundary.col('cx') as number[];
	const cy = boundary.col('cy') as number[];
	const seen = new Set<string>();
	const unitArea = new Map<string, number>();
	const countyArea = new Map<string, number>();
	const townArea = new Map<string, number>();
	codes.forEach((code, i) => {
		if (seen.has(code)) fail(`boundary ${code}: duplicate`);
		seen.add(code);
		const level = levelOf.get(code);
		if (!level) return fail(`boundary ${code}: not in region`);
		let polygons;
		try {
			polygons = decodeWkb(wkbs[i] as Uint8Array);
		} catch (e) {
			return fail(`boundary ${code}: bad WKB (${(e as Error).message})`);
		}
		const problems = validatePolygons(polygons);
		if (problems.length)
			fail(`boundary ${code}: invalid geometry: ${problems.slice(0, 3).join('; ')}`);
		const a = polygonsAreaKm2(polygons);
		if (!(a > 0)) fail(`boundary ${code}: empty (area ${a})`);
		if (Math.abs(a - (area[i] as number)) > 1e-4 * Math.max(1, a))
			fail(`boundary ${code}: area_km2 ${area[i]} but geometry has ${a.toFixed(6)}`);
		const b = bboxOfPolygons(polygons);
		if (b.some((v, k) => Math.abs(v - ((box[k] as number[])[i] as number)) > 1e-9))
			fail(`boundary ${code}: bbox columns do not match geometry`);
		if (!pointInPolygons(cx[i] as number, cy[i] as number, polygons))
			fail(`boundary ${code}: label point (cx, cy) is outside the polygon`);
		if (level === 'county') countyArea.set(code, a);
		else if (level === 'township') townArea.set(code, a);
		else {
			units.push({ code, polygons });
			unitArea.set(code.slice(0, 6), (unitArea.get(code.slice(0, 6)) ?? 0) + a);
			townArea.set(`sum:${code.slice(0, 9)}`, (townArea.get(`sum:${code.slice(0, 9)}`) ?? 0) + a);
		}
	});
	for (const [code, level] of levelOf)
		if (level !== 'city' && !seen.has(code)) fail(`boundary: no polygon for ${level} ${code}`);
	for (const [county, a] of countyArea) {
		const sum = unitArea.get(county) ?? 0;
		const rel = Math.abs(sum - a) / a;
		stats[`area_gap_${county}`] = rel;
		if (rel > 0.005)
			fail(
				`county ${county}: villages cover ${sum.toFixed(2)} km² of ${a.toFixed(2)} (${(rel * 100).toFixed(2)}% off, limit 0.5%)`
			);
	}
	for (const [code, a] of townArea) {
		if (code.startsWith('sum:')) continue;
		const sum = townArea.get(`sum:${code}`) ?? 0;
		if (Math.abs(sum - a) > 1e-3 * a)
			fail(`township ${code}: area ${a.toFixed(3)} km² but its units sum to ${sum.toFixed(3)}`);
	}
	return units;
}

function checkSites(
	site: Columns,
	levelOf: Map<string, string>,
	bbox: number[] | undefined,
	fail: (m: string) => void
) {
	const ids = site.col('id') as string[];
	const kind = site.col('kind') as string[];
	const town = site.col('township_code') as string[];
	const village = site.col('village_code') as string[];
	const lon = site.col('lon') as number[];
	const lat = site.col('lat') as number[];
	const num = (c: string) => site.col(c) as (number | null)[];
	const [hh, people, jobs, poor, months, dist] = [
		'households',
		'people',
		'jobs',
		'poor_employed',
		'months_operating',
		'distance_km'
	].map(num) as (number | null)[][];
	const community = site.col('community_id') as (string | null)[];
	const resettlement = new Set(ids.filter((_, i) => kind[i] === 'resettlement'));
	const seen = new Set<string>();
	ids.forEach((id, i) => {
		if (seen.has(id)) fail(`site ${id}: duplicate id`);
		seen.add(id);
		if (kind[i] !== 'resettlement' && kind[i] !== 'factory') fail(`site ${id}: kind ${kind[i]}`);
		if (levelOf.get(town[i] as string) !== 'township')
			fail(`site ${id}: township ${town[i]} not in region`);
		const vl = levelOf.get(village[i] as string);
		if (vl !== 'village' && vl !== 'community')
			fail(`site ${id}: village ${village[i]} not in region`);
		if (
			bbox &&
			!(
				(lon[i] as number) >= (bbox[0] as number) &&
				(lon[i] as number) <= (bbox[2] as number) &&
				(lat[i] as number) >= (bbox[1] as number) &&
				(lat[i] as number) <= (bbox[3] as number)
			)
		)
			fail(`site ${id}: (${lon[i]}, ${lat[i]}) outside the region's bbox`);
		if (kind[i] === 'resettlement') {
			if (!((hh?.[i] ?? 0) >= 1) || !((people?.[i] ?? 0) >= (hh?.[i] ?? 0)))
				fail(`site ${id}: households ${hh?.[i]} / people ${people?.[i]} implausible`);
		} else {
			if (!((jobs?.[i] ?? -1) >= 0)) fail(`site ${id}: jobs ${jobs?.[i]}`);
			if (!((poor?.[i] ?? -1) >= 0)) fail(`site ${id}: poor_employed ${poor?.[i]}`);
			const m = months?.[i] ?? -1;
			if (!(m >= 1 && m <= 12)) fail(`site ${id}: months_operating ${m} not in 1–12`);
			const c = community[i];
			if (c !== null && c !== undefined && !resettlement.has(c))
				fail(`site ${id}: community_id ${c} is not a resettlement site`);
			if (c && !((dist?.[i] ?? -1) >= 0)) fail(`site ${id}: distance_km missing`);
		}
	});
}

function checkIndicators(
	indicator: Columns,
	meta: Columns,
	manifest: ManifestLike,
	levelOf: Map<string, string>,
	years: number[],
	fail: (m: string) => void,
	stats: Record<string, number>,
	parts: PartsTable | null
) {
	const rows = catalogueRows(meta);
	checkCatalogue(rows, manifest.catalogue ?? [], fail);
	const kinds = new Map(rows.map((m) => [m.key, m.kind as string]));
	const classes = new Map(
		rows.map((m) => {
			try {
				return [m.key, JSON.parse(m.default_classes) as unknown[]];
			} catch {
				return [m.key, []]; // reported by checkCatalogue
			}
		})
	);
	// The national benchmark set declares a reduced catalogue; every other dataset has all keys.
	if (!manifest.provenance?.reduced) {
		for (const k of REQUIRED_KEYS)
			if (!kinds.has(k)) fail(`indicator_meta: required key ${k} missing`);
	}
	const yearSet = new Set(years);
	const code = indicator.col('code') as string[];
	const year = indicator.col('year') as number[];
	const key = indicator.col('key') as string[];
	const value = indicator.col('value') as (number | null)[];
	const text = indicator.col('text') as (string | null)[];
	// Each (code, key): the row of each year, so a duplicate can name both rows' parts.
	const perSeries = new Map<string, Map<number, number>>();
	const badKeys = new Set<string>();
	for (let i = 0; i < indicator.rows; i++) {
		const k = key[i] as string;
		const kind = kinds.get(k);
		if (!kind) {
			if (!badKeys.has(k)) fail(`indicator key ${k} is not in indicator_meta`);
			badKeys.add(k);
			continue;
		}
		const c = code[i] as string;
		if (!levelOf.has(c)) fail(`indicator row ${i}: code ${c} not in region`);
		const y = year[i] as number;
		if (!yearSet.has(y)) fail(`indicator row ${i}: year ${y} not in manifest years`);
		const sk = `${c}|${k}`;
		const ys = perSeries.get(sk) ?? new Map<number, number>();
		const before = ys.get(y);
		if (before !== undefined)
			fail(
				`indicator ${c} ${k} ${y}: duplicate row` +
					(parts ? ` (in ${parts.fileOf(before)} and ${parts.fileOf(i)})` : '')
			);
		ys.set(y, i);
		perSeries.set(sk, ys);
		const v = value[i];
		const t = text[i];
		const bad = (why: string) => fail(`indicator ${c} ${k} ${y}: ${why}`);
		if (kind === 'category') {
			if (t !== null && t !== undefined && !(classes.get(k) ?? []).includes(t))
				bad(`category "${t}" not in ${JSON.stringify(classes.get(k))}`);
			continue;
		}
		if (t !== null && t !== undefined) bad(`text on a ${kind} indicator`);
		if (v === null || v === undefined) continue;
		if (!Number.isFinite(v)) bad(`value ${v} not finite`);
		else if (kind === 'flag' && v !== 0 && v !== 1) bad(`flag value ${v}`);
		else if (kind === 'ratio' && (v < 0 || v > 1)) bad(`ratio ${v} outside 0–1`);
		else if ((kind === 'count' || kind === 'amount') && v < 0) bad(`negative ${kind} ${v}`);
		else if (kind === 'count' && !Number.isInteger(v)) bad(`count ${v} not an integer`);
		else if (kind === 'year' && (!Number.isInteger(v) || v < 1990 || v > 2100)) bad(`year ${v}`);
	}
	// A series spans every year, or (parts) the years of the parts that hold its key.
	for (const [sk, ys] of perSeries) {
		const want = parts ? parts.yearsOf(sk.slice(sk.indexOf('|') + 1)) : years.length;
		if (ys.size !== want) fail(`indicator ${sk.replace('|', ' ')}: ${ys.size} of ${want} years`);
	}
	stats.indicator_rows = indicator.rows;
	stats.series = perSeries.size;
	stats.ratio_checks = checkRatios(rows, indicator, fail);
}
