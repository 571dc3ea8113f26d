/**
 * Reading a screenshot the way a person looks at a map: how many pixels show each colour.
 */
import { PNG } from 'pngjs';

export type Rgb = readonly [number, number, number];

/** Count pixels within `tolerance` (per channel) of each colour. */
export function countColors(png: Buffer, colors: readonly Rgb[], tolerance = 6): number[] {
	const img = PNG.sync.read(png);
	const counts = colors.map(() => 0);
	for (let i = 0; i < img.data.length; i += 4) {
		const r = img.data[i] as number;
		const g = img.data[i + 1] as number;
		const b = img.data[i + 2] as number;
		colors.forEach(([cr, cg, cb], k) => {
			if (
				Math.abs(r - cr) <= tolerance &&
				Math.abs(g - cg) <= tolerance &&
				Math.abs(b - cb) <= tolerance
			) {
				counts[k] = (counts[k] as number) + 1;
			}
		});
	}
	return counts;
}

/** Parse the legend's CSS colour text `rgb(r g b)` into numbers. */
export function parseRgb(css: string): Rgb {
	const m = css.match(/(\d+)[ ,]+(\d+)[ ,]+(\d+)/);
	if (!m) throw new Error(`not an rgb colour: ${css}`);
	return [Number(m[1]), Number(m[2]), Number(m[3])];
}
