/**
 * Repair a source outline that is not a valid polygon. A few of the quantised county outlines
 * cross or touch themselves (the 1/1024° grid snaps nearby borders together); a self-union
 * through polyclip-ts rebuilds them as valid, non-overlapping parts with the same area. Valid
 * outlines pass through untouched, so the default region's output does not depend on this.
 */
import { featureCollection, multiPolygon, union } from '@turf/turf';
import { orientPolygon, roundPolygons } from './ring';
import type { Point, Polygon, Polygons, Ring } from './types';
import { validatePolygons } from './validate';

export function repairOutline(outline: Polygons): { polygons: Polygons; repaired: boolean } {
	if (validatePolygons(outline).length === 0) return { polygons: outline, repaired: false };
	let merged;
	try {
		merged = union(featureCollection([multiPolygon(outline), multiPolygon(outline)]));
	} catch {
		// polyclip gives up on some degenerate input; the outline is then used as it is.
		return { polygons: outline, repaired: false };
	}
	if (!merged) return { polygons: outline, repaired: false };
	const g = merged.geometry;
	const parts = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as Polygon[];
	const polygons = nodeTouches(roundPolygons(parts.map(orientPolygon)));
	return polygons.length ? { polygons, repaired: true } : { polygons: outline, repaired: false };
}

/**
 * Where a vertex of one ring lies on an edge of another ring (a hole touching its outer ring
 * mid-edge, or two parts touching), add it to that edge as well, so the touch is at a shared
 * vertex, which a valid polygon may have.
 */
export function nodeTouches(polygons: Polygons): Polygons {
	const vertices = polygons.flatMap((polygon) => polygon.flatMap((ring) => ring));
	return polygons.map((polygon) =>
		polygon.map((ring) => {
			const out: Ring = [];
			for (let i = 0; i + 1 < ring.length; i++) {
				const a = ring[i] as Point;
				const b = ring[i + 1] as Point;
				out.push(a);
				const on = vertices.filter((v) => onSegmentStrict(a, b, v));
				on.sort((p, q) => dist2(a, p) - dist2(a, q));
				for (const v of on) if (!out.some((o) => o[0] === v[0] && o[1] === v[1])) out.push(v);
			}
			out.push(ring[ring.length - 1] as Point);
			return out;
		})
	);
}

const dist2 = (a: Point, b: Point) => (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;

function onSegmentStrict(a: Point, b: Point, p: Point): boolean {
	if ((p[0] === a[0] && p[1] === a[1]) || (p[0] === b[0] && p[1] === b[1])) return false;
	const cross = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
	if (Math.abs(cross) > 1e-12 * Math.max(1, dist2(a, b))) return false;
	return (
		Math.min(a[0], b[0]) <= p[0] &&
		p[0] <= Math.max(a[0], b[0]) &&
		Math.min(a[1], b[1]) <= p[1] &&
		p[1] <= Math.max(a[1], b[1])
	);
}
