/**
 * The map's own style: no remote tiles, sprites or glyphs. maplibre draws only the frame —
 * county and township outlines and township names — from GeoJSON sources we fill at run time.
 * There is no background layer: the maplibre canvas is transparent and sits above deck.gl's
 * canvas (see `atlas-map.ts`), so outlines and labels stay readable over the data colours.
 * Labels use the browser's own fonts (`localIdeographFontFamily`), which works offline.
 */
import type { StyleSpecification } from 'maplibre-gl';

export const CJK_FONT_STACK =
	'"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';

export const EMPTY_COLLECTION = { type: 'FeatureCollection' as const, features: [] };

export function atlasStyle(): StyleSpecification {
	return {
		version: 8,
		name: 'village-atlas-offline',
		sources: {
			townships: { type: 'geojson', data: EMPTY_COLLECTION },
			county: { type: 'geojson', data: EMPTY_COLLECTION },
			'township-labels': { type: 'geojson', data: EMPTY_COLLECTION }
		},
		layers: [
			{
				id: 'township-line',
				type: 'line',
				source: 'townships',
				// Townships are too small to draw below a province's scale (the nation has 41,000).
				minzoom: 6.5,
				paint: { 'line-color': '#4a4a52', 'line-width': 1.2, 'line-opacity': 0.85 }
			},
			{
				id: 'county-line',
				type: 'line',
				source: 'county',
				paint: {
					'line-color': '#1f1f26',
					// Thin when a province or the nation is in view, full width for a county.
					'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.3, 7, 1.2, 9, 2.4]
				}
			},
			{
				id: 'township-label',
				type: 'symbol',
				source: 'township-labels',
				minzoom: 6.5,
				layout: {
					'text-field': ['get', 'name'],
					'text-font': ['Noto Sans Regular'],
					'text-size': 14,
					'text-allow-overlap': false,
					'text-padding': 4
				},
				paint: {
					'text-color': '#1f1f26',
					'text-halo-color': 'rgba(255,255,255,0.92)',
					'text-halo-width': 1.6
				}
			}
		]
	};
}
