/**
 * A map of results, beside the console and the planner: the region's villages drawn pale under its township outlines and
 * names, and a console result on top — the units whose codes it lists filled in the accent
 * colour and outlined, or its lon/lat rows as points; and the planner's pairs as arcs.
 *
 * Contract: `attach(el)` returns the detach function; `show(selection)` draws a result (null
 * clears it); `shown` says how many units or points are on the map. Codes of 12 digits are
 * villages or communities, 9 townships, 6 the county; unknown codes are counted in `missing`.
 */
import { AtlasMap, WebGLUnavailableError } from '$lib/map/atlas-map';
import { choroplethFillLayer } from '$lib/map/layers/choropleth-fill';
import { highlightLayer, featureRings } from '$lib/map/layers/highlight';
import { resultPointsLayer } from '$lib/map/layers/result-points';
import { pairArcsLayer } from '$lib/map/layers/pair-arcs';
import { expandFeatureColors, type PolygonBuffers } from '$lib/geo/polygon-buffers';
import { buildWkbBuffers } from '$lib/geo/wkb-buffers';
import type { Shapes } from '$lib/data/queries/shapes';
import type { AtlasSession } from './session.svelte';
import { frameFromShapes } from './frame-model';

export type MapSelection =
	/** `classes`, aligned with `codes`: a hot-spot class per unit, coloured by `CLASS_COLORS`. */
	| { kind: 'codes'; codes: string[]; classes?: string[] }
	| { kind: 'points'; positions: Float64Array; count: number };

type Rgba = [number, number, number, number];

/** Lines from one point to another (the planner's pairs): lon/lat interleaved. */
export interface Arcs {
	count: number;
	sourcePositions: Float64Array;
	targetPositions: Float64Array;
}
const PALE: Rgba = [226, 230, 236, 255];

/** Hot-spot classes as GeoDa draws them (LISA quadrants, Gi* hot and cold); `ns` stays pale. */
export const CLASS_COLORS: Record<string, Rgba> = {
	HH: [215, 48, 39, 255],
	LL: [69, 117, 180, 255],
	HL: [244, 165, 130, 255],
	LH: [146, 197, 222, 255],
	weak: [214, 96, 39, 255],
	strong: [26, 152, 80, 255],
	hot: [215, 48, 39, 255],
	cold: [69, 117, 180, 255],
	ns: PALE
};
const ACCENT: Rgba = [214, 96, 39, 255];
const OUTLINE: Rgba = [120, 40, 10, 255];

interface Level {
	shapes: Shapes;
	buffers: PolygonBuffers;
	index: Map<string, number>;
}

export class ResultMap {
	shown = $state(0);
	/** Frames drawn after a change (tests and the bench wait on it instead of sleeping). */
	frames = $state(0);
	/** Classes drawn, with their colour and count (for the legend under the map). */
	legend = $state.raw<{ label: string; color: string; count: number }[]>([]);
	missing = $state(0);
	error = $state<string | null>(null);
	#map: AtlasMap | null = null;
	#selection: MapSelection | null = null;
	#arcs: Arcs | null = null;
	#marked: string | null = null;
	// A cache of derived buffers, not state: nothing renders from it.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#levels = new Map<string, Level>();
	#region = '';

	constructor(private readonly session: AtlasSession) {}

	attach(container: HTMLElement): () => void {
		let cancelled = false;
		AtlasMap.create(container).then(
			(map) => {
				if (cancelled) return map.destroy();
				this.#map = map;
				this.#draw();
			},
			(e) => {
				this.error =
					e instanceof WebGLUnavailableError ? 'webgl' : e instanceof Error ? e.message : String(e);
			}
		);
		return () => {
			cancelled = true;
			this.#map?.destroy();
			this.#map = null;
			this.#region = '';
		};
	}

	show(selection: MapSelection | null, arcs: Arcs | null = null): void {
		this.#selection = selection;
		this.#arcs = arcs;
		this.#draw();
	}

	/** Outline one unit over everything (the row under the pointer or clicked); null clears. */
	mark(code: string | null): void {
		if (code === this.#marked) return;
		this.#marked = code;
		this.#draw();
	}

	/** Centre the map on a point, close enough to see one village. */
	focus(lon: number, lat: number): void {
		this.#map?.setExtent({ lon, lat, zoom: 11 });
	}

	resize(): void {
		this.#map?.resize();
	}

	/** Resolves once the map has drawn its layers. */
	async drawn(): Promise<void> {
		await this.#map?.nextDataFrame();
	}

	#level(key: 'village' | 'township' | 'county'): Level | null {
		const ds = this.session.dataset;
		if (!ds) return null;
		const cached = this.#levels.get(key);
		if (cached) return cached;
		const shapes =
			key === 'village' ? ds.villages : key === 'township' ? ds.townships : ds.counties;
		const level = {
			shapes,
			buffers: buildWkbBuffers(shapes.wkb),
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a lookup, not state
			index: new Map(shapes.codes.map((c, i) => [c, i]))
		};
		this.#levels.set(key, level);
		return level;
	}

