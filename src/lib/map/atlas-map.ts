/**
 * The map: one maplibre map for the frame and ONE deck.gl `MapboxOverlay` for the data layers.
 *
 * Contract: `AtlasMap.create(container)` resolves once the style is loaded; `setFrame` fills the
 * outlines and labels; `setLayers` replaces the deck.gl layers (ids are stable, so deck.gl
 * diffs); `fitBounds` frames the region; `onHover` reports the picked feature part or null.
 * `setFrameLayerVisibility` / `setFrameLayerOpacity` show, hide and fade maplibre's own frame
 * layers (`FRAME_LAYER_IDS`); opacity multiplies the style's own, so 1 restores the style.
 * `create` throws a `WebGLUnavailableError` when the browser cannot give a WebGL context.
 *
 * The overlay runs in overlaid mode (interleaved mode throws with maplibre 6.17). Its canvas is
 * moved under maplibre's transparent canvas, so the frame is drawn above the data colours —
 * above every deck.gl layer, whatever their order: a layer list can reorder data layers among
 * themselves, never put a data layer over the frame.
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { Layer, PickingInfo } from '@deck.gl/core';
import { atlasStyle, CJK_FONT_STACK } from './style';

/** A deck.gl layer, for code outside map/ that passes layers along (it may not import deck.gl). */
export type DataLayer = Layer;

/** maplibre's frame layers (see `style.ts`) a layer panel may show, hide or fade. */
export const FRAME_LAYER_IDS = ['township-line', 'county-line', 'township-label'] as const;
export type FrameLayerId = (typeof FRAME_LAYER_IDS)[number];

/** The paint property that fades each frame layer. */
const FRAME_OPACITY_PROPERTY: Record<FrameLayerId, 'line-opacity' | 'text-opacity'> = {
	'township-line': 'line-opacity',
	'county-line': 'line-opacity',
	'township-label': 'text-opacity'
};

export class WebGLUnavailableError extends Error {
	override name = 'WebGLUnavailableError';
}

export interface FrameData {
	townships: GeoJSON.FeatureCollection;
	county: GeoJSON.FeatureCollection;
	townshipLabels: GeoJSON.FeatureCollection;
}

/** Centre and zoom of the map, as the URL keeps it. */
export interface MapExtent {
	lon: number;
	lat: number;
	zoom: number;
}

export interface HoverEvent {
	layerId: string;
	/** Index of the picked part in the layer's data. */
	index: number;
	x: number;
	y: number;
}

let workerSet = false;

function hasWebGL(): boolean {
	const c = document.createElement('canvas');
	return !!(c.getContext('webgl2') ?? c.getContext('webgl'));
}

export class AtlasMap {
	private hoverListener: (e: HoverEvent | null) => void = () => {};
	private clickListener: (e: HoverEvent | null) => void = () => {};
	private afterRender: (() => void) | null = null;
	/** Each frame layer's opacity in the style, read before the first change. */
	private readonly frameBaseOpacity = new Map<FrameLayerId, number>();

	private constructor(
		readonly map: maplibregl.Map,
		private readonly overlay: MapboxOverlay
	) {}

	static async create(container: HTMLElement): Promise<AtlasMap> {
		if (!hasWebGL()) throw new WebGLUnavailableError('WebGL is not available in this browser');
		if (!workerSet) {
			maplibregl.setWorkerUrl(workerUrl);
			workerSet = true;
		}
		const map = new maplibregl.Map({
			container,
			style: atlasStyle(),
			center: [108.5, 32.5],
			zoom: 8,
			attributionControl: false,
			localIdeographFontFamily: CJK_FONT_STACK,
			canvasContextAttributes: { preserveDrawingBuffer: true },
			dragRotate: false,
			pitchWithRotate: false
		});
		map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
		map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
		let atlas: AtlasMap | null = null;
		const overlay = new MapboxOverlay({
			interleaved: false,
			layers: [],
			useDevicePixels: true,
			onHover: (info: PickingInfo) => atlas?.handleHover(info),
			onClick: (info: PickingInfo) => atlas?.handleClick(info),
			onAfterRender: () => atlas?.handleAfterRender()
		});
		map.addControl(overlay);
		atlas = new AtlasMap(map, overlay);
		atlas.putDataUnderFrame();
		await new Promise<void>((resolve, reject) => {
			if (map.isStyleLoaded()) resolve();
			map.once('load', () => resolve());
			map.once('error', (e) => reject(e.error ?? new Error('map failed to load')));
		});
		return atlas;
	}

	/** Move deck.gl's canvas below maplibre's so outlines and labels are drawn on top. */
	private putDataUnderFrame(): void {
		const deckCanvas = (this.overlay as unknown as { _container?: HTMLElement })._container;
		const mapCanvas = this.map.getCanvas();
		if (deckCanvas && mapCanvas.parentElement) {
			mapCanvas.parentElement.insertBefore(deckCanvas, mapCanvas);
			deckCanvas.classList.add('atlas-deck');
		}
	}

	private handleHover(info: PickingInfo): void {
		if (info.layer && info.index >= 0) {
			this.hoverListener({ layerId: info.layer.id, index: info.index, x: info.x, y: info.y });
		} else {
			this.hoverListener(null);
		}
	}

