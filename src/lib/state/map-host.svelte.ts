/**
 * The map's life on the map screen: created when the route gives it a container, framed when a
 * region has loaded (outlines, names, the region fitted clear of the left panel), redrawn when
 * the layer model changes, and destroyed when the route leaves. It reports the first coloured
 * frame to the session (the load is then complete) and to the measurement hook.
 *
 * Contract: `attach(el)` returns the detach function; `draw()` draws the layer model now or as
 * soon as the map exists; `setExtent` moves the map; hover goes to the layer model, clicks and
 * user pans to the handlers.
 */
import {
	AtlasMap,
	WebGLUnavailableError,
	type HoverEvent,
	type MapExtent
} from '$lib/map/atlas-map';
import { BasemapUnderlay } from '$lib/map/basemap';
import type { AtlasSession } from './session.svelte';
import type { ChoroplethLayerModel } from './choropleth-layer-model.svelte';
import type { SitesLayerModel } from './sites-layer-model.svelte';
import { choroplethParts, type LayerStack } from './layer-stack.svelte';
import { frameFromShapes } from './frame-model';

export interface MapHandlers {
	onClick: (e: HoverEvent | null) => void;
	onMoveEnd: (extent: MapExtent) => void;
}

/** Width of the panel column over the map's left side, kept clear when framing a region. */
export const LEFT_PANEL_PX = 330;

export class MapHost {
	#map: AtlasMap | null = null;
	#framed = '';
	#pendingExtent: MapExtent | null = null;
	#drawn = false;
	#drawing: Promise<void> | null = null;
	#basemap: BasemapUnderlay | null = null;
	#container: HTMLElement | null = null;
	/** Whether the configured basemap shows (the user can hide it). */
	basemapVisible = $state(true);

	constructor(
		private readonly session: AtlasSession,
		private readonly layer: ChoroplethLayerModel,
		private readonly sites: SitesLayerModel,
		private readonly stack: LayerStack,
		private readonly handlers: MapHandlers
	) {}

	/** How many times the map was built again after losing its WebGL context. */
	rebuilds = $state(0);

	attach(container: HTMLElement): () => void {
		let cancelled = false;
		this.#create(container, () => cancelled);
		return () => {
			cancelled = true;
			this.#basemap?.destroy();
			this.#basemap = null;
			this.#map?.destroy();
			this.#map = null;
			this.#framed = '';
		};
	}

	/** The map lost its WebGL context: build it again in place, where it was, in its colours. */
	#rebuild(container: HTMLElement, cancelled: () => boolean): void {
		if (cancelled() || !this.#map) return;
		const extent = this.#map.getExtent();
		this.#basemap?.destroy();
		this.#basemap = null;
		this.#map.destroy();
		this.#map = null;
		this.#framed = '';
		this.#pendingExtent = extent;
		this.rebuilds++;
		this.#create(container, cancelled);
	}

	#create(container: HTMLElement, cancelled: () => boolean): void {
		this.session.bench.step('mapCreate');
		AtlasMap.create(container).then(
			(map) => {
				if (cancelled()) return map.destroy();
				this.session.bench.step('mapLoaded');
				map.onContextLoss(() => this.#rebuild(container, cancelled));
				this.#map = map;
				this.#container = container;
				this.#syncBasemap();
				// deck.gl picks the topmost object: a site or a unit, never both.
				map.onHover((e) => {
					this.layer.hoverAt(e);
					this.sites.hoverAt(e);
				});
				map.onClick((e) => this.handlers.onClick(e));
				map.onMoveEnd((e) => this.handlers.onMoveEnd(e));
				if (this.#drawn) void this.draw();
			},
			(e) => this.session.fail(e instanceof WebGLUnavailableError ? 'webgl' : 'engine', e)
		);
	}

	/** The container changed size: redraw at the new size. */
	resize(): void {
		this.#map?.resize();
	}

	/** Show or hide the configured basemap. */
	setBasemapVisible(visible: boolean): void {
		this.basemapVisible = visible;
		this.#basemap?.setVisible(visible);
	}

	/** Put the configured basemap under the map, once both exist. */
	#syncBasemap(): void {
		const bm = this.session.config.basemap;
		if (!bm || this.#basemap || !this.#map || !this.#container) return;
		this.#basemap = BasemapUnderlay.create(this.#map.map, this.#container, bm);
		this.#basemap.setVisible(this.basemapVisible);
	}

	/** Move the map (now, or once it is framed). */
	setExtent(extent: MapExtent): void {
		const cur = this.#map?.getExtent();
		const same =
			cur &&
			Math.abs(cur.lon - extent.lon) < 1e-4 &&
			Math.abs(cur.lat - extent.lat) < 1e-4 &&
			Math.abs(cur.zoom - extent.zoom) < 0.01;
		if (same) return;
		if (this.#map && this.#framed) this.#map.setExtent(extent);
		else this.#pendingExtent = extent;
	}

	/**
	 * Draw the layer model's layers (after framing the region if it is new) — the loaded dataset's,
	 * or the session's preview while the engine starts.
	 */
	draw(): Promise<void> {
		this.#drawn = true;
		const map = this.#map;
		const ds = this.session.dataset ?? this.session.preview;
		if (!map || !ds) return Promise.resolve();
		if (this.#framed !== ds.region.code) {
			map.setFrame(frameFromShapes(ds.townships, ds.counties));
			map.fitBounds(ds.manifest.bbox, LEFT_PANEL_PX);
			if (this.#pendingExtent) map.setExtent(this.#pendingExtent);
			this.#pendingExtent = null;
			this.#framed = ds.region.code;
		}
		this.#syncBasemap(); // config.json may arrive after the map
		map.setLayers(
			this.stack.compose({ ...choroplethParts(this.layer.layers()), ...this.sites.layersByKey() })
		);
		for (const f of this.stack.frameSettings()) {
			map.setFrameLayerVisibility(f.id, f.visible);
			map.setFrameLayerOpacity(f.id, f.opacity);
		}
		if (this.session.phase === 'loading') {
			this.#firstFrame ??= map.nextDataFrame().then(() => {
				this.session.bench.set({ tFirstFrame: Math.round(performance.now()) });
			});
			if (this.session.dataset && !this.#drawing) {
				this.#drawing = this.#finishLoad(map).finally(() => (this.#drawing = null));
			}
		}
		return this.#drawing ?? this.#firstFrame ?? Promise.resolve();
	}

	/** The first coloured frame, once per map screen (from the preview or the dataset). */
	#firstFrame: Promise<void> | null = null;

	/** Resolves once deck.gl has drawn the next frame. */
	async nextFrame(): Promise<void> {
		await this.#map?.nextDataFrame();
	}

	/** After the dataset's first coloured frame: the load is complete; labels placed for the bench. */
	async #finishLoad(map: AtlasMap): Promise<void> {
		await map.nextDataFrame();
		await this.#firstFrame;
		const bench = this.session.bench;
		await map.idle();
		bench.set({ labels: map.placedLabels() });
		this.session.step(null);
		bench.done(this.layer.count);
	}
}