	#draw(): void {
		const map = this.#map;
		const ds = this.session.dataset;
		if (!map || !ds) return;
		if (this.#region !== ds.region.code) {
			this.#levels.clear();
			map.setFrame(frameFromShapes(ds.townships, ds.counties));
			map.fitBounds(ds.manifest.bbox);
			this.#region = ds.region.code;
		}
		const sel = this.#selection;
		const byLevel = pickedSets();
		let missing = 0;
		const colorOf = codeColors();
		const counts: Record<string, number> = {};
		if (sel?.kind === 'codes') {
			sel.codes.forEach((code, k) => {
				const key = code.length === 12 ? 'village' : code.length === 9 ? 'township' : 'county';
				const i = this.#level(key)?.index.get(code);
				if (i === undefined) return void missing++;
				const cls = sel.classes?.[k];
				if (cls !== undefined) {
					counts[cls] = (counts[cls] ?? 0) + 1;
					colorOf.set(`${key}:${i}`, CLASS_COLORS[cls] ?? ACCENT);
					if (cls === 'ns') return; // drawn pale, not outlined, not counted as shown
				}
				byLevel[key].add(i);
			});
		}
		const order = Object.keys(CLASS_COLORS);
		this.legend = Object.entries(counts)
			.sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
			.map(([label, count]) => ({
				label,
				count,
				color: `rgb(${(CLASS_COLORS[label] ?? ACCENT).slice(0, 3).join(',')})`
			}));
		const base = this.#level(byLevel.township.size || byLevel.county.size ? 'township' : 'village');
		const layers = [];
		if (base) {
			const levelKey = base === this.#level('township') ? 'township' : 'village';
			const picked = byLevel[levelKey];
			const n = base.shapes.codes.length;
			const rgba = new Uint8Array(n * 4);
			for (let i = 0; i < n; i++)
				rgba.set(colorOf.get(`${levelKey}:${i}`) ?? (picked.has(i) ? ACCENT : PALE), i * 4);
			layers.push(
				choroplethFillLayer(base.buffers, {
					vertexColors: expandFeatureColors(base.buffers, rgba),
					colorKey: `${this.#region}:${[...picked].join(',')}:${sel?.kind === 'codes' ? (sel.classes?.join(',') ?? '') : ''}`
				})
			);
			if (picked.size)
				layers.push(
					highlightLayer(featureRings(base.buffers, picked), { color: OUTLINE, widthPx: 1.5 })
				);
		}
		if (sel?.kind === 'points' && sel.count > 0) {
			layers.push(
				resultPointsLayer(
					{ count: sel.count, positions: sel.positions },
					{ fill: ACCENT, line: [255, 255, 255, 255], radiusPx: 5 }
				)
			);
		}
		const marked = this.#marked;
		if (marked) {
			const key = marked.length === 12 ? 'village' : marked.length === 9 ? 'township' : 'county';
			const level = this.#level(key);
			const i = level?.index.get(marked);
			if (level && i !== undefined)
				layers.push(
					highlightLayer(
						featureRings(level.buffers, oneOf(i)),
						{ color: [20, 20, 28, 255], widthPx: 3.5 },
						'marked'
					)
				);
		}
		const arcs = this.#arcs;
		if (arcs && arcs.count > 0)
			layers.push(pairArcsLayer(arcs, { color: [44, 93, 143, 255], widthPx: 2.5 }));
		map.setLayers(layers);
		void map.nextDataFrame().then(() => this.frames++);
		this.missing = missing;
		this.shown =
			sel?.kind === 'points'
				? sel.count
				: byLevel.village.size + byLevel.township.size + byLevel.county.size;
	}

	destroy(): void {
		this.#map?.destroy();
		this.#map = null;
	}
}

/** Colour per `level:index` while one selection is drawn (local, not state). */
function codeColors(): Map<string, Rgba> {
	return new Map();
}

/** The picked units per level while one selection is drawn (local, not state). */
function pickedSets(): Record<'village' | 'township' | 'county', Set<number>> {
	return { village: new Set(), township: new Set(), county: new Set() };
}

/** A set of one feature (local, not state). */
function oneOf(i: number): Set<number> {
	return new Set([i]);
}
