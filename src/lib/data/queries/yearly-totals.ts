/**
 * Named SQL: one row per year over every unit of the region — how many units report, how many
 * are poor villages, the collective income of all of them summed — a single pass over units ×
 * years × indicators. `npm run bench` times it as the aggregate query of issue 12, in the browser
 * and on the server engine.
 */
import type { Connector } from '../connector';
import { columnValues } from '../arrow-columns';

export const YEARLY_TOTALS_SQL = `SELECT year,
    count(DISTINCT code)::DOUBLE AS units,
    (count(*) FILTER (WHERE key = 'poor_village' AND value = 1))::DOUBLE AS poor_villages,
    sum(value) FILTER (WHERE key = 'collective_income') AS collective_income
  FROM indicator
  GROUP BY year
  ORDER BY year`;

export interface YearTotals {
	year: number;
	units: number;
	poorVillages: number;
	collectiveIncome: number | null;
}

export async function queryYearlyTotals(db: Connector): Promise<YearTotals[]> {
	const t = await db.query(YEARLY_TOTALS_SQL);
	const units = columnValues<number>(t, 'units');
	const poor = columnValues<number>(t, 'poor_villages');
	const income = columnValues<number | null>(t, 'collective_income');
	return columnValues<number>(t, 'year').map((year, i) => ({
		year,
		units: units[i] as number,
		poorVillages: poor[i] as number,
		collectiveIncome: income[i] ?? null
	}));
}
