/**
 * Layer kind: 强村带弱村 pairs as arcs from each weak village to the strong village that takes
 * it, one colour end to end, so the planner's pairing reads on the map beside its list.
 * `(data, style) → Layer` with a stable id and binary attributes (interleaved lon/lat at each
 * end, pair i at [2i, 2i + 1] of both arrays).
 */
import { ArcLayer } from '@deck.gl/layers';

export interface PairArcs {
	count: number;
	/** lon, lat interleaved: the weak villages. */
	sourcePositions: Float64Array;
	/** lon, lat interleaved: their strong villages, in the same order. */
	targetPositions: Float64Array;
}

export interface PairArcsStyle {
	color: [number, number, number, number];
	widthPx: number;
}

export const PAIR_ARCS_ID = 'pair-arcs';

/**
 * Peak height as a share of each arc's length (deck.gl's default 1 raises the middle to half the
 * span). Pairs are 2–30 km apart inside one county, so a lower arc stays among the villages it
 * joins when the map is tilted instead of towering over the county.
 */
export const PAIR_ARC_HEIGHT = 0.4;

export function pairArcsLayer(data: PairArcs, style: PairArcsStyle) {
	return new ArcLayer({
		id: PAIR_ARCS_ID,
		data: {
			length: data.count,
			attributes: {
				getSourcePosition: { value: data.sourcePositions, size: 2 },
				getTargetPosition: { value: data.targetPositions, size: 2 }
			}
		},
		// Straight in plan: at county scale a great circle is indistinguishable and costs more.
		greatCircle: false,
		getHeight: PAIR_ARC_HEIGHT,
		getSourceColor: style.color,
		getTargetColor: style.color,
		getWidth: style.widthPx,
		widthUnits: 'pixels',
		pickable: true
	});
}
