/**
 * Global Moran's I: how much a value at a unit resembles the values of its neighbours, the
 * measure of spatial clustering the data build gates on and hot-spot analysis starts from.
 * Weights are row-standardised contiguity (each unit's neighbours share a weight of 1), so
 *
 *   I = (n / S0) · Σᵢ Σⱼ wᵢⱼ zᵢ zⱼ / Σᵢ zᵢ²,   zᵢ = xᵢ − x̄,   wᵢⱼ = 1 / |N(i)| for j in N(i),
 *
 * where S0, the sum of all weights, is the number of units with at least one neighbour. Near
 * +1: like values sit together; near the expectation −1/(n − 1): no pattern; toward −1: a
 * checkerboard. Units without a value (null, NaN) are left out along with their links, so a
 * theme measured only on villages is not diluted by communities that have no such indicator.
 */

export interface MoransI {
	/** Moran's I; NaN when it is undefined (fewer than 2 units, all values equal, no links). */
	I: number;
	/** Its expectation under no spatial pattern, −1/(n − 1). */
	expected: number;
	/** Units with a value. */
	n: number;
	/** Units with a value but no neighbour with a value: they contribute nothing. */
	islands: number;
}

/**
 * Moran's I of `values` (one per unit) under row-standardised weights from `neighbours`
 * (indices into `values`, as `contiguity` in geo/contiguity.ts returns them).
 */
export function moransI(
	values: ArrayLike<number | null>,
	neighbours: readonly (readonly number[])[]
): MoransI {
	const has = (v: number | null | undefined): v is number =>
		v !== null && v !== undefined && !Number.isNaN(v);
	const kept: number[] = [];
	for (let i = 0; i < values.length; i++) if (has(values[i])) kept.push(i);
	const n = kept.length;
	const expected = n > 1 ? -1 / (n - 1) : NaN;
	let mean = 0;
	for (const i of kept) mean += values[i] as number;
	mean /= Math.max(1, n);
	let denominator = 0;
	for (const i of kept) denominator += ((values[i] as number) - mean) ** 2;
	let numerator = 0;
	let s0 = 0;
	let islands = 0;
	for (const i of kept) {
		const linked = (neighbours[i] ?? []).filter((j) => has(values[j]));
		if (linked.length === 0) {
			islands++;
			continue;
		}
		s0 += 1;
		let lag = 0;
		for (const j of linked) lag += (values[j] as number) - mean;
		numerator += ((values[i] as number) - mean) * (lag / linked.length);
	}
	const I = n > 1 && s0 > 0 && denominator > 0 ? ((n / s0) * numerator) / denominator : NaN;
	return { I, expected, n, islands };
}
