/**
 * The bar chart by township as a client of the coordinator: per township the current
 * indicator's roll-up in the view's year over the villages the other views' filters keep, and
 * how many villages that is. At township level it is the map's own number (the view's statistic
 * and category); at village or county level the indicator's default township statistic.
 *
 * Its selection is the view filter on townships (`{field: 'township', op: 'in'}`) — at township
 * level the same filter the legend writes — read by `townshipSelection` and written by
 * `townshipFilters`. The clause for that filter must exempt this client (`Clause.exempt`) so the
 * bars are not filtered by their own selection.
 *
 * Contract: as `HistogramClient` — `setView` returns whether the query changed; `queryResult`
 * decodes the newest answer against the view it was asked for and calls `onResult`.
 */
import type { Table } from 'apache-arrow';
import type { IndicatorMeta } from '$lib/data/contract';
import type { SqlFragment } from '$lib/data/sql-fragment';
import { defaultStat, type Stat } from '$lib/data/queries/indicator-values';
import {
	decodeTownshipBars,
	townshipBarsSql,
	type TownshipBars
} from '$lib/data/queries/township-bars';
import {
	formatCount,
	formatPercent,
	formatterFor,
	type Formatter,
	type IndicatorKind
} from '$lib/analysis/format';
import type { Client } from '$lib/crossfilter/client';
import type { Selection } from '$lib/crossfilter/selection';
import { TOWNSHIP_FIELD, type FilterSpec } from '$lib/crossfilter/filters';
import { categoriesOf, type View } from './view-defaults';

export interface TownshipBarsData extends TownshipBars {
	indicator: string;
	year: number;
	kind: IndicatorKind;
	stat: Stat;
}

/** The statistic and category the bars show for a view. */
export function barsStat(view: View, meta: IndicatorMeta): { stat: Stat; category?: string } {
	if (view.level === 'township') return { stat: view.stat, category: view.category };
	const stat = defaultStat(meta, 'township');
	const category = meta.kind === 'category' ? categoriesOf(meta)[0] : undefined;
	return category === undefined ? { stat } : { stat, category };
}

/** How a bar's number is written: shares as percent, counts as counts, else by the kind. */
export function barsFormatter(data: Pick<TownshipBarsData, 'kind' | 'stat'>): Formatter {
	if (data.stat === 'share') return formatPercent;
	if (data.stat === 'count') return formatCount;
	return formatterFor(data.kind);
}

/** The township codes the view's township filter selects (empty: none). */
export function townshipSelection(view: View): string[] {
	const f = view.filters.find((x) => x.field === TOWNSHIP_FIELD);
	return f ? f.values.map(String) : [];
}

/** The view's filters with the township filter set to `codes` ([] removes it). */
export function townshipFilters(view: View, codes: readonly string[]): FilterSpec[] {
	const others = view.filters.filter((f) => f.field !== TOWNSHIP_FIELD);
	return codes.length
		? [...others, { field: TOWNSHIP_FIELD, op: 'in', values: [...codes] }]
		: others;
}

export class TownshipBarsClient implements Client {
	#view: View | null = null;
	#meta: IndicatorMeta | null = null;
	#key = '';
	#asked: { view: View; meta: IndicatorMeta; stat: Stat } | null = null;

	constructor(
		readonly filterBy: Selection,
		private readonly onResult: (d: TownshipBarsData) => void,
		private readonly onError: (e: Error) => void = (e) => console.error(e)
	) {}

	/** Follow `view`; true when the bars' query changed (then request a query). */
	setView(view: View, meta: IndicatorMeta): boolean {
		this.#view = view;
		this.#meta = meta;
		const key = JSON.stringify([meta.key, view.year, barsStat(view, meta)]);
		const changed = key !== this.#key;
		this.#key = key;
		return changed;
	}

	query(filter: SqlFragment | null): SqlFragment | null {
		const view = this.#view;
		const meta = this.#meta;
		if (!view || !meta) return null;
		const { stat, category } = barsStat(view, meta);
		this.#asked = { view, meta, stat };
		return townshipBarsSql(meta, { year: view.year, stat, category, filter });
	}

	queryResult(table: Table): void {
		const a = this.#asked;
		if (!a) return;
		this.onResult({
			...decodeTownshipBars(table),
			indicator: a.meta.key,
			year: a.view.year,
			kind: a.meta.kind as IndicatorKind,
			stat: a.stat
		});
	}

	queryError(e: Error): void {
		this.onError(e);
	}
}
