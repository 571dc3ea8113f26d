/**
 * Local spatial statistics for hot-spot maps: where a value clusters, not only whether it does
 * (global Moran's I, morans-i.ts). Both statistics read the neighbour lists of geo/contiguity.ts.
 *
 * Local Moran's I (LISA, Anselin 1995), row-standardised weights wᵢⱼ = 1/kᵢ over kᵢ neighbours:
 *
 *   Iᵢ = zᵢ · Σⱼ wᵢⱼ zⱼ / m₂,   zᵢ = xᵢ − x̄,   m₂ = Σ zᵢ² / n,
 *
 * the product of the standardised value and its spatial lag (the Moran scatterplot's axes), so
 * Σ Iᵢ / n is the global I of morans-i.ts when every unit has a neighbour. PySAL's esda scales
 * by n − 1 where we use n, so its values are (n − 1)/n of these.
 *
 * Getis–Ord Gi* with binary weights and the unit in its own neighbourhood (wᵢᵢ = 1, Wᵢ = kᵢ + 1):
 *
 *   Gi*ᵢ = (Σⱼ wᵢⱼ xⱼ − x̄ Wᵢ) / (S √((n Wᵢ − Wᵢ²) / (n − 1))),   S the population sd,
 *
 * already a z-score, with a two-sided normal p-value.
 *
 * Significance by conditional permutation: xᵢ stays, its kᵢ neighbours are drawn without
 * replacement from the other n − 1 units; pseudo p = (M + 1) / (P + 1), M the draws at least as
 * extreme on the observed side. That is esda's folding, except that ties count on both sides:
 * 0/1 indicators tie often, and a tie is as extreme as the observation. Draws come from
 * geo/random.ts, so a seed gives the same map every time. Units without a value (null, NaN) are
 * left out with their links, exactly as if absent, and get NaN. A unit without neighbours, and
 * every unit when n < 3 or all values are equal, gets 0, p = 1 and 'ns': one unit is no cluster.
 */
import { createRandom, hashSeed, type Random } from '../geo/random';

export type LisaClass = 'HH' | 'LL' | 'HL' | 'LH' | 'ns';
export type HotspotClass = 'hot' | 'cold' | 'ns';

export interface LocalOptions {
	/** Conditional permutations per unit (default 999 for LISA, 0 for Gi*); 0: no test. */
	permutations?: number;
	/** Seed of the permutation stream (default 0). */
	seed?: number;
	/** Significance level (default 0.05): a unit is classified when p ≤ alpha. */
	alpha?: number;
}

/** Per unit, in input order; NaN (class 'ns') where the unit has no value. */
export interface LocalMoransI {
	/** Units with a value. */
	n: number;
	/** Local Moran's I. */
	I: Float64Array;
	/** zᵢ / √m₂, the scatterplot's x; I = standardised · lag. */
	standardised: Float64Array;
	/** Mean standardised value of the neighbours, the scatterplot's y (0 without neighbours). */
	lag: Float64Array;
	/** (I − mean of the permuted I) / their standard deviation. */
	z: Float64Array;
	/** Folded pseudo p-value of the conditional permutation test. */
	p: Float64Array;
	/** Quadrant of (standardised, lag) where p ≤ alpha, else 'ns'. */
	cluster: LisaClass[];
}

/** Per unit, in input order; NaN (class 'ns') where the unit has no value. */
export interface GetisOrdGiStar {
	/** Units with a value. */
	n: number;
	/** Gi*, a z-score. */
	z: Float64Array;
	/** Two-sided normal p-value of z. */
	p: Float64Array;
	/** Folded pseudo p-value of the permutation test, or null when no permutations were asked. */
	pSim: Float64Array | null;
	/** Sign of z where significant, judged by pSim when there is one (robust to skew), else p. */
	hotspot: HotspotClass[];
}

