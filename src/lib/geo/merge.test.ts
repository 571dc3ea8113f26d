import { describe, expect, it } from 'vitest';
import { mergePolygons } from './merge';
import { polygonsAreaKm2 } from './ring';
import type { Polygons, Ring } from './types';
import { validatePolygons } from './validate';

const cell = (x: number, y: number): Polygons => [
	[
		[
			[x, y],
			[x + 0.1, y],
			[x + 0.1, y + 0.1],
			[x, y + 0.1],
			[x, y]
		]
	]
];
const grid = (picks: [number, number][]) =>
	picks.map(([i, j]) => cell(108 + i * 0.1, 32 + j * 0.1));

describe('mergePolygons', () => {
	it.each<[string, [number, number][], number, number[]]>([
		[
			'a 2×2 block into one square',
			[
				[0, 0],
				[1, 0],
				[0, 1],
				[1, 1]
			],
			1,
			[1]
		],
		[
			'a ring of eight into a square with a hole',
			[
				[0, 0],
				[1, 0],
				[2, 0],
				[0, 1],
				[2, 1],
				[0, 2],
				[1, 2],
				[2, 2]
			],
			1,
			[2]
		],
		[
			'two cells touching at a corner into two parts',
			[
				[0, 0],
				[1, 1]
			],
			2,
			[1, 1]
		],
		[
			'two apart into two parts',
			[
				[0, 0],
				[3, 3]
			],
			2,
			[1, 1]
		]
	])('merges %s', (_, picks, parts, rings) => {
		const cells = grid(picks);
		const merged = mergePolygons(cells);
		expect(merged).toHaveLength(parts);
		expect(merged.map((p) => p.length)).toEqual(rings);
		expect(validatePolygons(merged)).toEqual([]);
		const sum = cells.reduce((s, c) => s + polygonsAreaKm2(c), 0);
		expect(polygonsAreaKm2(merged)).toBeCloseTo(sum, 9);
	});

	it('keeps shared-edge vertices so neighbours still match', () => {
		const merged = mergePolygons(
			grid([
				[0, 0],
				[1, 0]
			])
		);
		const ring = merged[0]?.[0] as Ring;
		expect(ring).toContainEqual([108.1, 32]);
		expect(ring[0]).toEqual(ring[ring.length - 1]);
	});
});
