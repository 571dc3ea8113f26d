/**
 * The north arrow of a printed map as plain polygons in page points (y up): a narrow arrowhead
 * split down its axis, one half dark and one light, so it reads at any size and in black and
 * white, with the place of its letter ("北" or "N") beyond the tip. A map rotated by `bearing`
 * (maplibre's: the compass direction the top of the map faces, degrees clockwise) turns the
 * arrow the other way, so it still points at north; the letter stays upright.
 */

export interface Point {
	x: number;
	y: number;
}

export interface NorthArrow {
	/** The left half, filled dark. */
	dark: Point[];
	/** The right half, filled light and outlined. */
	light: Point[];
	/** Where the letter's centre goes. */
	letter: Point;
}

/** Width of the arrowhead as a share of its height. */
const WIDTH = 0.5;
/** How far the notch at the base reaches up, as a share of the height. */
const NOTCH = 0.22;

/**
 * The arrow `height` points long, centred on (`cx`, `cy`), its letter's centre `letterGap`
 * points beyond the tip.
 */
export function northArrow(
	cx: number,
	cy: number,
	height: number,
	letterGap: number,
	bearing = 0
): NorthArrow {
	const h = height / 2;
	const w = (height * WIDTH) / 2;
	const tip = { x: 0, y: h };
	const notch = { x: 0, y: -h + height * NOTCH };
	// North lies `bearing` degrees anticlockwise of the page's up: a positive angle in the
	// page's y-up frame.
	const angle = (bearing * Math.PI) / 180;
	const cos = Math.cos(angle);
	const sin = Math.sin(angle);
	const place = ({ x, y }: Point): Point => ({
		x: cx + x * cos - y * sin,
		y: cy + x * sin + y * cos
	});
	return {
		dark: [tip, { x: -w, y: -h }, notch].map(place),
		light: [tip, notch, { x: w, y: -h }].map(place),
		letter: place({ x: 0, y: h + letterGap })
	};
}

/**
 * A polygon as an SVG path for pdf-lib's `drawSvgPath` drawn at x = 0, y = 0: that call flips y
 * (SVG's y runs down), so page point (x, y) is written (x, −y).
 */
export function svgPathOf(points: readonly Point[]): string {
	const [first, ...rest] = points;
	if (!first) return '';
	const xy = (p: Point) => `${round(p.x)} ${round(-p.y)}`;
	return `M ${xy(first)} ${rest.map((p) => `L ${xy(p)}`).join(' ')} Z`;
}

/** 1/1000 pt: finer than any printer, and keeps the content stream short. */
function round(n: number): number {
	return Math.round(n * 1000) / 1000 || 0;
}
