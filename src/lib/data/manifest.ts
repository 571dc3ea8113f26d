/**
 * Types and checks for the files a region ships (see docs/dataset-format.md): the index of
 * regions and one region's manifest. Parsing validates the shape so that a damaged file gives a
 * clear message instead of a crash deep in the map.
 */

export interface RegionEntry {
	code: string;
	name: string;
	level: string;
	path: string;
	townships?: number;
	units?: number;
	default?: boolean;
}

export interface IndicatorMeta {
	key: string;
	theme: string;
	label_zh: string;
	label_en: string;
	unit: string;
	kind: string;
	default_classes: string;
	better: string;
	description_zh?: string;
}

export interface Manifest {
	format: number;
	region: { code: string; name: string; level: string; parent?: string };
	years: number[];
	latestYear: number;
	bbox: [number, number, number, number];
	files: Record<string, string>;
	counts: Record<string, number>;
	catalogue: IndicatorMeta[];
	provenance: {
		real: string[];
		generated: string[];
		seed?: number;
		sources: { package: string; version: string; license: string }[];
	};
}

/** The tables every dataset must provide, in load order. */
export const TABLES = ['region', 'boundary', 'site', 'indicator', 'indicator_meta'] as const;

export class DatasetError extends Error {
	override name = 'DatasetError';
}

function isObject(x: unknown): x is Record<string, unknown> {
	return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Parse `index.json`; throws DatasetError naming what is wrong. */
export function parseRegionIndex(json: unknown): RegionEntry[] {
	if (!isObject(json) || !Array.isArray(json.regions)) {
		throw new DatasetError('index.json has no "regions" list');
	}
	return json.regions.map((r, i) => {
		if (!isObject(r) || typeof r.code !== 'string' || typeof r.name !== 'string') {
			throw new DatasetError(`index.json: region ${i + 1} has no code or name`);
		}
		return { ...r, path: typeof r.path === 'string' ? r.path : r.code } as RegionEntry;
	});
}

/** Parse a region's `manifest.json`; throws DatasetError naming what is wrong. */
export function parseManifest(json: unknown): Manifest {
	if (!isObject(json)) throw new DatasetError('manifest.json is not an object');
	const m = json as unknown as Manifest;
	if (!isObject(m.region) || typeof m.region.code !== 'string') {
		throw new DatasetError('manifest.json: "region" is missing');
	}
	if (!Array.isArray(m.years) || m.years.length === 0) {
		throw new DatasetError('manifest.json: "years" is missing');
	}
	if (!isObject(m.files)) throw new DatasetError('manifest.json: "files" is missing');
	for (const t of TABLES) {
		if (typeof m.files[t] !== 'string') {
			throw new DatasetError(`manifest.json: no file for table "${t}"`);
		}
	}
	if (!Array.isArray(m.bbox) || m.bbox.length !== 4) {
		throw new DatasetError('manifest.json: "bbox" must be [minLon, minLat, maxLon, maxLat]');
	}
	const latestYear = typeof m.latestYear === 'number' ? m.latestYear : Math.max(...m.years);
	return { ...m, latestYear, catalogue: Array.isArray(m.catalogue) ? m.catalogue : [] };
}
