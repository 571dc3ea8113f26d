/**
 * Spatial indexes over one loaded dataset, the engine behind the console's spatial SQL
 * functions (data/spatial-functions.ts): a flatbush R-tree over the units' bounding boxes with an
 * exact point-in-polygon test (holes and multipolygons), and a kdbush tree over the sites with an
 * exact nearest-site search on the sphere.
 *
 * Conventions the SQL help repeats:
 * - A point on an edge shared by two units belongs to both geometrically; `unitAt` answers the
 *   one with the smallest code, so the answer is deterministic. A point on an outer edge of the
 *   region, or in a hole, or outside every unit, is in no unit (null).
 * - Distances are great-circle km (geo/distance.ts, the `dist_km` macro's formula). A unit's
 *   position for distances is its label point (`boundary.cx/cy`, always inside the unit, the
 *   `lon/lat` of `v_village`), not its centroid, which may fall outside a crescent-shaped unit.
 * - Area is on the sphere (ring.ts, turf.area's formula); the centroid is the area-weighted planar
 *   centroid in degrees, accurate at county scale (a unit is a few km across).
 */
import Flatbush from 'flatbush';
import KDBush from 'kdbush';
import { distanceKm } from './distance';
import { openRing, polygonsAreaKm2 } from './ring';
import type { Point, Polygons, Ring } from './types';

export interface IndexedUnit {
	code: string;
	level: string;
	polygons: Polygons;
	/** Label point (inside the unit). */
	cx: number;
	cy: number;
}

export interface IndexedSite {
	id: string;
	kind: string;
	lon: number;
	lat: number;
}

/** Where a point lies relative to a ring: inside, on its boundary, or outside. */
export type RingSide = 'in' | 'on' | 'out';

/** Exact side of a point against one ring: boundary first (collinear and between), then parity. */
export function ringSide(x: number, y: number, ring: Ring): RingSide {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i] as Point;
		const [xj, yj] = ring[j] as Point;
		const cross = (xj - xi) * (y - yi) - (yj - yi) * (x - xi);
		const between =
			Math.min(xi, xj) <= x &&
			x <= Math.max(xi, xj) &&
			Math.min(yi, yj) <= y &&
			y <= Math.max(yi, yj);
		if (cross === 0 && between) return 'on';
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside ? 'in' : 'out';
}

/** Whether a unit's geometry covers the point: inside or on its boundary, never in a hole. */
export function polygonsCover(x: number, y: number, polygons: Polygons): boolean {
	return polygons.some((polygon) => {
		const [outer, ...holes] = polygon;
		if (!outer || ringSide(x, y, outer) === 'out') return false;
		// A point on a hole's edge is on the unit's boundary: covered.
		return holes.every((h) => ringSide(x, y, h) !== 'in');
	});
}

/** Area-weighted planar centroid in degrees; the mean of the vertices for a degenerate unit. */
export function centroidOf(polygons: Polygons): Point {
	let a = 0;
	let sx = 0;
	let sy = 0;
	let mx = 0;
	let my = 0;
	let n = 0;
	// Relative to one vertex: products of raw lon/lat (~10⁴) would cancel away digits.
	const [ox, oy] = polygons[0]?.[0]?.[0] ?? [0, 0];
	for (const polygon of polygons)
		polygon.forEach((ring, r) => {
			const open = openRing(ring);
			let ra = 0;
			let rx = 0;
			let ry = 0;
			for (let i = 0; i < open.length; i++) {
				const x0 = (open[i] as Point)[0] - ox;
				const y0 = (open[i] as Point)[1] - oy;
				const x1 = (open[(i + 1) % open.length] as Point)[0] - ox;
				const y1 = (open[(i + 1) % open.length] as Point)[1] - oy;
				const c = x0 * y1 - x1 * y0;
				ra += c / 2;
				rx += ((x0 + x1) * c) / 6;
				ry += ((y0 + y1) * c) / 6;
				mx += x0;
				my += y0;
				n++;
			}
			// Outer rings add and holes subtract, whatever way a ring happens to run.
			const sign = (r === 0 ? 1 : -1) * (ra < 0 ? -1 : 1);
			a += sign * ra;
			sx += sign * rx;
			sy += sign * ry;
		});
	if (a === 0) return [ox + mx / Math.max(1, n), oy + my / Math.max(1, n)];
	return [ox + sx / a, oy + sy / a];
}

/** Degrees of longitude and latitude spanning `km` around latitude `lat` (an over-estimate). */
function degreesFor(km: number, lat: number): [number, number] {
	const dLat = km / 111.0;
	const cos = Math.max(0.01, Math.cos(((Math.abs(lat) + dLat) * Math.PI) / 180));
	return [dLat / cos, dLat];
}

export class SpatialIndex {
	readonly units: readonly IndexedUnit[];
	readonly sites: readonly IndexedSite[];
	readonly #byCode = new Map<string, number>();
	readonly #bboxes: Float64Array;
	readonly #tree: Flatbush | null;
	readonly #siteTrees = new Map<string, { tree: KDBush; ids: number[] }>();
	readonly #areas: Float64Array;
	readonly #centroids: Float64Array;

