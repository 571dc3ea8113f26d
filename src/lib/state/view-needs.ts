/**
 * What a map view reads from the indicator table: the stored keys of its indicator and of every
 * indicator it filters on (derived ones by their inputs, ratios with their parts), in its year
 * and the year it is compared with. A dataset whose indicators come in parts loads these before
 * the view is asked (`data/indicator-parts.ts`). Pure.
 */
import { indicatorInputs } from '$lib/analysis/indicator-inputs';
import { TOWNSHIP_FIELD, VILLAGE_FIELD } from '$lib/crossfilter/filters';
import type { IndicatorMeta } from '$lib/data/contract';
import type { View } from './view-defaults';

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
