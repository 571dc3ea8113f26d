import { describe, expect, it } from 'vitest';
import { nodeTouches, repairOutline } from './repair';
import type { Polygons } from './types';
import { validatePolygons } from './validate';

describe('repairOutline', () => {
	it('leaves a valid outline untouched', () => {
		const square: Polygons = [
			[
				[
					[0, 0],
					[1, 0],
					[1, 1],
					[0, 1],
					[0, 0]
				]
			]
		];
		expect(repairOutline(square)).toEqual({ polygons: square, repaired: false });
	});

	it('splits a self-crossing (bow-tie) ring into valid parts', () => {
		const bowTie: Polygons = [
			[
				[
					[0, 0],
					[2, 2],
					[2, 0],
					[0, 2],
					[0, 0]
				]
			]
		];
		expect(validatePolygons(bowTie)).not.toEqual([]);
		const { polygons, repaired } = repairOutline(bowTie);
		expect(repaired).toBe(true);
		expect(polygons).toHaveLength(2);
		expect(validatePolygons(polygons)).toEqual([]);
	});

	it('nodes a hole that touches its outer ring mid-edge', () => {
		const touching: Polygons = [
			[
				[
					[0, 0],
					[4, 0],
					[4, 4],
					[0, 4],
					[0, 0]
				],
				[
					[2, 0],
					[1, 1],
					[3, 1],
					[2, 0]
				]
			]
		];
		expect(validatePolygons(touching)).not.toEqual([]);
		const noded = nodeTouches(touching);
		expect(noded[0]?.[0]).toContainEqual([2, 0]);
		expect(validatePolygons(noded)).toEqual([]);
	});
});
