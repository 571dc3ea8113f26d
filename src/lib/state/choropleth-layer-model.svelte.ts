/**
 * The choropleth as the map sees it: the units of one level (villages, townships or the county)
 * as flat buffers, one colour per unit, the selected unit's outline and what the pointer is over.
 *
 * Contract: `setUnits(key, shapes)` when the level or region changes (buffers are cached per
 * key); `setColors(codes, rgba, colorKey)` with one RGBA per row of `codes` (any order: matched
 * by code, units missing from `codes` get the no-data colour); `select(code)` outlines one unit;
 * `layers()` gives the deck.gl layers to draw; `hover` is the hovered unit or null.
 */
import { expandFeatureColors, type PolygonBuffers } from '$lib/geo/polygon-buffers';
import { buildWkbBuffers } from '$lib/geo/wkb-buffers';
import { NO_DATA_COLOR } from '$lib/analysis/palettes';
import type { Shapes } from '$lib/data/queries/shapes';
import type { HoverEvent } from '$lib/map/atlas-map';
import { choroplethFillLayer, CHOROPLETH_FILL_ID } from '$lib/map/layers/choropleth-fill';
import { unitOutlineLayer } from '$lib/map/layers/unit-outline';
import { featureRings, highlightLayer } from '$lib/map/layers/highlight';

/** The most units drawn with their own borders (a province has about 20,000; the nation 620,000). */
export const OUTLINE_MAX_UNITS = 100_000;

export interface UnitHover {
	code: string;
	name: string;
	/** Index of the unit in the shapes (and in `codes` order of the last `setColors`). */
	index: number;
	x: number;
	y: number;
}

export class ChoroplethLayerModel {
	hover = $state<UnitHover | null>(null);
	// Not reactive state: buffers built once per level, read by `layers()`.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#cache = new Map<string, { shapes: Shapes; buffers: PolygonBuffers }>();
	#key = '';
	#shapes: Shapes | null = null;
	#buffers: PolygonBuffers | null = null;
	#vertexColors: Uint8Array = new Uint8Array(0);
	#colorKey = '';
	#selected: string | null = null;
	#rings: number[][][] = [];

	get count(): number {
		return this.#shapes?.codes.length ?? 0;
	}

	get codes(): readonly string[] {
		return this.#shapes?.codes ?? [];
	}

	/** Show the units of `shapes`, remembered under `key` (e.g. `610924/township`). */
	setUnits(key: string, shapes: Shapes): void {
		if (key === this.#key && shapes === this.#shapes) return;
		let entry = this.#cache.get(key);
		if (!entry || entry.shapes !== shapes) {
			entry = { shapes, buffers: buildWkbBuffers(shapes.wkb) };
			this.#cache.set(key, entry);
		}
		this.#key = key;
		this.#shapes = entry.shapes;
		this.#buffers = entry.buffers;
		this.#vertexColors = new Uint8Array(0);
		this.#colorKey = '';
		this.hover = null;
		this.#updateRings();
	}

	/** Colour each unit: `rgba` holds 4 bytes per row of `codes`. */
	setColors(codes: readonly string[], rgba: Uint8Array, colorKey: string): void {
		const shapes = this.#shapes;
		const b = this.#buffers;
		if (!shapes || !b) return;
		const n = shapes.codes.length;
		const perUnit = new Uint8Array(n * 4);
		// Answers come ordered by code, as the shapes are: then row i is unit i, no lookup needed.
		const aligned = codes.length === n && shapes.codes.every((c, i) => codes[i] === c);
		if (aligned) {
			perUnit.set(rgba.subarray(0, n * 4));
		} else {
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local lookup, not state
			const rowOf = new Map<string, number>();
			codes.forEach((c, i) => rowOf.set(c, i));
			for (let i = 0; i < n; i++) {
				const row = rowOf.get(shapes.codes[i] as string);
				for (let k = 0; k < 4; k++) {
					perUnit[i * 4 + k] = (row === undefined ? NO_DATA_COLOR[k] : rgba[row * 4 + k]) as number;
				}
			}
		}
		this.#vertexColors = expandFeatureColors(b, perUnit);
		this.#colorKey = `${this.#key}|${colorKey}`;
	}

	/** Outline one unit (null: none). */
	select(code: string | null): void {
		this.#selected = code;
		this.#updateRings();
	}

	#updateRings(): void {
		const i = this.#selected ? (this.#shapes?.codes.indexOf(this.#selected) ?? -1) : -1;
		const b = this.#buffers;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local argument, not state
		this.#rings = i >= 0 && b ? featureRings(b, new Set([i])) : [];
	}

	layers() {
		const b = this.#buffers;
		if (!b || this.#vertexColors.length === 0) return [];
		const fill = choroplethFillLayer(b, {
			vertexColors: this.#vertexColors,
			colorKey: this.#colorKey
		});
		// Past a province's size the borders are sub-pixel at any scale that shows them all, and
		// their path buffers would cost more than the fill: the fill alone then.
		const layers =
			b.featureCount > OUTLINE_MAX_UNITS
				? [fill]
				: [fill, unitOutlineLayer(b, { color: [255, 255, 255, 200], widthPx: 0.8 })];
		if (this.#rings.length) {
			return [...layers, highlightLayer(this.#rings, { color: [20, 20, 30, 255], widthPx: 3 })];
		}
		return layers;
	}

	/** The unit under a picked part, or null. */
	unitAt(e: HoverEvent | null): UnitHover | null {
		const b = this.#buffers;
		const shapes = this.#shapes;
		if (!e || e.layerId !== CHOROPLETH_FILL_ID || !b || !shapes) return null;
		const f = b.partFeature[e.index];
		if (f === undefined) return null;
		const code = shapes.codes[f] as string;
		return { code, name: shapes.names[f] ?? code, index: f, x: e.x, y: e.y };
	}

	hoverAt(e: HoverEvent | null): void {
		this.hover = this.unitAt(e);
	}
}
