/**
 * The composite score on tables small enough to work by hand: each normalisation, the flip of a
 * lower-better indicator, weights (zero leaves an indicator out), ties, missing values, constant
 * columns, the contributions that say what pulled a village down, the bottom-10% rectification
 * list with ties at the cut, and rank moves from one year to the next.
 */
import { describe, expect, it } from 'vitest';
import {
	bottomShare,
	compositeScore,
	normaliseValues,
	rankMoves,
	weakestIndicators,
	type CompositeScore,
	type Direction,
	type Normalisation
} from './composite-score';

const up: Direction = 'higher-better';
const down: Direction = 'lower-better';

/** Scores of one higher-better indicator under minmax, units named by the record's keys. */
function scoreOf(values: Record<string, number | null>): CompositeScore {
	return compositeScore(
		Object.keys(values),
		[{ key: 'v', values: Object.values(values), weight: 1, direction: up }],
		'minmax'
	);
}

const ranksOf = (r: CompositeScore) => Object.fromEntries(r.units.map((u) => [u.code, u.rank]));
/** Equal up to rounding, and null in the same places. */
function closeAll(actual: (number | null)[], expected: (number | null)[]): void {
	expect(actual.map((v) => v === null)).toEqual(expected.map((v) => v === null));
	actual.forEach((v, i) => {
		if (v !== null) expect(v).toBeCloseTo(expected[i]!, 12);
	});
}

describe('normaliseValues', () => {
	it.each<[Normalisation, Direction, (number | null)[], (number | null)[]]>([
		// Sorted 10, 20, 20, 40: ranks 1, 2.5, 2.5, 4 → (r − 1)/3.
		['rank', up, [10, 20, 20, 40], [0, 0.5, 0.5, 1]],
		['rank', down, [10, 20, 20, 40], [1, 0.5, 0.5, 0]],
		['rank', up, [40, 10, 30], [1, 0, 0.5]],
		['minmax', up, [10, 20, 20, 40], [0, 1 / 3, 1 / 3, 1]],
		['minmax', down, [10, 20, 20, 40], [1, 2 / 3, 2 / 3, 0]],
		// Mean 5, population sd 2 (the sample sd would be 2.14).
		['zscore', up, [2, 4, 4, 4, 5, 5, 7, 9], [-1.5, -0.5, -0.5, -0.5, 0, 0, 1, 2]],
		['zscore', down, [2, 4, 4, 4, 5, 5, 7, 9], [1.5, 0.5, 0.5, 0.5, 0, 0, -1, -2]]
	])('%s, %s: %j', (method, direction, values, expected) => {
		closeAll(normaliseValues(values, method, direction), expected);
	});

	it.each<[Normalisation, number]>([
		['rank', 0.5],
		['minmax', 0.5],
		['zscore', 0]
	])('%s gives a constant column %d for everyone, in either direction', (method, expected) => {
		// 0.1 three times: a mean of equal floats that is not exactly 0.1 must not invent an sd.
		for (const direction of [up, down]) {
			expect(normaliseValues([0.1, 0.1, 0.1], method, direction)).toEqual([
				expected,
				expected,
				expected
			]);
		}
	});

	it('gives a single value ½ by rank and leaves missing values (null, NaN) missing', () => {
		expect(normaliseValues([null, 7, NaN], 'rank', up)).toEqual([null, 0.5, null]);
		expect(normaliseValues([1, null, 3, NaN], 'rank', up)).toEqual([0, null, 1, null]);
		expect(normaliseValues([null, null], 'zscore', up)).toEqual([null, null]);
	});
});

