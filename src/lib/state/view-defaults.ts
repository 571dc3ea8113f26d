/**
 * The map view, complete: what a URL leaves out is filled with the dataset's defaults, and what
 * it gets wrong (an indicator the dataset lacks, a method that does not fit the indicator, a
 * year outside the data) falls back to them — so any URL opens a sensible map. Pure.
 *
 * Defaults: each theme opens on its headline indicator; categories and flags are classed by
 * category; an indicator with policy bands (collective income) by its bands; other numbers at
 * village level by the catalogue's own breaks, and at township or county level (where sums
 * outgrow village breaks) by quantiles.
 */
import { THEMES, type IndicatorMeta, type Theme } from '$lib/data/contract';
import { statsFor, defaultStat, type Stat } from '$lib/data/queries/indicator-values';
import type { Method } from '$lib/analysis/classify/scheme';
import { POLICY_BANDS } from '$lib/analysis/classify/policy';
import { checkFilterSpec, type FilterSpec } from '$lib/crossfilter/filters';
import type { MapExtent } from '$lib/map/atlas-map';
import type { UrlState } from './url-state';

export type Level = 'village' | 'township' | 'county';
export const MAP_LEVELS: readonly Level[] = ['village', 'township', 'county'];

export interface View {
	theme: Theme;
	indicator: string;
	level: Level;
	year: number;
	compareYear?: number;
	method: Method;
	classes: number;
	/** Manual breaks, or the thresholds of policy bands; absent for the other methods. */
	breaks?: number[];
	stat: Stat;
	/** The category counted at township or county level (category indicators). */
	category?: string;
	filters: FilterSpec[];
	selected?: string;
	extent?: MapExtent;
}

/** Each theme's headline indicator. */
export const THEME_DEFAULTS: Readonly<Record<Theme, string>> = {
	poverty: 'poverty_status',
	collective: 'collective_income',
	party: 'branch_status',
	relocation: 'relocated_households'
};

export const DEFAULT_CLASSES = 5;

/** The categories of a category indicator in legend order (its `default_classes`). */
export function categoriesOf(meta: Pick<IndicatorMeta, 'default_classes'>): string[] {
	try {
		const list: unknown = JSON.parse(meta.default_classes);
		return Array.isArray(list) ? list.map(String) : [];
	} catch {
		return [];
	}
}

/** The catalogue's numeric breaks for an indicator, or none. */
function catalogueBreaks(meta: IndicatorMeta): number[] | undefined {
	const list = categoriesOf(meta).map(Number);
	return list.length && list.every(Number.isFinite) ? list : undefined;
}

/** Whether the map shows categories (not numbers) for this indicator, level and statistic. */
export function isCategorical(meta: IndicatorMeta, level: Level): boolean {
	return level === 'village' && (meta.kind === 'category' || meta.kind === 'flag');
}

/** The classification methods that fit, the default first. */
export function methodsFor(meta: IndicatorMeta, level: Level, stat: Stat): Method[] {
	if (isCategorical(meta, level)) return ['categorical'];
	const policy =
		POLICY_BANDS[meta.key] && (level === 'village' || stat === 'mean' || stat === 'median');
	const numeric: Method[] = ['quantile', 'equal', 'ckmeans', 'manual'];
	if (policy) return ['policy', ...numeric];
	if (level === 'village' && meta.kind === 'year') return ['categorical', ...numeric];
	if (level === 'village' && catalogueBreaks(meta))
		return ['manual', 'quantile', 'equal', 'ckmeans'];
	return numeric;
}

/** The indicators a theme offers, derived ones (poverty status…) first as the catalogue lists them. */
export function indicatorsOf(catalogue: readonly IndicatorMeta[], theme: Theme): IndicatorMeta[] {
	return catalogue.filter((m) => m.theme === theme);
}

function pickIndicator(url: UrlState, catalogue: readonly IndicatorMeta[]): IndicatorMeta {
	const byKey = (k: string | undefined) => catalogue.find((m) => m.key === k);
	const asked = byKey(url.indicator);
	if (asked && (!url.theme || asked.theme === url.theme)) return asked;
	const theme = url.theme ?? 'poverty';
	const meta = byKey(THEME_DEFAULTS[theme]) ?? indicatorsOf(catalogue, theme)[0] ?? catalogue[0];
	if (!meta) throw new Error('the dataset has no indicators');
	return meta;
}

/** The complete view for a URL over a dataset's catalogue and years. */
export function completeView(
	url: UrlState,
	catalogue: readonly IndicatorMeta[],
	years: readonly number[]
): View {
	const meta = pickIndicator(url, catalogue);
	const theme = (THEMES as readonly string[]).includes(meta.theme)
		? (meta.theme as Theme)
		: 'poverty';
	const level: Level = url.level ?? 'village';
	const latest = Math.max(...years);
	const year = url.year !== undefined && years.includes(url.year) ? url.year : latest;
	const stats = statsFor(meta, level);
	const stat =
		url.stat && (stats as string[]).includes(url.stat)
			? (url.stat as Stat)
			: defaultStat(meta, level);
	const methods = methodsFor(meta, level, stat);
	const method = url.method && methods.includes(url.method) ? url.method : (methods[0] as Method);
	const classes = url.classes ?? DEFAULT_CLASSES;
	const view: View = {
		theme,
		indicator: meta.key,
		level,
		year,
		method,
		classes,
		stat,
		filters: []
	};
	if (method === 'manual')
		view.breaks = url.breaks?.length ? url.breaks : (catalogueBreaks(meta) ?? []);
	if (method === 'policy' && url.breaks?.length) view.breaks = url.breaks;
	if (meta.kind === 'category' && level !== 'village') {
		const cats = categoriesOf(meta);
		view.category = url.category && cats.includes(url.category) ? url.category : cats[0];
	}
	if (url.compareYear !== undefined && years.includes(url.compareYear))
		view.compareYear = url.compareYear;
	for (const f of url.filters ?? []) {
		try {
			view.filters.push(checkFilterSpec(f));
		} catch {
			// A malformed filter in a hand-edited link is dropped, not fatal.
		}
	}
	if (url.selected) view.selected = url.selected;
	if (url.extent) view.extent = url.extent;
	return view;
}
