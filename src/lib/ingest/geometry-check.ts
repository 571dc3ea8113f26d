/**
 * The geometry check every imported boundary passes after reprojection, so the rest of the app
 * only ever sees what geo/validate.ts calls valid. Per feature, in order: coordinates must be
 * numbers and inside China's lon/lat box (a wrong projection shows up here), rings are cleaned
 * (repeated points dropped, unclosed rings closed, rings of fewer than three distinct points or
 * no area dropped), winding set to the app's rule (outer counter-clockwise, holes clockwise), and
 * a polygon that still crosses itself goes through repairOutline; what cannot be repaired is
 * rejected. Every change and every rejection names the feature and says why, in zh and en.
 */
import { repairOutline } from '../geo/repair';
import { orientPolygon } from '../geo/ring';
import type { Point, Polygon, Polygons, Ring } from '../geo/types';
import { validatePolygons } from '../geo/validate';
import type { BoundaryFeature, FeatureNote, Reason } from './boundary-types';

/** China's extent in lon/lat, with a margin: anything outside was not reprojected right. */
export const CHINA_BOX = { minLon: 73, maxLon: 136, minLat: 3, maxLat: 54 };

export interface GeometryCheck {
	/** Features that passed, with clean polygons. */
	features: BoundaryFeature[];
	/** Accepted after a fix that changes no area: a ring closed, a degenerate ring dropped. */
	fixed: FeatureNote[];
	/** Accepted after repairOutline rebuilt a self-intersecting polygon. */
	repaired: FeatureNote[];
	rejected: FeatureNote[];
	/** Features whose ring winding was reversed (every shapefile's, whose rule is the opposite). */
	windingFixed: number;
}

type Verdict =
	| { polygons: Polygons; fixes: Reason[]; repaired: Reason | null; windingFixed: boolean }
	| { rejected: Reason };

const same = (a: Point, b: Point) => a[0] === b[0] && a[1] === b[1];

/**
 * Every point on one line: no area at all. (A zero signed area alone is not that: a symmetric
 * bow-tie has two lobes that cancel, and repair can keep both.)
 */
function collinear(ring: Ring): boolean {
	const [a, b] = ring as [Point, Point];
	return ring.every((c) => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]) === 0);
}

/** Drop repeated points and close the ring; null when fewer than 3 distinct points or all on a line. */
function cleanRing(ring: Ring, fixes: Set<string>): Ring | null {
	const out: Ring = [];
	for (const p of ring) if (!out.length || !same(out[out.length - 1] as Point, p)) out.push(p);
	const first = out[0];
	const last = out[out.length - 1];
	if (first && last && !same(first, last)) {
		out.push([first[0], first[1]]);
		fixes.add('closed');
	}
	if (out.length < 4 || collinear(out)) {
		fixes.add('dropped');
		return null;
	}
	return out;
}

const FIX_TEXT: Record<string, Reason> = {
	closed: { reason_zh: '环未闭合，已闭合', reason_en: 'unclosed ring closed' },
	dropped: {
		reason_zh: '去掉了少于 3 个不同点或面积为零的环',
		reason_en: 'rings with fewer than 3 distinct points or zero area dropped'
	}
};

function reject(zh: string, en: string): Verdict {
	return { rejected: { reason_zh: zh, reason_en: en } };
}

/** Check and clean one feature's polygons (already in lon/lat). */
export function checkPolygons(polygons: Polygons): Verdict {
	const points = polygons.flat(2);
	if (points.length === 0) return reject('几何为空', 'empty geometry');
	if (points.some(([x, y]) => !Number.isFinite(x) || !Number.isFinite(y))) {
		return reject(
			'坐标含非数值（坐标换算可能失败）',
			'coordinates are not numbers (the reprojection may have failed)'
		);
	}
	const { minLon, maxLon, minLat, maxLat } = CHINA_BOX;
	if (points.some(([x, y]) => x < minLon || x > maxLon || y < minLat || y > maxLat)) {
		return reject('坐标不在中国范围内', 'coordinates outside China; check the projection');
	}
	const fixSet = new Set<string>();
	const cleaned: Polygons = [];
	for (const polygon of polygons) {
		const [outer, ...holes] = polygon.map((ring) => cleanRing(ring, fixSet));
		if (!outer) {
			if (polygon.length > 1) fixSet.add('dropped');
			continue;
		}
		cleaned.push([outer, ...holes.filter((h): h is Ring => h !== null)]);
	}
	if (cleaned.length === 0) {
		return reject(
			'没有有效的面（环少于 3 个不同点或面积为零）',
			'no valid polygon (rings with fewer than 3 distinct points or zero area)'
		);
	}
	const oriented = cleaned.map(orientPolygon);
	const windingFixed = oriented.some((p, i) => p.some((r, j) => r !== (cleaned[i] as Polygon)[j]));
	const fixes = [...fixSet].map((k) => FIX_TEXT[k] as Reason);
	const problems = validatePolygons(oriented);
	if (problems.length === 0) return { polygons: oriented, fixes, repaired: null, windingFixed };
	const { polygons: repairedPolygons, repaired } = repairOutline(oriented);
	if (repaired && validatePolygons(repairedPolygons).length === 0) {
		return {
			polygons: repairedPolygons,
			fixes,
			windingFixed,
			repaired: {
				reason_zh: `自相交（${problems[0]}），已修复为 ${repairedPolygons.length} 个面`,
				reason_en: `self-intersecting (${problems[0]}); repaired into ${repairedPolygons.length} polygon(s)`
			}
		};
	}
	return reject(
		`自相交或无效（${problems[0]}），无法修复，已拒绝`,
		`self-intersecting or invalid (${problems[0]}) and could not be repaired; rejected`
	);
}

/** Check every feature; each one ends up accepted or in `rejected`, with its reasons. */
export function checkFeatures(features: readonly BoundaryFeature[]): GeometryCheck {
	const result: GeometryCheck = {
		features: [],
		fixed: [],
		repaired: [],
		rejected: [],
		windingFixed: 0
	};
	for (const feature of features) {
		const { featureIndex } = feature;
		const verdict = checkPolygons(feature.polygons);
		if ('rejected' in verdict) {
			result.rejected.push({ featureIndex, ...verdict.rejected });
			continue;
		}
		for (const fix of verdict.fixes) result.fixed.push({ featureIndex, ...fix });
		if (verdict.repaired) result.repaired.push({ featureIndex, ...verdict.repaired });
		if (verdict.windingFixed) result.windingFixed++;
		result.features.push({ ...feature, polygons: verdict.polygons });
	}
	return result;
}