describe('compositeScore', () => {
	// Income higher-better: minmax 0, ½, 1. Incidence (%) lower-better: minmax 0, 1, ½ → 1, 0, ½.
	const units = ['A', 'B', 'C'];
	const income = { key: 'income', values: [0, 50, 100], direction: up };
	const incidence = { key: 'incidence', values: [1, 3, 2], direction: down };

	it('averages normalised values with the weights: 3:1 gives A ¼, B ⅜, C ⅞', () => {
		const r = compositeScore(
			units,
			[
				{ ...income, weight: 3 },
				{ ...incidence, weight: 1 }
			],
			'minmax'
		);
		closeAll(
			r.units.map((u) => u.score),
			[0.25, 0.375, 0.875]
		);
		expect(ranksOf(r)).toEqual({ A: 3, B: 2, C: 1 });
		// Contributions wₖ·normₖ/Σw sum to the score.
		closeAll(r.units[2]!.contributions, [0.75, 0.125]);
		expect(r.keys).toEqual(['income', 'incidence']);
		expect(r.ranked).toBe(3);
	});

	it('turns the ranking round when the weights swap (1:3 gives A ¾, B ⅛, C ⅝)', () => {
		const r = compositeScore(
			units,
			[
				{ ...income, weight: 1 },
				{ ...incidence, weight: 3 }
			],
			'minmax'
		);
		closeAll(
			r.units.map((u) => u.score),
			[0.75, 0.125, 0.625]
		);
		expect(ranksOf(r)).toEqual({ A: 1, B: 3, C: 2 });
	});

	it('depends only on the ratio of the weights', () => {
		const a = compositeScore(
			units,
			[
				{ ...income, weight: 1 },
				{ ...incidence, weight: 2 }
			],
			'rank'
		);
		const b = compositeScore(
			units,
			[
				{ ...income, weight: 5 },
				{ ...incidence, weight: 10 }
			],
			'rank'
		);
		closeAll(
			a.units.map((u) => u.score),
			b.units.map((u) => u.score)
		);
	});

	it('ignores an indicator of weight 0: the others alone make the score', () => {
		const r = compositeScore(
			units,
			[
				{ ...income, weight: 1 },
				{ ...incidence, weight: 0 }
			],
			'minmax'
		);
		expect(r.units.map((u) => u.score)).toEqual([0, 0.5, 1]);
		expect(r.units.map((u) => u.contributions[1])).toEqual([null, null, null]);
	});

	it('flips a lower-better z-score: the lowest incidence scores highest', () => {
		const r = compositeScore(units, [{ ...incidence, weight: 1 }], 'zscore');
		// Incidence 1, 3, 2: mean 2, population sd √(2/3), z = −√1.5, +√1.5, 0; flipped.
		closeAll(
			r.units.map((u) => u.score),
			[Math.sqrt(1.5), -Math.sqrt(1.5), 0]
		);
		expect(ranksOf(r)).toEqual({ A: 1, C: 2, B: 3 });
	});

	it('gives tied scores the smaller rank and skips the ranks they use (1, 1, 3, 3, 5)', () => {
		expect(ranksOf(scoreOf({ a: 5, b: 9, c: 9, d: 1, e: 5 }))).toEqual({
			b: 1,
			c: 1,
			a: 3,
			e: 3,
			d: 5
		});
	});

	it('treats scores equal up to rounding as ties', () => {
		// 0.1 + 0.2 and 0.3 differ in the last bit; as one village's weighted mean they are the same.
		const r = compositeScore(
			['x', 'y', 'z'],
			[
				{ key: 'p', values: [1, 0, 0], weight: 0.1, direction: up },
				{ key: 'q', values: [1, 0, 1], weight: 0.2, direction: up },
				{ key: 'r', values: [0, 1, 0], weight: 0.3, direction: up }
			],
			'minmax'
		);
		expect(ranksOf(r)).toEqual({ x: 1, y: 1, z: 3 });
	});

	it('scores a unit on the indicators it has and leaves a unit with none unranked', () => {
		// ind1 over A, B: 0, 1. ind2 over A, C: 0, 1. D has neither.
		const r = compositeScore(
			['A', 'B', 'C', 'D'],
			[
				{ key: 'ind1', values: [0, 10, null, null], weight: 1, direction: up },
				{ key: 'ind2', values: [4, null, 8, NaN], weight: 1, direction: up }
			],
			'minmax'
		);
		expect(r.units.map((u) => u.score)).toEqual([0, 1, 1, null]);
		expect(ranksOf(r)).toEqual({ B: 1, C: 1, A: 3, D: null });
		// B's missing ind2 neither helps nor hurts: ind1 carries the whole weight.
		expect(r.units[1]!.contributions).toEqual([1, null]);
		expect(r.units[3]!.contributions).toEqual([null, null]);
		expect(r.ranked).toBe(3);
	});

	it('leaves every unit unranked when every weight is 0', () => {
		const r = compositeScore(units, [{ ...income, weight: 0 }], 'rank');
		expect(r.units.map((u) => u.rank)).toEqual([null, null, null]);
		expect(r.ranked).toBe(0);
	});

	it.each([-1, NaN, Infinity])('refuses a weight of %d', (weight) => {
		expect(() => compositeScore(units, [{ ...income, weight }], 'rank')).toThrow(RangeError);
	});

	it('refuses values that do not line up with the units', () => {
		expect(() =>
			compositeScore(units, [{ key: 'k', values: [1, 2], weight: 1, direction: up }], 'rank')
		).toThrow(/2 values for 3 units/);
	});
});

