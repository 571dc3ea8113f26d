/**
 * Equal-interval classes: `k` classes of the same width from the smallest to the largest value.
 * Breaks are rounded to 12 significant digits so that a value written as a round number (0.3)
 * lands on the break it was meant to (not on 0.30000000000000004). Middle classes may be empty:
 * that is what equal intervals say about a skewed distribution.
 */
import { checkClassCount, countDistinct, sortedValues, tidyBreaks, type Values } from './values';

/** Breaks for `k` equal intervals over min..max (at most as many classes as distinct values). */
export function equalBreaks(values: Values, k: number): number[] {
	checkClassCount(k, 'equalBreaks');
	const sorted = sortedValues(values);
	const classes = Math.min(k, countDistinct(sorted));
	if (classes <= 1) return [];
	const min = sorted[0]!;
	const max = sorted[sorted.length - 1]!;
	const breaks = Array.from({ length: classes - 1 }, (_, i) =>
		Number((min + ((max - min) * (i + 1)) / classes).toPrecision(12))
	);
	return tidyBreaks(breaks, min);
}
