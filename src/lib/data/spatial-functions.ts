/**
 * Spatial SQL that works offline: JavaScript scalar functions registered in the engine over
 * `geo/spatial-index.ts`, wrapped in macros that give them plain names. DuckDB's spatial
 * extension cannot be downloaded on an intranet; these need nothing but the loaded tables.
 *
 * Contract: `installSpatialFunctions(conn)` reads `boundary`, `region` and `site` from the
 * connection itself (no polygons cross `postMessage`), builds the index, and makes every function
 * of `SPATIAL_FUNCTIONS` callable. Calling it again after another dataset is loaded swaps the
 * index under the same functions: a scalar function cannot be registered twice on one connection
 * (a second registration is an ambiguous overload), so the JavaScript side is registered once
 * per connection and reads the current index.
 *
 * duckdb-wasm 1.32's UDFs take only some argument types (no BIGINT, DECIMAL or untyped NULL) and
 * return VARCHAR as zero bytes (the result buffer's string pointer is never handed back). So the
 * hidden `_va_*` functions take DOUBLE and VARCHAR, and return DOUBLE: a division code as its
 * number (12 digits are exact in a double; codes never start with 0), a site as its ordinal in
 * `_va_site`; the macros cast the arguments and turn numbers back into codes and ids.
 */
import { Type, type DataType, type Table } from 'apache-arrow';
import { decodeWkb } from '../geo/wkb';
import { SpatialIndex, type IndexedSite, type IndexedUnit } from '../geo/spatial-index';
import { HOTSPOT_SCHEMA } from './queries/hotspots';

/** What the function needs of a synchronous connection (the worker's, or Node's in tests). */
export interface SyncConnection {
	query(sql: string): Table;
	createScalarFunction(name: string, returns: DataType, func: (...args: never[]) => unknown): void;
}

/** One documented function: the console's help and completion list these. */
export interface SpatialFunctionDoc {
	name: string;
	signature: string;
	returns: string;
	zh: string;
	en: string;
	example: string;
}

