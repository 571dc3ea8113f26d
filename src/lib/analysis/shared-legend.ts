/**
 * One legend for two years, so a change view draws both maps with the SAME classes and its
 * transition matrix counts moves between them.
 *
 * The rule: the classes are built once from both years together, never per year.
 * - Data-driven methods (quantile, equal, ckmeans) find their breaks over the two years' values
 *   pooled (each unit counted once per year). The breaks therefore depend on both years: moving
 *   either year recomputes them for the new pair, and both maps always share them.
 * - Manual breaks and policy bands are the breaks given, whatever either year holds.
 * - Categories follow the indicator's list, then any category met in either year, so a class
 *   that only one year has still has the same colour on both maps.
 *
 * Contract: `buildSharedLegend(scheme, a, b)` → `{ legend, a, b }`. `scheme` is a legend input
 * (`legend.ts`) whose method and parameters (k, breaks, bands, categories, labels, palette,
 * better) are used; its own `values`/`texts` are ignored. `a` and `b` carry each year's values
 * or texts per unit. `legend` has the shared classes and counts over both years; `a.legend` and
 * `b.legend` are the same classes (same keys, names, bounds, colours, breaks) with that year's
 * counts, and `a.classOf`/`b.classOf` are each unit's class by the one interval rule, the
 * no-data index being `legend.classes.length` as in `buildLegend`.
 */
import type { Texts } from './classify/categorical';
import type { Values } from './classify/values';
import { buildLegend, type Legend, type LegendInput } from './legend';

/** One year's data per unit: numbers, category texts, or both (as the scheme needs). */
export interface YearUnits {
	values?: Values;
	texts?: Texts;
}

export interface YearLegend {
	legend: Legend;
	classOf: Int16Array;
}

export interface SharedLegend {
	/** The shared classes; counts are over both years (each unit twice). */
	legend: Legend;
	a: YearLegend;
	b: YearLegend;
}

function concat<T>(x: ArrayLike<T>, y: ArrayLike<T>): T[] {
	return [...Array.from(x), ...Array.from(y)];
}

/**
 * The two years' units as one list (A then B), in the shape the scheme reads, and how many of
 * them are year A's. Categories are read from texts when both years have them, else values.
 */
function pooled(
	scheme: LegendInput,
	a: YearUnits,
	b: YearUnits
): { input: LegendInput; countA: number } {
	if (scheme.method === 'categorical' && a.texts && b.texts) {
		const input = { ...scheme, texts: concat(a.texts, b.texts), values: undefined };
		return { input, countA: a.texts.length };
	}
	if (!a.values || !b.values) {
		throw new Error(`buildSharedLegend: ${scheme.method} classes need both years' values`);
	}
	const values = concat(a.values, b.values);
	const input: LegendInput =
		scheme.method === 'categorical'
			? { ...scheme, texts: undefined, values }
			: { ...scheme, values };
	return { input, countA: a.values.length };
}

/** The shared legend with one year's counts. */
function yearLegend(legend: Legend, classOf: Int16Array): YearLegend {
	const counts = new Array<number>(legend.classes.length + 1).fill(0);
	for (const c of classOf) counts[c]!++;
	return {
		classOf,
		legend: {
			...legend,
			breaks: [...legend.breaks],
			classes: legend.classes.map((c, i) => ({ ...c, count: counts[i]! })),
			noData: { ...legend.noData, count: counts[legend.classes.length]! },
			total: classOf.length
		}
	};
}

/** One legend for two years; see the rule and the contract at the top of this file. */
export function buildSharedLegend(scheme: LegendInput, a: YearUnits, b: YearUnits): SharedLegend {
	const { input, countA } = pooled(scheme, a, b);
	const { legend, classOf } = buildLegend(input);
	return {
		legend,
		a: yearLegend(legend, classOf.slice(0, countA)),
		b: yearLegend(legend, classOf.slice(countA))
	};
}
