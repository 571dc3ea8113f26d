/**
 * The second map of the change view: year A beside the main map (which shows year B), with the
 * same frame (township outlines and names) and its own choropleth layer model, kept on the main
 * map's extent both ways.
 *
 * Why side by side, not a swipe on one map: both years stay readable at once (a county official
 * compares a township across the two maps without dragging a divider), a picked transition cell
 * shows on both, and a swipe would need deck.gl's clip extension (`@deck.gl/extensions`, not a
 * dependency) or a second overlay clipped by hand on the one map — more machinery for less.
 *
 * Contract: `attach(el)` creates the map (returns the detach function); `show(dataset, level,
 * codes, rgba, colorKey, selected)` draws one RGBA per row of `codes` over the units of `level`
 * (`ChangeResult.codes`/`colorsA`). `setExtent(extent)` follows the main map; a user's pan or
 * zoom here goes to `onMoveEnd`, which should move the main map (through the URL). No echo:
 * maplibre reports only moves a person made (`AtlasMap.onMoveEnd`), and an extent equal to the
 * one last set from the main map is never reported back nor set again.
 */
import {
	AtlasMap,
	WebGLUnavailableError,
	type HoverEvent,
	type MapExtent
} from '$lib/map/atlas-map';
import type { LoadedDataset } from './session.svelte';
import { ChoroplethLayerModel, type UnitHover } from './choropleth-layer-model.svelte';
import { frameFromShapes } from './frame-model';
import type { Level } from './view-defaults';

export interface CompareMapHandlers {
	/** The user moved this map: move the main map to `extent`. */
	onMoveEnd: (extent: MapExtent) => void;
	/** A click on a unit of this map (null: on empty map). */
	onClick?: (unit: UnitHover | null) => void;
	/** The map could not be created (`webgl` when the browser has no WebGL). */
	onError?: (kind: 'webgl' | 'engine', e: unknown) => void;
}

/** Whether two extents put the same place at the same zoom (to a few metres). */
export function sameExtent(a: MapExtent | null | undefined, b: MapExtent | null | undefined) {
	if (!a || !b) return false;
	return (
		Math.abs(a.lon - b.lon) < 1e-4 &&
		Math.abs(a.lat - b.lat) < 1e-4 &&
		Math.abs(a.zoom - b.zoom) < 0.01
	);
}

export class CompareMap {
	readonly layer = new ChoroplethLayerModel();
	#map: AtlasMap | null = null;
	#dataset: LoadedDataset | null = null;
	/** Region whose frame the map shows ('' before the first draw). */
	#framed = '';
	/** The extent asked for before the map was framed. */
	#pending: MapExtent | null = null;
	/** The extent last taken from the main map: the guard against echoing it back. */
	#followed: MapExtent | null = null;

	constructor(private readonly handlers: CompareMapHandlers) {}

	attach(container: HTMLElement): () => void {
		let cancelled = false;
		AtlasMap.create(container).then(
			(map) => {
				if (cancelled) return map.destroy();
				this.#map = map;
				map.onHover((e: HoverEvent | null) => this.layer.hoverAt(e));
				map.onClick((e) => this.handlers.onClick?.(this.layer.unitAt(e)));
				map.onMoveEnd((extent) => {
					if (sameExtent(extent, this.#followed)) return;
					this.#followed = extent; // the main map will follow; its echo is ignored
					this.handlers.onMoveEnd(extent);
				});
				this.#draw();
			},
			(e) => this.handlers.onError?.(e instanceof WebGLUnavailableError ? 'webgl' : 'engine', e)
		);
		return () => {
			cancelled = true;
			this.#map?.destroy();
			this.#map = null;
			this.#framed = '';
		};
	}

	/** Colour the units of `level` (one RGBA per row of `codes`) and outline `selected`. */
	show(
		dataset: LoadedDataset,
		level: Level,
		codes: readonly string[],
		rgba: Uint8Array,
		colorKey: string,
		selected: string | null = null
	): void {
		this.#dataset = dataset;
		const shapes = {
			village: dataset.villages,
			township: dataset.townships,
			county: dataset.counties
		};
		this.layer.setUnits(`${dataset.region.code}/${level}`, shapes[level]);
		this.layer.setColors(codes, rgba, colorKey);
		this.layer.select(selected);
		this.#draw();
	}

	/** Follow the main map (undefined: the main map has not been moved; keep the region fitted). */
	setExtent(extent: MapExtent | undefined): void {
		if (!extent) return;
		this.#followed = extent;
		const map = this.#map;
		if (!map || !this.#framed) {
			this.#pending = extent;
			return;
		}
		if (!sameExtent(map.getExtent(), extent)) map.setExtent(extent);
	}

	/** The map's container changed size (a panel opened beside it). */
	resize(): void {
		this.#map?.resize();
	}

	#draw(): void {
		const map = this.#map;
		const ds = this.#dataset;
		if (!map || !ds) return;
		if (this.#framed !== ds.region.code) {
			map.setFrame(frameFromShapes(ds.townships, ds.counties));
			map.fitBounds(ds.manifest.bbox);
			if (this.#pending) map.setExtent(this.#pending);
			this.#pending = null;
			this.#framed = ds.region.code;
		}
		map.setLayers(this.layer.layers());
	}
}