export const SPATIAL_FUNCTIONS: readonly SpatialFunctionDoc[] = [
	{
		name: 'dist_km',
		signature: 'dist_km(lon1, lat1, lon2, lat2)',
		returns: 'DOUBLE',
		zh: '两点间的大圆距离（公里）',
		en: 'Great-circle distance between two points, km',
		example: `SELECT name, dist_km(lon, lat, 108.534, 32.520) AS km FROM v_village ORDER BY km LIMIT 5`
	},
	{
		name: 'village_at',
		signature: 'village_at(lon, lat)',
		returns: 'VARCHAR',
		zh: '包含该点的村或社区代码（不在任何村内为 NULL）',
		en: 'Code of the village or community containing the point (NULL outside every one)',
		example: `SELECT id, name, village_at(lon, lat) AS village FROM site`
	},
	{
		name: 'township_at',
		signature: 'township_at(lon, lat)',
		returns: 'VARCHAR',
		zh: '包含该点的乡镇代码',
		en: 'Code of the township containing the point',
		example: `SELECT township_at(108.534, 32.520) AS township`
	},
	{
		name: 'area_km2',
		signature: 'area_km2(code)',
		returns: 'DOUBLE',
		zh: '村、乡镇或县的面积（平方公里，球面）',
		en: 'Area of a village, township or county, km² (on the sphere)',
		example: `SELECT name, area_km2(code) AS km2 FROM v_village ORDER BY km2 DESC LIMIT 5`
	},
	{
		name: 'centroid_lon',
		signature: 'centroid_lon(code), centroid_lat(code)',
		returns: 'DOUBLE',
		zh: '单元的几何中心经度、纬度（面积加权）',
		en: 'Longitude and latitude of a unit’s area-weighted centroid',
		example: `SELECT name, centroid_lon(code) AS lon, centroid_lat(code) AS lat FROM v_village LIMIT 5`
	},
	{
		name: 'bbox_intersects',
		signature: 'bbox_intersects(code_a, code_b)',
		returns: 'BOOLEAN',
		zh: '两个单元的外接矩形是否相交',
		en: 'Whether two units’ bounding boxes intersect',
		example: `SELECT b.name FROM v_village a, v_village b WHERE a.name = '王家河村' AND a.code <> b.code AND bbox_intersects(a.code, b.code)`
	},
	{
		name: 'unit_dist_km',
		signature: 'unit_dist_km(code_a, code_b)',
		returns: 'DOUBLE',
		zh: '两个单元标注点之间的距离（公里）',
		en: 'Distance between two units’ label points, km',
		example: `SELECT unit_dist_km('610924101215', '610924117219') AS km`
	},
	{
		name: 'nearest_site',
		signature: 'nearest_site(code, kind), nearest_site_km(code, kind)',
		returns: 'VARCHAR, DOUBLE',
		zh: "距该单元最近的安置社区（kind = 'resettlement'）或社区工厂（'factory'）及其距离",
		en: "The resettlement community (kind = 'resettlement') or factory ('factory') nearest to a unit, and its distance",
		example: `SELECT name, nearest_site(code, 'resettlement') AS site, nearest_site_km(code, 'resettlement') AS km FROM v_village ORDER BY km DESC LIMIT 10`
	},
	{
		name: 'nearest_site_at',
		signature: 'nearest_site_at(lon, lat, kind), nearest_site_at_km(lon, lat, kind)',
		returns: 'VARCHAR, DOUBLE',
		zh: '距某点最近的站点及其距离',
		en: 'The site of a kind nearest to a point, and its distance',
		example: `SELECT name, nearest_site_at(lon, lat, 'factory') AS factory, nearest_site_at_km(lon, lat, 'factory') AS km FROM site WHERE kind = 'resettlement'`
	},
	{
		name: 'hotspots',
		signature: "hotspots('indicator_key', year)",
		returns: 'TABLE(code, name, township, value, lisa_i, lisa_p, cluster, gi_z, gi_p, hotspot)',
		zh: '冷热点分析：局部莫兰指数（cluster：HH 高-高、LL 低-低、HL、LH、ns 不显著）和 Getis-Ord Gi*（hotspot：hot/cold/ns），共享边界邻接，999 次置换检验',
		en: "Hot spots: local Moran's I (cluster: HH, LL, HL, LH, ns) and Getis-Ord Gi* (hotspot: hot/cold/ns), shared-boundary neighbours, 999 permutations",
		example: `SELECT * FROM hotspots('collective_income', 2020) WHERE cluster <> 'ns'`
	},
	{
		name: 'units_within_km',
		signature: 'units_within_km(lon, lat, km)',
		returns: 'TABLE(code, name, township, km)',
		zh: '距某点若干公里以内的村和社区，按距离排序',
		en: 'Villages and communities within km of a point, nearest first',
		example: `SELECT * FROM units_within_km(108.534, 32.520, 5)`
	},
	{
		name: 'units_near_site',
		signature: 'units_near_site(site_id, km)',
		returns: 'TABLE(code, name, township, km)',
		zh: '距某站点若干公里以内的村和社区',
		en: 'Villages and communities within km of a site',
		example: `SELECT * FROM units_near_site((SELECT min(id) FROM site WHERE kind = 'resettlement'), 3)`
	},
	{
		name: 'units_near_unit',
		signature: 'units_near_unit(code, km)',
		returns: 'TABLE(code, name, township, km)',
		zh: '距某村若干公里以内的其他村和社区',
		en: 'Other villages and communities within km of a unit',
		example: `SELECT * FROM units_near_unit('610924101215', 4)`
	}
];

const registered = new WeakMap<SyncConnection, { index: SpatialIndex }>();

