import { describe, expect, it } from 'vitest';
import type { Polygons } from './types';
import { validatePolygons } from './validate';

const sq: [number, number][] = [
	[0, 0],
	[1, 0],
	[1, 1],
	[0, 1],
	[0, 0]
];

describe('validatePolygons', () => {
	it.each<[string, Polygons, RegExp | null]>([
		['a square', [[sq]], null],
		[
			'two squares touching at a corner',
			[[sq], [sq.map(([x, y]) => [x + 1, y + 1] as [number, number])]],
			null
		],
		[
			'a bow-tie',
			[
				[
					[
						[0, 0],
						[1, 1],
						[1, 0],
						[0, 1],
						[0, 0]
					]
				]
			],
			/cross/
		],
		['an unclosed ring', [[sq.slice(0, 4)]], /not closed/],
		['a clockwise outer ring', [[[...sq].reverse()]], /orientation/],
		[
			'a spike',
			[
				[
					[
						[0, 0],
						[2, 0],
						[1, 0],
						[1, 1],
						[0, 1],
						[0, 0]
					]
				]
			],
			/spike|cross/
		],
		[
			'a repeated point',
			[
				[
					[
						[0, 0],
						[1, 0],
						[1, 0],
						[1, 1],
						[0, 1],
						[0, 0]
					]
				]
			],
			/repeated/
		],
		['nothing', [], /no polygons/]
	])('%s', (_, polygons, problem) => {
		const problems = validatePolygons(polygons);
		if (problem === null) expect(problems).toEqual([]);
		else expect(problems.join('; ')).toMatch(problem);
	});
});
