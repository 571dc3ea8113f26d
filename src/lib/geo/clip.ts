/**
 * Clip a (possibly concave, multi-part) outline to one convex Voronoi cell. Sutherland–Hodgman
 * is exact and fast when the outline's boundary crosses the cell's at most twice; with more
 * crossings it would join separate pieces with zero-width bridges, so those cells (a minority,
 * along a ragged county border) go through turf.intersect (polyclip-ts) instead.
 */
import { featureCollection, intersect, multiPolygon, polygon as turfPolygon } from '@turf/turf';
import type {
	GeoJsonProperties,
	MultiPolygon as GeoMultiPolygon,
	Polygon as GeoPolygon
} from 'geojson';
import { bboxOfPolygons, bboxesIntersect, type BBox } from './bbox';
import { openRing, orientPolygon, signedArea } from './ring';
import type { Point, Polygon, Polygons, Ring } from './types';

/** Points left of (or on) every edge of the CCW open ring `cell`. */
export function clipRingToConvex(subject: Ring, cell: Ring): Ring {
	let out = openRing(subject);
	const n = cell.length;
	for (let e = 0; e < n && out.length > 0; e++) {
		const [ax, ay] = cell[e] as Point;
		const [bx, by] = cell[(e + 1) % n] as Point;
		const dx = bx - ax;
		const dy = by - ay;
		const side = (p: Point) => dx * (p[1] - ay) - dy * (p[0] - ax);
		const input = out;
		out = [];
		let prev = input[input.length - 1] as Point;
		let sPrev = side(prev);
		for (const cur of input) {
			const sCur = side(cur);
			if (sCur >= 0) {
				if (sPrev < 0) out.push(cross(prev, cur, sPrev, sCur));
				out.push(cur);
			} else if (sPrev >= 0) {
				out.push(cross(prev, cur, sPrev, sCur));
			}
			prev = cur;
			sPrev = sCur;
		}
	}
	return out;
}

function cross(p: Point, q: Point, sp: number, sq: number): Point {
	const t = sp / (sp - sq);
	return [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])];
}

/** How many times the ring's boundary crosses the convex cell's boundary. */
export function countCrossings(subject: Ring, cell: Ring, cellBox: BBox): number {
	const ring = openRing(subject);
	const n = cell.length;
	const inside = (p: Point) => {
		for (let e = 0; e < n; e++) {
			const a = cell[e] as Point;
			const b = cell[(e + 1) % n] as Point;
			if ((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) < 0) return false;
		}
		return true;
	};
	let count = 0;
	let prev = ring[ring.length - 1] as Point;
	let prevIn = inside(prev);
	for (const cur of ring) {
		const curIn = inside(cur);
		if (curIn !== prevIn) count++;
		else if (!curIn && segmentHitsCell(prev, cur, cell, cellBox)) count += 2;
		prev = cur;
		prevIn = curIn;
	}
	return count;
}

/** Cyrus–Beck: does the segment pq pass through the convex cell's interior? */
function segmentHitsCell(p: Point, q: Point, cell: Ring, box: BBox): boolean {
	if (Math.max(p[0], q[0]) < box[0] || Math.min(p[0], q[0]) > box[2]) return false;
	if (Math.max(p[1], q[1]) < box[1] || Math.min(p[1], q[1]) > box[3]) return false;
	let t0 = 0;
	let t1 = 1;
	const n = cell.length;
	for (let e = 0; e < n; e++) {
		const a = cell[e] as Point;
		const b = cell[(e + 1) % n] as Point;
		const nx = -(b[1] - a[1]);
		const ny = b[0] - a[0];
		const num = nx * (p[0] - a[0]) + ny * (p[1] - a[1]);
		const den = nx * (q[0] - p[0]) + ny * (q[1] - p[1]);
		if (den === 0) {
			if (num < 0) return false;
		} else {
			const t = -num / den;
			if (den > 0) t0 = Math.max(t0, t);
			else t1 = Math.min(t1, t);
			if (t0 >= t1) return false;
		}
	}
	return true;
}

export interface ClipStats {
	fast: number;
	fallback: number;
}

/**
 * The part of `outline` inside `cell` (an open or closed convex ring, any orientation).
 * Returns polygons with unrounded coordinates; empty if they do not meet.
 */
export function clipOutlineToCell(outline: Polygons, cell: Ring, stats?: ClipStats): Polygons {
	let c = openRing(cell);
	if (signedArea(c) < 0) c = [...c].reverse();
	const cellBox = bboxOfPolygons([[c]]);
	const parts: Polygons = [];
	for (const polygon of outline) {
		if (!bboxesIntersect(bboxOfPolygons([polygon]), cellBox)) continue;
		const simple = polygon.length === 1 && countCrossings(polygon[0] as Ring, c, cellBox) <= 2;
		if (simple) {
			if (stats) stats.fast++;
			const ring = clipRingToConvex(polygon[0] as Ring, c);
			if (ring.length >= 3 && Math.abs(signedArea(ring)) > 0) parts.push([ring]);
			continue;
		}
		if (stats) stats.fallback++;
		// Cut the outline down to a box a little larger than the cell first: polyclip's cost
		// grows with the subject's thousands of vertices, and the zero-width seams this leaves
		// run along the box, outside the cell, where they cannot reach the result.
		const w = cellBox[2] - cellBox[0];
		const h = cellBox[3] - cellBox[1];
		const pad = 0.05 * Math.max(w, h);
		const box: Ring = [
			[cellBox[0] - pad, cellBox[1] - pad],
			[cellBox[2] + pad, cellBox[1] - pad],
			[cellBox[2] + pad, cellBox[3] + pad],
			[cellBox[0] - pad, cellBox[3] + pad]
		];
		const cut = polygon.map((ring) => clipRingToConvex(ring, box));
		const usable = (ring: Ring) => ring.length >= 3 && signedArea(ring) !== 0;
		if (!usable(cut[0] as Ring)) continue;
		const reduced = cut.filter(usable).map((ring) => [...ring, ring[0] as Point]);
		const result = intersect<GeoJsonProperties>(
			featureCollection<GeoPolygon | GeoMultiPolygon>([
				turfPolygon([[...c, c[0] as Point]]),
				multiPolygon([reduced])
			])
		);
		if (!result) continue;
		const g = result.geometry;
		const got = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
		for (const p of got) parts.push(orientPolygon(p as Polygon));
	}
	return parts;
}