/** Read the units and sites of the loaded dataset into a spatial index. */
function readIndex(conn: SyncConnection): SpatialIndex {
	const units: IndexedUnit[] = [];
	const b = conn.query(
		`SELECT b.code, r.level, b.geom_wkb, b.cx, b.cy FROM boundary b JOIN region r USING (code) ORDER BY b.code`
	);
	const [code, level, wkb, cx, cy] = ['code', 'level', 'geom_wkb', 'cx', 'cy'].map((c) =>
		b.getChild(c)
	);
	for (let i = 0; i < b.numRows; i++) {
		const bytes = wkb?.get(i) as Uint8Array | null;
		if (!bytes) continue;
		units.push({
			code: String(code?.get(i)),
			level: String(level?.get(i)),
			polygons: decodeWkb(bytes),
			cx: Number(cx?.get(i)),
			cy: Number(cy?.get(i))
		});
	}
	const s = conn.query(`SELECT id, kind, lon, lat FROM site ORDER BY id`);
	const sites: IndexedSite[] = [];
	for (let i = 0; i < s.numRows; i++) {
		const r = s.get(i)?.toJSON() as { id: string; kind: string; lon: number; lat: number };
		sites.push({ id: r.id, kind: r.kind, lon: Number(r.lon), lat: Number(r.lat) });
	}
	return new SpatialIndex(units, sites);
}

type Num = number | null;
type Str = string | null;

/** The JavaScript side, registered once per connection; `state.index` is the current dataset's. */
function registerScalars(conn: SyncConnection, state: { index: SpatialIndex }): void {
	// `new Float64().typeId` is the generic `Type.Float`, which duckdb-wasm maps to a 32-bit FLOAT
	// (a 12-digit code would lose its last digits); it reads nothing but `typeId`.
	const f64 = { typeId: Type.Float64 } as unknown as DataType;
	const ok = (...v: unknown[]) => v.every((x) => x !== null && x !== undefined);
	const unit = (code: Str) => state.index.indexOf(code);
	const codeNumber = (i: number) => (i < 0 ? null : Number(state.index.units[i]?.code));
	const fns: Record<string, (...a: never[]) => unknown> = {
		_va_unit_at: (lon: Num, lat: Num, level: Str) =>
			ok(lon, lat, level) ? codeNumber(state.index.unitAt(lon!, lat!, level!)) : null,
		_va_area_km2: (code: Str) => (unit(code) < 0 ? null : state.index.areaKm2(unit(code))),
		_va_centroid: (code: Str, axis: Num) =>
			unit(code) < 0 ? null : state.index.centroid(unit(code))[axis === 1 ? 1 : 0],
		_va_bbox_intersects: (a: Str, b: Str) =>
			unit(a) < 0 || unit(b) < 0 ? null : state.index.bboxesIntersect(unit(a), unit(b)) ? 1 : 0,
		_va_unit_dist_km: (a: Str, b: Str) =>
			unit(a) < 0 || unit(b) < 0 ? null : state.index.unitDistanceKm(unit(a), unit(b)),
		// `what` 0 answers the site's ordinal in `_va_site`, 1 its distance.
		_va_nearest_at: (lon: Num, lat: Num, kind: Str, what: Num) => {
			if (!ok(lon, lat, kind)) return null;
			const hit = state.index.nearestSite(lon!, lat!, kind!);
			return hit ? (what === 1 ? hit.km : hit.site) : null;
		},
		_va_nearest_of: (code: Str, kind: Str, what: Num) => {
			const i = unit(code);
			const u = state.index.units[i];
			if (!u || kind === null) return null;
			const hit = state.index.nearestSite(u.cx, u.cy, kind);
			return hit ? (what === 1 ? hit.km : hit.site) : null;
		}
	};
	for (const [name, fn] of Object.entries(fns)) conn.createScalarFunction(name, f64, fn);
}

const D = (x: string) => `CAST(${x} AS DOUBLE)`;
const V = (x: string) => `CAST(${x} AS VARCHAR)`;
const CODE = (x: string) => `CAST(CAST(${x} AS BIGINT) AS VARCHAR)`;
const SITE_ID = (ord: string) => `(SELECT id FROM _va_site WHERE ord = ${ord})`;

