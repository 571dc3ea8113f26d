/**
 * The view's filters as the crossfilter sees them. A filter on the indicator the map shows (or,
 * at township level, on townships) is the map's own — made by clicking its legend — so its
 * clause has the map as source and does not filter the map: the picked units stay coloured and
 * the rest fade. Any other filter filters every view, the map included.
 *
 * Predicates run over villages (`v_village`: `code`, `township_code`); indicator filters use the
 * same per-village values as the map (derived indicators included), for the view's year.
 */
import type { IndicatorMeta } from '$lib/data/contract';
import { villageValuesSql, type IndicatorValues } from '$lib/data/queries/indicator-values';
import type { SqlFragment } from '$lib/data/sql-fragment';
import type { SqlParam } from '$lib/data/connector';
import type { Legend } from '$lib/analysis/legend';
import {
	filterToClause,
	TOWNSHIP_FIELD,
	VILLAGE_FIELD,
	type FilterSpec
} from '$lib/crossfilter/filters';
import type { Clause } from '$lib/crossfilter/selection';
import type { View } from './view-defaults';

/** The filter the map made itself (a legend pick), if any. */
export function ownFilter(view: View): FilterSpec | undefined {
	const field = view.level === 'township' ? TOWNSHIP_FIELD : view.indicator;
	if (view.level === 'county') return undefined;
	return view.filters.find((f) => f.field === field);
}

/** Whether row `i` of the map's answer passes `spec` (computed from the answer, no query). */
export function passesFilter(
	spec: FilterSpec,
	view: View,
	values: IndicatorValues,
	i: number
): boolean {
	if (spec.field === TOWNSHIP_FIELD || spec.field === VILLAGE_FIELD)
		return spec.values.includes(values.codes[i] ?? '');
	const v = values.values[i];
	if (spec.op === 'in') {
		const t = values.texts[i] ?? (v === null || v === undefined ? null : String(v));
		return t !== null && spec.values.map(String).includes(t);
	}
	if (v === null || v === undefined) return false;
	const [lo, hi] = spec.values as (number | null)[];
	return (
		(lo === null || lo === undefined || v >= lo) && (hi === null || hi === undefined || v < hi)
	);
}

/** The predicate for a filter on an indicator: villages whose value that year passes it. */
function indicatorPredicate(spec: FilterSpec, meta: IndicatorMeta, year: number): SqlFragment {
	const src = villageValuesSql(meta, year);
	let test: string;
	let params: SqlParam[];
	if (spec.op === 'in') {
		const marks = spec.values.map(() => '?').join(', ');
		// Categories compare as text; flags and years (values 0/1, 2018) as numbers.
		test = meta.kind === 'category' ? `text IN (${marks})` : `value IN (${marks})`;
		params = spec.values.map((v) => (meta.kind === 'category' ? String(v) : Number(v)));
	} else {
		const [lo, hi] = spec.values as (number | null)[];
		const parts: string[] = [];
		params = [];
		if (lo !== null && lo !== undefined) {
			parts.push('value >= ?');
			params.push(lo);
		}
		if (hi !== null && hi !== undefined) {
			parts.push('value < ?');
			params.push(hi);
		}
		test = parts.length ? parts.join(' AND ') : 'value IS NOT NULL';
	}
	return {
		sql: `code IN (SELECT code FROM (${src.sql}) AS fv WHERE ${test})`,
		params: [...src.params, ...params]
	};
}

/** The linked charts, each exempt from the clauses it draws itself as a selection. */
export interface ChartClients {
	/** Draws a range on the map's indicator (its brush): not filtered by one. */
	histogram?: unknown;
	/** Draws a pick of townships: not filtered by one. */
	townships?: unknown;
}

/**
 * One clause per filter of the view; the map's own filter has `mapSource` as its source. A range
 * or categories of the map's indicator (legend pick or histogram brush, one selection) does not
 * filter the histogram; a pick of townships does not filter the township bars.
 */
export function filterClauses(
	view: View,
	catalogue: readonly IndicatorMeta[],
	mapSource: unknown,
	charts: ChartClients = {}
): Clause[] {
	const own = ownFilter(view);
	const out: Clause[] = [];
	for (const spec of view.filters) {
		const source = spec === own ? mapSource : `filter:${spec.field}`;
		const chart =
			spec.field === TOWNSHIP_FIELD
				? charts.townships
				: spec.field === view.indicator
					? charts.histogram
					: undefined;
		const exempt = chart ? [chart] : undefined;
		if (spec.field === TOWNSHIP_FIELD || spec.field === VILLAGE_FIELD) {
			out.push({ ...filterToClause(spec, view.year, source), exempt });
			continue;
		}
		const meta = catalogue.find((m) => m.key === spec.field);
		if (!meta) continue; // a filter on an indicator this dataset lacks selects nothing to drop
		out.push({
			source,
			field: spec.field,
			op: spec.op,
			value: spec.values,
			predicate: indicatorPredicate(spec, meta, view.year),
			label: `${meta.label_zh} ${spec.values.join('–')}`,
			exempt
		});
	}
	return out;
}

/** The filter a click on legend class `key` asks for, or null where picking makes no sense. */
export function legendPickToFilter(
	view: View,
	legend: Legend,
	key: string,
	values: IndicatorValues | null,
	classOf: ArrayLike<number> | null
): FilterSpec | null {
	const index = legend.classes.findIndex((c) => c.key === key);
	const cls = legend.classes[index];
	if (!cls) return null;
	if (view.level === 'township') {
		if (!values || !classOf) return null;
		const codes = values.codes.filter((_, i) => classOf[i] === index);
		return codes.length ? { field: TOWNSHIP_FIELD, op: 'in', values: codes } : null;
	}
	if (view.level !== 'village') return null;
	if (legend.kind === 'categorical') {
		return cls.category === undefined
			? null
			: { field: view.indicator, op: 'in', values: [cls.category] };
	}
	return { field: view.indicator, op: 'range', values: [cls.min ?? null, cls.max ?? null] };
}
