/**
 * Local Moran's I and Getis–Ord Gi* on small lattices whose answers are worked by hand in the
 * comments: a 3×3 grid with a high centre, a 1×4 line, a 4×4 half-and-half split, a checkerboard
 * and a 4×4 grid with a high 2×2 corner. Permutation p-values are checked against the exact
 * conditional-permutation probabilities (counting draws by hand: hypergeometric), never against
 * numbers read off this module. Neighbour lists are built here, apart from geo/contiguity.ts.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../geo/random';
import { erfc, getisOrdGiStar, localMoransI, normalCdf, type LisaClass } from './hotspots';
import { moransI } from './morans-i';

/** Neighbours on a rows × cols lattice, units numbered row by row. */
function lattice(rows: number, cols: number, kind: 'rook' | 'queen'): number[][] {
	const out: number[][] = [];
	for (let r = 0; r < rows; r++)
		for (let c = 0; c < cols; c++) {
			const list: number[] = [];
			for (let dr = -1; dr <= 1; dr++)
				for (let dc = -1; dc <= 1; dc++) {
					if ((dr === 0 && dc === 0) || (kind === 'rook' && dr !== 0 && dc !== 0)) continue;
					const rr = r + dr;
					const cc = c + dc;
					if (rr >= 0 && rr < rows && cc >= 0 && cc < cols) list.push(rr * cols + cc);
				}
			out.push(list);
		}
	return out;
}

const grid = (rows: number, cols: number, f: (r: number, c: number) => number) =>
	Array.from({ length: rows * cols }, (_, i) => f(Math.floor(i / cols), i % cols));

/** Binomial coefficient, for the exact chance of a conditional permutation draw. */
const choose = (n: number, k: number): number => (k === 0 ? 1 : (choose(n - 1, k - 1) * n) / k);

/** The expected pseudo p-value (M + 1)/(P + 1) when each draw is as extreme with chance q. */
const pseudo = (q: number, permutations = 999) => (q * permutations + 1) / (permutations + 1);

const HIGH_CENTRE = grid(3, 3, (r, c) => (r === 1 && c === 1 ? 1 : 0));
const SPLIT = grid(4, 4, (_, c) => (c < 2 ? 1 : 0));
const CORNER = grid(4, 4, (r, c) => (r < 2 && c < 2 ? 1 : 0));

describe('the normal distribution', () => {
	it.each([
		[0, 0.5],
		[1, 0.8413447460685429],
		[-1.959963984540054, 0.025],
		[2.5758293035489, 0.995],
		[3, 0.9986501019683699],
		[-6, 9.865876450376946e-10]
	])('Φ(%f) = %f within 1e-7', (x, expected) => {
		expect(Math.abs(normalCdf(x) - expected)).toBeLessThan(1e-7);
	});

	it('has erfc(x) + erfc(−x) = 2 and a tail accurate relative to its size', () => {
		expect(erfc(0.5) + erfc(-0.5)).toBe(2);
		// erfc(3) = 2.209049699858544e-5 (tables): relative error under 1.2e-7.
		expect(Math.abs(erfc(3) / 2.209049699858544e-5 - 1)).toBeLessThan(1.2e-7);
	});
});

