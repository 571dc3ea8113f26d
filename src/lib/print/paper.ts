/**
 * The sheets a map page is printed on: A4 and A3, landscape, in PDF points (1/72 inch, y up),
 * with their margins and the scale of the page furniture (type, swatches, arrow), and the pixel
 * size an image needs to fill a box of the page at a print resolution. A3 is A4 enlarged by √2;
 * its furniture grows by 1.25 only, so the larger sheet gives most of its extra room to the map.
 */

export type PaperName = 'A4' | 'A3';

export interface Size {
	width: number;
	height: number;
}

/** A box on the page: its bottom-left corner and size, in points (PDF's y runs up). */
export interface Rect extends Size {
	x: number;
	y: number;
}

export interface Paper extends Size {
	name: PaperName;
	/** White space on every side, in points. */
	margin: number;
	/** Multiplies every furniture size of `page-layout.ts` (1 on A4). */
	scale: number;
}

/** Points per millimetre. */
export const MM = 72 / 25.4;

/** The print resolution maps are rendered for unless the caller asks for another. */
export const DEFAULT_DPI = 300;

/**
 * Sizes rounded to 1/100 pt as pdf-lib's `PageSizes` and most PDF writers have them, so
 * `pdfinfo` reads "1190.55 x 841.89 pts" and viewers recognise the sheet.
 */
export const PAPERS: Readonly<Record<PaperName, Paper>> = {
	A4: { name: 'A4', width: 841.89, height: 595.28, margin: 10 * MM, scale: 1 },
	A3: { name: 'A3', width: 1190.55, height: 841.89, margin: 12.5 * MM, scale: 1.25 }
};

export function isPaperName(s: unknown): s is PaperName {
	return s === 'A4' || s === 'A3';
}

/** The paper by name; throws for anything else (names come from URLs and settings). */
export function paperOf(name: PaperName): Paper {
	if (!isPaperName(name)) throw new RangeError(`paperOf: unknown paper "${String(name)}"`);
	return PAPERS[name];
}

/**
 * Pixels an image needs to fill `size` (points) at `dpi`: the size the caller renders the map
 * canvas at. At least one pixel each way; rounded, so the image's aspect stays within a pixel of
 * the box's.
 */
export function pixelsAt(size: Size, dpi: number = DEFAULT_DPI): Size {
	if (!(dpi > 0) || !Number.isFinite(dpi)) throw new RangeError(`pixelsAt: bad dpi ${dpi}`);
	return {
		width: Math.max(1, Math.round((size.width / 72) * dpi)),
		height: Math.max(1, Math.round((size.height / 72) * dpi))
	};
}
