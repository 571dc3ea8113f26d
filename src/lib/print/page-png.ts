/**
 * The same page as the PDF, painted on a Canvas 2D for a PNG: the layout of page-layout.ts
 * (points, origin bottom-left) scaled to pixels (origin top-left), with the map picture, the
 * title, legend, scale bar, north arrow and footer. Text here is pixels — a PNG has no other
 * kind — drawn in the system's CJK font; the PDF is the copy with real text.
 */
import type { PageLayout } from './page-layout';
import type { Paint2D } from './map-raster';
import type { TextBox } from './text-fit';
import type { Rgb } from './legend-layout';

const FONT = '"Noto Sans SC", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif';
const INK = '#212121';
const MUTED = '#595959';

/** A measure for layoutPage from a canvas: the width of `text` at `size` (points as pixels). */
export function canvasMeasure(ctx: Paint2D) {
	return (text: string, size: number): number => {
		ctx.font = `${size}px ${FONT}`;
		return ctx.measureText(text).width;
	};
}

const css = ([r, g, b]: Rgb) => `rgb(${r},${g},${b})`;

/**
 * Paint `layout` at `scale` pixels per point onto `ctx` (sized to the page times `scale`), with
 * `map` (the picture of the map) in the layout's image rectangle.
 */
export function paintPage(
	ctx: Paint2D,
	layout: PageLayout,
	map: CanvasImageSource,
	scale: number
): void {
	const H = layout.frames.page.height;
	const X = (x: number) => x * scale;
	const Y = (y: number) => (H - y) * scale; // PDF y up → canvas y down
	const rect = (r: { x: number; y: number; width: number; height: number }) =>
		[X(r.x), Y(r.y + r.height), r.width * scale, r.height * scale] as const;
	const texts = (boxes: readonly TextBox[], color = INK) => {
		ctx.fillStyle = color;
		ctx.textAlign = 'left';
		ctx.textBaseline = 'alphabetic';
		for (const b of boxes) {
			if (!b.text) continue;
			ctx.font = `${b.size * scale}px ${FONT}`;
			ctx.fillText(b.text, X(b.x), Y(b.y));
		}
	};
	const lw = layout.lineWidth * scale;

	ctx.fillStyle = '#ffffff';
	ctx.fillRect(0, 0, layout.frames.page.width * scale, H * scale);
	ctx.drawImage(map, ...rect(layout.mapImage));
	ctx.strokeStyle = INK;
	ctx.lineWidth = lw;
	ctx.strokeRect(...rect(layout.frames.map));
	texts([layout.title]);
	if (layout.subtitle) texts([layout.subtitle], MUTED);

	const { legend } = layout;
	if (legend.title) texts([legend.title]);
	for (const row of legend.rows) {
		ctx.fillStyle = css(row.color);
		ctx.fillRect(...rect(row.swatch));
		ctx.strokeStyle = MUTED;
		ctx.lineWidth = lw / 2;
		ctx.strokeRect(...rect(row.swatch));
		texts(row.count ? [row.label, row.count] : [row.label]);
	}
	if (legend.more) texts([legend.more], MUTED);

	const { x, y, height, bar, labels } = layout.scaleBar;
	bar.segments.slice(1).forEach((end, i) => {
		const start = bar.segments[i] ?? 0;
		ctx.fillStyle = i % 2 === 0 ? INK : '#ffffff';
		ctx.fillRect(...rect({ x: x + start, y, width: end - start, height }));
	});
	ctx.strokeStyle = INK;
	ctx.lineWidth = lw / 2;
	ctx.strokeRect(...rect({ x, y, width: bar.length, height }));
	texts(labels);

	const arrow = layout.northArrow;
	for (const [points, color] of [
		[arrow.dark, INK],
		[arrow.light, '#ffffff']
	] as const) {
		ctx.beginPath();
		points.forEach((p, i) => (i === 0 ? ctx.moveTo(X(p.x), Y(p.y)) : ctx.lineTo(X(p.x), Y(p.y))));
		ctx.closePath();
		ctx.fillStyle = color;
		ctx.fill();
		ctx.strokeStyle = INK;
		ctx.lineWidth = lw / 2;
		ctx.stroke();
	}
	texts([arrow.label]);
	texts(layout.footer, MUTED);
}
