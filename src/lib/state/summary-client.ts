/**
 * A small client beside the map: how many villages the whole selection keeps. It makes no
 * clause of its own, so under crossfilter resolution every clause filters it — the legend pick
 * included, which the map itself is not filtered by.
 */
import type { Table } from 'apache-arrow';
import type { SqlFragment } from '$lib/data/sql-fragment';
import { decodeVillageCount, villageCountSql } from '$lib/data/queries/village-count';
import type { Client } from '$lib/crossfilter/client';
import type { Selection } from '$lib/crossfilter/selection';

export class SummaryClient implements Client {
	constructor(
		readonly filterBy: Selection,
		private readonly onResult: (r: { selected: number; total: number }) => void
	) {}

	query(filter: SqlFragment | null): SqlFragment {
		return villageCountSql(filter);
	}

	queryResult(table: Table): void {
		this.onResult(decodeVillageCount(table));
	}
}
