/**
 * Builds the GeoJSON the map's frame draws (outlines and labels) from decoded shapes. Names stay
 * plain feature properties; maplibre renders them as text, never as HTML.
 */
import type { Polygons } from '$lib/geo/types';

export interface NamedShapes {
	codes: string[];
	names: string[];
	polygons: Polygons[];
	labels: [number, number][];
}

export function outlineCollection(shapes: NamedShapes): GeoJSON.FeatureCollection {
	return {
		type: 'FeatureCollection',
		features: shapes.polygons.map((p, i) => ({
			type: 'Feature',
			properties: { code: shapes.codes[i], name: shapes.names[i] },
			geometry: { type: 'MultiPolygon', coordinates: p }
		}))
	};
}

export function labelCollection(shapes: NamedShapes): GeoJSON.FeatureCollection {
	return {
		type: 'FeatureCollection',
		features: shapes.labels.map((pt, i) => ({
			type: 'Feature',
			properties: { code: shapes.codes[i], name: shapes.names[i] },
			geometry: { type: 'Point', coordinates: pt }
		}))
	};
}
