/**
 * 强村带弱村 (seed 000): each weak village paired with one strong village, each strong village
 * taking at most its capacity of weak ones, so that the pairs are as short as possible in total.
 * Greedy pairing (each weak village takes the nearest free strong one) can be far from that, so
 * this is an optimal assignment: the Hungarian method (Kuhn–Munkres with potentials, O(n²·m))
 * on a rectangular cost matrix whose rows are the weak villages and whose columns are the strong
 * villages, each repeated `capacity` times, plus one "unpaired" column per weak village.
 *
 * The objective is lexicographic: first the most pairs possible, then, among all assignments
 * with that many pairs, the least total distance. It is one sum because an unpaired column
 * costs M = 1 + Σᵢ (longest allowed distance of weak village i), more than the total distance
 * of any assignment, so one more pair always beats any saving in kilometres. A pair beyond
 * `maxKm` costs 2M: some unpaired column is always free, so it is never chosen. Distances are
 * great-circle km (geo/distance.ts).
 */
import { distanceKm } from '../geo/distance';

export interface PairingSite {
	code: string;
	lon: number;
	lat: number;
}

export interface StrongSite extends PairingSite {
	/** How many weak villages this one can take; overrides the options' capacity. */
	capacity?: number;
}

export interface PairingOptions {
	/** Weak villages each strong village can take, unless it says otherwise; default 1. */
	capacity?: number;
	/** Pairs farther apart than this (km) are not allowed; default no limit. */
	maxKm?: number;
}

/**
 * Why a weak village is left unpaired: 'no-strong', there are no strong villages at all;
 * 'out-of-range', none within `maxKm`; 'no-capacity', every strong village within reach is full.
 */
export type UnpairedReason = 'no-capacity' | 'out-of-range' | 'no-strong';

export interface Pair {
	weak: string;
	strong: string;
	km: number;
}

export interface Pairing {
	/** Sorted by weak code. */
	pairs: Pair[];
	/** Σ km over the pairs. */
	totalKm: number;
	/** Sorted by code. */
	unpaired: { code: string; reason: UnpairedReason }[];
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function checkSite(s: PairingSite, what: string): void {
	if (!Number.isFinite(s.lon) || !Number.isFinite(s.lat))
		throw new RangeError(`pairVillages: ${what} ${s.code} has no valid coordinates`);
}

function checkCapacity(c: number, code: string): number {
	if (!Number.isInteger(c) || c < 0)
		throw new RangeError(`pairVillages: capacity of ${code} must be a whole number ≥ 0`);
	return c;
}

/**
 * Minimum-cost assignment of every row to a distinct column (rows ≤ columns), `cost(i, j)` with
 * 0-based indices. Returns the column of each row. The e-maxx formulation of the Hungarian
 * method: one row added per phase, a shortest augmenting path found Dijkstra-style on reduced
 * costs, potentials u, v kept so that every reduced cost stays ≥ 0.
 */
function assignRows(rows: number, cols: number, cost: (i: number, j: number) => number): number[] {
	const u = new Float64Array(rows + 1);
	const v = new Float64Array(cols + 1);
	const p = new Int32Array(cols + 1); // p[j]: row (1-based) holding column j; 0 = free
	const way = new Int32Array(cols + 1);
	const minv = new Float64Array(cols + 1);
	const used = new Uint8Array(cols + 1);
	for (let i = 1; i <= rows; i++) {
		p[0] = i;
		let j0 = 0;
		minv.fill(Infinity);
		used.fill(0);
		do {
			used[j0] = 1;
			const i0 = p[j0]!;
			let delta = Infinity;
			let j1 = 0;
			for (let j = 1; j <= cols; j++) {
				if (used[j]) continue;
				const cur = cost(i0 - 1, j - 1) - u[i0]! - v[j]!;
				if (cur < minv[j]!) {
					minv[j] = cur;
					way[j] = j0;
				}
				if (minv[j]! < delta) {
					delta = minv[j]!;
					j1 = j;
				}
			}
			for (let j = 0; j <= cols; j++) {
				if (used[j]) {
					const row = p[j]!;
					u[row] = u[row]! + delta;
					v[j] = v[j]! - delta;
				} else minv[j] = minv[j]! - delta;
			}
			j0 = j1;
		} while (p[j0] !== 0);
		do {
			const j1 = way[j0]!;
			p[j0] = p[j1]!;
			j0 = j1;
		} while (j0 !== 0);
	}
	const columnOf = new Array<number>(rows).fill(-1);
	for (let j = 1; j <= cols; j++) if (p[j]! > 0) columnOf[p[j]! - 1] = j - 1;
	return columnOf;
}

/**
 * Pair weak villages with strong ones: the most pairs possible, then the least total distance
 * (see above); every weak village not paired is returned with its reason.
 */
export function pairVillages(
	weak: readonly PairingSite[],
	strong: readonly StrongSite[],
	options: PairingOptions = {}
): Pairing {
	const maxKm = options.maxKm ?? Infinity;
	if (!(maxKm >= 0)) throw new RangeError('pairVillages: maxKm must be ≥ 0');
	const fallback = checkCapacity(options.capacity ?? 1, 'every strong village');
	weak.forEach((w) => checkSite(w, 'weak village'));
	strong.forEach((s) => checkSite(s, 'strong village'));
	const n = weak.length;
	const km = weak.map((w) => strong.map((s) => distanceKm(w.lon, w.lat, s.lon, s.lat)));
	const allowed = (i: number, s: number) => km[i]![s]! <= maxKm;

	// Column j < slots.length is a place at strong village slots[j]; the rest are "unpaired".
	const slots: number[] = [];
	strong.forEach((s, k) => {
		const capacity = checkCapacity(s.capacity ?? fallback, s.code);
		// More places than weak villages could never be filled: cap them to keep the matrix small.
		for (let c = 0; c < Math.min(capacity, n); c++) slots.push(k);
	});
	let M = 1;
	for (let i = 0; i < n; i++) {
		let longest = 0;
		strong.forEach((_, s) => {
			if (allowed(i, s)) longest = Math.max(longest, km[i]![s]!);
		});
		M += longest;
	}
	const cost = (i: number, j: number) => {
		const s = slots[j];
		if (s === undefined) return M;
		return allowed(i, s) ? km[i]![s]! : 2 * M;
	};
	const columnOf = assignRows(n, slots.length + n, cost);

	const pairs: Pair[] = [];
	const unpaired: Pairing['unpaired'] = [];
	weak.forEach((w, i) => {
		const s = slots[columnOf[i]!];
		if (s !== undefined && allowed(i, s)) {
			pairs.push({ weak: w.code, strong: strong[s]!.code, km: km[i]![s]! });
			return;
		}
		const reason: UnpairedReason =
			strong.length === 0
				? 'no-strong'
				: strong.some((_, k) => allowed(i, k))
					? 'no-capacity'
					: 'out-of-range';
		unpaired.push({ code: w.code, reason });
	});
	pairs.sort((a, b) => byCode(a.weak, b.weak));
	unpaired.sort((a, b) => byCode(a.code, b.code));
	return { pairs, totalKm: pairs.reduce((sum, p) => sum + p.km, 0), unpaired };
}
