import { beforeEach, describe, expect, it } from 'vitest';
import { cellCodes, transitionMatrix, type TransitionMatrix } from './transition';

beforeEach(() => {
	expect.hasAssertions();
});

/** Three classes (0, 1, 2) and no data (3). */
const K = 3;
const ND = K;

type Case = [string, number[], number[], boolean, Partial<TransitionMatrix>];

const CASES: Case[] = [
	[
		'a unit that keeps its class is counted on the diagonal and as stayed',
		[1],
		[1],
		true,
		{ stayed: 1, changed: 0, up: 0, down: 0, noData: 0, total: 1 }
	],
	[
		'a unit that moves from the lowest to the highest class moved up',
		[0],
		[2],
		true,
		{ stayed: 0, changed: 1, up: 1, down: 0, total: 1 }
	],
	[
		'a unit that moves from class 2 to class 1 moved down',
		[2],
		[1],
		true,
		{ stayed: 0, changed: 1, up: 0, down: 1 }
	],
	[
		'a unit without data in year A is in the no-data row, and neither stayed nor moved',
		[ND],
		[2],
		true,
		{ stayed: 0, changed: 0, up: 0, down: 0, noData: 1, total: 1 }
	],
	[
		'a unit without data in both years is in the no-data corner',
		[ND],
		[ND],
		true,
		{ stayed: 0, noData: 1, total: 1 }
	],
	[
		'units the filter leaves out (−1 in both years) are not counted at all',
		[-1, 0],
		[-1, 0],
		true,
		{ stayed: 1, total: 1 }
	],
	[
		'categories have no order: a move is "changed", and up and down are not given',
		[0, 2, 1],
		[2, 0, 1],
		false,
		{ stayed: 1, changed: 2, up: null, down: null }
	]
];

describe('transitionMatrix', () => {
	it.each(CASES)('%s', (_, from, to, ordered, expected) => {
		expect(transitionMatrix({ from, to, classes: K, ordered })).toMatchObject(expected);
	});

	it('puts rows for year A and columns for year B, the no-data class last', () => {
		const m = transitionMatrix({ from: [0, 0, ND], to: [1, 1, 0], classes: K, ordered: true });
		expect(m.counts).toEqual([
			[0, 2, 0, 0],
			[0, 0, 0, 0],
			[0, 0, 0, 0],
			[1, 0, 0, 0]
		]);
		expect(m.units[0]![1]).toEqual([0, 1]);
		expect(m.rowTotals).toEqual([2, 0, 0, 1]);
		expect(m.colTotals).toEqual([1, 2, 0, 0]);
	});

	it('agrees with counting each pair of classes by hand, and its sums add up', () => {
		// A deterministic spread of 500 units over 5 classes and no data.
		const k = 5;
		let seed = 7;
		const next = () => (seed = (seed * 48271) % 2147483647) % (k + 1);
		const from = Array.from({ length: 500 }, next);
		const to = Array.from({ length: 500 }, next);
		const byHand = new Map<string, number[]>();
		from.forEach((a, i) => {
			const key = `${a}>${to[i]}`;
			byHand.set(key, [...(byHand.get(key) ?? []), i]);
		});
		const m = transitionMatrix({ from, to, classes: k, ordered: true });
		for (let a = 0; a <= k; a++)
			for (let b = 0; b <= k; b++) {
				expect(m.counts[a]![b]).toBe(byHand.get(`${a}>${b}`)?.length ?? 0);
				expect(m.units[a]![b]).toEqual(byHand.get(`${a}>${b}`) ?? []);
			}
		expect(m.total).toBe(500);
		expect(m.rowTotals.reduce((s, x) => s + x)).toBe(500);
		expect(m.colTotals.reduce((s, x) => s + x)).toBe(500);
		expect(m.stayed + m.up! + m.down! + m.noData).toBe(500);
		const up = from.filter((a, i) => a < k && to[i]! < k && to[i]! > a).length;
		expect(m.up).toBe(up);
	});

	it.each([
		['a class past the no-data index', [4], [0]],
		['a unit counted in one year only', [-1], [0]],
		['a fractional class', [0.5], [0]],
		['years of different lengths', [0, 1], [0]]
	])('rejects %s', (_, from, to) => {
		expect(() => transitionMatrix({ from, to, classes: K, ordered: true })).toThrow(RangeError);
	});

	it('names the units of a cell by their codes', () => {
		const codes = ['610924100201', '610924100202', '610924100203'];
		const m = transitionMatrix({ from: [0, 1, 0], to: [2, 2, 2], classes: K, ordered: true });
		expect(cellCodes(m, 0, 2, codes)).toEqual(['610924100201', '610924100203']);
		expect(cellCodes(m, 2, 0, codes)).toEqual([]);
	});
});