/** Complementary error function (Numerical Recipes' erfcc): relative error below 1.2e-7. */
export function erfc(x: number): number {
	const t = 1 / (1 + 0.5 * Math.abs(x));
	// prettier-ignore
	const poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 +
		t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 +
		t * (-0.82215223 + t * 0.17087277))))))));
	const tail = t * Math.exp(-x * x + poly);
	return x >= 0 ? tail : 2 - tail;
}

/** Standard normal cumulative distribution Φ(x). */
export function normalCdf(x: number): number {
	return 0.5 * erfc(-x / Math.SQRT2);
}

/**
 * The units with a value (`kept`, input indices; the rest of the module counts in these), their
 * values, their neighbours with a value (once each, never themselves), mean and population sd.
 */
function prepare(values: ArrayLike<number | null>, neighbours: readonly (readonly number[])[]) {
	const compact = new Int32Array(values.length).fill(-1);
	const kept: number[] = [];
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (v !== null && v !== undefined && !Number.isNaN(v)) compact[i] = kept.push(i) - 1;
	}
	const x = Float64Array.from(kept, (i) => values[i] as number);
	const links = kept.map((i, a) => {
		const linked = (neighbours[i] ?? []).map((j) => compact[j] ?? -1);
		return Int32Array.from(new Set(linked.filter((b) => b >= 0 && b !== a)));
	});
	const n = x.length;
	const mean = x.reduce((s, v) => s + v, 0) / Math.max(1, n);
	// Equal values are tested exactly: their float mean can miss them by an ulp, and the noise
	// divided by its own tiny spread would look like structure.
	const varies = x.some((v) => v !== x[0]);
	const sd = varies ? Math.sqrt(x.reduce((s, v) => s + (v - mean) ** 2, 0) / n) : 0;
	return { kept, x, links, mean, sd };
}

function settle(options: LocalOptions, permutations: number) {
	const p = options.permutations ?? permutations;
	if (!Number.isInteger(p) || p < 0)
		throw new RangeError(`permutations must be a whole number ≥ 0, got ${p}`);
	return { permutations: p, seed: options.seed ?? 0, alpha: options.alpha ?? 0.05 };
}

/** An array for every input unit: NaN where there is no value, `start` where there is. */
function column(length: number, kept: number[], start: number): Float64Array {
	const out = new Float64Array(length).fill(NaN);
	for (const i of kept) out[i] = start;
	return out;
}

function sumOf(x: Float64Array, at: Int32Array): number {
	let s = 0;
	for (const j of at) s += x[j]!;
	return s;
}

/**
 * Conditional permutation draws: fills `sims` with the statistic of the sums of k values drawn
 * without replacement from every unit but i. One pool serves all units (a fresh copy per unit
 * would be O(n²)): i is parked at its end, a partial Fisher–Yates shuffle of the rest picks k.
 */
function permuter(x: Float64Array, random: Random) {
	const n = x.length;
	const pool = Int32Array.from({ length: n }, (_, a) => a);
	const where = Int32Array.from(pool);
	const swap = (a: number, b: number) => {
		const u = pool[a]!;
		const v = pool[b]!;
		pool[a] = v;
		pool[b] = u;
		where[v] = a;
		where[u] = b;
	};
	return (i: number, k: number, sims: Float64Array, statistic: (sum: number) => number) => {
		swap(where[i]!, n - 1);
		for (let s = 0; s < sims.length; s++) {
			let total = 0;
			for (let t = 0; t < k; t++) {
				swap(t, t + Math.floor(random() * (n - 1 - t)));
				total += x[pool[t]!]!;
			}
			sims[s] = statistic(total);
		}
	};
}

/** z-score of `observed` among the permuted statistics, and its folded pseudo p-value. */
function judge(observed: number, sims: Float64Array): { z: number; p: number } {
	const count = sims.length;
	if (count === 0) return { z: 0, p: 1 };
	// Sums of the same values in another order may differ in the last bit: still a tie.
	const tol = 1e-9 * Math.max(1, Math.abs(observed));
	let above = 0;
	let below = 0;
	let mean = 0;
	for (const s of sims) {
		if (s >= observed - tol) above++;
		if (s <= observed + tol) below++;
		mean += s / count;
	}
	let ss = 0;
	for (const s of sims) ss += (s - mean) ** 2;
	const sd = Math.sqrt(ss / count);
	return {
		z: sd > tol ? (observed - mean) / sd : 0,
		p: (Math.min(above, below) + 1) / (count + 1)
	};
}

