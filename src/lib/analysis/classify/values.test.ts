import { beforeEach, describe, expect, it } from 'vitest';
import { checkClassCount, countDistinct, isValue, sortedValues, tidyBreaks } from './values';

beforeEach(() => {
	expect.hasAssertions();
});

describe('isValue', () => {
	it.each([
		[0, true],
		[-3.5, true],
		[1e12, true],
		[null, false],
		[undefined, false],
		[NaN, false],
		[Infinity, false],
		[-Infinity, false]
	])('isValue(%s) is %s: only finite numbers get a class', (v, expected) => {
		expect(isValue(v)).toBe(expected);
	});
});

describe('sortedValues', () => {
	it('leaves out no-data entries and sorts numerically, negatives first', () => {
		expect(Array.from(sortedValues([10, null, -2, NaN, 9, undefined, 0, Infinity]))).toEqual([
			-2, 0, 9, 10
		]);
	});
	it('reads typed arrays, where NaN is the no-data value', () => {
		expect(Array.from(sortedValues(Float64Array.of(3, NaN, 1)))).toEqual([1, 3]);
	});
});

describe('countDistinct', () => {
	it('counts each run of equal sorted values once', () => {
		expect(countDistinct([])).toBe(0);
		expect(countDistinct([4, 4, 4])).toBe(1);
		expect(countDistinct([0, 0, 1, 2, 2, 3])).toBe(4);
	});
});

describe('checkClassCount', () => {
	it('accepts whole numbers of classes from 1 up', () => {
		expect(() => checkClassCount(1, 'm')).not.toThrow();
		expect(() => checkClassCount(12, 'm')).not.toThrow();
	});
	it.each([0, -1, 2.5, NaN, Infinity])('rejects k = %s with a message naming the method', (k) => {
		expect(() => checkClassCount(k, 'quantileBreaks')).toThrow(
			/^quantileBreaks: k must be a whole number of classes ≥ 1/
		);
	});
});

describe('tidyBreaks', () => {
	it('sorts, drops duplicates, and drops breaks at or below the smallest value', () => {
		expect(tidyBreaks([5, 1, 3, 3, 5])).toEqual([1, 3, 5]);
		expect(tidyBreaks([0, 0, 2, 7], 0)).toEqual([2, 7]);
	});
});
