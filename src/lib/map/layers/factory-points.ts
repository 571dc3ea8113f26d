/**
 * Layer kind: community factories (社区工厂) as small solid blue dots with a white rim, sized by
 * jobs on the same area-proportional rule as communities but a smaller pixel range, so a factory
 * never reads as a community. Drawn above the communities it sits beside. `(data, style) →
 * Layer` with a stable id and binary attributes.
 */
import { ScatterplotLayer } from '@deck.gl/layers';
import { radiiPx, type PointSizeScale, type SizedPoints } from './resettlement-points';

export interface FactoryStyle {
	scale: PointSizeScale;
	fill: [number, number, number, number];
	line: [number, number, number, number];
	lineWidthPx: number;
}

export const FACTORY_POINTS_ID = 'factory-points';

export const FACTORY_SIZE: Omit<PointSizeScale, 'max'> = { minPx: 3, maxPx: 10 };

/** Okabe–Ito blue: apart from the white communities and the vermillion gap rings. */
export const FACTORY_STYLE: Omit<FactoryStyle, 'scale'> = {
	fill: [0, 114, 178, 240],
	line: [255, 255, 255, 255],
	lineWidthPx: 1
};

export function factoryPointsLayer(
	data: SizedPoints & { jobs: Float64Array },
	style: FactoryStyle
) {
	return new ScatterplotLayer({
		id: FACTORY_POINTS_ID,
		data: {
			length: data.count,
			attributes: {
				getPosition: { value: data.positions, size: 2 },
				getRadius: { value: radiiPx(data.jobs, style.scale), size: 1 }
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
		highlightColor: [255, 220, 120, 230]
	});
}