/** Local Moran's I of `values` over `neighbours` (as geo/contiguity.ts returns them). */
export function localMoransI(
	values: ArrayLike<number | null>,
	neighbours: readonly (readonly number[])[],
	options: LocalOptions = {}
): LocalMoransI {
	const { permutations, seed, alpha } = settle(options, 999);
	const { kept, x, links, mean, sd } = prepare(values, neighbours);
	const n = kept.length;
	const out: LocalMoransI = {
		n,
		I: column(values.length, kept, 0),
		standardised: column(values.length, kept, 0),
		lag: column(values.length, kept, 0),
		z: column(values.length, kept, 0),
		p: column(values.length, kept, 1),
		cluster: Array.from({ length: values.length }, () => 'ns')
	};
	if (n < 3 || sd === 0) return out;
	const draw = permuter(x, createRandom(hashSeed('local-morans-i', seed)));
	const sims = new Float64Array(permutations);
	kept.forEach((at, i) => {
		const zi = (x[i]! - mean) / sd;
		out.standardised[at] = zi;
		const k = links[i]!.length;
		if (k === 0) return;
		// Lag and permuted lags go through the same arithmetic, so equal sums tie exactly.
		const lagOf = (sum: number) => (sum / k - mean) / sd;
		const lag = lagOf(sumOf(x, links[i]!));
		const observed = zi * lag;
		out.lag[at] = lag;
		out.I[at] = observed;
		draw(i, k, sims, (sum) => zi * lagOf(sum));
		const { z, p } = judge(observed, sims);
		out.z[at] = z;
		out.p[at] = p;
		if (p <= alpha && observed !== 0)
			out.cluster[at] = zi > 0 ? (lag > 0 ? 'HH' : 'HL') : lag > 0 ? 'LH' : 'LL';
	});
	return out;
}

/** Getis–Ord Gi* of `values` over `neighbours`; permutation p-values when `permutations` > 0. */
export function getisOrdGiStar(
	values: ArrayLike<number | null>,
	neighbours: readonly (readonly number[])[],
	options: LocalOptions = {}
): GetisOrdGiStar {
	const { permutations, seed, alpha } = settle(options, 0);
	const { kept, x, links, mean, sd } = prepare(values, neighbours);
	const n = kept.length;
	const out: GetisOrdGiStar = {
		n,
		z: column(values.length, kept, 0),
		p: column(values.length, kept, 1),
		pSim: permutations > 0 ? column(values.length, kept, 1) : null,
		hotspot: Array.from({ length: values.length }, () => 'ns')
	};
	if (n < 3 || sd === 0) return out;
	const draw = permuter(x, createRandom(hashSeed('getis-ord-gi-star', seed)));
	const sims = new Float64Array(permutations);
	kept.forEach((at, i) => {
		const k = links[i]!.length;
		const w = k + 1;
		// A unit linked to every other has W = n: its neighbourhood is the whole map, no contrast.
		if (k === 0 || w >= n) return;
		const scale = sd * Math.sqrt((n * w - w * w) / (n - 1));
		const statistic = (sum: number) => (x[i]! + sum - mean * w) / scale;
		const gi = statistic(sumOf(x, links[i]!));
		out.z[at] = gi;
		out.p[at] = erfc(Math.abs(gi) / Math.SQRT2);
		if (out.pSim) {
			draw(i, k, sims, statistic);
			out.pSim[at] = judge(gi, sims).p;
		}
		if ((out.pSim ?? out.p)[at]! <= alpha && gi !== 0) out.hotspot[at] = gi > 0 ? 'hot' : 'cold';
	});
	return out;
}
