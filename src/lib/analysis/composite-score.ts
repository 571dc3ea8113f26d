/**
 * The planner's composite score: several indicators, each normalised to one scale and turned so
 * that higher is always better, averaged with the planner's weights and ranked (1 = best). Its
 * bottom share is seed 003's rectification list (每年倒排10%以上, the worst tenth or more each
 * year), its per-indicator contributions show which indicators pulled a village down, and rank
 * moves compare this year's ranking with last year's.
 *
 * Each indicator is normalised over the units that have a value for it:
 * - 'rank': percentile rank (r − 1)/(n − 1) in [0, 1], r the 1-based rank, tied values sharing
 *   their average rank; so an all-tied column, or a single value, gives ½.
 * - 'minmax': (x − min)/(max − min) in [0, 1]; a constant column gives ½, neither good nor bad.
 * - 'zscore': (x − mean)/sd with the population sd; a constant column gives 0, the mean.
 * A lower-better indicator is flipped (1 − x for rank and minmax, −z for zscore).
 *
 * A missing value (null or NaN) leaves that indicator out of that unit's score: the unit's
 * score is Σ wₖ·normₖ / Σ wₖ over the indicators it has, so a gap in the data neither helps nor
 * hurts and the unit is judged on what is known. A zero weight leaves the indicator out for
 * everyone. A unit with nothing left (Σ wₖ = 0) has score null and no rank: it is listed apart,
 * never silently ranked last or first.
 */

export type Direction = 'higher-better' | 'lower-better';
export type Normalisation = 'rank' | 'minmax' | 'zscore';

export interface ScoreIndicator {
	/** The indicator's key (indicator_meta.key), naming it in the output. */
	key: string;
	/** One value per unit, in the order of the units; null or NaN where it is missing. */
	values: ArrayLike<number | null>;
	/** Weight, ≥ 0; 0 leaves the indicator out. Only ratios matter. */
	weight: number;
	direction: Direction;
}

export interface UnitScore {
	code: string;
	/** Σ wₖ·normₖ / Σ wₖ over the indicators the unit has; null if it has none. */
	score: number | null;
	/** 1 = best; equal scores share the smaller rank (1, 2, 2, 4); null if unscored. */
	rank: number | null;
	/** Per indicator, in input order: wₖ·normₖ / Σ wₖ, summing to the score; null if left out. */
	contributions: (number | null)[];
}

export interface CompositeScore {
	/** The indicators' keys, in input order (the order of each unit's contributions). */
	keys: string[];
	/** One entry per unit, in input order. */
	units: UnitScore[];
	/** Units with a score, hence a rank. */
	ranked: number;
}

/**
 * Scores closer than this (relative to their size) are ties: the same data weighted 1/3 + 2/3
 * and 2/3 + 1/3 should not rank two villages apart by a rounding error.
 */
const TIE_TOLERANCE = 1e-9;

const isValue = (v: number | null | undefined): v is number =>
	v !== null && v !== undefined && !Number.isNaN(v);

/** One indicator's values normalised and turned so that higher is better; null where missing. */
export function normaliseValues(
	values: ArrayLike<number | null>,
	method: Normalisation,
	direction: Direction
): (number | null)[] {
	const present: number[] = [];
	for (let i = 0; i < values.length; i++) if (isValue(values[i])) present.push(i);
	const x = (i: number) => values[i] as number;
	const out: (number | null)[] = Array.from({ length: values.length }, () => null);
	const n = present.length;
	if (n === 0) return out;
	let min = Infinity;
	let max = -Infinity;
	for (const i of present) {
		min = Math.min(min, x(i));
		max = Math.max(max, x(i));
	}
	// A constant column is tested by its range, not its sd: the mean of equal floats need not
	// equal them, and a tiny spurious sd would blow rounding noise up into z-scores of ±1.
	const constant = min === max;
	const flip = direction === 'lower-better';
	if (method === 'rank') {
		const order = [...present].sort((a, b) => x(a) - x(b));
		for (let start = 0; start < n;) {
			let end = start;
			while (end + 1 < n && x(order[end + 1]!) === x(order[start]!)) end++;
			// The group's average 1-based rank is (start + end)/2 + 1, so p = (start + end)/2/(n − 1).
			const p = n === 1 ? 0.5 : (start + end) / 2 / (n - 1);
			for (let k = start; k <= end; k++) out[order[k]!] = flip ? 1 - p : p;
			start = end + 1;
		}
	} else if (method === 'minmax') {
		for (const i of present) {
			const m = constant ? 0.5 : (x(i) - min) / (max - min);
			out[i] = flip ? 1 - m : m;
		}
	} else {
		let mean = 0;
		for (const i of present) mean += x(i);
		mean /= n;
		let ss = 0;
		for (const i of present) ss += (x(i) - mean) ** 2;
		const sd = Math.sqrt(ss / n);
		for (const i of present) {
			const z = constant ? 0 : (x(i) - mean) / sd;
			out[i] = (flip ? -z : z) + 0; // + 0 turns a flipped −0 into 0
		}
	}
	return out;
}

