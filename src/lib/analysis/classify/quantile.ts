/**
 * Quantile classes: about the same number of units in each. Each break is the value at rank
 * ⌊i·n/k⌋ of the sorted values, so breaks are data values and never interpolated. Ties stay in
 * one class (the interval rule puts every tied value above a break equal to it), so where ties
 * make two breaks equal they collapse into one and no empty class is invented.
 */
import { checkClassCount, sortedValues, tidyBreaks, type Values } from './values';

/** Breaks for at most `k` quantile classes (fewer with ties or fewer values than `k`). */
export function quantileBreaks(values: Values, k: number): number[] {
	checkClassCount(k, 'quantileBreaks');
	const sorted = sortedValues(values);
	const n = sorted.length;
	if (n === 0) return [];
	const breaks = Array.from({ length: k - 1 }, (_, i) => sorted[Math.floor(((i + 1) * n) / k)]!);
	return tidyBreaks(breaks, sorted[0]);
}
