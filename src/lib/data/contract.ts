/**
 * The dataset contract of docs/dataset-format.md, written once: the format version, the
 * vocabularies (themes, kinds, levels), the shape of `index.json` and `manifest.json`, and the
 * tables with their columns in file order. The data build (scripts/data), the checker and the
 * app all import it, so a change here is a change of the format for all three.
 *
 * Pure types and constants only — no DuckDB, no Node, no apache-arrow — so browser code, build
 * scripts and tests can share it. Parsing and validation live elsewhere (`manifest.ts` for the
 * app, `scripts/data/check.ts` for datasets); the roll-up rule of an indicator is parsed by
 * `analysis/rollup.ts` and re-exported here because it is part of the format.
 */

export { ROLLUP_OPS, type Rollup, type RollupOp } from '../analysis/rollup';

/** `format` in index.json and manifest.json. Additions that old readers can ignore keep it. */
export const FORMAT_VERSION = 1;

export const THEMES = ['poverty', 'collective', 'party', 'relocation'] as const;
export type Theme = (typeof THEMES)[number];

export const KINDS = ['flag', 'category', 'count', 'amount', 'ratio', 'year'] as const;
export type Kind = (typeof KINDS)[number];

export const BETTER = ['higher', 'lower', 'none'] as const;
export type Better = (typeof BETTER)[number];

/** Every administrative level the format names, from the top. */
export const LEVELS = ['province', 'city', 'county', 'township', 'village', 'community'] as const;
export type Level = (typeof LEVELS)[number];

/** Digits in a statistical division code at each level. */
export const CODE_LENGTH: Readonly<Record<Level, number>> = {
	province: 2,
	city: 4,
	county: 6,
	township: 9,
	village: 12,
	community: 12
};

/**
 * What a dataset folder can be: a county, a city, or (national build only) a province, or the
 * nation packed as one (`100000`, scripts/data/national-pack.ts: its rows are every province's).
 */
