/**
 * Named SQL: the bar chart by township. Per township the current indicator's roll-up over the
 * villages a filter keeps — exactly the map's query at township level (`indicatorValuesSql`), so
 * a bar and the township's colour on the map are one number — plus how many of its villages
 * the filter keeps (`kept`) of all its villages (`villages`).
 */
import type { Table } from 'apache-arrow';
import type { SqlFragment } from '../sql-fragment';
import { columnValues } from '../arrow-columns';
import {
	decodeIndicatorValues,
	indicatorValuesSql,
	type IndicatorValues,
	type Stat,
	type ValuesMeta
} from './indicator-values';

export interface TownshipBarsRequest {
	year: number;
	/** Default: the indicator's default statistic at township level. */
	stat?: Stat;
	/** For `count`/`share` of a category indicator. */
	category?: string;
	/** Predicate over `v_village` (`code`, `township_code`, …). */
	filter?: SqlFragment | null;
}

export interface TownshipBars extends IndicatorValues {
	/** Villages of each township the filter keeps. */
	kept: number[];
	/** All villages of each township. */
	villages: number[];
}

/** Per township: the villages `filter` keeps and all its villages. */
function keptSql(filter: SqlFragment | null): SqlFragment {
	const test = filter ? `coalesce((${filter.sql}), false)` : 'true';
	return {
		sql: `SELECT township_code, (count(*) FILTER (WHERE ${test}))::INTEGER AS kept,
      count(*)::INTEGER AS villages FROM v_village GROUP BY township_code`,
		params: filter?.params ?? []
	};
}

/**
 * Columns of `indicatorValuesSql` at township level (`code, name, value, text, units,
 * in_filter, category`) plus `kept, villages`; a row per township, ordered by code.
 */
export function townshipBarsSql(meta: ValuesMeta, req: TownshipBarsRequest): SqlFragment {
	const filter = req.filter ?? null;
	const values = indicatorValuesSql(meta, {
		key: meta.key,
		year: req.year,
		level: 'township',
		stat: req.stat,
		category: req.category,
		filter
	});
	const kept = keptSql(filter);
	return {
		sql: `SELECT tv.*, coalesce(tk.kept, 0)::INTEGER AS kept, coalesce(tk.villages, 0)::INTEGER AS villages
  FROM (${values.sql}) AS tv LEFT JOIN (${kept.sql}) AS tk ON tk.township_code = tv.code
  ORDER BY tv.code`,
		params: [...values.params, ...kept.params]
	};
}

export function decodeTownshipBars(t: Table): TownshipBars {
	return {
		...decodeIndicatorValues(t),
		kept: columnValues<number>(t, 'kept').map(Number),
		villages: columnValues<number>(t, 'villages').map(Number)
	};
}
