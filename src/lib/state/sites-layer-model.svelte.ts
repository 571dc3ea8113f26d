/**
 * The relocation layers as the map sees them: the region's resettlement communities, factories
 * and factory gaps of one year, loaded through the session's connector (sites do not depend on
 * the village filter, so they bypass the coordinator), turned into the three point layers, and
 * what the pointer is over.
 *
 * Contract: `load(year)` resolves once the layers of that year (of the session's current
 * region) are ready — or once a later `load` has superseded it; answers are cached per region
 * and year, so playing the years queries each once. `layersByKey()` gives the deck.gl layers
 * under the layer stack's keys; they are rebuilt only when the year's sites change, so redraws
 * for the choropleth re-upload nothing. `siteAt(e)` resolves a picked part to a site (a gap
 * ring to its community), `hoverAt(e)` keeps it in `hover` for the tooltip.
 */
import type { Connector } from '$lib/data/connector';
import { querySites, type SiteSet } from '$lib/data/queries/sites';
import type { DataLayer, HoverEvent } from '$lib/map/atlas-map';
import {
	RESETTLEMENT_POINTS_ID,
	RESETTLEMENT_SIZE,
	RESETTLEMENT_STYLE,
	resettlementPointsLayer
} from '$lib/map/layers/resettlement-points';
import {
	FACTORY_POINTS_ID,
	FACTORY_SIZE,
	FACTORY_STYLE,
	factoryPointsLayer
} from '$lib/map/layers/factory-points';
import { GAP_HIGHLIGHT_ID, GAP_STYLE, gapHighlightLayer } from '$lib/map/layers/gap-highlight';
import type { LayersByKey } from './layer-stack.svelte';

/** What the model needs of the session (an `AtlasSession` is one). */
export interface SiteSource {
	readonly db: Connector | null;
	readonly dataset: { readonly region: { readonly code: string } } | null;
}

/** The site under the pointer: which list it is in and where the pointer is. */
export interface SiteHover {
	kind: 'resettlement' | 'factory';
	/** Row in `sites.communities` or `sites.factories`. */
	index: number;
	id: string;
	name: string;
	x: number;
	y: number;
}

export class SitesLayerModel {
	/** The year's sites as drawn (null before the first load). */
	sites = $state.raw<SiteSet | null>(null);
	hover = $state.raw<SiteHover | null>(null);

	// Not reactive state: answers and built layers, read by `load` and `layersByKey`.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#cache = new Map<string, Promise<SiteSet>>();
	#wanted = '';
	#layers: Required<Pick<LayersByKey, 'resettlement' | 'factories' | 'gaps'>> = {
		resettlement: [],
		factories: [],
		gaps: []
	};
	/** Community row of each gap ring. */
	#gapRows: number[] = [];

	constructor(private readonly source: SiteSource) {}

	/** Load (or take from the cache) the sites of `year` in the current region, and build layers. */
	async load(year: number): Promise<void> {
		const db = this.source.db;
		const region = this.source.dataset?.region.code;
		if (!db || !region) return;
		const key = `${region}/${year}`;
		this.#wanted = key;
		let answer = this.#cache.get(key);
		if (!answer) {
			answer = querySites(db, year);
			this.#cache.set(key, answer);
			answer.catch(() => this.#cache.delete(key)); // a failed load may be retried
		}
		const sites = await answer;
		if (this.#wanted !== key || this.sites === sites) return;
		this.#build(sites);
		this.sites = sites;
		this.hover = null;
	}

	/** Forget cached answers (a region reloaded into the same engine). */
	clear(): void {
		this.#cache.clear();
	}

	#build(s: SiteSet): void {
		const c = s.communities;
		const resettlementScale = { ...RESETTLEMENT_SIZE, max: s.scale.households };
		this.#gapRows = [];
		for (let i = 0; i < c.count; i++) if (c.rule[i] && c.gap[i]) this.#gapRows.push(i);
		const rows = this.#gapRows;
		const gaps = {
			count: rows.length,
			positions: Float64Array.from(
				rows.flatMap((i) => [c.positions[i * 2], c.positions[i * 2 + 1]]) as number[]
			),
			households: Float64Array.from(rows, (i) => c.households[i] as number)
		};
		this.#layers = {
			resettlement: [
				resettlementPointsLayer(c, { ...RESETTLEMENT_STYLE, scale: resettlementScale })
			],
			factories: [
				factoryPointsLayer(s.factories, {
					...FACTORY_STYLE,
					scale: { ...FACTORY_SIZE, max: s.scale.jobs }
				})
			],
			gaps: rows.length ? [gapHighlightLayer(gaps, { ...GAP_STYLE, scale: resettlementScale })] : []
		};
	}

	/**
	 * The year's layers under the layer stack's keys (empty before the first load), as new
	 * instances each time: deck.gl refuses to initialise an instance it has finalised (a layer
	 * hidden, then shown again, or a map rebuilt), and a clone with the same props and data is
	 * only diffed, not uploaded again.
	 */
	layersByKey(): LayersByKey {
		const fresh = (ls: readonly DataLayer[]) => ls.map((l) => l.clone({}));
		return {
			resettlement: fresh(this.#layers.resettlement),
			factories: fresh(this.#layers.factories),
			gaps: fresh(this.#layers.gaps)
		};
	}

	/** How many gap communities the year has (the ring count). */
	get gapCount(): number {
		return this.#gapRows.length;
	}

	/** The site under a picked part, or null (a part of another layer, or nothing). */
	siteAt(e: HoverEvent | null): SiteHover | null {
		const s = this.sites;
		if (!e || !s) return null;
		const at = (kind: SiteHover['kind'], index: number | undefined): SiteHover | null => {
			const list = kind === 'factory' ? s.factories : s.communities;
			if (index === undefined || index < 0 || index >= list.count) return null;
			const id = list.ids[index] as string;
			return { kind, index, id, name: list.names[index] ?? id, x: e.x, y: e.y };
		};
		if (e.layerId === RESETTLEMENT_POINTS_ID) return at('resettlement', e.index);
		if (e.layerId === GAP_HIGHLIGHT_ID) return at('resettlement', this.#gapRows[e.index]);
		if (e.layerId === FACTORY_POINTS_ID) return at('factory', e.index);
		return null;
	}

	hoverAt(e: HoverEvent | null): void {
		this.hover = this.siteAt(e);
	}
}
