/**
 * The scale bar of a printed map: the longest "nice" distance (1, 2 or 5 × 10ⁿ metres) that fits
 * in the room given, its length in points, four alternating segments, and labels at the start,
 * the middle and the end ("0", "5", "10 公里"). Distances under 1 km are written in metres,
 * longer ones in kilometres, so no label needs more than one decimal ("0", "0.5", "1 km").
 *
 * The map's ground resolution differs with latitude in Web Mercator; `metresPerPixelAt` gives it
 * at the latitude of the map's centre, which is what a bar across a county-sized map can honestly
 * claim.
 */
import { formatNumber, type Lang } from '$lib/analysis/format';

export interface ScaleBarTick {
	/** From the bar's left end, in points. */
	offset: number;
	/** The number alone, e.g. "5"; drawn centred on the tick. */
	value: string;
	/** The number, and the unit on the last tick: "0", "5", "10 公里". */
	label: string;
}

export interface ScaleBar {
	/** The distance the whole bar stands for. */
	metres: number;
	/** The bar's length in points. */
	length: number;
	/** The segment boundaries from the left end, in points (segments + 1 offsets). */
	segments: number[];
	/** The labelled ticks: start, middle, end. */
	ticks: ScaleBarTick[];
	unit: 'm' | 'km';
	/** The unit as written in `lang`: 米 / 公里 / m / km. */
	unitLabel: string;
}

export interface ScaleBarInput {
	/** Ground metres per point of paper. */
	metresPerPoint: number;
	/** The longest the bar may be, in points. */
	maxLength: number;
	lang: Lang;
}

const UNIT_LABELS: Readonly<Record<Lang, Record<'m' | 'km', string>>> = {
	zh: { m: '米', km: '公里' },
	en: { m: 'm', km: 'km' }
};

/** Four segments: quarters of 1, 2 or 5 × 10ⁿ still read well, and the middle is a tick. */
const SEGMENTS = 4;

/** WGS 84 equatorial radius: the sphere Web Mercator projects. */
const MERCATOR_RADIUS = 6_378_137;

/**
 * Ground metres per pixel of a Web Mercator map at `latitude` and `zoom`, for maplibre's
 * 512-pixel tiles. Pixels are CSS pixels: for a canvas drawn at a device pixel ratio `r`,
 * divide by `r`.
 */
export function metresPerPixelAt(latitude: number, zoom: number, tileSize = 512): number {
	const circumference = 2 * Math.PI * MERCATOR_RADIUS;
	return (circumference * Math.cos((latitude * Math.PI) / 180)) / (tileSize * 2 ** zoom);
}

/** Ground metres per point when an image of `imagePixels` across is drawn `drawnPoints` wide. */
export function metresPerPointOf(
	metresPerPixel: number,
	imagePixels: number,
	drawnPoints: number
): number {
	return (metresPerPixel * imagePixels) / drawnPoints;
}

/** The largest 1, 2 or 5 × 10ⁿ not above `metres` (and at least 1 m). */
export function niceDistance(metres: number): number {
	if (metres < 1) return 1;
	const n = Math.floor(Math.log10(metres));
	let best = 1;
	// n − 1 … n + 1 because log10 of an exact power of ten can land a hair below or above it.
	for (let k = Math.max(0, n - 1); k <= n + 1; k++) {
		for (const d of [1, 2, 5]) {
			const nice = d * 10 ** k;
			if (nice <= metres * (1 + 1e-9) && nice > best) best = nice;
		}
	}
	return best;
}

/**
 * The bar for a map at `metresPerPoint`, no longer than `maxLength` points — except at extreme
 * zoom, where even 1 m is longer than that and the bar shows 1 m anyway.
 */
export function chooseScaleBar({ metresPerPoint, maxLength, lang }: ScaleBarInput): ScaleBar {
	if (!(metresPerPoint > 0) || !Number.isFinite(metresPerPoint)) {
		throw new RangeError(`chooseScaleBar: bad metresPerPoint ${metresPerPoint}`);
	}
	if (!(maxLength > 0) || !Number.isFinite(maxLength)) {
		throw new RangeError(`chooseScaleBar: bad maxLength ${maxLength}`);
	}
	const metres = niceDistance(metresPerPoint * maxLength);
	const length = metres / metresPerPoint;
	const unit = metres >= 1000 ? 'km' : 'm';
	const unitLabel = UNIT_LABELS[lang][unit];
	const inUnit = (m: number) => formatNumber(unit === 'km' ? m / 1000 : m);
	const segments = Array.from({ length: SEGMENTS + 1 }, (_, i) => (length * i) / SEGMENTS);
	const ticks = [0, 0.5, 1].map((f, i, all) => {
		const value = inUnit(metres * f);
		const last = i === all.length - 1;
		return { offset: length * f, value, label: last ? `${value} ${unitLabel}` : value };
	});
	return { metres, length, segments, ticks, unit, unitLabel };
}
