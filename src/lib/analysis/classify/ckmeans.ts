/**
 * Natural breaks: Ckmeans (Wang & Song 2011, optimal 1-D k-means by dynamic programming) from
 * simple-statistics, exact and O(k·n log n). Never its `jenks`: a heuristic, O(k·n²), which
 * answers null when k exceeds the values and can repeat a break (`[1, 7, 20, 20]` in its own
 * example). Each break is the smallest value of a cluster, so the interval rule gives back
 * exactly the clusters.
 */
import { ckmeans } from 'simple-statistics';
import { checkClassCount, countDistinct, sortedValues, tidyBreaks, type Values } from './values';

/** Breaks for at most `k` natural classes (no more than there are distinct values). */
export function ckmeansBreaks(values: Values, k: number): number[] {
	checkClassCount(k, 'ckmeansBreaks');
	const sorted = sortedValues(values);
	const classes = Math.min(k, countDistinct(sorted));
	if (classes <= 1) return [];
	const clusters = ckmeans(Array.from(sorted), classes);
	return tidyBreaks(
		clusters.slice(1).map((c) => c[0]!),
		sorted[0]
	);
}
