/**
 * Moran's I on small lattices whose values are known by hand: a checkerboard (−1 under rook
 * contiguity), a half-and-half split (worked below), a constant (undefined), and units without
 * a value left out. The lattices' neighbour lists are built here, so the statistic is tested
 * apart from geo/contiguity.ts (tested on its own fixtures).
 */
import { describe, expect, it } from 'vitest';
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

describe("Moran's I", () => {
	it.each([
		[4, 4],
		[5, 5],
		[3, 8]
	])('is −1 for a %i×%i checkerboard under rook contiguity', (rows, cols) => {
		const values = grid(rows, cols, (r, c) => (r + c) % 2);
		// Every neighbour of a 1 is a 0 and vice versa: each spatial lag is the opposite
		// deviation, whatever the degrees or the mean.
		expect(moransI(values, lattice(rows, cols, 'rook')).I).toBeCloseTo(-1, 12);
	});

	it('is 17/24 for a 4×4 lattice split into a left half of 1s and a right half of 0s (rook)', () => {
		// Mean ½, so every z = ±½ and Σz² = 16 · ¼ = 4; row-standardised weights, so n/S0 = 1.
		// Each unit adds z · (mean z of its neighbours):
		//   outer columns (0 and 3): all neighbours alike → ½ · ½ = ¼, 8 units → 2;
		//   inner columns (1 and 2): a top or bottom unit has 3 neighbours, 2 alike and 1 not,
		//     lag (½ + ½ − ½)/3 = 1/6, adds 1/12; a middle unit has 4, 3 alike, lag 2/4 · ½ = ¼,
		//     adds 1/8; per column 2/12 + 2/8 = 5/12, two columns → 5/6.
		// I = (2 + 5/6) / 4 = 17/24 ≈ 0.7083.
		const values = grid(4, 4, (_, c) => (c < 2 ? 1 : 0));
		expect(moransI(values, lattice(4, 4, 'rook')).I).toBeCloseTo(17 / 24, 12);
	});

	it('is the same for the split whichever values stand for the halves (affine invariance)', () => {
		const neighbours = lattice(4, 4, 'queen');
		const a = moransI(
			grid(4, 4, (_, c) => (c < 2 ? 1 : 0)),
			neighbours
		).I;
		const b = moransI(
			grid(4, 4, (_, c) => (c < 2 ? -300 : 1200)),
			neighbours
		).I;
		expect(b).toBeCloseTo(a, 12);
		expect(a).toBeGreaterThan(0.4);
	});

	it('gives the expectation −1/(n − 1) and counts units', () => {
		const r = moransI(
			grid(4, 4, (_, c) => c),
			lattice(4, 4, 'rook')
		);
		expect(r.expected).toBeCloseTo(-1 / 15, 12);
		expect(r.n).toBe(16);
		expect(r.islands).toBe(0);
	});

	it('is undefined (NaN) for constant values, one unit, or no links', () => {
		expect(moransI([3, 3, 3, 3], lattice(2, 2, 'rook')).I).toBeNaN();
		expect(moransI([1], [[]]).I).toBeNaN();
		expect(moransI([0, 1], [[], []]).I).toBeNaN();
	});

	it('leaves out units without a value and their links, re-standardising the rest', () => {
		// A 1×4 line 1, 1, ·, 0: without the gap it is two linked 1s and an isolated 0.
		const line = lattice(1, 4, 'rook');
		const r = moransI([1, 1, null, 0], line);
		expect(r.n).toBe(3);
		expect(r.islands).toBe(1);
		// Mean ⅔: z = ⅓, ⅓, −⅔; Σz² = 2/3; the two 1s lag each other: 2 · ⅓ · ⅓ = 2/9;
		// S0 = 2 (the 0 has no links), so I = (3/2) · (2/9) / (2/3) = ½.
		expect(r.I).toBeCloseTo(0.5, 12);
		expect(moransI([1, 1, Number.NaN, 0], line).I).toBeCloseTo(0.5, 12);
	});
});
