/**
 * What every classifier agrees on before it looks for breaks: which entries are values (finite
 * numbers; null, undefined, NaN and ±Infinity are no data and never get a class), and what a
 * valid number of classes is.
 */

/** Per-unit numbers as they come from a query: typed arrays or arrays with nulls. */
export type Values = ArrayLike<number | null | undefined>;

/** True for an entry that has a class: a finite number. */
export function isValue(v: number | null | undefined): v is number {
	return typeof v === 'number' && Number.isFinite(v);
}

/** The values (no-data entries left out), sorted ascending. */
export function sortedValues(values: Values): Float64Array {
	const out: number[] = [];
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (isValue(v)) out.push(v);
	}
	return Float64Array.from(out).sort();
}

/** How many different values a sorted array holds. */
export function countDistinct(sorted: ArrayLike<number>): number {
	let n = 0;
	for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) n++;
	return n;
}

/** Throws unless `k` is a whole number of classes ≥ 1; `method` names the caller in the message. */
export function checkClassCount(k: number, method: string): void {
	if (!Number.isInteger(k) || k < 1) {
		throw new RangeError(`${method}: k must be a whole number of classes ≥ 1, got ${k}`);
	}
}

/**
 * Breaks made fit for the interval rule: sorted, duplicates dropped, and nothing at or below the
 * smallest value (such a break would only make an empty first class).
 */
export function tidyBreaks(breaks: readonly number[], min = -Infinity): number[] {
	const sorted = [...breaks].sort((a, b) => a - b);
	return sorted.filter((b, i) => b > min && (i === 0 || b !== sorted[i - 1]));
}
