/**
 * The relocation point layers are built in Node without a GL context: their ids, their binary
 * attributes (one position pair and one radius per point) and the area-proportional sizes.
 */
import { describe, expect, it } from 'vitest';
import {
	RESETTLEMENT_SIZE,
	RESETTLEMENT_STYLE,
	resettlementPointsLayer,
	sqrtRadiusPx
} from './resettlement-points';
import { FACTORY_SIZE, FACTORY_STYLE, factoryPointsLayer } from './factory-points';
import { GAP_STYLE, gapHighlightLayer } from './gap-highlight';

interface Binary {
	length: number;
	attributes: {
		getPosition: { value: Float64Array; size: number };
		getRadius: { value: Float32Array };
	};
}
const binary = (l: { props: { data: unknown } }) => l.props.data as Binary;

const points = {
	count: 3,
	positions: Float64Array.from([108.53, 32.52, 108.22, 32.3, 108.63, 32.19]),
	households: Float64Array.from([2000, 500, 125]),
	jobs: Float64Array.from([300, 75, NaN])
};
const scale = { ...RESETTLEMENT_SIZE, max: 2000 };

describe('point sizes', () => {
	it('makes circle areas proportional to households: a quarter the households, half the radius', () => {
		const s = { minPx: 2, maxPx: 20, max: 2000 };
		expect(sqrtRadiusPx(2000, s)).toBe(20);
		expect(sqrtRadiusPx(500, s)).toBe(10);
		expect(sqrtRadiusPx(125, s)).toBe(5);
	});

	it('keeps every point between the floor and the ceiling, unknown sizes at the floor', () => {
		const s = { minPx: 4, maxPx: 22, max: 2000 };
		expect(sqrtRadiusPx(1, s)).toBe(4);
		expect(sqrtRadiusPx(5000, s)).toBe(22);
		expect(sqrtRadiusPx(NaN, s)).toBe(4);
		expect(sqrtRadiusPx(0, s)).toBe(4);
	});
});

describe('point layers', () => {
	it('resettlement communities: stable id, one position and one radius per community, pickable', () => {
		const l = resettlementPointsLayer(points, { ...RESETTLEMENT_STYLE, scale });
		expect(l.id).toBe('resettlement-points');
		const d = binary(l);
		expect(d.length).toBe(3);
		expect(d.attributes.getPosition.value).toBe(points.positions);
		expect(d.attributes.getPosition.size).toBe(2);
		expect(Array.from(d.attributes.getRadius.value)).toEqual([22, 11, 5.5]);
		expect(l.props.pickable).toBe(true);
		expect(l.props.stroked).toBe(true);
	});

	it('factories: their own id and colour, sized by jobs in a smaller range', () => {
		const l = factoryPointsLayer(points, {
			...FACTORY_STYLE,
			scale: { ...FACTORY_SIZE, max: 300 }
		});
		expect(l.id).toBe('factory-points');
		const r = Array.from(binary(l).attributes.getRadius.value);
		expect(r).toHaveLength(3);
		expect(r[0]).toBe(FACTORY_SIZE.maxPx);
		expect(r[1]).toBe(FACTORY_SIZE.maxPx / 2);
		expect(r[2]).toBe(FACTORY_SIZE.minPx); // jobs unknown
		expect(l.props.getFillColor).not.toEqual(RESETTLEMENT_STYLE.fill);
	});

	it('gap rings: a hollow ring just outside each community’s circle', () => {
		const l = gapHighlightLayer(points, { ...GAP_STYLE, scale });
		expect(l.id).toBe('gap-highlight');
		expect(l.props.filled).toBe(false);
		const r = Array.from(binary(l).attributes.getRadius.value);
		const outside = GAP_STYLE.gapPx + GAP_STYLE.widthPx / 2;
		expect(r).toEqual([22 + outside, 11 + outside, 5.5 + outside]);
	});

	it('an empty year gives empty layers, not errors', () => {
		const none = { count: 0, positions: new Float64Array(0), households: new Float64Array(0) };
		expect(binary(resettlementPointsLayer(none, { ...RESETTLEMENT_STYLE, scale })).length).toBe(0);
	});
});
