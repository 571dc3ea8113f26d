/**
 * The printed map's projection: Web Mercator, as on screen, fitted so a lon/lat box fills a
 * frame of pixels (centred, aspect kept, a margin left). It also says how many metres one pixel
 * is at the box's middle latitude, which is what the scale bar needs: at county size the
 * Mercator scale changes by well under 1 % across the map, so one bar is honest.
 */
import type { BBox } from '$lib/geo/bbox';

/** Earth's radius in Web Mercator (WGS84 semi-major axis), metres. */
const R = 6378137;

export interface PrintProjection {
	width: number;
	height: number;
	/** Pixel x, y of a lon/lat (y down). */
	project(lon: number, lat: number): [number, number];
	/** Ground metres per pixel at the fitted box's middle latitude. */
	metresPerPixel: number;
}

const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

/** Fit `bbox` into `width` × `height` pixels with `margin` pixels on every side. */
export function fitMercator(
	bbox: BBox,
	width: number,
	height: number,
	margin = 0
): PrintProjection {
	const [w, s, e, n] = bbox;
	const x0 = (w * Math.PI) / 180;
	const x1 = (e * Math.PI) / 180;
	const y0 = mercY(s);
	const y1 = mercY(n);
	const spanX = Math.max(x1 - x0, 1e-9);
	const spanY = Math.max(y1 - y0, 1e-9);
	const scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
	const cx = (x0 + x1) / 2;
	const cy = (y0 + y1) / 2;
	const midLat = (((2 * Math.atan(Math.exp(cy)) - Math.PI / 2) * 180) / Math.PI) as number;
	return {
		width,
		height,
		project(lon, lat) {
			const x = (lon * Math.PI) / 180;
			return [width / 2 + (x - cx) * scale, height / 2 - (mercY(lat) - cy) * scale];
		},
		metresPerPixel: (R * Math.cos((midLat * Math.PI) / 180)) / scale
	};
}
