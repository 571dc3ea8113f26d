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
				paint: { 'line-color': '#4a4a52', 'line-width': 1.2, 'line-opacity': 0.85 }
			},
			{
				id: 'county-line',
				type: 'line',
				source: 'county',
				paint: { 'line-color': '#1f1f26', 'line-width': 2.4 }
			},
			{
				id: 'township-label',
				type: 'symbol',
				source: 'township-labels',
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