/** Competition ranks of scores, 1 = highest; null scores stay unranked. */
function rankScores(scores: readonly (number | null)[]): (number | null)[] {
	const order = scores
		.map((s, i) => ({ s, i }))
		.filter((e): e is { s: number; i: number } => e.s !== null)
		.sort((a, b) => b.s - a.s);
	const ranks: (number | null)[] = scores.map(() => null);
	let rank = 0;
	let previous = NaN;
	order.forEach(({ s, i }, position) => {
		const tied = Math.abs(s - previous) <= TIE_TOLERANCE * Math.max(1, Math.abs(s));
		if (!tied) rank = position + 1;
		ranks[i] = rank;
		previous = s;
	});
	return ranks;
}

/** Score and rank `units` (codes) on `indicators` normalised by `method`. */
export function compositeScore(
	units: readonly string[],
	indicators: readonly ScoreIndicator[],
	method: Normalisation
): CompositeScore {
	for (const ind of indicators) {
		if (!Number.isFinite(ind.weight) || ind.weight < 0)
			throw new RangeError(`compositeScore: weight of ${ind.key} must be finite and ≥ 0`);
		if (ind.values.length !== units.length)
			throw new RangeError(
				`compositeScore: ${ind.key} has ${ind.values.length} values for ${units.length} units`
			);
	}
	const norms = indicators.map((ind) =>
		ind.weight > 0 ? normaliseValues(ind.values, method, ind.direction) : null
	);
	const scored = units.map((code, u) => {
		let weights = 0;
		for (let k = 0; k < indicators.length; k++)
			if (isValue(norms[k]?.[u])) weights += indicators[k]!.weight;
		const contributions = indicators.map((ind, k) => {
			const v = norms[k]?.[u];
			return isValue(v) && weights > 0 ? (ind.weight * v) / weights : null;
		});
		const score = weights > 0 ? contributions.reduce<number>((sum, c) => sum + (c ?? 0), 0) : null;
		return { code, score, contributions };
	});
	const ranks = rankScores(scored.map((s) => s.score));
	return {
		keys: indicators.map((ind) => ind.key),
		units: scored.map((s, u) => ({ ...s, rank: ranks[u] ?? null })),
		ranked: ranks.filter((r) => r !== null).length
	};
}

export interface Shortfall {
	key: string;
	/** The unit's contribution from this indicator. */
	contribution: number;
	/** The mean contribution of all units that have one. */
	mean: number;
	/** contribution − mean, negative: how far below the others it falls. */
	gap: number;
}

/**
 * The indicators on which unit `code` falls below the mean contribution of all units, worst
 * (most negative gap) first: what pulled it down. Indicators it lacks are not listed.
 */
export function weakestIndicators(result: CompositeScore, code: string): Shortfall[] {
	const unit = result.units.find((u) => u.code === code);
	if (!unit) throw new RangeError(`weakestIndicators: no unit ${code}`);
	const out: Shortfall[] = [];
	result.keys.forEach((key, k) => {
		const contribution = unit.contributions[k];
		if (!isValue(contribution)) return;
		const all = result.units.map((u) => u.contributions[k]).filter(isValue);
		const mean = all.reduce((sum, c) => sum + c, 0) / all.length;
		const gap = contribution - mean;
		if (gap < -TIE_TOLERANCE) out.push({ key, contribution, mean, gap });
	});
	return out.sort((a, b) => a.gap - b.gap);
}

export interface BottomList {
	/** The listed units, worst first (ties by code). */
	codes: string[];
	/** ⌈share · ranked units⌉: how many the rule asks for. */
	target: number;
	/** True when units tied with the last one made the list longer than `target`. */
	tiedAtCut: boolean;
	/** Units without a score: not ranked, so not on the list, but a planner must see them. */
	unranked: string[];
}

/**
 * The rectification list: the ⌈share · n⌉ worst-ranked of the n ranked units, plus every unit
 * tied with the last of them (a tie at the cut cannot be broken fairly, so all tied go on).
 */
export function bottomShare(result: CompositeScore, share = 0.1): BottomList {
	if (!(share >= 0 && share <= 1)) throw new RangeError('bottomShare: share must be in [0, 1]');
	const ranked = result.units
		.filter((u): u is UnitScore & { rank: number } => u.rank !== null)
		.sort((a, b) => b.rank - a.rank || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
	// 0.1 · 30 is 3.0000000000000004 in floating point: without the nudge ⌈⌉ would ask for 4.
	const target = Math.min(ranked.length, Math.max(0, Math.ceil(share * ranked.length - 1e-9)));
	const cutRank = target > 0 ? ranked[target - 1]!.rank : Infinity;
	const codes = ranked.filter((u) => u.rank >= cutRank).map((u) => u.code);
	return {
		codes,
		target,
		tiedAtCut: codes.length > target,
		unranked: result.units.filter((u) => u.rank === null).map((u) => u.code)
	};
}

export interface RankMove {
	code: string;
	rank: number | null;
	lastRank: number | null;
	/** lastRank − rank: positive = moved up (better); null unless ranked both years. */
	move: number | null;
}

/**
 * Each unit's change in rank from `lastYear` to `thisYear`, in this year's unit order. Ranks
 * are compared as they are: if the number of ranked units changed, so did the scale.
 */
export function rankMoves(thisYear: CompositeScore, lastYear: CompositeScore): RankMove[] {
	const before = new Map(lastYear.units.map((u) => [u.code, u.rank]));
	return thisYear.units.map(({ code, rank }) => {
		const lastRank = before.get(code) ?? null;
		return {
			code,
			rank,
			lastRank,
			move: rank !== null && lastRank !== null ? lastRank - rank : null
		};
	});
}
