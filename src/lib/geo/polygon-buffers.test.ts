import { describe, expect, it } from 'vitest';
import { buildPolygonBuffers, expandFeatureColors } from './polygon-buffers';
import type { Polygons } from './types';

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
const squareWithHole: Polygons = [
	[
		[
			[0, 0],
			[4, 0],
			[4, 4],
			[0, 4],
			[0, 0]
		],
		[
			[1, 1],
			[1, 3],
			[3, 3],
			[3, 1],
			[1, 1]
		]
	]
];
const twoParts: Polygons = [
	square[0]!,
	[square[0]![0]!.map(([x, y]) => [x + 5, y] as [number, number])]
];

function triangleArea(b: ReturnType<typeof buildPolygonBuffers>): number {
	const pt = (k: number) => [b.positions[k * 2]!, b.positions[k * 2 + 1]!] as const;
	let sum = 0;
	for (let t = 0; t < b.triangles.length; t += 3) {
		const [ax, ay] = pt(b.triangles[t]!);
		const [cx, cy] = pt(b.triangles[t + 1]!);
		const [dx, dy] = pt(b.triangles[t + 2]!);
		sum += Math.abs((cx - ax) * (dy - ay) - (dx - ax) * (cy - ay)) / 2;
	}
	return sum;
}

describe('buildPolygonBuffers', () => {
	it('lays out one vertex pair per ring point, parts and rings with end sentinels', () => {
		const b = buildPolygonBuffers([square, squareWithHole]);
		expect(b.featureCount).toBe(2);
		expect(b.partCount).toBe(2);
		expect(b.positions.length).toBe((5 + 10) * 2);
		expect(Array.from(b.partStarts)).toEqual([0, 5, 15]);
		expect(Array.from(b.ringStarts)).toEqual([0, 5, 10, 15]);
	});

	it('triangulates so that triangle areas add up to the polygon area, holes excluded', () => {
		expect(triangleArea(buildPolygonBuffers([square]))).toBeCloseTo(1);
		expect(triangleArea(buildPolygonBuffers([squareWithHole]))).toBeCloseTo(16 - 4);
	});

	it('gives every part of a multipolygon the index of its feature', () => {
		const b = buildPolygonBuffers([square, twoParts]);
		expect(Array.from(b.partFeature)).toEqual([0, 1, 1]);
		expect(triangleArea(b)).toBeCloseTo(3);
	});

	it('indexes triangles globally, after earlier features', () => {
		const b = buildPolygonBuffers([square, square]);
		expect(Math.min(...b.triangles.subarray(b.triangles.length / 2))).toBeGreaterThanOrEqual(5);
	});
});

describe('expandFeatureColors', () => {
	it('repeats each feature colour on each of its vertices', () => {
		const b = buildPolygonBuffers([square, square]);
		const c = expandFeatureColors(b, Uint8Array.from([1, 2, 3, 4, 9, 8, 7, 6]));
		expect(Array.from(c.subarray(0, 4))).toEqual([1, 2, 3, 4]);
		expect(Array.from(c.subarray(36, 40))).toEqual([9, 8, 7, 6]);
	});

	it('reads colours from a view at any byte offset', () => {
		const b = buildPolygonBuffers([square, square]);
		const backing = Uint8Array.from([0, 1, 2, 3, 4, 9, 8, 7, 6]);
		const c = expandFeatureColors(b, backing.subarray(1));
		expect(c).toEqual(expandFeatureColors(b, Uint8Array.from([1, 2, 3, 4, 9, 8, 7, 6])));
		expect(Array.from(c.subarray(c.length - 4))).toEqual([9, 8, 7, 6]);
	});
});