/** The macros users call; every one casts its arguments to the types the UDFs accept. */
export const SPATIAL_MACROS: readonly string[] = [
	`CREATE OR REPLACE MACRO village_at(lon, lat) AS ${CODE(`_va_unit_at(${D('lon')}, ${D('lat')}, 'village')`)}`,
	`CREATE OR REPLACE MACRO township_at(lon, lat) AS ${CODE(`_va_unit_at(${D('lon')}, ${D('lat')}, 'township')`)}`,
	`CREATE OR REPLACE MACRO area_km2(code) AS _va_area_km2(${V('code')})`,
	`CREATE OR REPLACE MACRO centroid_lon(code) AS _va_centroid(${V('code')}, 0::DOUBLE)`,
	`CREATE OR REPLACE MACRO centroid_lat(code) AS _va_centroid(${V('code')}, 1::DOUBLE)`,
	`CREATE OR REPLACE MACRO bbox_intersects(a, b) AS _va_bbox_intersects(${V('a')}, ${V('b')}) = 1`,
	`CREATE OR REPLACE MACRO unit_dist_km(a, b) AS _va_unit_dist_km(${V('a')}, ${V('b')})`,
	`CREATE OR REPLACE MACRO nearest_site(code, kind) AS ${SITE_ID(`_va_nearest_of(${V('code')}, ${V('kind')}, 0::DOUBLE)`)}`,
	`CREATE OR REPLACE MACRO nearest_site_km(code, kind) AS _va_nearest_of(${V('code')}, ${V('kind')}, 1::DOUBLE)`,
	`CREATE OR REPLACE MACRO nearest_site_at(lon, lat, kind) AS ${SITE_ID(`_va_nearest_at(${D('lon')}, ${D('lat')}, ${V('kind')}, 0::DOUBLE)`)}`,
	`CREATE OR REPLACE MACRO nearest_site_at_km(lon, lat, kind) AS _va_nearest_at(${D('lon')}, ${D('lat')}, ${V('kind')}, 1::DOUBLE)`,
	`CREATE OR REPLACE MACRO units_within_km(lon0, lat0, radius) AS TABLE
  SELECT code, name, township, dist_km(lon, lat, lon0, lat0) AS km FROM v_village
  WHERE dist_km(lon, lat, lon0, lat0) <= radius ORDER BY km, code`,
	`CREATE OR REPLACE MACRO units_near_site(site_id, radius) AS TABLE
  SELECT v.code, v.name, v.township, dist_km(v.lon, v.lat, s.lon, s.lat) AS km
  FROM v_village v, site s WHERE s.id = site_id AND dist_km(v.lon, v.lat, s.lon, s.lat) <= radius
  ORDER BY km, v.code`,
	`CREATE OR REPLACE MACRO units_near_unit(unit_code, radius) AS TABLE
  SELECT v.code, v.name, v.township, dist_km(v.lon, v.lat, u.lon, u.lat) AS km
  FROM v_village v, v_village u WHERE u.code = unit_code AND v.code <> u.code
    AND dist_km(v.lon, v.lat, u.lon, u.lat) <= radius
  ORDER BY km, v.code`
];

/**
 * Make the spatial functions callable on this connection for the dataset it holds now. Needs
 * the dataset's tables and `schema.ts`'s views (`v_village`, `dist_km`) to be loaded.
 */
export function installSpatialFunctions(conn: SyncConnection): void {
	const index = readIndex(conn);
	const state = registered.get(conn);
	if (state) state.index = index;
	else {
		const fresh = { index };
		registerScalars(conn, fresh);
		registered.set(conn, fresh);
	}
	// Site ordinals as the index numbers them (sites ordered by id).
	conn.query(`CREATE OR REPLACE TABLE _va_site AS
  SELECT (row_number() OVER (ORDER BY id) - 1)::DOUBLE AS ord, id FROM site`);
	for (const m of [...SPATIAL_MACROS, ...HOTSPOT_SCHEMA]) conn.query(m);
}
