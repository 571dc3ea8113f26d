/**
 * What a map view reads from the indicator table: the stored keys of its indicator and of every
 * indicator it filters on (derived ones by their inputs, ratios with their parts), in its year
 * and the year it is compared with. A dataset whose indicators come in parts loads these before
 * the view is asked (`data/indicator-parts.ts`). Pure.
 */
import { indicatorInputs } from '$lib/analysis/indicator-inputs';
import { TOWNSHIP_FIELD, VILLAGE_FIELD } from '$lib/crossfilter/filters';
import type { IndicatorMeta } from '$lib/data/contract';
import type { UrlState } from './url-state';
import { completeView, type View } from './view-defaults';

export interface Needs {
	keys: string[];
	years: number[];
}

const PLACE_FIELDS = new Set([TOWNSHIP_FIELD, VILLAGE_FIELD]);

export function viewNeeds(
	view: Pick<View, 'indicator' | 'year' | 'compareYear' | 'filters'>,
	catalogue: readonly IndicatorMeta[]
): Needs {
	const fields = [view.indicator, ...view.filters.map((f) => f.field)];
	const keys = new Set(
		fields.filter((f) => !PLACE_FIELDS.has(f)).flatMap((f) => indicatorInputs(f, catalogue))
	);
	const years = view.compareYear === undefined ? [view.year] : [view.compareYear, view.year];
	return { keys: [...keys], years };
}

/** The years an indicator has data in: those all its stored inputs share, ascending. */
export function indicatorYears(
	key: string,
	catalogue: readonly IndicatorMeta[],
	yearsOf: (stored: string) => readonly number[]
): number[] {
	const [first, ...rest] = indicatorInputs(key, catalogue).map((k) => yearsOf(k));
	return (first ?? []).filter((y) => rest.every((ys) => ys.includes(y)));
}

/**
 * The URL's view completed over a dataset whose indicators may come in parts: in a year its
 * indicator has data in (else that indicator's latest), compared with another such year only.
 * `yearsOf` gives a stored key's years; without parts every key has all `years`.
 */
export function completeInYears(
	url: UrlState,
	catalogue: readonly IndicatorMeta[],
	years: readonly number[],
	yearsOf?: (stored: string) => readonly number[]
): View {
	const view = completeView(url, catalogue, years);
	if (!yearsOf) return view;
	const own = indicatorYears(view.indicator, catalogue, yearsOf);
	if (own.length === 0) return view;
	if (!own.includes(view.year)) return completeView(url, catalogue, own);
	if (view.compareYear !== undefined && !own.includes(view.compareYear)) {
		return { ...view, compareYear: undefined };
	}
	return view;
}
