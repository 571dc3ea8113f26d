/**
 * The village layer as the map screen sees it: shapes as flat buffers, the status class of each
 * village in the chosen year, the colours that follow, and what the pointer is over.
 *
 * Contract: `setShapes` once per region, `setStatus` per year (rows must be ordered by code like
 * the shapes), `layers()` gives the deck.gl layers to draw, `hover` the hovered village or null.
 */
import {
	buildPolygonBuffers,
	expandFeatureColors,
	type PolygonBuffers
} from '$lib/geo/polygon-buffers';
import { POVERTY_STATUS_CLASSES, statusIndex } from '$lib/analysis/poverty-status';
import type { Shapes } from '$lib/data/queries/shapes';
import type { VillageStatusRows } from '$lib/data/queries/poverty-status';
import type { HoverEvent } from '$lib/map/atlas-map';
import { villageFillLayer, VILLAGE_FILL_ID } from '$lib/map/layers/village-fill';
import { villageOutlineLayer } from '$lib/map/layers/village-outline';

export interface VillageHover {
	code: string;
	name: string;
	township: string;
	/** Index into POVERTY_STATUS_CLASSES. */
	statusClass: number;
	exitYear: number | null;
	x: number;
	y: number;
}

const NO_DATA: readonly [number, number, number, number] = [200, 200, 200, 255];

export class VillageLayerModel {
	hover = $state<VillageHover | null>(null);
	#buffers: PolygonBuffers | null = null;
	#codes: string[] = [];
	#names: string[] = [];
	#rows: VillageStatusRows | null = null;
	#rowOf = new Int32Array(0);
	#classOf = new Int8Array(0);
	#vertexColors: Uint8Array = new Uint8Array(0);
	#colorKey = '';

	get count(): number {
		return this.#codes.length;
	}

	setShapes(shapes: Shapes): void {
		this.#buffers = buildPolygonBuffers(shapes.polygons);
		this.#codes = shapes.codes;
		this.#names = shapes.names;
		this.hover = null;
	}

	setStatus(rows: VillageStatusRows, year: number): void {
		const byCode: Record<string, number> = {};
		rows.codes.forEach((c, i) => (byCode[c] = i));
		this.#rows = rows;
		this.#rowOf = Int32Array.from(this.#codes, (c) => byCode[c] ?? -1);
		this.#classOf = Int8Array.from(this.#rowOf, (i) =>
			i < 0 ? -1 : statusIndex(rows.statuses[i] as string)
		);
		const rgba = new Uint8Array(this.#codes.length * 4);
		this.#classOf.forEach((k, i) => rgba.set(POVERTY_STATUS_CLASSES[k]?.color ?? NO_DATA, i * 4));
		if (this.#buffers) this.#vertexColors = expandFeatureColors(this.#buffers, rgba);
		this.#colorKey = `poverty-${year}`;
	}

	layers() {
		const b = this.#buffers;
		if (!b) return [];
		return [
			villageFillLayer(b, { vertexColors: this.#vertexColors, colorKey: this.#colorKey }),
			villageOutlineLayer(b, { color: [255, 255, 255, 200], widthPx: 0.8 })
		];
	}

	hoverAt(e: HoverEvent | null): void {
		const b = this.#buffers;
		if (!e || e.layerId !== VILLAGE_FILL_ID || !b) {
			this.hover = null;
			return;
		}
		const f = b.partFeature[e.index];
		if (f === undefined) return;
		const code = this.#codes[f] as string;
		const row = this.#rowOf[f] ?? -1;
		this.hover = {
			code,
			name: this.#names[f] ?? code,
			township: row >= 0 ? (this.#rows?.townships[row] ?? '') : '',
			statusClass: this.#classOf[f] ?? -1,
			exitYear: row >= 0 ? (this.#rows?.exitYears[row] ?? null) : null,
			x: e.x,
			y: e.y
		};
	}
}
