/**
 * The pairing arcs are built in Node without a GL context: the stable id, the two binary
 * position attributes (one lon/lat pair per arc at each end) and the style props.
 */
import { describe, expect, it } from 'vitest';
import { PAIR_ARC_HEIGHT, pairArcsLayer } from './pair-arcs';

interface Binary {
	length: number;
	attributes: {
		getSourcePosition: { value: Float64Array; size: number };
		getTargetPosition: { value: Float64Array; size: number };
	};
}
const binary = (l: { props: { data: unknown } }) => l.props.data as Binary;

const arcs = {
	count: 2,
	sourcePositions: Float64Array.from([108.53, 32.52, 108.22, 32.3]),
	targetPositions: Float64Array.from([108.6, 32.45, 108.3, 32.25])
};
const style = { color: [213, 94, 0, 220] as [number, number, number, number], widthPx: 2 };

describe('pair arcs layer', () => {
	it('has a stable id and one source and one target position per pair, from the flat arrays', () => {
		const l = pairArcsLayer(arcs, style);
		expect(l.id).toBe('pair-arcs');
		const d = binary(l);
		expect(d.length).toBe(2);
		expect(d.attributes.getSourcePosition.value).toBe(arcs.sourcePositions);
		expect(d.attributes.getSourcePosition.size).toBe(2);
		expect(d.attributes.getTargetPosition.value).toBe(arcs.targetPositions);
		expect(d.attributes.getTargetPosition.size).toBe(2);
	});

	it('draws flat-projected, low, pickable arcs in one colour and a pixel width', () => {
		const l = pairArcsLayer(arcs, style);
		expect(l.props.greatCircle).toBe(false);
		expect(l.props.getHeight).toBe(PAIR_ARC_HEIGHT);
		expect(PAIR_ARC_HEIGHT).toBeGreaterThan(0);
		expect(PAIR_ARC_HEIGHT).toBeLessThan(1); // lower than deck.gl's default
		expect(l.props.getSourceColor).toEqual(style.color);
		expect(l.props.getTargetColor).toEqual(style.color);
		expect(l.props.getWidth).toBe(2);
		expect(l.props.widthUnits).toBe('pixels');
		expect(l.props.pickable).toBe(true);
	});

	it('gives an empty layer, not an error, when nothing is paired', () => {
		const none = {
			count: 0,
			sourcePositions: new Float64Array(0),
			targetPositions: new Float64Array(0)
		};
		expect(binary(pairArcsLayer(none, style)).length).toBe(0);
	});
});
