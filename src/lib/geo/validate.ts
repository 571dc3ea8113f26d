/**
 * Geometry validity as the data check and tests need it: rings closed with at least four
 * points, no repeated consecutive points, outer rings counter-clockwise and holes clockwise,
 * non-zero area, and no two edges of a polygon crossing or overlapping (touching at a shared
 * vertex is allowed, as at pinch points between parts). A sweep on x keeps it near n log n.
 */
import { signedArea } from './ring';
import type { Point, Polygons } from './types';

type Seg = {
	ax: number;
	ay: number;
	bx: number;
	by: number;
	ring: number;
	index: number;
	size: number;
};

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
	const v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
	return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function onSegment(
	ax: number,
	ay: number,
	bx: number,
	by: number,
	px: number,
	py: number
): boolean {
	return (
		Math.min(ax, bx) <= px &&
		px <= Math.max(ax, bx) &&
		Math.min(ay, by) <= py &&
		py <= Math.max(ay, by)
	);
}

/** True if two segments share any point other than a common endpoint. */
function badIntersection(s: Seg, t: Seg): boolean {
	const shared = (px: number, py: number, q: Seg) =>
		(px === q.ax && py === q.ay) || (px === q.bx && py === q.by);
	const o1 = orient(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
	const o2 = orient(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
	const o3 = orient(t.ax, t.ay, t.bx, t.by, s.ax, s.ay);
	const o4 = orient(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
	if (o1 !== o2 && o3 !== o4 && o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0) return true;
	// Collinear or touching cases: bad unless the contact is only a shared endpoint.
	const touches: [number, number, Seg][] = [];
	if (o1 === 0 && onSegment(s.ax, s.ay, s.bx, s.by, t.ax, t.ay)) touches.push([t.ax, t.ay, s]);
	if (o2 === 0 && onSegment(s.ax, s.ay, s.bx, s.by, t.bx, t.by)) touches.push([t.bx, t.by, s]);
	if (o3 === 0 && onSegment(t.ax, t.ay, t.bx, t.by, s.ax, s.ay)) touches.push([s.ax, s.ay, t]);
	if (o4 === 0 && onSegment(t.ax, t.ay, t.bx, t.by, s.bx, s.by)) touches.push([s.bx, s.by, t]);
	if (touches.length === 0) return false;
	const collinear = o1 === 0 && o2 === 0;
	if (collinear) {
		// Overlap longer than a point is always bad.
		const pts = touches.map(([x, y]) => `${x},${y}`);
		return new Set(pts).size > 1 || !touches.every(([x, y]) => shared(x, y, s) && shared(x, y, t));
	}
	return !touches.every(([x, y]) => shared(x, y, s) && shared(x, y, t));
}

/** Problems found in one unit's geometry; empty when valid. */
export function validatePolygons(polygons: Polygons): string[] {
	const problems: string[] = [];
	if (polygons.length === 0) return ['no polygons'];
	const segs: Seg[] = [];
	let ringId = 0;
	polygons.forEach((polygon, pi) => {
		polygon.forEach((ring, ri) => {
			const name = `polygon ${pi} ring ${ri}`;
			const first = ring[0];
			const last = ring[ring.length - 1];
			if (ring.length < 4) problems.push(`${name}: fewer than 4 points`);
			if (!first || !last || first[0] !== last[0] || first[1] !== last[1])
				problems.push(`${name}: not closed`);
			const area = signedArea(ring);
			if (area === 0) problems.push(`${name}: zero area`);
			else if ((ri === 0) !== area > 0) problems.push(`${name}: wrong orientation`);
			for (let i = 0; i + 1 < ring.length; i++) {
				const a = ring[i] as Point;
				const b = ring[i + 1] as Point;
				if (a[0] === b[0] && a[1] === b[1]) problems.push(`${name}: repeated point ${i}`);
				segs.push({
					ax: a[0],
					ay: a[1],
					bx: b[0],
					by: b[1],
					ring: ringId,
					index: i,
					size: ring.length - 1
				});
			}
			ringId++;
		});
	});
	segs.sort((s, t) => Math.min(s.ax, s.bx) - Math.min(t.ax, t.bx));
	for (let i = 0; i < segs.length && problems.length < 5; i++) {
		const s = segs[i] as Seg;
		const sMax = Math.max(s.ax, s.bx);
		for (let j = i + 1; j < segs.length; j++) {
			const t = segs[j] as Seg;
			if (Math.min(t.ax, t.bx) > sMax) break;
			if (
				Math.max(s.ay, s.by) < Math.min(t.ay, t.by) ||
				Math.max(t.ay, t.by) < Math.min(s.ay, s.by)
			)
				continue;
			const adjacent =
				s.ring === t.ring &&
				(Math.abs(s.index - t.index) === 1 || Math.abs(s.index - t.index) === s.size - 1);
			if (adjacent) {
				// Neighbouring edges may only meet at their shared vertex: reject a fold-back.
				const o = orient(
					s.ax,
					s.ay,
					s.bx,
					s.by,
					t.ax === s.bx && t.ay === s.by ? t.bx : t.ax,
					t.ax === s.bx && t.ay === s.by ? t.by : t.ay
				);
				if (o === 0 && badIntersection(s, t)) problems.push(`spike at (${s.bx}, ${s.by})`);
				continue;
			}
			if (badIntersection(s, t)) problems.push(`edges cross near (${t.ax}, ${t.ay})`);
		}
	}
	return problems;
}
