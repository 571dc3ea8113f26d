import { describe, expect, it } from 'vitest';
import { partitionSamples, type PartitionNode } from './partition';
import { createRandom } from './random';
import { sampleInside } from './sample';

const square = [
	[
		[
			[0, 0],
			[1, 0],
			[1, 1],
			[0, 1],
			[0, 0]
		]
	]
] as [number, number][][][];

describe('partitionSamples', () => {
	it('gives groups area shares close to their weights', () => {
		const samples = sampleInside(square, 4000, createRandom(1));
		const weights = [1, 1, 2, 4];
		const root: PartitionNode = {
			id: 'r',
			weight: 1,
			children: weights.map((w, i) => ({ id: `g${i}`, weight: w }))
		};
		const sites = partitionSamples(root, samples, createRandom(2), [0.5, 0.5]);
		// Count samples nearest (by power distance we cannot see) — use the Voronoi of the sites
		// as a proxy: larger weights must own more of the square.
		const owned = weights.map(() => 0);
		for (let i = 0; i < samples.xs.length; i++) {
			let best = 0;
			let bestD = Infinity;
			weights.forEach((_, g) => {
				const [x, y] = sites.get(`g${g}`) as [number, number];
				const d = ((samples.xs[i] as number) - x) ** 2 + ((samples.ys[i] as number) - y) ** 2;
				if (d < bestD) {
					bestD = d;
					best = g;
				}
			});
			owned[best] = (owned[best] as number) + 1;
		}
		expect(owned[3]).toBeGreaterThan(owned[0] as number);
		expect(owned[3]).toBeGreaterThan(owned[2] as number);
		expect(owned[2]).toBeGreaterThan(owned[1] as number);
	});

	it('keeps an anchored site where it is put', () => {
		const samples = sampleInside(square, 1000, createRandom(1));
		const root: PartitionNode = {
			id: 'r',
			weight: 1,
			children: [
				{ id: 'seat', weight: 1, anchor: [0.2, 0.3] },
				{ id: 'b', weight: 1 },
				{ id: 'c', weight: 1 }
			]
		};
		expect(partitionSamples(root, samples, createRandom(3), [0.5, 0.5]).get('seat')).toEqual([
			0.2, 0.3
		]);
	});
});
