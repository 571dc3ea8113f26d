import { describe, expect, it } from 'vitest';
import { bboxOfPolygons, bboxesIntersect } from './bbox';
import { labelPoint } from './label';
import { mergePolygons } from './merge';
import { FAST, type PartitionNode } from './partition';
import { createRandom } from './random';
import { pointInPolygons, polygonAreaKm2, polygonsAreaKm2 } from './ring';
import { sampleInside } from './sample';
import { leavesOf, tessellate } from './tessellate';
import type { Polygons } from './types';
import { validatePolygons } from './validate';

// An L-shaped "county", concave so that clipping and sampling are exercised.
const outline: Polygons = [
	[
		[
			[108, 32],
			[108.4, 32],
			[108.4, 32.15],
			[108.15, 32.15],
			[108.15, 32.4],
			[108, 32.4],
			[108, 32]
		]
	]
];
const tree: PartitionNode = {
	id: 'county',
	weight: 1,
	children: [4, 5, 6].map((n, t) => ({
		id: `t${t}`,
		weight: n,
		children: Array.from({ length: n }, (_, v) => ({
			id: `t${t}v${v}`,
			weight: 1,
			central: v === 0
		}))
	}))
};
const run = (seed: number, fast = false) =>
	tessellate({
		outline,
		root: tree,
		centre: [108.07, 32.07],
		random: createRandom(seed),
		...(fast ? { effort: FAST, samplesPerLeaf: 12 } : {})
	});

describe('tessellate', () => {
	it.each([false, true])('tiles the outline with valid cells (fast settings: %s)', (fast) => {
		const { cells } = run(1, fast);
		expect(cells.size).toBe(15);
		let sum = 0;
		for (const [id, polygons] of cells) {
			expect(validatePolygons(polygons), id).toEqual([]);
			sum += polygonsAreaKm2(polygons);
		}
		expect(sum / polygonsAreaKm2(outline)).toBeCloseTo(1, 6);
		const merged = mergePolygons([...cells.values()]);
		expect(merged).toHaveLength(1);
		expect(polygonsAreaKm2(merged) / polygonsAreaKm2(outline)).toBeCloseTo(1, 6);
	});

	it('is deterministic for a seed and differs between seeds', () => {
		expect(JSON.stringify([...run(7).cells])).toBe(JSON.stringify([...run(7).cells]));
		expect(JSON.stringify([...run(7).cells])).not.toBe(JSON.stringify([...run(8).cells]));
	});

	it('groups each township into one contiguous piece', () => {
		const { cells } = run(3);
		for (const town of tree.children ?? []) {
			const merged = mergePolygons(leavesOf(town).map((l) => cells.get(l.id) as Polygons));
			const total = polygonsAreaKm2(merged);
			const largest = Math.max(...merged.map(polygonAreaKm2));
			expect(largest / total, town.id).toBeGreaterThan(0.98);
		}
	});

	it('puts every seed inside its own cell', () => {
		const { cells, sites } = run(5);
		for (const [id, polygons] of cells) {
			const [x, y] = sites.get(id) as [number, number];
			expect(pointInPolygons(x, y, polygons), id).toBe(true);
			expect(bboxesIntersect(bboxOfPolygons(polygons), bboxOfPolygons(outline))).toBe(true);
		}
	});
});

describe('sampleInside and labelPoint', () => {
	it('samples only inside the outline', () => {
		const { xs, ys } = sampleInside(outline, 2000, createRandom(2));
		for (let i = 0; i < xs.length; i++)
			expect(pointInPolygons(xs[i] as number, ys[i] as number, outline)).toBe(true);
	});

	it('labels a C shape inside, where its centroid is not', () => {
		const c: Polygons = [
			[
				[
					[0, 0],
					[3, 0],
					[3, 1],
					[1, 1],
					[1, 2],
					[3, 2],
					[3, 3],
					[0, 3],
					[0, 0]
				]
			]
		];
		expect(pointInPolygons(1.8, 1.5, c)).toBe(false);
		const [x, y] = labelPoint(c);
		expect(pointInPolygons(x, y, c)).toBe(true);
	});
});
