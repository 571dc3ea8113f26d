/**
 * Colours as the map layers want them: RGBA bytes. Small helpers to convert and to write one
 * colour into a flat per-vertex colour buffer.
 */

export type Rgba = readonly [number, number, number, number];

/** CSS `rgb()` text for a colour, for legends and swatches. */
export function rgbaToCss([r, g, b, a]: Rgba): string {
	return a === 255 ? `rgb(${r} ${g} ${b})` : `rgb(${r} ${g} ${b} / ${(a / 255).toFixed(3)})`;
}

/** `#rrggbb` text for a colour (alpha dropped). */
export function rgbaToHex([r, g, b]: Rgba): string {
	return '#' + [r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('');
}
