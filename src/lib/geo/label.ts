/**
 * A label point guaranteed inside a polygon (boundary.cx/cy): the midpoint of the widest
 * horizontal span of the largest part, tried at a few heights. A centroid can fall outside a
 * concave village or in a hole; this cannot.
 */
import { bboxOfPolygons } from './bbox';
import { polygonAreaKm2 } from './ring';
import { scanline } from './sample';
import type { Point, Polygons } from './types';

export function labelPoint(polygons: Polygons): Point {
	const largest = [...polygons].sort((a, b) => polygonAreaKm2(b) - polygonAreaKm2(a))[0];
	if (!largest) throw new Error('labelPoint: empty geometry');
	const [minX, minY, maxX, maxY] = bboxOfPolygons([largest]);
	let best: Point = [(minX + maxX) / 2, (minY + maxY) / 2];
	let bestWidth = -1;
	for (const f of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
		const y = minY + (maxY - minY) * (f + 1.234e-4);
		const xs = scanline([largest], y);
		for (let k = 0; k + 1 < xs.length; k += 2) {
			const w = (xs[k + 1] as number) - (xs[k] as number);
			// Favour the middle height a little, so labels sit where the eye expects them.
			const score = w * (1 - Math.abs(f - 0.5));
			if (score > bestWidth) {
				bestWidth = score;
				best = [((xs[k] as number) + (xs[k + 1] as number)) / 2, y];
			}
		}
	}
	return best;
}
