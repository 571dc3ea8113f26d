/**
 * The histogram of the linked charts as a client of the coordinator: how the villages spread
 * over the current indicator's values in the view's year, among all villages and among those
 * the other views' filters keep. It always shows villages — the unit every indicator filter
 * tests — at any map level; at village level its bins are the legend's classes where those are
 * fixed (policy bands, manual breaks), else nice equal bins over all villages' values, so bars
 * keep their place while filters change; categories and flags get a bar per category.
 *
 * Its selection is the view filter on the current indicator — the same filter a legend pick
 * writes — so the two are one selection: `histogramSelection` reads it from the view,
 * `histogramFilters` writes a brush or a category pick back as the view's new filter list. The
 * clause for that filter must exempt this client (`Clause.exempt`) so the histogram is not
 * filtered by its own selection.
 *
 * Contract: `setView(view, meta)` says what to ask for and returns whether the query changed
 * (the owner then calls `coordinator.requestQuery`); `queryResult` decodes the newest answer
 * against the view it was asked for and calls `onResult`.
 */
import type { Table } from 'apache-arrow';
import type { IndicatorMeta } from '$lib/data/contract';
import type { SqlFragment } from '$lib/data/sql-fragment';
import { decodeHistogram, histogramSql, type HistogramBinning } from '$lib/data/queries/histogram';
import { policyBands, POLICY_BANDS } from '$lib/analysis/classify/policy';
import { manualBreaks } from '$lib/analysis/classify/manual';
import { categoryLabel } from '$lib/analysis/category-labels';
import { derivedIndicator } from '$lib/analysis/derived-indicators';
import {
	FLAG_LABELS,
	formatNumber,
	formatPercent,
	formatYear,
	formatYuanShort,
	type IndicatorKind,
	type Label,
	type Lang
} from '$lib/analysis/format';
import type { Client } from '$lib/crossfilter/client';
import type { Selection } from '$lib/crossfilter/selection';
import type { FilterSpec } from '$lib/crossfilter/filters';
import { categoriesOf, isCategorical, type View } from './view-defaults';

/** Bars of equal bins a numeric histogram aims at. */
export const EQUAL_BINS = 20;

export interface HistogramBin {
	key: string;
	/**
	 * Edges as drawn (numeric bins). The first bin also holds every value below it and the last
	 * every value above it; with legend breaks their outer edge is null (no edge to draw).
	 */
	lo: number | null;
	hi: number | null;
	/** The category (categorical bins): its text, or a flag's or year's value as text. */
	category: string | null;
	/** The category's name (categorical bins). */
	label: Label | null;
	/** Villages in the bin that the other views' filters keep. */
	n: number;
	/** All villages in the bin. */
	total: number;
}

export interface HistogramData {
	indicator: string;
	year: number;
	kind: IndicatorKind;
	mode: 'numeric' | 'categorical';
	/** Whether the bins are the legend's classes (policy bands, manual breaks, categories). */
	legendBins: boolean;
	bins: HistogramBin[];
	noData: { n: number; total: number };
}

/** A numeric selection: `[lo, hi)`, null for an open end. */
export type HistogramRange = [number | null, number | null];

/** How the histogram of a view bins its villages. */
export function histogramBinning(view: View, meta: IndicatorMeta): HistogramBinning {
	if (isCategorical(meta, 'village') || (view.level === 'village' && view.method === 'categorical'))
		return { kind: 'categories' };
	const spec = POLICY_BANDS[meta.key];
	const village = view.level === 'village';
	if (spec && (!village || view.method === 'policy')) {
		const custom = village && view.breaks?.length ? { ...spec, thresholds: view.breaks } : spec;
		return { kind: 'breaks', breaks: policyBands(custom).breaks };
	}
	if (village && view.method === 'manual' && view.breaks?.length)
		return { kind: 'breaks', breaks: manualBreaks(view.breaks) };
	const whole = meta.kind === 'count' || meta.kind === 'year';
	return { kind: 'equal', count: EQUAL_BINS, minStep: whole ? 1 : 0 };
}

/** Names of an indicator's categories, as the legend names them. */
function categoryName(meta: IndicatorMeta, category: string): Label {
	if (meta.kind === 'flag' && FLAG_LABELS[category]) {
		const yes = category === '1';
		return {
			zh: `${yes ? '是' : '否'}（${meta.label_zh}）`,
			en: `${yes ? 'Yes' : 'No'} (${meta.label_en})`
		};
	}
	const extra: Record<string, Label> = {};
	for (const c of derivedIndicator(meta.key)?.categories ?? []) extra[c.key] = c.label;
	return categoryLabel(category, extra);
}

/** Categories in legend order (the catalogue's), then any others found, sorted. */
function orderCategories(meta: IndicatorMeta, found: string[]): string[] {
	const listed = categoriesOf(meta);
	const rest = found.filter((c) => !listed.includes(c)).sort();
	return [...listed.filter((c) => found.includes(c)), ...rest];
}