	constructor(units: readonly IndexedUnit[], sites: readonly IndexedSite[]) {
		this.units = units;
		this.sites = sites;
		this.#bboxes = new Float64Array(units.length * 4);
		this.#areas = new Float64Array(units.length);
		this.#centroids = new Float64Array(units.length * 2);
		units.forEach((u, i) => {
			this.#byCode.set(u.code, i);
			const b = [Infinity, Infinity, -Infinity, -Infinity];
			for (const p of u.polygons)
				for (const [x, y] of p[0] ?? []) {
					b[0] = Math.min(b[0] as number, x);
					b[1] = Math.min(b[1] as number, y);
					b[2] = Math.max(b[2] as number, x);
					b[3] = Math.max(b[3] as number, y);
				}
			this.#bboxes.set(b, i * 4);
			this.#areas[i] = polygonsAreaKm2(u.polygons);
			this.#centroids.set(centroidOf(u.polygons), i * 2);
		});
		if (units.length > 0) {
			const tree = new Flatbush(units.length);
			for (let i = 0; i < units.length; i++) {
				const o = i * 4;
				tree.add(
					this.#bboxes[o] as number,
					this.#bboxes[o + 1] as number,
					this.#bboxes[o + 2] as number,
					this.#bboxes[o + 3] as number
				);
			}
			tree.finish();
			this.#tree = tree;
		} else this.#tree = null;
		const kinds = new Map<string, number[]>();
		sites.forEach((s, i) => {
			if (!Number.isFinite(s.lon) || !Number.isFinite(s.lat)) return;
			kinds.set(s.kind, [...(kinds.get(s.kind) ?? []), i]);
		});
		for (const [kind, ids] of kinds) {
			const tree = new KDBush(ids.length);
			for (const i of ids) tree.add((sites[i] as IndexedSite).lon, (sites[i] as IndexedSite).lat);
			tree.finish();
			this.#siteTrees.set(kind, { tree, ids });
		}
	}

	/** Row of a unit by code, or -1. */
	indexOf(code: string | null): number {
		return code === null ? -1 : (this.#byCode.get(code) ?? -1);
	}

	/** The unit of `level` (`village` matches villages and communities) covering the point. */
	unitAt(lon: number, lat: number, level: string): number {
		if (!this.#tree || !Number.isFinite(lon) || !Number.isFinite(lat)) return -1;
		const levels = level === 'village' ? ['village', 'community'] : [level];
		let best = -1;
		for (const i of this.#tree.search(lon, lat, lon, lat)) {
			const u = this.units[i] as IndexedUnit;
			if (!levels.includes(u.level) || !polygonsCover(lon, lat, u.polygons)) continue;
			if (best < 0 || u.code < (this.units[best] as IndexedUnit).code) best = i;
		}
		return best;
	}

	bbox(i: number): [number, number, number, number] {
		const b = this.#bboxes;
		return [b[i * 4], b[i * 4 + 1], b[i * 4 + 2], b[i * 4 + 3]] as [number, number, number, number];
	}

	areaKm2(i: number): number {
		return this.#areas[i] as number;
	}

	centroid(i: number): Point {
		return [this.#centroids[i * 2] as number, this.#centroids[i * 2 + 1] as number];
	}

	/** Whether two units' bounding boxes touch or overlap. */
	bboxesIntersect(i: number, j: number): boolean {
		const a = this.bbox(i);
		const b = this.bbox(j);
		return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
	}

	/** Great-circle km between two units' label points. */
	unitDistanceKm(i: number, j: number): number {
		const a = this.units[i] as IndexedUnit;
		const b = this.units[j] as IndexedUnit;
		return distanceKm(a.cx, a.cy, b.cx, b.cy);
	}

	/**
	 * The site of `kind` nearest to a point, exactly on the sphere: candidates come from a box
	 * that grows until the best great-circle distance found lies inside it.
	 */
	nearestSite(lon: number, lat: number, kind: string): { site: number; km: number } | null {
		const t = this.#siteTrees.get(kind);
		if (!t || !Number.isFinite(lon) || !Number.isFinite(lat)) return null;
		for (let km = 2; ; km *= 2) {
			const [dx, dy] = degreesFor(km, lat);
			let best: { site: number; km: number } | null = null;
			for (const k of t.tree.range(lon - dx, lat - dy, lon + dx, lat + dy)) {
				const i = t.ids[k] as number;
				const s = this.sites[i] as IndexedSite;
				const d = distanceKm(lon, lat, s.lon, s.lat);
				if (
					!best ||
					d < best.km ||
					(d === best.km && s.id < (this.sites[best.site] as IndexedSite).id)
				)
					best = { site: i, km: d };
			}
			if (best && best.km <= km) return best;
			if (km > 40_000) return best;
		}
	}
}
