/**
 * Layer kind: a vermillion ring around each community that needs a qualifying factory and has
 * none (seed 003's gap), a few pixels outside the community's own circle so the two never hide
 * each other. Only the ring is drawn (no fill); it is pickable, so pointing at the ring names the
 * community. `(data, style) → Layer` with a stable id and binary attributes; `data` holds the
 * gap communities only.
 */
import { ScatterplotLayer } from '@deck.gl/layers';
import { radiiPx, type PointSizeScale, type SizedPoints } from './resettlement-points';

export interface GapHighlightStyle {
	/** The communities' size scale, so a ring fits its community's circle. */
	scale: PointSizeScale;
	/** How far outside the community's circle the ring lies. */
	gapPx: number;
	color: [number, number, number, number];
	widthPx: number;
}

export const GAP_HIGHLIGHT_ID = 'gap-highlight';

export const GAP_STYLE: Omit<GapHighlightStyle, 'scale'> = {
	gapPx: 4,
	color: [213, 94, 0, 255],
	widthPx: 3
};

export function gapHighlightLayer(
	data: SizedPoints & { households: Float64Array },
	style: GapHighlightStyle
) {
	return new ScatterplotLayer({
		id: GAP_HIGHLIGHT_ID,
		data: {
			length: data.count,
			attributes: {
				getPosition: { value: data.positions, size: 2 },
				// The ring's centre line: outside the circle by the gap plus half the ring's width.
				getRadius: {
					value: radiiPx(data.households, style.scale, style.gapPx + style.widthPx / 2),
					size: 1
				}
			}
		},
		radiusUnits: 'pixels',
		lineWidthUnits: 'pixels',
		filled: false,
		stroked: true,
		getLineColor: style.color,
		getLineWidth: style.widthPx,
		pickable: true
	});
}
