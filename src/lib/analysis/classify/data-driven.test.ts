/** quantile, equal interval and ckmeans: the edge cases they share, then what each promises. */
import { ckmeans } from 'simple-statistics';
import { beforeEach, describe, expect, it } from 'vitest';
import { ckmeansBreaks } from './ckmeans';
import { equalBreaks } from './equal';
import { classIndex } from './interval';
import { quantileBreaks } from './quantile';
import type { Values } from './values';

beforeEach(() => {
	expect.hasAssertions();
});

const METHODS = { quantile: quantileBreaks, equal: equalBreaks, ckmeans: ckmeansBreaks };
type Name = keyof typeof METHODS;

/** [case, values, k, expected breaks by method] */
const EDGES: [string, Values, number, Record<Name, number[]>][] = [
	[
		'ties stay in one class',
		[0, 0, 0, 0, 0, 0, 1, 2, 3, 4],
		4,
		{ quantile: [2], equal: [1, 2, 3], ckmeans: [1, 3, 4] }
	],
	[
		'null, undefined, NaN and Infinity are no data',
		[null, 1, NaN, 2, undefined, 3, 4, Infinity],
		2,
		{ quantile: [3], equal: [2.5], ckmeans: [3] }
	],
	['one distinct value makes one class', [5, 5, 5], 3, { quantile: [], equal: [], ckmeans: [] }],
	[
		'fewer values than classes make fewer classes',
		[1, 2, 3],
		5,
		{ quantile: [2, 3], equal: [1.66666666667, 2.33333333333], ckmeans: [2, 3] }
	],
	[
		'all no data makes no class',
		[null, NaN, undefined],
		3,
		{ quantile: [], equal: [], ckmeans: [] }
	],
	['no units makes no class', [], 3, { quantile: [], equal: [], ckmeans: [] }],
	[
		'negative values are values',
		[-100, -90, -80, 10, 20],
		2,
		{ quantile: [-80], equal: [-40], ckmeans: [10] }
	]
];

/** A deterministic sample with many ties and some no-data entries. */
function sample(n: number, seed: number): (number | null)[] {
	let s = seed;
	const next = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
	return Array.from({ length: n }, () => {
		const r = next();
		return r < 0.1 ? null : r < 0.3 ? 0 : Math.round(next() * 50) * 1000 - 5000;
	});
}

/** How many values each class gets. */
function classSizes(values: Values, breaks: number[]): number[] {
	const sizes = new Array<number>(breaks.length + 1).fill(0);
	for (const v of Array.from(values))
		if (typeof v === 'number' && Number.isFinite(v)) sizes[classIndex(v, breaks)]!++;
	return sizes;
}

describe.each(Object.keys(METHODS) as Name[])('%sBreaks', (name) => {
	const breaksOf = METHODS[name];
	it.each(EDGES)('%s', (_, values, k, expected) => {
		expect(breaksOf(values, k)).toEqual(expected[name]);
	});
	it.each([0, -2, 1.5, NaN])('rejects k = %s with a clear error', (k) => {
		expect(() => breaksOf([1, 2, 3], k)).toThrow(`${name}Breaks: k must be a whole number`);
	});
	it('gives no breaks for k = 1', () => {
		expect(breaksOf([1, 2, 3, 40], 1)).toEqual([]);
	});
	it('gives at most k classes, breaks strictly increasing and above the smallest value', () => {
		for (let seed = 1; seed <= 20; seed++) {
			const values = sample(60, seed);
			const breaks = breaksOf(values, 5);
			const min = Math.min(...values.filter((v): v is number => v !== null));
			expect(breaks.length).toBeLessThanOrEqual(4);
			expect(breaks.every((b, i) => b > (i === 0 ? min : breaks[i - 1]!))).toBe(true);
		}
	});
});

describe('quantileBreaks', () => {
	it('puts about n/k values in each class, breaking at data values', () => {
		const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
		const breaks = quantileBreaks(values, 5);
		expect(breaks).toEqual([3, 5, 7, 9]);
		expect(classSizes(values, breaks)).toEqual([2, 2, 2, 2, 2]);
	});
	it('never invents an empty class from ties', () => {
		for (let seed = 1; seed <= 20; seed++) {
			const values = sample(40, seed);
			expect(classSizes(values, quantileBreaks(values, 7))).not.toContain(0);
		}
	});
});

describe('equalBreaks', () => {
	it('cuts min..max into k classes of the same width', () => {
		expect(equalBreaks([0, 3, 10, 7, 1, 5], 5)).toEqual([2, 4, 6, 8]);
	});
	it('puts a value written as a round number on the break it meant', () => {
		const breaks = equalBreaks([0, 0.9, 0.5, 0.1], 3);
		expect(breaks).toEqual([0.3, 0.6]);
		expect(classIndex(0.3, breaks)).toBe(1);
	});
	it('may leave a middle class empty, which is what equal intervals say about skew', () => {
		const values = [0, 1, 2, 100];
		expect(classSizes(values, equalBreaks(values, 4))).toEqual([3, 0, 0, 1]);
	});
});

describe('ckmeansBreaks', () => {
	it('finds the natural groups', () => {
		expect(ckmeansBreaks([1, 2, 3, 10, 11, 12, 100, 101], 3)).toEqual([10, 100]);
	});
	it('breaks at the smallest value of each simple-statistics ckmeans cluster', () => {
		const values = sample(80, 7).filter((v): v is number => v !== null);
		const clusters = ckmeans(values, 4);
		expect(ckmeansBreaks(values, 4)).toEqual(clusters.slice(1).map((c) => c[0]));
		expect(classSizes(values, ckmeansBreaks(values, 4))).toEqual(clusters.map((c) => c.length));
	});
});
