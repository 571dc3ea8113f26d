/**
 * Ring arithmetic: planar signed area (for orientation), spherical area in km² (the same formula
 * as turf.area, so the build and tests agree), point-in-polygon by ray casting, and the rounding
 * step that snaps every coordinate to 1e-6° so that neighbours computed separately share
 * bit-identical edges.
 */
import type { Point, Polygon, Polygons, Ring } from './types';

// The mean Earth radius turf 7 uses; close to the authalic radius, so areas are near-ellipsoidal.
const EARTH_RADIUS_M = 6371008.8;
const RAD = Math.PI / 180;

/** Shoelace area in square degrees; positive for counter-clockwise rings (y up). */
export function signedArea(ring: Ring): number {
	let sum = 0;
	for (let i = 0, n = ring.length; i < n; i++) {
		const a = ring[i] as Point;
		const b = ring[(i + 1) % n] as Point;
		sum += a[0] * b[1] - b[0] * a[1];
	}
	return sum / 2;
}

/** Area of a ring on the sphere in km² (unsigned), as turf.area computes it. */
export function ringAreaKm2(ring: Ring): number {
	const n = ring.length;
	if (n < 3) return 0;
	let total = 0;
	for (let i = 0; i < n; i++) {
		const lower = ring[i] as Point;
		const middle = ring[(i + 1) % n] as Point;
		const upper = ring[(i + 2) % n] as Point;
		total += (upper[0] - lower[0]) * RAD * Math.sin(middle[1] * RAD);
	}
	return Math.abs((total * EARTH_RADIUS_M * EARTH_RADIUS_M) / 2) / 1e6;
}

/** Open ring (no repeated closing point) view, which the area formulas above expect. */
export function openRing(ring: Ring): Ring {
	const first = ring[0];
	const last = ring[ring.length - 1];
	if (ring.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) {
		return ring.slice(0, -1);
	}
	return ring;
}

export function closeRing(ring: Ring): Ring {
	const first = ring[0];
	const last = ring[ring.length - 1];
	if (!first || !last) return ring;
	return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, [first[0], first[1]]];
}

export function polygonAreaKm2(polygon: Polygon): number {
	let area = 0;
	polygon.forEach((ring, i) => {
		const a = ringAreaKm2(openRing(ring));
		area += i === 0 ? a : -a;
	});
	return area;
}

export function polygonsAreaKm2(polygons: Polygons): number {
	return polygons.reduce((sum, p) => sum + polygonAreaKm2(p), 0);
}

/** Ray casting; points exactly on an edge may go either way, which sampling tolerates. */
export function pointInRing(x: number, y: number, ring: Ring): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i] as Point;
		const [xj, yj] = ring[j] as Point;
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

export function pointInPolygon(x: number, y: number, polygon: Polygon): boolean {
	if (!polygon[0] || !pointInRing(x, y, polygon[0])) return false;
	for (let i = 1; i < polygon.length; i++) if (pointInRing(x, y, polygon[i] as Ring)) return false;
	return true;
}

export function pointInPolygons(x: number, y: number, polygons: Polygons): boolean {
	return polygons.some((p) => pointInPolygon(x, y, p));
}

/**
 * Remove spikes: a vertex whose neighbours lie on the same line on the same side (the ring
 * goes out and straight back). The source outlines, quantised to 1/1024°, have a few, and
 * rounding can create more; a valid polygon has none.
 */
export function removeSpikes(open: Ring, tolerance = 0): Ring {
	const out = [...open];
	let changed = true;
	while (changed && out.length >= 3) {
		changed = false;
		for (let i = 0; i < out.length && out.length >= 3; i++) {
			const a = out[(i + out.length - 1) % out.length] as Point;
			const b = out[i] as Point;
			const c = out[(i + 1) % out.length] as Point;
			const cross = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
			const dot = (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1]);
			const same = a[0] === c[0] && a[1] === c[1];
			// Distance of c from the line ab (or of a from bc): within tolerance counts as on it.
			const ab = Math.hypot(b[0] - a[0], b[1] - a[1]);
			const bc = Math.hypot(c[0] - b[0], c[1] - b[1]);
			const flat = Math.abs(cross) <= tolerance * Math.max(ab, bc);
			if ((flat && dot <= 0) || same || (b[0] === c[0] && b[1] === c[1])) {
				out.splice(i, 1);
				if (same && out.length > 2) out.splice(i % out.length, 1);
				changed = true;
				i--;
			}
		}
	}
	return out;
}

/** Snap to 1e-6°, drop repeated points and spikes, close; null if no area remains. */
export function roundRing(ring: Ring): Ring | null {
	const snapped: Ring = [];
	for (const [x, y] of openRing(ring)) {
		// A few source coordinates are NaN; they are not points.
		if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
		const p: Point = [Math.round(x * 1e6) / 1e6, Math.round(y * 1e6) / 1e6];
		const prev = snapped[snapped.length - 1];
		if (!prev || prev[0] !== p[0] || prev[1] !== p[1]) snapped.push(p);
	}
	// Points a rounding step off a line still count as on it: a fold-back that thin is a spike.
	const out = removeSpikes(snapped, 1.5e-6);
	if (out.length < 3 || signedArea(out) === 0) return null;
	return closeRing(out);
}

/** Outer rings counter-clockwise, holes clockwise (the contract's and GeoJSON's rule). */
export function orientPolygon(polygon: Polygon): Polygon {
	return polygon.map((ring, i) => {
		const ccw = signedArea(ring) > 0;
		return (i === 0) === ccw ? ring : [...ring].reverse();
	});
}

/** Round every ring (see roundRing); rings that collapse are dropped, polygons without an outer too. */
export function roundPolygons(polygons: Polygons): Polygons {
	const out: Polygons = [];
	for (const polygon of polygons) {
		const rings = polygon.map(roundRing);
		const [outer, ...holes] = rings;
		if (!outer) continue;
		out.push(
			orientPolygon([outer, ...holes.filter((h): h is NonNullable<typeof h> => h !== null)])
		);
	}
	return out;
}