describe('weakestIndicators', () => {
	// Minmax, equal weights, so each contribution is norm/3 and every mean is 1/6 or 5/36:
	//   x: A 0, B ½, C 1       → A is 1/6 below the mean 1/6;
	//   y: A ¼, B 1, C 0       → A contributes 1/12 against a mean 5/36: 1/18 below;
	//   z: A 1, B 0, C ½       → A is above.
	const r = compositeScore(
		['A', 'B', 'C'],
		[
			{ key: 'x', values: [0, 1, 2], weight: 1, direction: up },
			{ key: 'y', values: [1, 4, 0], weight: 1, direction: up },
			{ key: 'z', values: [2, 0, 1], weight: 1, direction: up }
		],
		'minmax'
	);

	it('lists the indicators below the mean contribution, worst first', () => {
		const w = weakestIndicators(r, 'A');
		expect(w.map((s) => s.key)).toEqual(['x', 'y']);
		expect(w[0]!.gap).toBeCloseTo(-1 / 6, 12);
		expect(w[1]!.gap).toBeCloseTo(-1 / 18, 12);
		expect(w[1]!.contribution).toBeCloseTo(1 / 12, 12);
		expect(w[1]!.mean).toBeCloseTo(5 / 36, 12);
	});

	it('lists nothing at or above the mean, and nothing the unit lacks', () => {
		// B: x exactly at the mean (1/6), y above, z below. C: y below, z at the mean.
		expect(weakestIndicators(r, 'B').map((s) => s.key)).toEqual(['z']);
		expect(weakestIndicators(r, 'C').map((s) => s.key)).toEqual(['y']);
		const gaps = compositeScore(
			['A', 'B'],
			[{ key: 'x', values: [null, 1], weight: 1, direction: up }],
			'rank'
		);
		expect(weakestIndicators(gaps, 'A')).toEqual([]);
	});

	it('refuses a unit that was not scored', () => {
		expect(() => weakestIndicators(r, 'Z')).toThrow(RangeError);
	});
});

/** n units u00…, scored 1…n (u00 the worst). */
const ladder = (n: number) =>
	scoreOf(
		Object.fromEntries(Array.from({ length: n }, (_, i) => [`u${String(i).padStart(2, '0')}`, i]))
	);

describe('bottomShare', () => {
	it.each([
		[10, 0.1, 1],
		[11, 0.1, 2],
		[30, 0.1, 3],
		[70, 0.1, 7],
		[5, 0.1, 1],
		[20, 0.15, 3],
		[8, 1, 8],
		[8, 0, 0]
	])('of %i ranked units at share %d lists ⌈share·n⌉ = %i', (n, share, target) => {
		const list = bottomShare(ladder(n), share);
		expect(list.target).toBe(target);
		expect(list.codes).toHaveLength(target);
		expect(list.tiedAtCut).toBe(false);
	});

	it('lists the worst first, and takes 10% by default', () => {
		expect(bottomShare(ladder(30)).codes).toEqual(['u00', 'u01', 'u02']);
	});

	it('takes in every unit tied with the last one and flags it', () => {
		// 12 units, 20%: ⌈2.4⌉ = 3, but the 3rd and 4th worst share rank 9.
		const values = { a: 1, b: 2, c: 3, d: 3, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10, k: 11, l: 12 };
		const list = bottomShare(scoreOf(values), 0.2);
		expect(list.target).toBe(3);
		expect(list.codes).toEqual(['a', 'b', 'c', 'd']);
		expect(list.tiedAtCut).toBe(true);
	});

	it('takes in all units when all tie', () => {
		const list = bottomShare(scoreOf({ a: 4, b: 4, c: 4 }), 0.1);
		expect(list).toEqual({ codes: ['a', 'b', 'c'], target: 1, tiedAtCut: true, unranked: [] });
	});

	it('counts only ranked units and reports the unranked apart', () => {
		// 11 ranked → ⌈1.1⌉ = 2; the unscored unit is neither counted nor listed.
		const values: Record<string, number | null> = Object.fromEntries(
			Array.from({ length: 11 }, (_, i) => [`r${i + 10}`, i])
		);
		values.none = null;
		const list = bottomShare(scoreOf(values));
		expect(list.codes).toEqual(['r10', 'r11']);
		expect(list.unranked).toEqual(['none']);
	});

	it.each([-0.1, 1.5, NaN])('refuses a share of %d', (share) => {
		expect(() => bottomShare(ladder(3), share)).toThrow(RangeError);
	});
});

describe('rankMoves', () => {
	it('gives last rank − this rank, positive for moving up, null unless ranked both years', () => {
		const last = scoreOf({ A: 3, B: 2, C: 1, E: null });
		const now = scoreOf({ C: 3, A: 2, B: 1, D: 0.5, E: 0 });
		expect(rankMoves(now, last)).toEqual([
			{ code: 'C', rank: 1, lastRank: 3, move: 2 },
			{ code: 'A', rank: 2, lastRank: 1, move: -1 },
			{ code: 'B', rank: 3, lastRank: 2, move: -1 },
			{ code: 'D', rank: 4, lastRank: null, move: null },
			{ code: 'E', rank: 5, lastRank: null, move: null }
		]);
	});

	it('gives no move to a unit unranked this year', () => {
		const moves = rankMoves(scoreOf({ A: null, B: 1 }), scoreOf({ A: 1, B: 2 }));
		expect(moves[0]).toEqual({ code: 'A', rank: null, lastRank: 2, move: null });
		expect(moves[1]).toEqual({ code: 'B', rank: 1, lastRank: 1, move: 0 });
	});
});
