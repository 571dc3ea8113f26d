/**
 * The relocation point layers drawn by the real map in Chromium (WebGL through SwiftShader):
 * binary Float64 positions and pixel radii land where and as large as they should, and a hover
 * over a community names its layer and row. And the frame layers a layer panel toggles.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AtlasMap, type HoverEvent } from '../atlas-map';
import {
	RESETTLEMENT_SIZE,
	RESETTLEMENT_STYLE,
	resettlementPointsLayer
} from './resettlement-points';
import { GAP_STYLE, gapHighlightLayer } from './gap-highlight';

let map: AtlasMap | null = null;
let el: HTMLElement | null = null;
afterEach(() => {
	map?.destroy();
	el?.remove();
});

/** RGBA of the deck.gl canvas at CSS pixel (x, y). */
function pixel(x: number, y: number): number[] {
	// deck.gl's canvas, or the element holding it, carries the class (see atlas-map.ts).
	const deck = el!.querySelector('.atlas-deck') as HTMLElement;
	const c = (
		deck instanceof HTMLCanvasElement ? deck : deck.querySelector('canvas')
	) as HTMLCanvasElement;
	const gl = (c.getContext('webgl2') ?? c.getContext('webgl')) as WebGLRenderingContext;
	const dpr = c.width / c.clientWidth;
	const out = new Uint8Array(4);
	gl.readPixels(
		Math.round(x * dpr),
		Math.round(c.height - y * dpr),
		1,
		1,
		gl.RGBA,
		gl.UNSIGNED_BYTE,
		out
	);
	return Array.from(out);
}

describe('relocation point layers on the map', () => {
	it('draws a community’s circle at its place, its gap ring around it, and names it on hover', async () => {
		el = document.createElement('div');
		el.style.cssText = 'width:400px;height:300px;position:relative';
		document.body.append(el);
		map = await AtlasMap.create(el);
		map.setExtent({ lon: 108.5, lat: 32.5, zoom: 12 });
		const data = {
			count: 1,
			positions: Float64Array.from([108.5, 32.5]),
			households: Float64Array.from([2000])
		};
		const scale = { ...RESETTLEMENT_SIZE, max: 2000 };
		map.setLayers([
			resettlementPointsLayer(data, { ...RESETTLEMENT_STYLE, scale }),
			gapHighlightLayer(data, { ...GAP_STYLE, scale })
		]);
		await map.nextDataFrame();
		await map.nextDataFrame(); // the first frame may come before the layers' buffers
		// White fill at 215/255 alpha (premultiplied: every channel equal, near 215).
		const [r, g, b, a] = pixel(200, 150);
		expect([r, g]).toEqual([b, b]);
		expect(a).toBeGreaterThan(200);
		// The ring's centre line lies gap + half its width outside the 22 px circle, clear of it.
		expect(pixel(200 + 22 + GAP_STYLE.gapPx + GAP_STYLE.widthPx / 2, 150)).toEqual(GAP_STYLE.color);
		expect(pixel(200 + 24.5, 150)[3]).toBe(0);
		expect(pixel(260, 150)[3]).toBe(0);
		// A pointer over the circle picks row 0 of the community layer.
		const hovered = new Promise<HoverEvent | null>((r) => map!.onHover((e) => e && r(e)));
		const box = el.getBoundingClientRect();
		map.map.getCanvasContainer().dispatchEvent(
			new MouseEvent('mousemove', {
				clientX: box.left + 200,
				clientY: box.top + 150,
				bubbles: true
			})
		);
		const timeout = new Promise<null>((r) => setTimeout(() => r(null), 3000));
		expect(await Promise.race([hovered, timeout])).toMatchObject({
			layerId: 'resettlement-points',
			index: 0
		});
	});

	it('hides and fades maplibre’s frame layers, opacity relative to the style’s own', async () => {
		el = document.createElement('div');
		el.style.cssText = 'width:200px;height:150px;position:relative';
		document.body.append(el);
		map = await AtlasMap.create(el);
		map.setFrameLayerVisibility('township-label', false);
		expect(map.map.getLayoutProperty('township-label', 'visibility')).toBe('none');
		map.setFrameLayerVisibility('township-label', true);
		expect(map.map.getLayoutProperty('township-label', 'visibility')).toBe('visible');
		map.setFrameLayerOpacity('township-line', 0.5); // the style draws it at 0.85
		expect(map.map.getPaintProperty('township-line', 'line-opacity')).toBeCloseTo(0.425, 9);
		map.setFrameLayerOpacity('township-line', 1);
		expect(map.map.getPaintProperty('township-line', 'line-opacity')).toBeCloseTo(0.85, 9);
		map.setFrameLayerOpacity('county-line', 0.3);
		expect(map.map.getPaintProperty('county-line', 'line-opacity')).toBeCloseTo(0.3, 9);
	});
});
