/**
 * Reading a screenshot the way a person looks at a map: how many pixels show each colour.
 */
import { PNG } from 'pngjs';

export type Rgb = readonly [number, number, number];

/** Count pixels within `tolerance` (per channel) of each colour. */
export function countColors(png: Buffer, colors: readonly Rgb[], tolerance = 3): number[] {
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

/** Bounding box, as fractions of the image, of the pixels near any of `colors`. */
export function colorExtent(
	png: Buffer,
	colors: readonly Rgb[],
	tolerance = 3
): { x0: number; y0: number; x1: number; y1: number } {
	const img = PNG.sync.read(png);
	let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
	for (let y = 0; y < img.height; y++) {
		for (let x = 0; x < img.width; x++) {
			const i = (y * img.width + x) * 4;
			const hit = colors.some(
				([r, g, b]) =>
					Math.abs((img.data[i] as number) - r) <= tolerance &&
					Math.abs((img.data[i + 1] as number) - g) <= tolerance &&
					Math.abs((img.data[i + 2] as number) - b) <= tolerance
			);
			if (!hit) continue;
			x0 = Math.min(x0, x);
			y0 = Math.min(y0, y);
			x1 = Math.max(x1, x);
			y1 = Math.max(y1, y);
		}
	}
	return { x0: x0 / img.width, y0: y0 / img.height, x1: x1 / img.width, y1: y1 / img.height };
}

/** Parse the legend's CSS colour text `rgb(r g b)` into numbers. */
export function parseRgb(css: string): Rgb {
	const m = css.match(/(\d+)[ ,]+(\d+)[ ,]+(\d+)/);
	if (!m) throw new Error(`not an rgb colour: ${css}`);
	return [Number(m[1]), Number(m[2]), Number(m[3])];
}
