import { describe, expect, it } from 'vitest';
import { allocate } from './allocate';

describe('allocate', () => {
	it.each<[number, number[], number[] | undefined]>([
		[23450, [3, 1, 1, 5, 0.5], undefined],
		[75777, [1, 2, 3, 4, 5, 6, 7], undefined],
		[10, [1, 1, 1], [2, 10, 10]],
		[7, [1, 0, 1], undefined]
	])('places %i exactly over %j', (total, weights, caps) => {
		const out = allocate(total, weights, caps);
		expect(out.reduce((s, v) => s + v, 0)).toBe(total);
		out.forEach((v, i) => {
			expect(Number.isInteger(v)).toBe(true);
			if (caps) expect(v).toBeLessThanOrEqual(caps[i] as number);
			if (weights[i] === 0) expect(v).toBe(0);
		});
	});

	it('is proportional and deterministic', () => {
		expect(allocate(100, [1, 1, 2])).toEqual([25, 25, 50]);
		expect(allocate(10, [1, 1, 1])).toEqual(allocate(10, [1, 1, 1]));
	});

	it('refuses totals the caps cannot hold', () => {
		expect(() => allocate(10, [1, 1], [2, 2])).toThrow(/cannot place/);
	});
});
