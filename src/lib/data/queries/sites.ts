/**
 * Named SQL: the relocation sites of a year — resettlement communities (安置社区) and community
 * factories (社区工厂) — and seed 003's factory-gap list. A site exists from its `opened_year`
 * (a site without one always exists). Rows decode into flat typed arrays (lon/lat interleaved
 * in a Float64Array, numbers with NaN for null) that deck.gl takes as binary attributes.
 *
 * The rule's numbers come from `analysis/factory-rule.ts` as parameters and distances from the
 * `dist_km` macro (the same sphere as `geo/distance.ts`), so the SQL and the build's pure
 * functions judge alike. Which communities need a factory: 500+ households under the resettlement
 * rule; a smaller one of 100+ households is a rural concentration (农村人口集中区) and is held to
 * that rule, as the data build does. A factory with no `community_id` serves a village's rural
 * concentration, whose place the dataset does not record: it qualifies on size and season alone.
 */
import type { Table } from 'apache-arrow';
import type { Connector, SqlParam } from '../connector';
import { columnValues } from '../arrow-columns';
import {
	MIN_FACTORY_JOBS,
	MIN_MONTHS_OPERATING,
	QUALIFYING_RADIUS_KM,
	RESETTLEMENT_HOUSEHOLDS_NEEDING_FACTORY,
	RURAL_HOUSEHOLDS_NEEDING_FACTORY,
	type FactoryGap,
	type Settlement
} from '$lib/analysis/factory-rule';

/** How far a viable factory may lie for a gap to read `far` rather than `none` (factoryGap's). */
export const FAR_FACTORY_KM = 5;

/** Parameters shared by both queries: the year, then the rule. */
const RULE_PARAMS = `p AS (SELECT ?::INTEGER AS year, ?::DOUBLE AS radius_km,
    ?::INTEGER AS min_jobs, ?::INTEGER AS min_months,
    ?::INTEGER AS resettlement_hh, ?::INTEGER AS rural_hh, ?::DOUBLE AS far_km)`;

function ruleParams(year: number): SqlParam[] {
	return [
		year,
		QUALIFYING_RADIUS_KM,
		MIN_FACTORY_JOBS,
		MIN_MONTHS_OPERATING,
		RESETTLEMENT_HOUSEHOLDS_NEEDING_FACTORY,
		RURAL_HOUSEHOLDS_NEEDING_FACTORY,
		FAR_FACTORY_KM
	];
}

/** Every community open in the year, with the rule it falls under and its factory gap. */
export const COMMUNITIES_SQL = `WITH ${RULE_PARAMS},
  c AS (SELECT s.* FROM site s, p
        WHERE s.kind = 'resettlement' AND coalesce(s.opened_year, p.year) <= p.year),
  f AS (SELECT s.*, (coalesce(s.jobs, 0) >= p.min_jobs
          AND coalesce(s.months_operating, 0) >= p.min_months) AS viable
        FROM site s, p
        WHERE s.kind = 'factory' AND coalesce(s.opened_year, p.year) <= p.year),
  pairs AS (SELECT c.id, f.name, f.viable, dist_km(f.lon, f.lat, c.lon, c.lat) AS d FROM c, f),
  near AS (SELECT pairs.id, min(d) AS nearest_km, arg_min(pairs.name, d) AS nearest_factory,
             bool_or(d <= p.radius_km AND viable) AS qualified,
             bool_or(d <= p.radius_km) AS any_near,
             bool_or(viable AND d <= p.far_km) AS viable_far
           FROM pairs, p GROUP BY pairs.id)
SELECT c.id, c.name, c.township_code, t.name AS township, c.village_code, v.name AS village,
  c.lon, c.lat, c.households, c.people, c.opened_year,
  CASE WHEN c.households >= p.resettlement_hh THEN 'resettlement'
       WHEN c.households >= p.rural_hh THEN 'rural' END AS rule,
  CASE WHEN coalesce(n.qualified, false) THEN NULL WHEN n.any_near THEN 'small'
       WHEN n.viable_far THEN 'far' ELSE 'none' END AS gap,
  n.nearest_km, n.nearest_factory
FROM c CROSS JOIN p
LEFT JOIN near n ON n.id = c.id
LEFT JOIN region t ON t.code = c.township_code
LEFT JOIN region v ON v.code = c.village_code
ORDER BY c.id`;

