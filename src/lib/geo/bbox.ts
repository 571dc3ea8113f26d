/**
 * Axis-aligned bounding boxes of rings and polygons, as [minX, minY, maxX, maxY]. Used to skip
 * work (clipping, point-in-polygon) and stored beside every boundary so the app can cull without
 * decoding geometry.
 */
import type { Polygon, Ring } from './types';

export type BBox = [number, number, number, number];

export function emptyBBox(): BBox {
	return [Infinity, Infinity, -Infinity, -Infinity];
}

export function extendBBox(box: BBox, ring: Ring): BBox {
	for (const [x, y] of ring) {
		if (x < box[0]) box[0] = x;
		if (y < box[1]) box[1] = y;
		if (x > box[2]) box[2] = x;
		if (y > box[3]) box[3] = y;
	}
	return box;
}

export function bboxOfPolygons(polygons: readonly Polygon[]): BBox {
	const box = emptyBBox();
	for (const polygon of polygons) for (const ring of polygon) extendBBox(box, ring);
	return box;
}

export function bboxesIntersect(a: BBox, b: BBox): boolean {
	return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

export function unionBBox(a: BBox, b: BBox): BBox {
	return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}