describe("local Moran's I", () => {
	it.each<[string, number[], number[][], number[]]>([
		// Mean 1/9: z = 8/9 at the centre, −1/9 elsewhere; Σz² = 64/81 + 8/81 = 8/9, m₂ = 8/81.
		// Centre: lag −1/9, I = (8/9)(−1/9)/(8/81) = −1. Edge middles (centre + 2 corners):
		// lag (8/9 − 2/9)/3 = 2/9, I = (−1/9)(2/9)/(8/81) = −¼. Corners (2 edge middles): lag −1/9,
		// I = (1/81)/(8/81) = ⅛.
		[
			'a 3×3 rook grid with a high centre',
			HIGH_CENTRE,
			lattice(3, 3, 'rook'),
			[1 / 8, -1 / 4, 1 / 8, -1 / 4, -1, -1 / 4, 1 / 8, -1 / 4, 1 / 8]
		],
		// 1, 2, 3, 4: z = −1.5, −.5, .5, 1.5; m₂ = 5/4. Lags −.5, −.5, .5, .5;
		// I = z · lag / m₂ = .75 · .8, .25 · .8, .25 · .8, .75 · .8.
		['a 1×4 line rising 1, 2, 3, 4', [1, 2, 3, 4], lattice(1, 4, 'rook'), [0.6, 0.2, 0.2, 0.6]],
		// Left half 1s: z = ±½, m₂ = ¼ (the global worked in morans-i.test.ts). Outer columns:
		// z · lag = ¼, I = 1; inner top and bottom: 1/12, I = ⅓; inner middle: ⅛, I = ½.
		[
			'a 4×4 rook half-and-half split',
			SPLIT,
			lattice(4, 4, 'rook'),
			grid(4, 4, (r, c) => (c === 0 || c === 3 ? 1 : r === 0 || r === 3 ? 1 / 3 : 1 / 2))
		]
	])(
		'on %s is the hand-worked value, and averages to the global I',
		(_, values, neighbours, expected) => {
			const local = localMoransI(values, neighbours, { permutations: 0 });
			expected.forEach((e, i) => expect(local.I[i]).toBeCloseTo(e, 12));
			const mean = local.I.reduce((s, v) => s + v, 0) / values.length;
			expect(mean).toBeCloseTo(moransI(values, neighbours).I, 12);
			// I is the product of the Moran scatterplot's axes.
			local.I.forEach((v, i) => expect(v).toBeCloseTo(local.standardised[i]! * local.lag[i]!, 12));
		}
	);

	it('averages to the global I on an irregular field under queen contiguity', () => {
		const random = createRandom(11);
		const values = grid(7, 9, (r, c) => r + c + 4 * random());
		const neighbours = lattice(7, 9, 'queen');
		const local = localMoransI(values, neighbours, { permutations: 0 });
		const mean = local.I.reduce((s, v) => s + v, 0) / values.length;
		expect(mean).toBeCloseTo(moransI(values, neighbours).I, 12);
	});

	it('gives the high centre p = 1: its four neighbours can only be drawn from the 0s', () => {
		const local = localMoransI(HIGH_CENTRE, lattice(3, 3, 'rook'));
		expect(local.p[4]).toBe(1);
		expect(local.cluster.every((c) => c === 'ns')).toBe(true);
	});

	it('is −1 everywhere on an 8×8 rook checkerboard, HL or LH where significant', () => {
		const values = grid(8, 8, (r, c) => (r + c) % 2);
		const local = localMoransI(values, lattice(8, 8, 'rook'), { alpha: 0.1, seed: 3 });
		local.I.forEach((v) => expect(v).toBeCloseTo(-1, 12));
		values.forEach((v, i) => expect(['ns', v === 1 ? 'HL' : 'LH']).toContain(local.cluster[i]));
		// An interior unit's 4 neighbours are as extreme only if all 4 draws from the 63 others
		// (31 alike, 32 not) are unlike it: q = C(32,4)/C(63,4) = 35960/595665 ≈ 0.0604.
		const interior = values.map((_, i) => i).filter((i) => (i % 8) % 7 !== 0 && (i >> 3) % 7 !== 0);
		for (const i of interior) expect(local.cluster[i]).toBe(values[i] === 1 ? 'HL' : 'LH');
		const meanP = interior.reduce((s, i) => s + local.p[i]!, 0) / interior.length;
		expect(meanP).toBeCloseTo(pseudo(choose(32, 4) / choose(63, 4)), 2);
	});

	it('finds the high 2×2 corner of a 4×4 queen grid HH and nothing else', () => {
		// 4 ones, 12 zeros. Unit 0's 3 neighbours are all 1s; from the 15 others (3 ones) that
		// happens with q = 1/C(15,3) = 1/455. Units 1 and 4 have 3 ones among 5, the most the
		// others hold: q = C(12,2)/C(15,5) = 66/3003 ≈ 0.022. Unit 5 has 3 ones among 8:
		// q = C(12,5)/C(15,8) = 792/6435 ≈ 0.12. Every other unit: q ≥ C(11,5)/C(15,5) ≈ 0.15.
		const local = localMoransI(CORNER, lattice(4, 4, 'queen'), { seed: 1 });
		const expected: LisaClass[] = grid(4, 4, (r, c) => (r + c < 2 ? 1 : 0)).map((h) =>
			h ? 'HH' : 'ns'
		);
		expect(local.cluster).toEqual(expected);
		expect(local.p[0]).toBeCloseTo(pseudo(1 / 455), 2);
		expect(local.p[1]).toBeCloseTo(pseudo(66 / 3003), 1);
		expect(local.p[5]).toBeCloseTo(pseudo(792 / 6435), 1);
		expect(local.z[0]).toBeGreaterThan(2);
	});

	it("gives the split's edge middle the exact chance of 3 alike neighbours, 35/455", () => {
		// Unit 4 (row 1, column 0) is a 1 with 3 neighbours, all 1s; the 15 others hold 7 ones.
		const local = localMoransI(SPLIT, lattice(4, 4, 'rook'), { seed: 9 });
		expect(local.p[4]).toBeCloseTo(pseudo(choose(7, 3) / choose(15, 3)), 1);
		expect(local.cluster[4]).toBe('ns');
	});
});

