import { describe, expect, it } from 'vitest';
import { signedArea } from '../geo/ring';
import type { Point, Polygons, Ring } from '../geo/types';
import { validatePolygons } from '../geo/validate';
import type { BoundaryFeature } from './boundary-types';
import { checkFeatures, checkPolygons } from './geometry-check';

/** A square in Ziyang, counter-clockwise and closed, with an optional scale. */
const square = (x = 108.5, y = 32.5, d = 0.01): Ring => [
	[x, y],
	[x + d, y],
	[x + d, y + d],
	[x, y + d],
	[x, y]
];
const features = (...list: Polygons[]): BoundaryFeature[] =>
	list.map((polygons, featureIndex) => ({
		featureIndex,
		properties: { i: featureIndex },
		polygons
	}));

describe('checkPolygons', () => {
	it('accepts a valid polygon as it is', () => {
		const v = checkPolygons([[square()]]);
		expect(v).toEqual({ polygons: [[square()]], fixes: [], repaired: null, windingFixed: false });
	});

	it.each([
		['empty geometry', [], /几何为空/],
		['empty rings', [[[]]], /几何为空/],
		[
			'NaN coordinates',
			[[square().map(([x, y], i) => (i === 2 ? [NaN, y] : [x, y]) as Point)]],
			/非数值/
		],
		['coordinates in metres', [[square(36512345, 3601234, 100)]], /不在中国范围内/],
		['coordinates outside China', [[square(2.35, 48.85)]], /不在中国范围内/]
	])('rejects %s', (_, polygons, reason) => {
		const v = checkPolygons(polygons as Polygons);
		expect(v).toHaveProperty('rejected');
		if ('rejected' in v) expect(v.rejected.reason_zh).toMatch(reason);
	});

	it('says "check the projection" in English for outside-China coordinates', () => {
		const v = checkPolygons([[square(2.35, 48.85)]]);
		expect('rejected' in v && v.rejected.reason_en).toBe(
			'coordinates outside China; check the projection'
		);
	});

	it('closes an unclosed ring and reports it', () => {
		const v = checkPolygons([[square().slice(0, -1)]]);
		expect(v).toMatchObject({ polygons: [[square()]], repaired: null });
		expect('fixes' in v && v.fixes.map((f) => f.reason_en)).toEqual(['unclosed ring closed']);
	});

	it('drops repeated points silently and degenerate rings with a note', () => {
		const repeated = [...square()];
		repeated.splice(1, 0, [108.5, 32.5]);
		const tiny: Ring = [
			[108.502, 32.502],
			[108.503, 32.502],
			[108.502, 32.502]
		];
		const v = checkPolygons([[repeated, tiny]]);
		expect(v).toMatchObject({ polygons: [[square()]] });
		expect('fixes' in v && v.fixes[0]?.reason_zh).toMatch(/少于 3 个不同点/);
	});

	it('rejects a feature with no ring of three distinct points', () => {
		const v = checkPolygons([
			[
				[
					[108.5, 32.5],
					[108.6, 32.5],
					[108.5, 32.5]
				]
			]
		]);
		expect('rejected' in v && v.rejected.reason_en).toMatch(/no valid polygon/);
	});

	it('sets the winding: outer counter-clockwise, holes clockwise', () => {
		const outer = [...square(108.5, 32.5, 0.1)].reverse();
		const hole = square(108.52, 32.52, 0.01); // counter-clockwise: wrong for a hole
		const v = checkPolygons([[outer, hole]]);
		if ('rejected' in v) throw new Error(v.rejected.reason_en);
		expect(v.windingFixed).toBe(true);
		const [o, h] = v.polygons[0] as [Ring, Ring];
		expect(signedArea(o)).toBeGreaterThan(0);
		expect(signedArea(h)).toBeLessThan(0);
		expect(validatePolygons(v.polygons)).toEqual([]);
	});

	it('repairs a bow-tie into valid parts and says it did', () => {
		const bowTie: Ring = [
			[108.5, 32.5],
			[108.52, 32.52],
			[108.52, 32.5],
			[108.5, 32.52],
			[108.5, 32.5]
		];
		const v = checkPolygons([[bowTie]]);
		if ('rejected' in v) throw new Error(v.rejected.reason_en);
		expect(v.repaired?.reason_zh).toMatch(/自相交.*已修复为 2 个面/);
		expect(validatePolygons(v.polygons)).toEqual([]);
	});

	it('rejects a self-intersection that repair cannot save (a bow-tie below the 1e-6° grid)', () => {
		const d = 4e-7;
		const speck: Ring = [
			[108.5, 32.5],
			[108.5 + d, 32.5 + d],
			[108.5 + d, 32.5],
			[108.5, 32.5 + d],
			[108.5, 32.5]
		];
		const v = checkPolygons([[speck]]);
		expect('rejected' in v && v.rejected.reason_en).toMatch(/could not be repaired/);
	});
});

describe('checkFeatures', () => {
	it('accounts for every feature by index: accepted, fixed, repaired or rejected', () => {
		const input = features(
			[[square()]],
			[[square().slice(0, -1)]],
			[],
			[[square(108.6, 32.6).reverse()]],
			[[square(2.35, 48.85)]]
		);
		const r = checkFeatures(input);
		expect(r.features.map((f) => f.featureIndex)).toEqual([0, 1, 3]);
		expect(r.features.map((f) => f.properties)).toEqual([{ i: 0 }, { i: 1 }, { i: 3 }]);
		expect(r.fixed.map((n) => n.featureIndex)).toEqual([1]);
		expect(r.rejected.map((n) => n.featureIndex)).toEqual([2, 4]);
		expect(r.windingFixed).toBe(1);
		for (const f of r.features) expect(validatePolygons(f.polygons)).toEqual([]);
	});
});
