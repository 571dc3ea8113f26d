/**
 * The printed map's picture: the units filled in their legend colours, the township and county
 * lines over them, drawn with Canvas 2D from the same geometry the screen draws — not a
 * screenshot of the WebGL map, so it can be any size (300 dpi on A3 is about 4,700 × 3,000
 * pixels) and never depends on the GPU. Place names are left to the caller: the PDF writes them
 * as real text over the picture, the PNG draws them with `drawLabels`.
 */
import type { Polygons } from '$lib/geo/types';
import type { PrintProjection } from './map-projection';

export type Paint2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

export interface OutlineLayer {
	polygons: readonly Polygons[];
	color: string;
	/** Line width in pixels of the picture. */
	width: number;
}

export interface RasterScene {
	/** The units' geometries and one RGBA per unit (alpha 0: not drawn). */
	units: readonly Polygons[];
	colors: Uint8Array;
	/** Line between neighbouring units, in pixels. */
	unitLine: { color: string; width: number };
	/** Drawn in order over the fills (townships, then the county). */
	outlines: readonly OutlineLayer[];
	/** Paper colour under everything. */
	ground: string;
}

export interface PlacedLabel {
	text: string;
	x: number;
	y: number;
}

function tracePolygons(ctx: Paint2D, polygons: Polygons, proj: PrintProjection): void {
	for (const polygon of polygons) {
		for (const ring of polygon) {
			ring.forEach(([lon, lat], i) => {
				const [x, y] = proj.project(lon, lat);
				if (i === 0) ctx.moveTo(x, y);
				else ctx.lineTo(x, y);
			});
			ctx.closePath();
		}
	}
}

/** Paint the scene over the whole canvas of `proj`'s size. */
export function drawMapRaster(ctx: Paint2D, scene: RasterScene, proj: PrintProjection): void {
	ctx.fillStyle = scene.ground;
	ctx.fillRect(0, 0, proj.width, proj.height);
	ctx.lineJoin = 'round';
	scene.units.forEach((polygons, i) => {
		const a = scene.colors[i * 4 + 3] ?? 0;
		if (a === 0) return;
		const [r, g, b] = [0, 1, 2].map((k) => scene.colors[i * 4 + k] ?? 0);
		ctx.beginPath();
		tracePolygons(ctx, polygons, proj);
		ctx.fillStyle = `rgba(${r},${g},${b},${a / 255})`;
		ctx.fill('evenodd');
		ctx.strokeStyle = scene.unitLine.color;
		ctx.lineWidth = scene.unitLine.width;
		ctx.stroke();
	});
	for (const layer of scene.outlines) {
		ctx.beginPath();
		for (const polygons of layer.polygons) tracePolygons(ctx, polygons, proj);
		ctx.strokeStyle = layer.color;
		ctx.lineWidth = layer.width;
		ctx.stroke();
	}
}

/** Where each label point falls in the picture (those outside it are dropped). */
export function placeLabels(
	labels: readonly { text: string; lon: number; lat: number }[],
	proj: PrintProjection
): PlacedLabel[] {
	return labels
		.map((l) => {
			const [x, y] = proj.project(l.lon, l.lat);
			return { text: l.text, x, y };
		})
		.filter((l) => l.x >= 0 && l.y >= 0 && l.x <= proj.width && l.y <= proj.height);
}

/** Draw labels as text with a white halo (the PNG's way; the PDF writes real text instead). */
export function drawLabels(ctx: Paint2D, labels: readonly PlacedLabel[], fontPx: number): void {
	ctx.font = `${fontPx}px "Noto Sans SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif`;
	ctx.textAlign = 'center';
	ctx.textBaseline = 'middle';
	ctx.lineJoin = 'round';
	ctx.lineWidth = fontPx / 4;
	ctx.strokeStyle = 'rgba(255,255,255,0.92)';
	ctx.fillStyle = '#1f1f26';
	for (const l of labels) {
		ctx.strokeText(l.text, l.x, l.y);
		ctx.fillText(l.text, l.x, l.y);
	}
}
