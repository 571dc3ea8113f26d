/**
 * Generated boundaries of the committed 紫阳县 dataset: every polygon valid, villages tiling the
 * real outline (areas sum to the county within 0.5%, union equals the sum, pairwise overlaps
 * nil), townships equal to the union of their villages and essentially in one piece.
 */
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { area, featureCollection, intersect, multiPolygon, union } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { bboxesIntersect, type BBox } from '../../../src/lib/geo/bbox';
import { polygonAreaKm2, polygonsAreaKm2 } from '../../../src/lib/geo/ring';
import type { Polygons } from '../../../src/lib/geo/types';
import { validatePolygons } from '../../../src/lib/geo/validate';
import { decodeWkb } from '../../../src/lib/geo/wkb';

interface Unit {
	code: string;
	level: string;
	polygons: Polygons;
	bbox: BBox;
}

const table = tableFromIPC(readFileSync('static/data/610924/boundary.arrow'));
const units: Unit[] = table.toArray().map((r) => {
	const o = r.toJSON() as {
		code: string;
		level: string;
		geom_wkb: Uint8Array;
		minx: number;
		miny: number;
		maxx: number;
		maxy: number;
	};
	return {
		code: o.code,
		level: o.level,
		polygons: decodeWkb(o.geom_wkb),
		bbox: [o.minx, o.miny, o.maxx, o.maxy]
	};
});
const county = units.find((u) => u.level === 'county') as Unit;
const cells = units.filter((u) => u.level === 'village' || u.level === 'community');
const towns = units.filter((u) => u.level === 'township');
const feature = (u: Unit) => multiPolygon(u.polygons);

describe('610924 generated boundaries', () => {
	it('are all valid and non-empty', () => {
		for (const u of units) {
			expect(validatePolygons(u.polygons), u.code).toEqual([]);
			expect(polygonsAreaKm2(u.polygons), u.code).toBeGreaterThan(0.05);
		}
	});

	it('sum to the county area within 0.5% and match turf.area', () => {
		const sum = cells.reduce((s, u) => s + polygonsAreaKm2(u.polygons), 0);
		const whole = polygonsAreaKm2(county.polygons);
		expect(Math.abs(sum - whole) / whole).toBeLessThan(0.005);
		expect(Math.abs(area(feature(county)) / 1e6 - whole) / whole).toBeLessThan(1e-9);
	});

	it('have no gaps or overlaps: union area equals the sum, pairwise overlaps are nil', () => {
		const sum = cells.reduce((s, u) => s + polygonsAreaKm2(u.polygons), 0);
		const merged = union(featureCollection(cells.map(feature)));
		expect(merged).not.toBeNull();
		expect(Math.abs((area(merged!) / 1e6 - sum) / sum)).toBeLessThan(1e-6);
		let pairs = 0;
		for (let i = 0; i < cells.length; i++) {
			for (let j = i + 1; j < cells.length; j++) {
				const a = cells[i] as Unit;
				const b = cells[j] as Unit;
				if (!bboxesIntersect(a.bbox, b.bbox)) continue;
				pairs++;
				const overlap = intersect(featureCollection([feature(a), feature(b)]));
				expect(overlap ? area(overlap) : 0, `${a.code} × ${b.code}`).toBeLessThan(1);
			}
		}
		expect(pairs).toBeGreaterThan(cells.length);
	});

	it('make townships that are the union of their villages, essentially one piece each', () => {
		for (const t of towns) {
			const mine = cells.filter((u) => u.code.startsWith(t.code));
			const sum = mine.reduce((s, u) => s + polygonsAreaKm2(u.polygons), 0);
			const a = polygonsAreaKm2(t.polygons);
			expect(Math.abs(a - sum) / a, t.code).toBeLessThan(1e-9);
			// The real outline has two small exclaves; anything else would be a broken township.
			const largest = Math.max(...t.polygons.map(polygonAreaKm2));
			expect(largest / a, t.code).toBeGreaterThan(0.9);
		}
	});
});