/** The plain data of one answer, for the view it was asked for. */
export function decodeHistogramData(
	table: Table,
	view: View,
	meta: IndicatorMeta,
	binning: HistogramBinning
): HistogramData {
	const rows = decodeHistogram(table);
	const none = rows.find((r) => r.bin < 0);
	const base = {
		indicator: meta.key,
		year: view.year,
		kind: meta.kind as IndicatorKind,
		noData: { n: none?.n ?? 0, total: none?.total ?? 0 }
	};
	const binned = rows.filter((r) => r.bin >= 0);
	if (binning.kind === 'categories') {
		const byCat = new Map(binned.map((r) => [r.text ?? String(r.value), r]));
		const bins = orderCategories(meta, [...byCat.keys()]).map((c) => {
			const r = byCat.get(c);
			const label = categoryName(meta, c);
			return { key: c, lo: null, hi: null, category: c, label, n: r?.n ?? 0, total: r?.total ?? 0 };
		});
		return { ...base, mode: 'categorical', legendBins: true, bins };
	}
	const bins = binned.map((r) => ({
		key: `${r.lo ?? ''}..${r.hi ?? ''}`,
		lo: r.lo,
		hi: r.hi,
		category: null,
		label: null,
		n: r.n,
		total: r.total
	}));
	return { ...base, mode: 'numeric', legendBins: binning.kind === 'breaks', bins };
}

/**
 * A number short enough for a chart axis: yuan in 万 (zh) or k/M (en) without the unit, shares
 * as percent, years plain, other counts with 万 (zh, from 10,000) or k/M (en, from 1,000).
 */
export function axisNumber(n: number, kind: IndicatorKind | 'share', lang: Lang): string {
	if (kind === 'ratio' || kind === 'share') return formatPercent(n);
	if (kind === 'year') return formatYear(n);
	if (Math.abs(n) < 1 && kind === 'amount') return '0'; // the empty-shell edge (> 0 yuan)
	// 万 from ten thousand in Chinese; k from a thousand in English.
	if (kind === 'amount' || Math.abs(n) >= (lang === 'zh' ? 1e4 : 1e3)) {
		const short = formatYuanShort(n, lang);
		return lang === 'zh' ? `${short}万` : short;
	}
	return formatNumber(n);
}

/** The range a run of bins `from…to` selects: an outer bin leaves its end open. */
export function binsToRange(data: HistogramData, from: number, to: number): HistogramRange | null {
	const [a, b] = from <= to ? [from, to] : [to, from];
	const first = data.bins[Math.max(0, a)];
	const last = data.bins[Math.min(data.bins.length - 1, b)];
	if (!first || !last || data.mode !== 'numeric') return null;
	const lo = a <= 0 ? null : first.lo;
	const hi = b >= data.bins.length - 1 ? null : last.hi;
	return lo === null && hi === null ? null : [lo, hi];
}

/** What the view's filter on its indicator selects, as the histogram marks it. */
export function histogramSelection(view: View): {
	range: HistogramRange | null;
	categories: string[];
} {
	const f = view.filters.find((x) => x.field === view.indicator);
	if (f?.op === 'range') {
		const [lo, hi] = f.values as (number | null)[];
		return { range: [lo ?? null, hi ?? null], categories: [] };
	}
	return { range: null, categories: f?.op === 'in' ? f.values.map(String) : [] };
}

/** The view's filters with its indicator's filter set to `pick` (null or [] removes it). */
export function histogramFilters(view: View, pick: HistogramRange | string[] | null): FilterSpec[] {
	const others = view.filters.filter((f) => f.field !== view.indicator);
	if (!pick || pick.length === 0) return others;
	if (pick.every((v) => typeof v === 'string'))
		return [...others, { field: view.indicator, op: 'in', values: [...pick] }];
	const [lo, hi] = pick as HistogramRange;
	if (lo === null && hi === null) return others;
	return [...others, { field: view.indicator, op: 'range', values: [lo, hi] }];
}

export class HistogramClient implements Client {
	#view: View | null = null;
	#meta: IndicatorMeta | null = null;
	#key = '';
	/** What the newest query asked for: its answer is decoded against this, not a newer view. */
	#asked: { view: View; meta: IndicatorMeta; binning: HistogramBinning } | null = null;

	constructor(
		readonly filterBy: Selection,
		private readonly onResult: (d: HistogramData) => void,
		private readonly onError: (e: Error) => void = (e) => console.error(e)
	) {}

	/** Follow `view`; true when the histogram's query changed (then request a query). */
	setView(view: View, meta: IndicatorMeta): boolean {
		this.#view = view;
		this.#meta = meta;
		const key = JSON.stringify([meta.key, view.year, histogramBinning(view, meta)]);
		const changed = key !== this.#key;
		this.#key = key;
		return changed;
	}

	query(filter: SqlFragment | null): SqlFragment | null {
		const view = this.#view;
		const meta = this.#meta;
		if (!view || !meta) return null;
		const binning = histogramBinning(view, meta);
		this.#asked = { view, meta, binning };
		return histogramSql(meta, { year: view.year, binning, filter });
	}

	queryResult(table: Table): void {
		const a = this.#asked;
		if (a) this.onResult(decodeHistogramData(table, a.view, a.meta, a.binning));
	}

	queryError(e: Error): void {
		this.onError(e);
	}
}
