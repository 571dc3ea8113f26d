/**
 * Layer kind: unit polygons (villages, townships or the county) filled by class colour, drawn
 * from flat binary attributes. `(data, style) → Layer` with a stable id, so deck.gl diffs
 * instead of rebuilding: when only colours change, `updateTriggers` re-uploads the colour buffer
 * and keeps the geometry.
 */
import { SolidPolygonLayer } from '@deck.gl/layers';
import type { PolygonBuffers } from '$lib/geo/polygon-buffers';

export interface ChoroplethFillStyle {
	/** RGBA per vertex (see `expandFeatureColors`). */
	vertexColors: Uint8Array;
	/** Changes whenever the colours change. */
	colorKey: string;
}

export const CHOROPLETH_FILL_ID = 'choropleth-fill';

export function choroplethFillLayer(data: PolygonBuffers, style: ChoroplethFillStyle) {
	return new SolidPolygonLayer({
		id: CHOROPLETH_FILL_ID,
		data: {
			length: data.partCount,
			startIndices: data.partStarts,
			attributes: {
				getPolygon: { value: data.positions, size: 2 },
				indices: data.triangles,
				getFillColor: { value: style.vertexColors, size: 4, normalized: true }
			}
		},
		_normalize: false,
		filled: true,
		extruded: false,
		pickable: true,
		autoHighlight: true,
		highlightColor: [255, 255, 255, 90],
		updateTriggers: { getFillColor: style.colorKey }
	});
}
