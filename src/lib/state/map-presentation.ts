/**
 * What the map screen's panels show, derived from the view and the one legend object: legend
 * rows, picker options, the title and the tooltip lines, in the chosen language. Pure.
 */
import type { IndicatorMeta, Theme } from '$lib/data/contract';
import { statsFor, type Stat } from '$lib/data/queries/indicator-values';
import { rgbaToCss } from '$lib/analysis/palette';
import { categoryLabel } from '$lib/analysis/category-labels';
import { derivedIndicator } from '$lib/analysis/derived-indicators';
import { formatCount, formatPercent, formatterFor, type Label } from '$lib/analysis/format';
import { DEFINITIONS, sourcesOf } from '$lib/analysis/definitions';
import type { Manifest } from '$lib/data/contract';
import type { Legend } from '$lib/analysis/legend';
import type { Lang } from './messages';
import type { ChoroplethResult } from './choropleth-client';
import { categoriesOf, indicatorsOf, methodsFor, type Level, type View } from './view-defaults';

export interface LegendItem {
	key: string;
	label: string;
	color: string;
	count: number;
	picked: boolean;
	noData?: boolean;
	/** Bounds of a numeric class: lower included, upper excluded; absent where open. */
	min?: number;
	max?: number;
}

/** Legend rows in legend order, the no-data row last when any unit has no data. */
export function legendItems(legend: Legend, picked: ReadonlySet<string>, lang: Lang): LegendItem[] {
	const items: LegendItem[] = legend.classes.map((c) => ({
		key: c.key,
		label: c.label[lang],
		color: rgbaToCss(c.color),
		count: c.count,
		picked: picked.has(c.key),
		min: c.min,
		max: c.max
	}));
	if (legend.noData.count > 0) {
		items.push({
			key: '__nodata__',
			label: legend.noData.label[lang],
			color: rgbaToCss(legend.noData.color),
			count: legend.noData.count,
			picked: false,
			noData: true
		});
	}
	return items;
}

export function metaLabel(meta: Pick<IndicatorMeta, 'label_zh' | 'label_en'>, lang: Lang): string {
	return lang === 'zh' ? meta.label_zh : meta.label_en;
}

/** The indicator picker's options: the theme's indicators. */
export function indicatorOptions(catalogue: readonly IndicatorMeta[], theme: Theme, lang: Lang) {
	return indicatorsOf(catalogue, theme).map((m) => ({ value: m.key, label: metaLabel(m, lang) }));
}

/** Category options for a category roll-up, named in the chosen language. */
export function categoryOptions(meta: IndicatorMeta, level: Level, lang: Lang) {
	if (meta.kind !== 'category' || level === 'village') return [];
	const extra: Record<string, Label> = {};
	for (const c of derivedIndicator(meta.key)?.categories ?? []) extra[c.key] = c.label;
	return categoriesOf(meta).map((c) => ({ value: c, label: categoryLabel(c, extra)[lang] }));
}

export function panelChoices(meta: IndicatorMeta, view: View) {
	return {
		stats: statsFor(meta, view.level) as Stat[],
		methods: methodsFor(meta, view.level, view.stat)
	};
}

/** A unit's value as the tooltip writes it. */
export function formatValue(
	meta: IndicatorMeta,
	view: View,
	r: ChoroplethResult,
	row: number,
	lang: Lang
): string {
	const cls = r.legend.classes[r.classOf[row] ?? -1];
	if (r.legend.kind === 'categorical') return cls?.label[lang] ?? r.legend.noData.label[lang];
	const v = r.values.values[row];
	if (v === null || v === undefined) return r.legend.noData.label[lang];
	if (view.stat === 'share') return formatPercent(v);
	if (view.stat === 'count') return formatCount(v);
	const unit = meta.unit && meta.kind !== 'amount' && meta.kind !== 'year' ? ` ${meta.unit}` : '';
	return formatterFor(meta.kind)(v, lang) + unit;
}

/** Whether a dataset's indicator values are generated sample data (its provenance says so). */
export function indicatorsGenerated(manifest: Manifest): boolean {
	return manifest.provenance.generated.some((g) => g.startsWith('indicator'));
}

/** The definitions panel's rows for a theme's indicators, in the chosen language. */
export function definitionItems(
	catalogue: readonly IndicatorMeta[],
	theme: Theme,
	manifest: Manifest,
	lang: Lang
) {
	const years = `${Math.min(...manifest.years)}–${Math.max(...manifest.years)}`;
	const generated = indicatorsGenerated(manifest);
	return indicatorsOf(catalogue, theme).map((m) => ({
		key: m.key,
		label: metaLabel(m, lang),
		definition:
			lang === 'en'
				? (DEFINITIONS[m.key]?.en ?? m.description_zh ?? '')
				: (m.description_zh ?? DEFINITIONS[m.key]?.en ?? ''),
		unit: m.unit,
		years,
		sources: sourcesOf(m.key).map((s) => `${s.title[lang]}（${s.issuer[lang]}）`),
		generated
	}));
}
