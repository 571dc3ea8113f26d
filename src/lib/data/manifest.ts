/**
 * Reading the files a region ships (see docs/dataset-format.md): the index of regions and one
 * region's manifest. Parsing validates the shape so that a damaged file gives a clear message
 * instead of a crash deep in the map. The types themselves are the contract's (`contract.ts`).
 */
import { defaultRollup, rollupOf, rollupProblems, stringifyRollup } from '../analysis/rollup';
import { TABLES, type IndicatorMeta, type Manifest, type RegionEntry } from './contract';

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

/**
 * Every catalogue entry with a usable `rollup`: its own when it reads and its ratio parts are
 * in the same catalogue, otherwise the default for its kind (older datasets have none; a
 * reduced catalogue may lack a ratio's parts). Downstream code can then trust the field.
 */
function withRollups(catalogue: IndicatorMeta[]): IndicatorMeta[] {
	return catalogue.map((m) => {
		const ok = m.rollup && rollupProblems(m, catalogue).length === 0;
		const rule = ok ? rollupOf(m) : defaultRollup(m.kind);
		return { ...m, rollup: stringifyRollup(rule) };
	});
}

const isStrings = (x: unknown): x is string[] =>
	Array.isArray(x) && x.every((v) => typeof v === 'string');
const isYears = (x: unknown): x is number[] =>
	Array.isArray(x) && x.every((v) => Number.isInteger(v));

function checkParts(m: Manifest): void {
	const parts: unknown = m.indicatorParts;
	if (!Array.isArray(parts))
		throw new DatasetError('manifest.json: "indicatorParts" is not a list');
	parts.forEach((p: unknown, i) => {
		const ok =
			isObject(p) &&
			typeof p.file === 'string' &&
			isStrings(p.keys) &&
			isYears(p.years) &&
			typeof p.rows === 'number';
		if (!ok) {
			throw new DatasetError(
				`manifest.json: indicator part ${i + 1} needs "file", "keys", "years" and "rows"`
			);
		}
	});
	if (!parts.some((p: { file: string }) => p.file === m.files.indicator)) {
		throw new DatasetError(
			`manifest.json: "indicatorParts" does not list the start file ${m.files.indicator}`
		);
	}
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
	if (m.firstView !== undefined && typeof m.firstView !== 'string') {
		throw new DatasetError('manifest.json: "firstView" must be a file name');
	}
	if (m.indicatorParts !== undefined) checkParts(m);
	const latestYear = typeof m.latestYear === 'number' ? m.latestYear : Math.max(...m.years);
	const catalogue = Array.isArray(m.catalogue) ? m.catalogue.filter(isObject) : [];
	return { ...m, latestYear, catalogue: withRollups(catalogue as IndicatorMeta[]) };
}