/** Every factory open in the year, with its community and whether it counts for it. */
export const FACTORIES_SQL = `WITH ${RULE_PARAMS}
SELECT f.id, f.name, f.township_code, t.name AS township, f.village_code, v.name AS village,
  f.lon, f.lat, f.jobs, f.poor_employed, f.months_operating, f.community_id,
  c.name AS community, f.distance_km, f.opened_year,
  (coalesce(f.jobs, 0) >= p.min_jobs AND coalesce(f.months_operating, 0) >= p.min_months
    AND (c.id IS NULL OR dist_km(f.lon, f.lat, c.lon, c.lat) <= p.radius_km))::INTEGER AS qualifies
FROM site f CROSS JOIN p
LEFT JOIN site c ON c.id = f.community_id AND c.kind = 'resettlement'
LEFT JOIN region t ON t.code = f.township_code
LEFT JOIN region v ON v.code = f.village_code
WHERE f.kind = 'factory' AND coalesce(f.opened_year, p.year) <= p.year
ORDER BY f.id`;

/** The communities that need a qualifying factory and have none, largest first. */
export const FACTORY_GAPS_SQL = `SELECT * FROM (${COMMUNITIES_SQL})
WHERE rule IS NOT NULL AND gap IS NOT NULL ORDER BY households DESC, id`;

/** The largest community and factory of any year, so point sizes do not jump between years. */
export const SITE_SCALE_SQL = `SELECT
  max(households) FILTER (WHERE kind = 'resettlement') AS households,
  max(jobs) FILTER (WHERE kind = 'factory') AS jobs FROM site`;

interface SiteColumns {
	count: number;
	ids: string[];
	names: string[];
	townshipCodes: string[];
	/** Township and village names (the code where the region table has no name). */
	townships: string[];
	villageCodes: string[];
	villages: string[];
	/** lon, lat per site. */
	positions: Float64Array;
	openedYear: Float64Array;
}

export interface Communities extends SiteColumns {
	households: Float64Array;
	people: Float64Array;
	/** The rule a community is held to, or null when it is too small to need a factory. */
	rule: (Settlement | null)[];
	/** Why it has no qualifying factory, or null when one qualifies. */
	gap: (FactoryGap | null)[];
	/** Distance to the nearest factory open that year (NaN: none), and that factory's name. */
	nearestKm: Float64Array;
	nearestFactory: (string | null)[];
}

export interface Factories extends SiteColumns {
	jobs: Float64Array;
	poorEmployed: Float64Array;
	monthsOperating: Float64Array;
	communityIds: (string | null)[];
	communityNames: (string | null)[];
	/** Distance to its community as stored by the build (NaN: a rural concentration's factory). */
	distanceKm: Float64Array;
	/** 1 if it counts under seed 003's rule (for its community), else 0. */
	qualifies: Uint8Array;
}

export interface SiteSet {
	year: number;
	communities: Communities;
	factories: Factories;
	/** Largest households and jobs of any year: the top of the size scales. */
	scale: { households: number; jobs: number };
}

/** A row of the gap list (also what the console's question 4 answers). */
export interface FactoryGapRow {
	id: string;
	name: string;
	township: string;
	village: string;
	lon: number;
	lat: number;
	households: number;
	people: number | null;
	rule: Settlement;
	gap: FactoryGap;
	nearestKm: number | null;
	nearestFactory: string | null;
}