	private handleClick(info: PickingInfo): void {
		const hit = info.layer && info.index >= 0;
		this.clickListener(
			hit ? { layerId: info.layer!.id, index: info.index, x: info.x, y: info.y } : null
		);
	}

	private handleAfterRender(): void {
		const cb = this.afterRender;
		if (cb) {
			this.afterRender = null;
			cb();
		}
	}

	/** Resolve after deck.gl has drawn the next frame (used for first-frame timing). */
	nextDataFrame(): Promise<void> {
		return new Promise((resolve) => {
			// When deck.gl has nothing new to draw it renders no frame at all: never wait longer
			// than a moment for one (a forced redraw could run before the camera is synced).
			const timer = setTimeout(() => done(), 1500);
			const done = () => {
				clearTimeout(timer);
				if (this.afterRender === done) this.afterRender = null;
				resolve();
			};
			this.afterRender = done;
			this.map.triggerRepaint();
		});
	}

	onHover(listener: (e: HoverEvent | null) => void): void {
		this.hoverListener = listener;
	}

	/**
	 * Be told when the map has lost its WebGL contexts (the GPU was reset, the tab was put away
	 * on a low-memory machine) and should be built again: once one of its canvases has its
	 * context back, or, if none comes back, a few seconds after the loss. maplibre restores its
	 * own canvas; deck.gl's layers and buffers do not come back, so the caller rebuilds the map.
	 */
	onContextLoss(listener: () => void, fallbackMs = 3000): void {
		const container = this.map.getContainer();
		let pending: ReturnType<typeof setTimeout> | null = null;
		const fire = (delay: number) => {
			if (pending) clearTimeout(pending);
			pending = setTimeout(() => {
				pending = null;
				listener();
			}, delay);
		};
		// Context events do not bubble: listen in the capture phase on the container.
		container.addEventListener(
			'webglcontextlost',
			(e) => {
				e.preventDefault(); // without it the browser never offers the context back
				fire(fallbackMs);
			},
			true
		);
		container.addEventListener('webglcontextrestored', () => fire(50), true);
	}

	/** Clicks on a data layer (or null for a click on empty map). */
	onClick(listener: (e: HoverEvent | null) => void): void {
		this.clickListener = listener;
	}

	/** Called after the user has panned or zoomed (not after `setExtent` or `fitBounds`). */
	onMoveEnd(listener: (extent: MapExtent) => void): void {
		this.map.on('moveend', (e) => {
			if ((e as { originalEvent?: unknown }).originalEvent) listener(this.getExtent());
		});
	}

	getExtent(): MapExtent {
		const c = this.map.getCenter();
		return { lon: c.lng, lat: c.lat, zoom: this.map.getZoom() };
	}

	setExtent(e: MapExtent): void {
		this.map.jumpTo({ center: [e.lon, e.lat], zoom: e.zoom });
	}

	setFrame(frame: FrameData): void {
		const set = (id: string, data: GeoJSON.FeatureCollection) =>
			(this.map.getSource(id) as maplibregl.GeoJSONSource | undefined)?.setData(data);
		set('townships', frame.townships);
		set('county', frame.county);
		set('township-labels', frame.townshipLabels);
	}

	/** Resolve when maplibre has loaded its sources and placed its labels. */
	idle(): Promise<void> {
		return new Promise((resolve) => {
			this.map.once('idle', () => resolve());
			this.map.triggerRepaint();
		});
	}

	/** Names of the township labels maplibre has placed on screen (collisions hide some). */
	placedLabels(): string[] {
		const features = this.map.queryRenderedFeatures({ layers: ['township-label'] });
		return [...new Set(features.map((f) => String(f.properties?.name ?? '')))];
	}

	/** Show or hide one of maplibre's frame layers. */
	setFrameLayerVisibility(id: FrameLayerId, visible: boolean): void {
		if (!this.map.getLayer(id)) return;
		this.map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
	}

	/** Fade a frame layer: `opacity` (0–1) times the style's own opacity for it. */
	setFrameLayerOpacity(id: FrameLayerId, opacity: number): void {
		if (!this.map.getLayer(id)) return;
		const prop = FRAME_OPACITY_PROPERTY[id];
		let base = this.frameBaseOpacity.get(id);
		if (base === undefined) {
			const styled = this.map.getPaintProperty(id, prop);
			base = typeof styled === 'number' ? styled : 1;
			this.frameBaseOpacity.set(id, base);
		}
		this.map.setPaintProperty(id, prop, base * Math.min(1, Math.max(0, opacity)));
	}

	setLayers(layers: Layer[]): void {
		this.overlay.setProps({ layers });
	}

	/** Frame the bbox; `leftPanel` keeps the region clear of a panel over the map's left side. */
	fitBounds(bbox: [number, number, number, number], leftPanel = 0): void {
		const w = this.map.getContainer().clientWidth;
		const left = leftPanel > 0 && w - leftPanel > 400 ? leftPanel + 24 : 32;
		const padding = { top: 32, bottom: 40, left, right: 56 };
		this.map.fitBounds(
			[
				[bbox[0], bbox[1]],
				[bbox[2], bbox[3]]
			],
			{ padding, animate: false }
		);
	}

	resize(): void {
		this.map.resize();
	}

	destroy(): void {
		this.map.removeControl(this.overlay);
		this.overlay.finalize();
		this.map.remove();
	}
}
