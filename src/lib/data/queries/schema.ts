/**
 * Named SQL: the views and macros created after a dataset's tables are loaded. They give the
 * console and the map one vocabulary: `v_village`, one wide view per theme (`v_poverty`,
 * `v_collective`, `v_party`, `v_relocation`) and the offline spatial helper `dist_km`.
 */
import { EARTH_RADIUS_KM } from '../../geo/distance';
import { THEMES } from '../contract';

/** What the views need of a catalogue row (`IndicatorMeta`, or an indicator the app derives). */
type CatalogueLike = { key: string; theme: string; kind: string };
import { quoteIdent, quoteLiteral } from '../sql-quote';

/**
 * Great-circle distance in km between two lon/lat points: haversine on the mean Earth radius,
 * the same formula and radius as `geo/distance.ts#distanceKm` (a unit test runs both).
 */
export const DIST_KM_MACRO = `CREATE OR REPLACE MACRO dist_km(lon1, lat1, lon2, lat2) AS
  2 * ${EARTH_RADIUS_KM} * asin(sqrt(least(1,
    pow(sin(radians(lat2 - lat1) / 2), 2) +
    cos(radians(lat1)) * cos(radians(lat2)) * pow(sin(radians(lon2 - lon1) / 2), 2))))`;

/** Villages and communities with their township and label point. */
export const VILLAGE_VIEW = `CREATE OR REPLACE VIEW v_village AS
  SELECT r.code, r.name, r.full_name, r.level, r.parent_code AS township_code,
         t.name AS township, b.cx AS lon, b.cy AS lat, b.area_km2
  FROM region r
  LEFT JOIN region t ON t.code = r.parent_code
  LEFT JOIN boundary b ON b.code = r.code
  WHERE r.level IN ('village', 'community')`;

/** One wide view for a theme: a column per indicator key of that theme, a row per unit and year. */
export function themeViewSql(theme: string, catalogue: readonly CatalogueLike[]): string | null {
	const metas = catalogue.filter((m) => m.theme === theme);
	if (metas.length === 0) return null;
	const cols = metas.map((m) => {
		const filter = `FILTER (WHERE key = ${quoteLiteral(m.key)})`;
		const agg = m.kind === 'category' ? `any_value(text) ${filter}` : `max(value) ${filter}`;
		return `${agg} AS ${quoteIdent(m.key)}`;
	});
	return `CREATE OR REPLACE VIEW ${quoteIdent(`v_${theme}`)} AS
  SELECT code, year, ${cols.join(',\n    ')}
  FROM indicator GROUP BY code, year`;
}

/** Every statement to run after loading, in order. */
export function schemaStatements(catalogue: readonly CatalogueLike[]): string[] {
	const views = THEMES.map((t) => themeViewSql(t, catalogue)).filter((s): s is string => !!s);
	return [DIST_KM_MACRO, VILLAGE_VIEW, ...views];
}
