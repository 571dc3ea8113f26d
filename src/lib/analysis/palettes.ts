/**
 * The colour schemes of the maps, chosen to stay readable with the common colour-vision
 * deficiencies and on the light map ground (#f4f4f1).
 *
 * - Sequential, darker = higher value, hue by which direction is better. "Higher is better"
 *   (collective income, Party members): ColorBrewer YlGnBu; "lower is better" (poverty incidence,
 *   poor households): YlOrRd; no direction: viridis. ColorBrewer marks YlGnBu and YlOrRd
 *   colour-blind safe, and viridis was designed to be: the order of classes is carried by
 *   lightness, which every kind of colour vision sees. The near-white light end of each ramp is
 *   cut off, so the lowest class never vanishes into the ground.
 * - Diverging, for change maps: PuOr or RdBu, both in ColorBrewer's colour-blind safe set (unlike
 *   RdYlGn or Spectral, which put red against green).
 * - Categorical: Okabe–Ito, made for deuteranopes and protanopes; black comes last because a
 *   black fill hides outlines and labels.
 * - No data: a flat mid grey, with no hue, unlike any colour above and unlike the light grey of
 *   "never poor" on the poverty map.
 */
import {
	interpolatePuOr,
	interpolateRdBu,
	interpolateViridis,
	interpolateYlGnBu,
	interpolateYlOrRd
} from 'd3-scale-chromatic';
import type { Rgba } from './palette';

export type Better = 'higher' | 'lower' | 'none';

/** Okabe–Ito, in the order categories take them. */
export const OKABE_ITO: readonly Rgba[] = [
	[230, 159, 0, 255], // orange
	[86, 180, 233, 255], // sky blue
	[0, 158, 115, 255], // bluish green
	[240, 228, 66, 255], // yellow
	[0, 114, 178, 255], // blue
	[213, 94, 0, 255], // vermillion
	[204, 121, 167, 255], // reddish purple
	[0, 0, 0, 255] // black
];

export const NO_DATA_COLOR: Rgba = [180, 180, 180, 255];

/** An interpolator and the part of it to use: `from` is the light (low) end, `to` the dark end. */
interface Ramp {
	interpolate: (t: number) => string;
	from: number;
	to: number;
}

const SEQUENTIAL: Readonly<Record<Better, Ramp>> = {
	higher: { interpolate: interpolateYlGnBu, from: 0.3, to: 1 },
	lower: { interpolate: interpolateYlOrRd, from: 0.25, to: 1 },
	none: { interpolate: interpolateViridis, from: 0.95, to: 0.1 }
};

export type DivergingScheme = 'PuOr' | 'RdBu';

const DIVERGING: Readonly<Record<DivergingScheme, (t: number) => string>> = {
	PuOr: interpolatePuOr,
	RdBu: interpolateRdBu
};

/** RGBA of a CSS colour as d3-scale-chromatic writes them: `#rrggbb` or `rgb(r, g, b)`. */
export function parseColor(css: string): Rgba {
	const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css);
	if (hex) return [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16), 255];
	const rgb = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(css);
	if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), 255];
	throw new Error(`parseColor: cannot read the colour "${css}"`);
}

function checkCount(n: number, what: string): void {
	if (!Number.isInteger(n) || n < 0) {
		throw new RangeError(`${what}: the number of colours must be a whole number ≥ 0, got ${n}`);
	}
}

/** `n` colours spread evenly from `from` to `to` of an interpolator (one colour: the middle). */
function sample(interpolate: (t: number) => string, from: number, to: number, n: number): Rgba[] {
	if (n === 1) return [parseColor(interpolate((from + to) / 2))];
	return Array.from({ length: n }, (_, i) =>
		parseColor(interpolate(from + ((to - from) * i) / (n - 1)))
	);
}

/** `n` sequential colours, light (low values) to dark (high values), hue chosen by `better`. */
export function sequentialColors(n: number, better: Better = 'none'): Rgba[] {
	checkCount(n, 'sequentialColors');
	const { interpolate, from, to } = SEQUENTIAL[better];
	return sample(interpolate, from, to, n);
}

/** `n` diverging colours, low end first; an odd `n` has the neutral colour in the middle. */
export function divergingColors(n: number, scheme: DivergingScheme = 'PuOr'): Rgba[] {
	checkCount(n, 'divergingColors');
	return sample(DIVERGING[scheme], 0, 1, n);
}

/** The first `n` Okabe–Ito colours; more than eight categories cannot each have their own. */
export function categoricalColors(n: number): Rgba[] {
	checkCount(n, 'categoricalColors');
	if (n > OKABE_ITO.length) {
		throw new RangeError(`categoricalColors: at most ${OKABE_ITO.length} colours, asked for ${n}`);
	}
	return OKABE_ITO.slice(0, n);
}
