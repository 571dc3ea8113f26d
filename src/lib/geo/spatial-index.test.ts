/**
 * The spatial index on hand-made units whose answers are known: two squares sharing an edge, a
 * square with a hole, a two-part unit; points on edges, corners, in the hole and outside. Areas
 * and centroids against turf, nearest sites against a brute-force scan.
 */
import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import {
	SpatialIndex,
	centroidOf,
	polygonsCover,
	ringSide,
	type IndexedUnit
} from './spatial-index';
import { distanceKm } from './distance';
import { createRandom } from './random';
import type { Polygons, Ring } from './types';

const square = (x0: number, y0: number, x1: number, y1: number): Ring => [
	[x0, y0],
	[x1, y0],
	[x1, y1],
	[x0, y1],
	[x0, y0]
];
const hole = (x0: number, y0: number, x1: number, y1: number): Ring =>
	square(x0, y0, x1, y1).reverse();

// A at [108,32]–[108.1,32.1]; B to its east sharing the edge x = 108.1; C with a hole; D in two parts.
const A: Polygons = [[square(108, 32, 108.1, 32.1)]];
const B: Polygons = [[square(108.1, 32, 108.2, 32.1)]];
const C: Polygons = [[square(108.3, 32, 108.5, 32.2), hole(108.35, 32.05, 108.45, 32.15)]];
const D: Polygons = [[square(108.6, 32, 108.7, 32.1)], [square(108.8, 32, 108.9, 32.1)]];
const units: IndexedUnit[] = [
	{ code: '610924000002', level: 'village', polygons: B, cx: 108.15, cy: 32.05 },
	{ code: '610924000001', level: 'village', polygons: A, cx: 108.05, cy: 32.05 },
	{ code: '610924000003', level: 'community', polygons: C, cx: 108.32, cy: 32.1 },
	{ code: '610924000004', level: 'village', polygons: D, cx: 108.65, cy: 32.05 },
	{
		code: '610924000',
		level: 'township',
		polygons: [[square(108, 32, 108.2, 32.1)]],
		cx: 108.1,
		cy: 32.05
	}
];
const index = new SpatialIndex(units, []);
const codeAt = (lon: number, lat: number, level = 'village') => {
	const i = index.unitAt(lon, lat, level);
	return i < 0 ? null : units[i]?.code;
};

describe('point in unit', () => {
	it('finds the unit whose interior holds the point, at the requested level', () => {
		expect(codeAt(108.05, 32.05)).toBe('610924000001');
		expect(codeAt(108.15, 32.05)).toBe('610924000002');
		expect(codeAt(108.15, 32.05, 'township')).toBe('610924000');
		expect(codeAt(108.15, 32.05, 'county')).toBeNull();
	});
	it('gives a point on a shared edge or corner to the smaller code', () => {
		expect(codeAt(108.1, 32.05)).toBe('610924000001');
		expect(codeAt(108.1, 32.1)).toBe('610924000001');
		// On an outer edge only one unit touches it.
		expect(codeAt(108.2, 32.05)).toBe('610924000002');
	});
	it('answers null in a hole, but the hole edge still belongs to the unit', () => {
		expect(codeAt(108.4, 32.1)).toBeNull();
		expect(codeAt(108.35, 32.1)).toBe('610924000003');
		expect(codeAt(108.32, 32.1)).toBe('610924000003');
	});
	it('finds either part of a multipolygon, and nothing between the parts or outside all', () => {
		expect(codeAt(108.85, 32.05)).toBe('610924000004');
		expect(codeAt(108.65, 32.05)).toBe('610924000004');
		expect(codeAt(108.75, 32.05)).toBeNull();
		expect(codeAt(100, 30)).toBeNull();
		expect(codeAt(Number.NaN, 32)).toBeNull();
	});
	it('agrees with turf.booleanPointInPolygon off the edges', () => {
		const random = createRandom(7);
		for (let k = 0; k < 500; k++) {
			const x = 107.95 + random() * 1;
			const y = 31.95 + random() * 0.3;
			const mp = turf.multiPolygon(C);
			expect(polygonsCover(x, y, C)).toBe(turf.booleanPointInPolygon([x, y], mp));
		}
	});
	it('classifies ring sides exactly', () => {
		const r = square(0, 0, 1, 1);
		expect(ringSide(0.5, 0.5, r)).toBe('in');
		expect(ringSide(0.5, 0, r)).toBe('on');
		expect(ringSide(1, 1, r)).toBe('on');
		expect(ringSide(1.5, 0.5, r)).toBe('out');
		expect(ringSide(2, 0, r)).toBe('out'); // collinear with an edge, beyond it
	});
});

describe('area, centroid, boxes, distances', () => {
	it('areas match turf.area (km²) and subtract holes', () => {
		units.forEach((u, i) => {
			expect(index.areaKm2(i)).toBeCloseTo(turf.area(turf.multiPolygon(u.polygons)) / 1e6, 6);
		});
		// The hole is a quarter of C's outer square.
		const outer = turf.area(turf.polygon([square(108.3, 32, 108.5, 32.2)])) / 1e6;
		expect(index.areaKm2(2) / outer).toBeCloseTo(0.75, 2);
	});
	it('centroids match turf.centerOfMass; a hole off-centre pulls it away', () => {
		for (const u of units) {
			const [x, y] = turf.centerOfMass(turf.multiPolygon(u.polygons)).geometry.coordinates;
			const [cx, cy] = centroidOf(u.polygons);
			expect(cx).toBeCloseTo(x as number, 9);
			expect(cy).toBeCloseTo(y as number, 9);
		}
		expect(centroidOf(D)).toEqual([expect.closeTo(108.75, 9), expect.closeTo(32.05, 9)]);
		const shifted = centroidOf([[square(0, 0, 4, 4), hole(2, 0, 4, 4)]]);
		expect(shifted[0]).toBeCloseTo(1, 9);
	});
	it('boxes intersect when they touch, not when apart', () => {
		expect(index.bboxesIntersect(0, 1)).toBe(true);
		expect(index.bboxesIntersect(1, 2)).toBe(false);
		expect(index.bbox(3)).toEqual([108.6, 32, 108.9, 32.1]);
	});
	it('unit distances are label-point great-circle km', () => {
		expect(index.unitDistanceKm(0, 1)).toBeCloseTo(distanceKm(108.15, 32.05, 108.05, 32.05), 12);
		expect(index.unitDistanceKm(0, 1)).toBeCloseTo(9.43, 1); // 0.1° of longitude at 32°N
	});
});

describe('nearest site', () => {
	it('equals a brute-force scan on the sphere, kind by kind', () => {
		const random = createRandom(11);
		const sites = Array.from({ length: 300 }, (_, k) => ({
			id: `S${String(k).padStart(3, '0')}`,
			kind: k % 3 === 0 ? 'factory' : 'resettlement',
			lon: 105 + random() * 10,
			lat: 25 + random() * 15
		}));
		const idx = new SpatialIndex([], sites);
		for (let t = 0; t < 200; t++) {
			const lon = 104 + random() * 12;
			const lat = 24 + random() * 17;
			for (const kind of ['factory', 'resettlement']) {
				let best = Infinity;
				for (const s of sites)
					if (s.kind === kind) best = Math.min(best, distanceKm(lon, lat, s.lon, s.lat));
				const got = idx.nearestSite(lon, lat, kind);
				expect(got?.km).toBeCloseTo(best, 9);
			}
		}
		expect(idx.nearestSite(110, 30, 'school')).toBeNull();
	});
});
