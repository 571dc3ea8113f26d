/**
 * The map's choropleth as a client of the coordinator: it asks for the chosen indicator's value
 * per unit under the current filter, classes the answer into ONE legend object and the colour
 * of every unit from that same legend, and hands both on — so the legend and the map cannot
 * disagree.
 *
 * Contract: `setView(view, meta)` says what to ask for (the owner then requests the query);
 * `query(filter)` gives the generic indicator query for that view and filter; `queryResult`
 * classes the rows and calls `onResult`. Units the filter leaves out are not in the legend
 * (its counts are the filtered units) and are drawn faded grey. The map's own clause (a legend
 * pick) does not filter the map: the picked units keep their colours, the others fade.
 */
import type { Table } from 'apache-arrow';
import type { IndicatorMeta } from '$lib/data/contract';
import type { SqlFragment } from '$lib/data/sql-fragment';
import {
	decodeIndicatorValues,
	indicatorValuesSql,
	type IndicatorValues
} from '$lib/data/queries/indicator-values';
import { buildLegend, colorsOf, type Legend, type LegendInput } from '$lib/analysis/legend';
import { POLICY_BANDS } from '$lib/analysis/classify/policy';
import { categoryLabel } from '$lib/analysis/category-labels';
import { derivedIndicator } from '$lib/analysis/derived-indicators';
import { formatterFor, formatCount, formatPercent, type Formatter } from '$lib/analysis/format';
import type { Label } from '$lib/analysis/format';
import type { Rgba } from '$lib/analysis/palette';
import type { Client } from '$lib/crossfilter/client';
import type { Selection } from '$lib/crossfilter/selection';
import { categoriesOf, type View } from './view-defaults';
import { ownFilter, passesFilter } from './view-filters';

export interface ChoroplethResult {
	view: View;
	values: IndicatorValues;
	legend: Legend;
	/** Class of each row of `values` (the legend's no-data index for no data), -1 if filtered out. */
	classOf: Int16Array;
	/** Legend class keys the map's own filter picks (empty: no pick). */
	picked: Set<string>;
	/** RGBA per row of `values`. */
	colors: Uint8Array;
	colorKey: string;
}

const FADED: readonly [number, number, number, number] = [225, 225, 222, 255];

/** How numbers of a view are written in the legend: shares as percent, counts as counts. */
function formatterOf(meta: IndicatorMeta, view: View): Formatter {
	if (view.stat === 'share') return formatPercent;
	if (view.stat === 'count') return formatCount;
	return formatterFor(meta.kind);
}

/** The classification input for a view over its rows (only the rows kept by the filter). */
export function legendInput(
	meta: IndicatorMeta,
	view: View,
	values: IndicatorValues,
	keep: number[]
): LegendInput {
	const vals = keep.map((i) => values.values[i] ?? null);
	if (view.method === 'categorical') {
		const derived = derivedIndicator(meta.key);
		const extra: Record<string, Label> = {};
		for (const c of derived?.categories ?? []) extra[c.key] = c.label;
		const categories = categoriesOf(meta);
		const texts = meta.kind === 'category' ? keep.map((i) => values.texts[i] ?? null) : undefined;
		const categoryLabels: Record<string, Label> = {};
		for (const c of categories) categoryLabels[c] = categoryLabel(c, extra);
		if (meta.kind === 'flag') {
			categoryLabels['0'] = { zh: `否（${meta.label_zh}）`, en: `No (${meta.label_en})` };
			categoryLabels['1'] = { zh: `是（${meta.label_zh}）`, en: `Yes (${meta.label_en})` };
		}
		// A derived indicator may colour its own categories (poverty status); else Okabe–Ito.
		const own = derived?.categories?.map((c) => c.color);
		const palette = own?.every((c) => !!c) ? (own as Rgba[]) : undefined;
		return {
			method: 'categorical',
			palette,
			texts,
			values: texts ? undefined : vals,
			categories,
			categoryLabels
		};
	}
	const format = formatterOf(meta, view);
	const better = meta.better;
	if (view.method === 'policy') {
		const spec = POLICY_BANDS[meta.key];
		const bands = spec && view.breaks?.length ? { ...spec, thresholds: view.breaks } : spec;
		return { method: 'policy', values: vals, bands, better };
	}
	if (view.method === 'manual')
		return { method: 'manual', values: vals, breaks: view.breaks ?? [], format, better };
	return { method: view.method, values: vals, k: view.classes, format, better };
}

export class ChoroplethClient implements Client {
	#view: View | null = null;
	#meta: IndicatorMeta | null = null;
	#seq = 0;

	constructor(
		readonly filterBy: Selection,
		private readonly onResult: (r: ChoroplethResult) => void,
		private readonly onError: (e: Error) => void = (e) => console.error(e)
	) {}

	setView(view: View, meta: IndicatorMeta): void {
		this.#view = view;
		this.#meta = meta;
	}

	query(filter: SqlFragment | null): SqlFragment | null {
		const view = this.#view;
		const meta = this.#meta;
		if (!view || !meta) return null;
		return indicatorValuesSql(meta, {
			key: meta.key,
			year: view.year,
			level: view.level,
			stat: view.stat,
			category: view.category,
			filter
		});
	}

	queryResult(table: Table): void {
		const view = this.#view;
		const meta = this.#meta;
		if (!view || !meta) return;
		this.onResult(classify(meta, view, decodeIndicatorValues(table), ++this.#seq));
	}

	queryError(e: Error): void {
		this.onError(e);
	}
}

/** Class the rows of one answer and colour them; pure apart from its inputs. */
export function classify(
	meta: IndicatorMeta,
	view: View,
	values: IndicatorValues,
	seq = 0
): ChoroplethResult {
	const keep: number[] = [];
	const keptAt = new Int32Array(values.codes.length).fill(-1);
	values.codes.forEach((_, i) => {
		if (values.inFilter[i]) keptAt[i] = keep.push(i) - 1;
	});
	const { legend, classOf: kept } = buildLegend(legendInput(meta, view, values, keep));
	const classOf = new Int16Array(values.codes.length).fill(-1);
	keep.forEach((row, j) => (classOf[row] = kept[j] as number));
	const keptColors = colorsOf(legend, kept);
	const colors = new Uint8Array(values.codes.length * 4);
	const own = ownFilter(view);
	const picked = new Set<string>();
	values.codes.forEach((_, i) => {
		if (classOf[i] === -1) return colors.set(FADED, i * 4);
		const j = keptAt[i]!;
		const rgba = keptColors.subarray(j * 4, j * 4 + 4);
		if (own && !passesFilter(own, view, values, i)) {
			// Faded: the class colour washed towards the ground, so the pick stands out.
			colors.set(
				[(rgba[0]! + 2 * 238) / 3, (rgba[1]! + 2 * 238) / 3, (rgba[2]! + 2 * 236) / 3, 255],
				i * 4
			);
		} else {
			colors.set(rgba, i * 4);
			if (own) picked.add(legend.classes[classOf[i]!]?.key ?? '');
		}
	});
	return { view, values, legend, classOf, picked, colors, colorKey: `${seq}` };
}