export const REGION_LEVELS = ['county', 'city', 'province', 'nation'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** Levels with rows in the `region` table (a province has rows for its cities, none for itself). */
export const ROW_LEVELS = ['city', 'county', 'township', 'village', 'community'] as const;

/** Levels with a polygon in the `boundary` table (cities and provinces are drawn from counties). */
export const BOUNDARY_LEVELS = ['county', 'township', 'village', 'community'] as const;
export type BoundaryLevel = (typeof BOUNDARY_LEVELS)[number];

/** The smallest units, the ones indicators are generated for. */
export const UNIT_LEVELS = ['village', 'community'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export const SITE_KINDS = ['resettlement', 'factory'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

/** One row of `indicator_meta`, and one entry of a manifest's `catalogue`. */
export interface IndicatorMeta {
	key: string;
	theme: Theme;
	label_zh: string;
	label_en: string;
	unit: string;
	kind: Kind;
	/** JSON: class breaks for numbers, the category list for categories. */
	default_classes: string;
	better: Better;
	description_zh?: string;
	/**
	 * JSON of a `Rollup`: how values of this indicator combine from villages to townships and
	 * counties. Absent in datasets built before it existed and in imported indicators; read it
	 * only through `rollupOf` (analysis/rollup.ts), which falls back by kind.
	 */
	rollup?: string;
}

/** One entry of `index.json`'s `regions`. */
export interface RegionEntry {
	code: string;
	name: string;
	level: RegionLevel;
	/** Folder under the data root; defaults to the code. */
	path: string;
	townships?: number;
	units?: number;
	default?: boolean;
}

/** `static/data/index.json`. */
export interface RegionIndex {
	format: number;
	regions: RegionEntry[];
}

/** Where a dataset came from: which fields are real, which generated, from which packages. */
export interface Provenance {
	real: string[];
	generated: string[];
	seed?: number;
	sources: { package: string; version: string; license: string; provides?: string }[];
	/** National benchmark build only: which indicator keys were kept. */
	reduced?: string;
}

/** Row counts per level present plus `site` and `indicator`. */
export type Counts = Partial<Record<Level | 'site' | 'indicator', number>>;

/** A region's `manifest.json`. */
export interface Manifest {
	format: number;
	region: { code: string; name: string; level: RegionLevel; parent?: string };
	years: number[];
	latestYear: number;
	bbox: [number, number, number, number];
	files: Record<TableName, string>;
	counts: Counts;
	catalogue: IndicatorMeta[];
	provenance: Provenance;
	/** How counties without an outline of their own were placed (may be absent or empty). */
	report?: string[];
	/**
	 * The map's default view answered ahead of time (`first-view.arrow`): the Arrow answer of the
	 * choropleth query the app asks first, with that query in the schema's metadata, so the map
	 * can be coloured before the engine has started. Absent in older datasets and imports.
	 */
	firstView?: string;
	/**
	 * Indicators split into files loaded when a view needs them (large datasets: the national
	 * build). Each part holds the rows of its `keys` × `years`; the part whose `file` is
	 * `files.indicator` is loaded with the other tables, the rest on demand. Absent: every
	 * indicator row is in `files.indicator`, for every key and every year of `years`.
	 */
	indicatorParts?: IndicatorPart[];
}

/** One file of indicator rows: every row of these keys in these years, and nothing else. */
export interface IndicatorPart {
	file: string;
	keys: string[];
	years: number[];
	rows: number;
}

/** The tables every dataset provides, in load order. */
export const TABLES = ['region', 'boundary', 'site', 'indicator', 'indicator_meta'] as const;
export type TableName = (typeof TABLES)[number];

/** The file each table is written to. */
export const TABLE_FILES: Readonly<Record<TableName, string>> = {
	region: 'region.arrow',
	boundary: 'boundary.arrow',
	site: 'site.arrow',
	indicator: 'indicator.arrow',
	indicator_meta: 'indicator_meta.arrow'
};

/** Arrow type of a column (apache-arrow: Utf8, Binary, Float64, Int32). */
export type ColumnType = 'utf8' | 'binary' | 'float64' | 'int32';

export interface ColumnSpec<Name extends string = string> {
	name: Name;
	type: ColumnType;
	/** May hold nulls. */
	nullable?: boolean;
	/** Utf8 written dictionary-encoded (Int32 indices); DuckDB reads it as VARCHAR. */
	dictionary?: boolean;
	/** Added after format 1 shipped: a reader must accept a file without it. */
	optional?: boolean;
}

export interface RegionRow {
	code: string;
	name: string;
	full_name: string;
	level: string;
	parent_code: string | null;
}

export interface BoundaryRow {
	code: string;
	level: string;
	geom_wkb: Uint8Array;
	minx: number;
	miny: number;
	maxx: number;
	maxy: number;
	cx: number;
	cy: number;
	area_km2: number;
}

export interface SiteRow {
	id: string;
	kind: SiteKind;
	name: string;
	township_code: string;
	village_code: string;
	lon: number;
	lat: number;
	households: number | null;
	people: number | null;
	jobs: number | null;
	poor_employed: number | null;
	months_operating: number | null;
	community_id: string | null;
	distance_km: number | null;
	opened_year: number | null;
}

export interface IndicatorRow {
	code: string;
	year: number;
	key: string;
	value: number | null;
	text: string | null;
}

type Columns<Row> = readonly ColumnSpec<keyof Row & string>[];

/** Every table's columns in file order, as docs/dataset-format.md lists them. */
export const COLUMNS: {
	region: Columns<RegionRow>;
	boundary: Columns<BoundaryRow>;
	site: Columns<SiteRow>;
	indicator: Columns<IndicatorRow>;
	indicator_meta: Columns<Required<IndicatorMeta>>;
} = {
	region: [
		{ name: 'code', type: 'utf8' },
		{ name: 'name', type: 'utf8' },
		{ name: 'full_name', type: 'utf8' },
		{ name: 'level', type: 'utf8' },
		{ name: 'parent_code', type: 'utf8', nullable: true }
	],
	boundary: [
		{ name: 'code', type: 'utf8' },
		{ name: 'level', type: 'utf8' },
		{ name: 'geom_wkb', type: 'binary' },
		{ name: 'minx', type: 'float64' },
		{ name: 'miny', type: 'float64' },
		{ name: 'maxx', type: 'float64' },
		{ name: 'maxy', type: 'float64' },
		{ name: 'cx', type: 'float64' },
		{ name: 'cy', type: 'float64' },
		{ name: 'area_km2', type: 'float64' }
	],
	site: [
		{ name: 'id', type: 'utf8' },
		{ name: 'kind', type: 'utf8' },
		{ name: 'name', type: 'utf8' },
		{ name: 'township_code', type: 'utf8' },
		{ name: 'village_code', type: 'utf8' },
		{ name: 'lon', type: 'float64' },
		{ name: 'lat', type: 'float64' },
		{ name: 'households', type: 'int32', nullable: true },
		{ name: 'people', type: 'int32', nullable: true },
		{ name: 'jobs', type: 'int32', nullable: true },
		{ name: 'poor_employed', type: 'int32', nullable: true },
		{ name: 'months_operating', type: 'int32', nullable: true },
		{ name: 'community_id', type: 'utf8', nullable: true },
		{ name: 'distance_km', type: 'float64', nullable: true },
		{ name: 'opened_year', type: 'int32', nullable: true }
	],
	indicator: [
		{ name: 'code', type: 'utf8', dictionary: true },
		{ name: 'year', type: 'int32' },
		{ name: 'key', type: 'utf8', dictionary: true },
		{ name: 'value', type: 'float64', nullable: true },
		{ name: 'text', type: 'utf8', dictionary: true, nullable: true }
	],
	indicator_meta: [
		{ name: 'key', type: 'utf8' },
		{ name: 'theme', type: 'utf8' },
		{ name: 'label_zh', type: 'utf8' },
		{ name: 'label_en', type: 'utf8' },
		{ name: 'unit', type: 'utf8' },
		{ name: 'kind', type: 'utf8' },
		{ name: 'default_classes', type: 'utf8' },
		{ name: 'better', type: 'utf8' },
		{ name: 'description_zh', type: 'utf8' },
		{ name: 'rollup', type: 'utf8', optional: true }
	]
};
