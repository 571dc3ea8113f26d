/**
 * Union of polygons that tile a region edge to edge (a township from its villages, a county
 * from its townships). Because neighbouring cells share bit-identical rounded vertices, an
 * interior edge appears once in each direction and cancels; what is left is the boundary,
 * chained back into rings by always taking the next edge clockwise from where we came, so that
 * shapes pinched at a point come out as separate, valid parts. Exact, and much faster than a
 * general polygon union.
 */
import { pointInRing, signedArea } from './ring';
import type { Point, Polygon, Polygons, Ring } from './types';

const key = (x: number, y: number) => `${Math.round(x * 1e6)},${Math.round(y * 1e6)}`;

export function mergePolygons(parts: readonly Polygons[]): Polygons {
	// Net directed edges: a→b cancels a pending b→a.
	const pending = new Map<string, number>();
	const points = new Map<string, Point>();
	for (const polygons of parts) {
		for (const polygon of polygons) {
			for (const ring of polygon) {
				for (let i = 0; i + 1 < ring.length; i++) {
					const a = ring[i] as Point;
					const b = ring[i + 1] as Point;
					const ka = key(a[0], a[1]);
					const kb = key(b[0], b[1]);
					if (ka === kb) continue;
					points.set(ka, a);
					points.set(kb, b);
					const back = `${kb}|${ka}`;
					const n = pending.get(back) ?? 0;
					if (n > 0) {
						if (n === 1) pending.delete(back);
						else pending.set(back, n - 1);
					} else pending.set(`${ka}|${kb}`, (pending.get(`${ka}|${kb}`) ?? 0) + 1);
				}
			}
		}
	}
	const out = new Map<string, string[]>();
	for (const [edge, n] of pending) {
		const [a, b] = edge.split('|') as [string, string];
		for (let i = 0; i < n; i++) {
			const list = out.get(a);
			if (list) list.push(b);
			else out.set(a, [b]);
		}
	}
	const rings = chainRings(out, points);
	return assembleRings(rings);
}

function chainRings(out: Map<string, string[]>, points: Map<string, Point>): Ring[] {
	const rings: Ring[] = [];
	const starts = [...out.keys()].sort();
	for (const start of starts) {
		while ((out.get(start)?.length ?? 0) > 0) {
			const ring: Ring = [points.get(start) as Point];
			let prev = start;
			let cur = (out.get(start) as string[]).shift() as string;
			let guard = 0;
			while (cur !== start && guard++ < 1e7) {
				ring.push(points.get(cur) as Point);
				const next = pickNext(
					points.get(prev) as Point,
					points.get(cur) as Point,
					out.get(cur) ?? [],
					points
				);
				if (next < 0) break;
				const list = out.get(cur) as string[];
				const nk = list.splice(next, 1)[0] as string;
				prev = cur;
				cur = nk;
			}
			ring.push(points.get(start) as Point);
			if (ring.length >= 4) rings.push(ring);
		}
	}
	return rings;
}

/** Of the edges leaving `at`, the first one clockwise from the way back to `from`. */
function pickNext(from: Point, at: Point, options: string[], points: Map<string, Point>): number {
	if (options.length <= 1) return options.length - 1;
	const back = Math.atan2(from[1] - at[1], from[0] - at[0]);
	let best = -1;
	let bestAngle = Infinity;
	options.forEach((k, i) => {
		const p = points.get(k) as Point;
		let a = back - Math.atan2(p[1] - at[1], p[0] - at[0]);
		while (a <= 0) a += 2 * Math.PI;
		while (a > 2 * Math.PI) a -= 2 * Math.PI;
		if (a < bestAngle) {
			bestAngle = a;
			best = i;
		}
	});
	return best;
}

/** Counter-clockwise rings are outers; each clockwise ring is a hole of the outer around it. */
function assembleRings(rings: Ring[]): Polygons {
	const outers: Polygon[] = [];
	const holes: Ring[] = [];
	for (const ring of rings) {
		if (signedArea(ring) > 0) outers.push([ring]);
		else holes.push(ring);
	}
	outers.sort((a, b) => signedArea(a[0] as Ring) - signedArea(b[0] as Ring));
	for (const hole of holes) {
		// A point just left of the hole's first edge lies in the material around the hole.
		const a = hole[0] as Point;
		const b = hole[1] as Point;
		const len = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
		const px = (a[0] + b[0]) / 2 - ((b[1] - a[1]) / len) * 1e-7;
		const py = (a[1] + b[1]) / 2 + ((b[0] - a[0]) / len) * 1e-7;
		const host = outers.find((p) => pointInRing(px, py, p[0] as Ring));
		if (host) host.push(hole);
	}
	return outers.sort((a, b) => signedArea(b[0] as Ring) - signedArea(a[0] as Ring));
}
