/**
 * Named SQL: poverty-exit status of every village and community in a year, and the count per
 * status. The CASE is the rule of `analysis/poverty-status.ts` written in SQL.
 */
import type { Connector } from '../connector';
import { columnValues } from '../arrow-columns';

const STATUS_CTE = `WITH p AS (
    SELECT code,
           max(value) FILTER (WHERE key = 'poor_village') AS poor,
           max(value) FILTER (WHERE key = 'exit_year') AS exit_year
    FROM indicator WHERE year = $1 GROUP BY code
  ), s AS (
    SELECT r.code, r.name, t.name AS township,
           CASE WHEN coalesce(p.poor, 0) <> 1 THEN 'never'
                WHEN p.exit_year IS NULL OR p.exit_year > $1 THEN 'poor'
                WHEN p.exit_year = $1 THEN 'exited_this_year'
                ELSE 'exited' END AS status,
           p.exit_year
    FROM region r
    LEFT JOIN region t ON t.code = r.parent_code
    LEFT JOIN p ON p.code = r.code
    WHERE r.level IN ('village', 'community')
  )`;

export const POVERTY_STATUS_SQL = `${STATUS_CTE}
  SELECT code, name, township, status, exit_year FROM s ORDER BY code`;

export const POVERTY_STATUS_COUNTS_SQL = `${STATUS_CTE}
  SELECT status, count(*)::INTEGER AS n FROM s GROUP BY status ORDER BY status`;

export interface VillageStatusRows {
	codes: string[];
	names: string[];
	townships: string[];
	statuses: string[];
	exitYears: (number | null)[];
}

/** Status of every village/community in `year`, as columns ordered by code. */
export async function queryPovertyStatus(db: Connector, year: number): Promise<VillageStatusRows> {
	const t = await db.query(POVERTY_STATUS_SQL, [year]);
	return {
		codes: columnValues<string>(t, 'code'),
		names: columnValues<string>(t, 'name'),
		townships: columnValues<string>(t, 'township'),
		statuses: columnValues<string>(t, 'status'),
		exitYears: columnValues<number | null>(t, 'exit_year')
	};
}

/** Number of villages/communities per status in `year`. */
export async function queryPovertyStatusCounts(
	db: Connector,
	year: number
): Promise<Record<string, number>> {
	const t = await db.query(POVERTY_STATUS_COUNTS_SQL, [year]);
	const out: Record<string, number> = {};
	for (const row of t.toArray()) out[String(row.status)] = Number(row.n);
	return out;
}