describe('permutation p-values', () => {
	const random = createRandom(5);
	const values = grid(10, 10, (r) => r + 6 * random());
	const neighbours = lattice(10, 10, 'queen');

	it.each([
		[
			'local I',
			(o: { seed?: number; permutations?: number }) => localMoransI(values, neighbours, o).p
		],
		[
			'Gi*',
			(o: { seed?: number; permutations?: number }) =>
				getisOrdGiStar(values, neighbours, { permutations: 999, ...o }).pSim!
		]
	])('of %s lie in [1/(P + 1), 1], repeat for a seed and move a little with another', (_, p) => {
		for (const v of p({ permutations: 99 })) {
			expect(v).toBeGreaterThanOrEqual(1 / 100);
			expect(v).toBeLessThanOrEqual(1);
		}
		const a = p({ seed: 1 });
		expect(p({ seed: 1 })).toEqual(a);
		const b = p({ seed: 2 });
		expect(b).not.toEqual(a);
		b.forEach((v, i) => expect(Math.abs(v - a[i]!)).toBeLessThan(0.06));
	});

	it('refuse a negative or fractional number of permutations', () => {
		expect(() => localMoransI(values, neighbours, { permutations: -1 })).toThrow(RangeError);
		expect(() => getisOrdGiStar(values, neighbours, { permutations: 9.5 })).toThrow(RangeError);
	});
});

describe('Getis–Ord Gi*', () => {
	it('on a 3×3 rook grid with a high centre is the hand-worked z-score', () => {
		// Mean 1/9, S² = 1/9 − 1/81 = 8/81, S = 2√2/9; n = 9.
		// Centre: W = 5, Σx = 1: (1 − 5/9) / (S √((45 − 25)/8)) = (4/9) / (2√5/9) = 2/√5.
		// Edge middles: W = 4, Σx = 1: (5/9) / (S √((36 − 16)/8)) = (5/9) / (2√5/9) = √5/2.
		// Corners: W = 3, Σx = 0: (−3/9) / (S √((27 − 9)/8)) = (−1/3) / (√2/3) = −1/√2.
		// Two-sided p = erfc(|z|/√2): corners erfc(½) = 0.4795001221869535, edge middles
		// erfc(√(5/8)) = 0.2635524772829727, centre erfc(√(2/5)) = 0.37109336952269756.
		const g = getisOrdGiStar(HIGH_CENTRE, lattice(3, 3, 'rook'));
		const corner = [-1 / Math.SQRT2, 0.4795001221869535];
		const edge = [Math.sqrt(5) / 2, 0.2635524772829727];
		const centre = [2 / Math.sqrt(5), 0.37109336952269756];
		const expected = [corner, edge, corner, edge, centre, edge, corner, edge, corner];
		expected.forEach(([z, p], i) => {
			expect(g.z[i]).toBeCloseTo(z!, 12);
			expect(Math.abs(g.p[i]! - p!)).toBeLessThan(1e-7);
		});
		expect(g.hotspot.every((h) => h === 'ns')).toBe(true);
		expect(g.pSim).toBeNull();
	});

	it('finds the high corner of a 4×4 queen grid hot', () => {
		// Mean ¼, S = √3/4, n = 16. Unit 0: W = 4, Σx = 4: 3 / (S √((64 − 16)/15)) = √15,
		// p = erfc(√7.5) ≈ 1.08e-4. Units 1 and 4: W = 6, Σx = 4: 2.5 / (S · 2) = 5/√3.
		// Unit 5: W = 9, Σx = 4: 1.75 / (S √4.2) = 7/√12.6 ≈ 1.972, p ≈ 0.0486 < 0.05.
		// The lowest: units 7, 11, 13, 14 with W = 6, Σx = 0: −1.5 / (√3/2) = −√3, p ≈ 0.083.
		const g = getisOrdGiStar(CORNER, lattice(4, 4, 'queen'));
		expect(g.z[0]).toBeCloseTo(Math.sqrt(15), 12);
		expect(g.z[1]).toBeCloseTo(5 / Math.sqrt(3), 12);
		expect(g.z[5]).toBeCloseTo(7 / Math.sqrt(12.6), 12);
		expect(g.z[7]).toBeCloseTo(-Math.sqrt(3), 12);
		expect(Math.abs(g.p[0]! - 1.0751117672950056e-4)).toBeLessThan(1e-8);
		expect(g.hotspot).toEqual(CORNER.map((v) => (v === 1 ? 'hot' : 'ns')));
	});

	it('classifies by the permutation p-value when permutations are asked for', () => {
		// Unit 0 holds its 1; its 3 neighbours are all 1s with q = 1/455 as for the local I.
		// Unit 5 (3 ones among 8, q ≈ 0.12) is hot by the normal p but not by permutation.
		const g = getisOrdGiStar(CORNER, lattice(4, 4, 'queen'), { permutations: 999, seed: 4 });
		expect(g.pSim![0]).toBeCloseTo(pseudo(1 / 455), 2);
		expect(g.pSim![5]).toBeCloseTo(pseudo(792 / 6435), 1);
		expect(g.hotspot[0]).toBe('hot');
		expect(g.hotspot[5]).toBe('ns');
	});

	it('finds a low corner cold', () => {
		const g = getisOrdGiStar(
			CORNER.map((v) => 1 - v),
			lattice(4, 4, 'queen')
		);
		expect(g.z[0]).toBeCloseTo(-Math.sqrt(15), 12);
		expect(g.hotspot[0]).toBe('cold');
	});
});

