/**
 * Named SQL: how many villages and communities a filter keeps, of all of them — the
 * "selected N of M" line that shows a selection's reach across every linked view.
 */
import type { Table } from 'apache-arrow';
import type { SqlFragment } from '../sql-fragment';
import { numericColumn } from '../arrow-columns';

export function villageCountSql(filter: SqlFragment | null): SqlFragment {
	const kept = filter ? `count(*) FILTER (WHERE coalesce((${filter.sql}), false))` : 'count(*)';
	return {
		sql: `SELECT ${kept}::INTEGER AS selected, count(*)::INTEGER AS total FROM v_village`,
		params: filter ? [...filter.params] : []
	};
}

export function decodeVillageCount(t: Table): { selected: number; total: number } {
	return {
		selected: numericColumn(t, 'selected')[0] ?? 0,
		total: numericColumn(t, 'total')[0] ?? 0
	};
}
