/**
 * Layer kind: thin unit borders, the rings of the same flat buffers as the fill, drawn as binary
 * paths. Township and county lines are maplibre's (the frame); these sit under them.
 */
import { PathLayer } from '@deck.gl/layers';
import type { PolygonBuffers } from '$lib/geo/polygon-buffers';

export interface UnitOutlineStyle {
	color: [number, number, number, number];
	widthPx: number;
}

export const UNIT_OUTLINE_ID = 'unit-outline';

/** A border's width on the ground: full width (capped in pixels) from about zoom 9 in. */
const OUTLINE_METRES = 150;

export function unitOutlineLayer(data: PolygonBuffers, style: UnitOutlineStyle) {
	return new PathLayer({
		id: UNIT_OUTLINE_ID,
		data: {
			length: data.ringStarts.length - 1,
			startIndices: data.ringStarts,
			attributes: { getPath: { value: data.positions, size: 2 } }
		},
		// Rings are stored closed (first point repeated), so an open path already goes all round.
		_pathType: 'open',
		getColor: style.color,
		// In metres, at most `widthPx`: a county's villages get their full line, while at a
		// province's or the nation's scale the lines thin out and leave the colours to be seen.
		getWidth: OUTLINE_METRES,
		widthUnits: 'meters',
		widthMaxPixels: style.widthPx,
		pickable: false
	});
}
