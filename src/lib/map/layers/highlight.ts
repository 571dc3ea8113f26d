/**
 * Layer kind: the outline of the selected unit(s), drawn thick over the choropleth. Takes the
 * rings of the selected features only (a small copy), so the highlight never re-uploads the
 * whole layer's geometry.
 */
import { PathLayer } from '@deck.gl/layers';
import type { PolygonBuffers } from '$lib/geo/polygon-buffers';

export interface HighlightStyle {
	color: [number, number, number, number];
	widthPx: number;
}

export const HIGHLIGHT_ID = 'highlight';

/** Rings (closed lon/lat paths) of the given features, read from the flat buffers. */
export function featureRings(data: PolygonBuffers, features: ReadonlySet<number>): number[][][] {
	const rings: number[][][] = [];
	for (let r = 0; r + 1 < data.ringStarts.length; r++) {
		const start = data.ringStarts[r] as number;
		if (!features.has(data.vertexFeature[start] as number)) continue;
		const end = data.ringStarts[r + 1] as number;
		const ring: number[][] = [];
		for (let v = start; v < end; v++) {
			ring.push([data.positions[v * 2] as number, data.positions[v * 2 + 1] as number]);
		}
		rings.push(ring);
	}
	return rings;
}

/** `id`: another highlight on the same map (a hovered row over a selection) needs its own. */
export function highlightLayer(rings: number[][][], style: HighlightStyle, id = HIGHLIGHT_ID) {
	return new PathLayer<number[][]>({
		id,
		data: rings,
		getPath: (r) => r as [number, number][],
		getColor: style.color,
		getWidth: style.widthPx,
		widthUnits: 'pixels',
		capRounded: true,
		jointRounded: true,
		pickable: false
	});
}
