/**
 * Layer kind: resettlement communities (安置社区) as outlined circles whose AREA is proportional
 * to households — the radius grows with the square root, so a community of four times the
 * households reads four times as large, not sixteen. Radii are in screen pixels between a floor
 * (the smallest stays visible and pickable) and a ceiling (the largest does not bury its town),
 * scaled to the largest community of any year so sizes hold still while the year moves.
 * `(data, style) → Layer` with a stable id and binary attributes.
 */
import { ScatterplotLayer } from '@deck.gl/layers';

/** Points with a size value: lon/lat interleaved, one value per point (NaN: unknown). */
export interface SizedPoints {
	count: number;
	positions: Float64Array;
}

export interface PointSizeScale {
	/** The value drawn at `maxPx` (the largest of any year). */
	max: number;
	minPx: number;
	maxPx: number;
}

export interface ResettlementStyle {
	scale: PointSizeScale;
	fill: [number, number, number, number];
	line: [number, number, number, number];
	lineWidthPx: number;
}

export const RESETTLEMENT_POINTS_ID = 'resettlement-points';

/** Households of 2,000+ at most 22 px across the radius; the smallest still 4 px. */
export const RESETTLEMENT_SIZE: Omit<PointSizeScale, 'max'> = { minPx: 4, maxPx: 22 };

/** Neutral symbols (white, dark rim) read over every choropleth palette. */
export const RESETTLEMENT_STYLE: Omit<ResettlementStyle, 'scale'> = {
	fill: [255, 255, 255, 215],
	line: [31, 31, 38, 255],
	lineWidthPx: 1.5
};

/** Radius in pixels for `value`: area-proportional (√), clamped to the scale's pixel range. */
export function sqrtRadiusPx(value: number, scale: PointSizeScale): number {
	if (!(value > 0) || !(scale.max > 0)) return scale.minPx;
	const r = scale.maxPx * Math.sqrt(Math.min(value, scale.max) / scale.max);
	return Math.max(scale.minPx, r);
}

/** One radius per point, as a binary attribute. */
export function radiiPx(values: Float64Array, scale: PointSizeScale, extraPx = 0): Float32Array {
	return Float32Array.from(values, (v) => sqrtRadiusPx(v, scale) + extraPx);
}

export function resettlementPointsLayer(
	data: SizedPoints & { households: Float64Array },
	style: ResettlementStyle
) {
	return new ScatterplotLayer({
		id: RESETTLEMENT_POINTS_ID,
		data: {
			length: data.count,
			attributes: {
				getPosition: { value: data.positions, size: 2 },
				getRadius: { value: radiiPx(data.households, style.scale), size: 1 }
			}
		},
		radiusUnits: 'pixels',
		lineWidthUnits: 'pixels',
		filled: true,
		stroked: true,
		getFillColor: style.fill,
		getLineColor: style.line,
		getLineWidth: style.lineWidthPx,
		pickable: true,
		autoHighlight: true,
		highlightColor: [255, 220, 120, 200]
	});
}
