/**
 * Layer kind: the rows of a console result that carry lon/lat, as points in the accent colour
 * with a dark rim, so they read over the pale villages under them. `(data, style) → Layer` with a
 * stable id and binary attributes (interleaved lon/lat).
 */
import { ScatterplotLayer } from '@deck.gl/layers';

export interface ResultPoints {
	count: number;
	/** lon, lat interleaved. */
	positions: Float64Array;
}

export interface ResultPointsStyle {
	fill: [number, number, number, number];
	line: [number, number, number, number];
	radiusPx: number;
}

export const RESULT_POINTS_ID = 'result-points';

export function resultPointsLayer(data: ResultPoints, style: ResultPointsStyle) {
	return new ScatterplotLayer({
		id: RESULT_POINTS_ID,
		data: { length: data.count, attributes: { getPosition: { value: data.positions, size: 2 } } },
		getFillColor: style.fill,
		getLineColor: style.line,
		getRadius: style.radiusPx,
		radiusUnits: 'pixels',
		stroked: true,
		lineWidthUnits: 'pixels',
		getLineWidth: 1.5,
		pickable: true
	});
}
