/**
 * Golden fixtures (Turf style): fixtures/in/<case>.geojson holds an outline and a convex cell;
 * fixtures/out/<case>.geojson the clipped result, coordinates rounded to 1e-6°. Regenerate with
 * UPDATE_FIXTURES=1 after a deliberate change, and review the diff.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { area, featureCollection, intersect, multiPolygon, polygon } from '@turf/turf';
import type { MultiPolygon as GeoMultiPolygon, Polygon as GeoPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { clipOutlineToCell, clipRingToConvex, countCrossings, type ClipStats } from './clip';
import { bboxOfPolygons } from './bbox';
import { polygonsAreaKm2 } from './ring';
import { roundPolygons } from './tessellate';
import type { Polygons, Ring } from './types';
import { validatePolygons } from './validate';

const DIR = join(import.meta.dirname, 'fixtures');
const cases = readdirSync(join(DIR, 'in')).filter((f) => f.endsWith('.geojson'));

interface In {
	features: { properties: { role: string }; geometry: { type: string; coordinates: unknown } }[];
}

function load(file: string): { outline: Polygons; cell: Ring } {
	const fc = JSON.parse(readFileSync(join(DIR, 'in', file), 'utf8')) as In;
	const [o, c] = fc.features;
	const outline =
		o?.geometry.type === 'Polygon'
			? [o.geometry.coordinates as Polygons[number]]
			: (o?.geometry.coordinates as Polygons);
	return { outline, cell: (c?.geometry.coordinates as Ring[])[0] as Ring };
}

describe('clipOutlineToCell golden fixtures', () => {
	it.each(cases)('%s', (file) => {
		const { outline, cell } = load(file);
		const stats: ClipStats = { fast: 0, fallback: 0 };
		const result = roundPolygons(clipOutlineToCell(outline, cell, stats));
		const out = {
			type: 'FeatureCollection',
			features: result.length
				? [
						{
							type: 'Feature',
							properties: stats,
							geometry: { type: 'MultiPolygon', coordinates: result }
						}
					]
				: []
		};
		const path = join(DIR, 'out', file);
		// A missing golden output fails: it is written only on purpose (UPDATE_FIXTURES=1).
		if (!process.env.UPDATE_FIXTURES && !existsSync(path))
			throw new Error(`missing golden ${path}: run with UPDATE_FIXTURES=1 and review it`);
		if (process.env.UPDATE_FIXTURES) writeFileSync(path, `${JSON.stringify(out, null, 1)}\n`);
		expect(out).toEqual(JSON.parse(readFileSync(path, 'utf8')));
		for (const p of result) expect(validatePolygons([p])).toEqual([]);
		// Same area as a general-purpose clipper.
		const ref = intersect(
			featureCollection<GeoPolygon | GeoMultiPolygon>([polygon([cell]), multiPolygon(outline)])
		);
		expect(polygonsAreaKm2(result)).toBeCloseTo(ref ? area(ref) / 1e6 : 0, 3);
	});
});

describe('Sutherland–Hodgman pieces', () => {
	const square: Ring = [
		[0, 0],
		[2, 0],
		[2, 2],
		[0, 2]
	];
	it.each<[string, Ring, number]>([
		[
			'inside',
			[
				[0.5, 0.5],
				[1.5, 0.5],
				[1.5, 1.5],
				[0.5, 1.5]
			],
			0
		],
		[
			'crossing one side',
			[
				[1, 0.5],
				[3, 0.5],
				[3, 1.5],
				[1, 1.5]
			],
			2
		],
		[
			'cut by a bar',
			[
				[-1, 0.5],
				[3, 0.5],
				[3, 1.5],
				[-1, 1.5]
			],
			4
		]
	])('counts crossings of a ring %s', (_, ring, n) => {
		expect(countCrossings(ring, square, bboxOfPolygons([[square]]))).toBe(n);
	});

	it('clips a ring to a convex polygon', () => {
		const out = clipRingToConvex(
			[
				[1, 1],
				[3, 1],
				[3, 3],
				[1, 3]
			],
			square
		);
		expect(out).toEqual([
			[1, 2],
			[1, 1],
			[2, 1],
			[2, 2]
		]);
	});
});