describe('units left out and degenerate inputs', () => {
	it('leaves out units without a value as if they were not there', () => {
		// A 3×3 queen grid without units 1 and 6 against the 7 units that remain.
		const full = [3, null, 5, 1, 8, 2, Number.NaN, 7, 4];
		const neighbours = lattice(3, 3, 'queen');
		const keep = [0, 2, 3, 4, 5, 7, 8];
		const compact = neighbours
			.filter((_, i) => keep.includes(i))
			.map((list) => list.filter((j) => keep.includes(j)).map((j) => keep.indexOf(j)));
		const values = keep.map((i) => full[i] as number);
		for (const f of [localMoransI, getisOrdGiStar]) {
			const a = f(full, neighbours, { permutations: 99 });
			const b = f(values, compact, { permutations: 99 });
			expect(a.n).toBe(7);
			expect(a.p[1]).toBeNaN();
			expect(a.z[6]).toBeNaN();
			expect(keep.map((i) => a.z[i])).toEqual([...b.z]);
			expect(keep.map((i) => a.p[i])).toEqual([...b.p]);
		}
		const local = localMoransI(full, neighbours);
		expect(local.I[1]).toBeNaN();
		expect(local.cluster[1]).toBe('ns');
	});

	it('gives a unit without neighbours 0, p = 1 and ns', () => {
		// The line 1, 1, ·, 0 without its gap: two linked 1s and an isolated 0. Mean ⅔,
		// z = ⅓, ⅓, −⅔, m₂ = (2/3)/3 = 2/9; the 1s: I = (⅓ · ⅓)/(2/9) = ½.
		const values = [1, 1, null, 0];
		const line = lattice(1, 4, 'rook');
		const local = localMoransI(values, line);
		expect([...local.I]).toEqual([expect.closeTo(0.5, 12), expect.closeTo(0.5, 12), NaN, 0]);
		expect([local.p[3], local.cluster[3]]).toEqual([1, 'ns']);
		const g = getisOrdGiStar([9, 1, 2, 1, 2], [[], [2, 3], [1, 4], [1, 4], [2, 3]]);
		expect([g.z[0], g.p[0], g.hotspot[0]]).toEqual([0, 1, 'ns']);
	});

	it('ignores a unit listed as its own neighbour or listed twice', () => {
		const neighbours = lattice(3, 3, 'rook');
		const messy = neighbours.map((list, i) => [i, ...list, ...list]);
		const a = localMoransI(HIGH_CENTRE, neighbours, { seed: 2 });
		expect(localMoransI(HIGH_CENTRE, messy, { seed: 2 })).toEqual(a);
	});

	it.each<[string, (number | null)[], number[][]]>([
		['two units', [1, 5], [[1], [0]]],
		['equal values', [0.1, 0.1, 0.1, 0.1], lattice(2, 2, 'rook')],
		['three values among nulls', [null, 0.1, 0.1, 0.1], lattice(2, 2, 'queen')],
		['no values', [null, Number.NaN], [[1], [0]]]
	])('gives %s all ns and no NaN where there is a value', (_, values, neighbours) => {
		const local = localMoransI(values, neighbours);
		const g = getisOrdGiStar(values, neighbours, { permutations: 99 });
		const has = values.map((v) => v !== null && !Number.isNaN(v));
		for (const column of [
			local.I,
			local.standardised,
			local.lag,
			local.z,
			local.p,
			g.z,
			g.p,
			g.pSim!
		])
			column.forEach((v, i) => expect(Number.isNaN(v)).toBe(!has[i]));
		expect([...local.cluster, ...g.hotspot].every((c) => c === 'ns')).toBe(true);
		// Each unit with a value reads as "no pattern": statistic 0, p = 1.
		for (const [column, start] of [
			[local.I, 0],
			[local.z, 0],
			[local.p, 1],
			[g.z, 0],
			[g.p, 1]
		] as const)
			column.forEach((v, i) => has[i] && expect(v).toBe(start));
	});
});
