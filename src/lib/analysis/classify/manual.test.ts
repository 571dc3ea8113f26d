import { beforeEach, describe, expect, it } from 'vitest';
import { manualBreaks } from './manual';

beforeEach(() => {
	expect.hasAssertions();
});

describe('manualBreaks', () => {
	it.each([
		['keeps sorted thresholds as they are', [1, 20, 300], [1, 20, 300]],
		['sorts thresholds typed out of order', [300, 1, 20], [1, 20, 300]],
		['keeps each threshold once', [50, 50, 10, 10], [10, 50]],
		['accepts negative thresholds', [0, -10, 10], [-10, 0, 10]],
		['makes one class from no thresholds', [], []]
	])('%s', (_, thresholds, expected) => {
		expect(manualBreaks(thresholds)).toEqual(expected);
	});
	it.each([NaN, Infinity, -Infinity])('rejects a threshold of %s rather than dropping it', (t) => {
		expect(() => manualBreaks([1, t])).toThrow(
			/^manualBreaks: every break must be a finite number/
		);
	});
	it('does not change the array it was given', () => {
		const thresholds = [3, 1, 2];
		manualBreaks(thresholds);
		expect(thresholds).toEqual([3, 1, 2]);
	});
});
