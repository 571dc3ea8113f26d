import { area, polygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import {
	orientPolygon,
	pointInPolygon,
	polygonAreaKm2,
	ringAreaKm2,
	roundRing,
	signedArea
} from './ring';
import type { Ring } from './types';

const box = (x: number, y: number, w: number, h: number): Ring => [
	[x, y],
	[x + w, y],
	[x + w, y + h],
	[x, y + h],
	[x, y]
];

describe('ring arithmetic', () => {
	it.each([
		['counter-clockwise', box(0, 0, 2, 1), 2],
		['clockwise', [...box(0, 0, 2, 1)].reverse(), -2]
	])('signs the area of a %s ring', (_, ring, expected) => {
		expect(signedArea(ring as Ring)).toBeCloseTo(expected as number, 12);
	});

	it.each([
		[0, 0],
		[108.5, 32.5],
		[87, 45]
	])('agrees with turf.area for a 0.1° box at (%f, %f)', (x, y) => {
		const ring = box(x, y, 0.1, 0.1);
		expect(ringAreaKm2(ring.slice(0, -1))).toBeCloseTo(area(polygon([ring])) / 1e6, 9);
	});

	it('subtracts holes from the area', () => {
		const outer = box(108, 32, 0.2, 0.2);
		const hole = [...box(108.05, 32.05, 0.1, 0.1)].reverse();
		expect(polygonAreaKm2([outer, hole])).toBeCloseTo(area(polygon([outer, hole])) / 1e6, 9);
	});

	it.each([
		['inside', 0.5, 0.5, true],
		['in the hole', 1.5, 1.5, false],
		['outside', 5, 5, false]
	])('tests a point %s', (_, x, y, inside) => {
		const p = [box(0, 0, 3, 3), [...box(1, 1, 1, 1)].reverse()];
		expect(pointInPolygon(x as number, y as number, p)).toBe(inside);
	});

	it('rounds to 1e-6, drops repeats and spikes, and closes', () => {
		const ring: Ring = [
			[0.0000004, 0],
			[1, 0],
			[1, 0],
			[1, 1],
			[1, 2],
			[1, 1.0000001],
			[0, 1]
		];
		expect(roundRing(ring)).toEqual([
			[0, 0],
			[1, 0],
			[1, 1],
			[0, 1],
			[0, 0]
		]);
	});

	it('returns null for rings that collapse', () => {
		expect(
			roundRing([
				[0, 0],
				[1e-7, 0],
				[0, 1e-7]
			])
		).toBeNull();
		expect(
			roundRing([
				[0, 0],
				[1, 1],
				[2, 2]
			])
		).toBeNull();
	});

	it('orients outer rings counter-clockwise and holes clockwise', () => {
		const [outer, hole] = orientPolygon([[...box(0, 0, 3, 3)].reverse(), box(1, 1, 1, 1)]);
		expect(signedArea(outer as Ring)).toBeGreaterThan(0);
		expect(signedArea(hole as Ring)).toBeLessThan(0);
	});
});