/** A numeric column with NaN for null (Vector.toArray would read null as 0). */
function numbers(t: Table, name: string): Float64Array {
	return Float64Array.from(columnValues<number | null>(t, name), (v) => (v == null ? NaN : v));
}

function strings(t: Table, name: string): (string | null)[] {
	return columnValues<string | null>(t, name).map((v) => (v == null ? null : String(v)));
}

function siteColumns(t: Table): SiteColumns {
	const lon = numbers(t, 'lon');
	const lat = numbers(t, 'lat');
	const positions = new Float64Array(t.numRows * 2);
	for (let i = 0; i < t.numRows; i++) {
		positions[i * 2] = lon[i] as number;
		positions[i * 2 + 1] = lat[i] as number;
	}
	const townshipCodes = strings(t, 'township_code').map((s) => s ?? '');
	const villageCodes = strings(t, 'village_code').map((s) => s ?? '');
	return {
		count: t.numRows,
		ids: strings(t, 'id').map((s) => s ?? ''),
		names: strings(t, 'name').map((s) => s ?? ''),
		townshipCodes,
		townships: strings(t, 'township').map((s, i) => s ?? (townshipCodes[i] as string)),
		villageCodes,
		villages: strings(t, 'village').map((s, i) => s ?? (villageCodes[i] as string)),
		positions,
		openedYear: numbers(t, 'opened_year')
	};
}

export function decodeCommunities(t: Table): Communities {
	return {
		...siteColumns(t),
		households: numbers(t, 'households'),
		people: numbers(t, 'people'),
		rule: strings(t, 'rule') as (Settlement | null)[],
		gap: strings(t, 'gap') as (FactoryGap | null)[],
		nearestKm: numbers(t, 'nearest_km'),
		nearestFactory: strings(t, 'nearest_factory')
	};
}

export function decodeFactories(t: Table): Factories {
	return {
		...siteColumns(t),
		jobs: numbers(t, 'jobs'),
		poorEmployed: numbers(t, 'poor_employed'),
		monthsOperating: numbers(t, 'months_operating'),
		communityIds: strings(t, 'community_id'),
		communityNames: strings(t, 'community'),
		distanceKm: numbers(t, 'distance_km'),
		qualifies: Uint8Array.from(numbers(t, 'qualifies'), (v) => (v === 1 ? 1 : 0))
	};
}

/** Communities and factories open in `year`, with the size scales of all years. */
export async function querySites(db: Connector, year: number): Promise<SiteSet> {
	const [c, f, s] = await Promise.all([
		db.query(COMMUNITIES_SQL, ruleParams(year)),
		db.query(FACTORIES_SQL, ruleParams(year)),
		db.query(SITE_SCALE_SQL)
	]);
	const scale = s.toArray()[0] as { households?: number | null; jobs?: number | null } | undefined;
	return {
		year,
		communities: decodeCommunities(c),
		factories: decodeFactories(f),
		scale: { households: Number(scale?.households ?? 0), jobs: Number(scale?.jobs ?? 0) }
	};
}

/** Seed 003's gap list for `year`: communities needing a qualifying factory that have none. */
export async function queryFactoryGaps(db: Connector, year: number): Promise<FactoryGapRow[]> {
	const t = await db.query(FACTORY_GAPS_SQL, ruleParams(year));
	const c = decodeCommunities(t);
	return c.ids.map((id, i) => {
		const km = c.nearestKm[i] as number;
		const people = c.people[i] as number;
		return {
			id,
			name: c.names[i] as string,
			township: c.townships[i] as string,
			village: c.villages[i] as string,
			lon: c.positions[i * 2] as number,
			lat: c.positions[i * 2 + 1] as number,
			households: c.households[i] as number,
			people: Number.isNaN(people) ? null : people,
			rule: c.rule[i] as Settlement,
			gap: c.gap[i] as FactoryGap,
			nearestKm: Number.isNaN(km) ? null : km,
			nearestFactory: c.nearestFactory[i] ?? null
		};
	});
}
