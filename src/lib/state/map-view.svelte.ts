/**
 * The map screen's view: what it shows (theme, indicator, level, year, roll-up, classification,
 * filters, selected unit, extent) and the clients that fetch it through the session's
 * coordinator. The URL is the view's source of truth: a user action asks for a new URL
 * (`onNavigate`), the route hands the decoded URL back to `apply`, and `apply` turns it into
 * selection clauses and queries — so back/forward and an opened link take the same path as a
 * click.
 *
 * Contract: `apply(url)` completes the state with the dataset's defaults and re-queries what
 * changed; `change(patch)` computes the next view and passes its URL to `onNavigate` (it does
 * not change the view itself); `urlState` is the view as the URL writes it. `legend` is the one
 * legend object the map layer is coloured from. For a dataset whose indicators come in parts,
 * `apply` first loads the rows the view reads (`viewNeeds`) and applies the URL once they are
 * in (the latest URL wins); meanwhile `loadingIndicators` is true and the map keeps the last view.
 * A year the indicator has no data in falls back to its latest; `years` lists its years.
 */
import type { IndicatorMeta } from '$lib/data/contract';
import type { Legend } from '$lib/analysis/legend';
import { Selection } from '$lib/crossfilter/selection';
import type { HoverEvent } from '$lib/map/atlas-map';
import type { AtlasSession } from './session.svelte';
import type { UrlState } from './url-state';
import { ChoroplethLayerModel } from './choropleth-layer-model.svelte';
import { ChoroplethClient, type ChoroplethResult } from './choropleth-client';
import { previewFrame } from './map-preview';
import { SummaryClient } from './summary-client';
import type { View } from './view-defaults';
import { indicatorYears, viewNeeds } from './view-needs';
import { completeDatasetView } from './map-query';
import { legendPickToFilter, filterClauses } from './view-filters';
import { MapHost } from './map-host.svelte';
import { CompareMap } from './compare-map.svelte';
import { ChangeView, type ChangeResult } from './change-view.svelte';
import { cellFilters } from './change-model';
import { SitesLayerModel } from './sites-layer-model.svelte';
import { LayerStack, type LayerKey } from './layer-stack.svelte';
import {
	HistogramClient,
	histogramFilters,
	type HistogramData,
	type HistogramRange
} from './histogram-client';
import { TownshipBarsClient, townshipFilters, type TownshipBarsData } from './township-bars-client';

export class MapView {
	/** The view as drawn (or being drawn). Null until the dataset is loaded. */
	view = $state.raw<View | null>(null);
	legend = $state.raw<Legend | null>(null);
	result = $state.raw<ChoroplethResult | null>(null);
	/** The linked charts' answers: villages per bin of the indicator, the indicator per township. */
	histogram = $state.raw<HistogramData | null>(null);
	townshipBars = $state.raw<TownshipBarsData | null>(null);
	/** Whether the year is playing forward by itself. */
	playing = $state(false);
	/** Whether the map shows the first view from the region's files while the engine starts. */
	previewing = $state(false);
	/** Villages in the current filter, of all villages. */
	summary = $state.raw<{ selected: number; total: number } | null>(null);
	/** Whether the indicator rows the asked view reads are being loaded (datasets in parts). */
	loadingIndicators = $state(false);
	/** Why the asked view's indicator rows could not be loaded (the map keeps the last view). */
	indicatorError = $state<string | null>(null);
	readonly layer = new ChoroplethLayerModel();
	readonly selection = Selection.crossfilter();
	/** Resettlement communities, factories and the communities lacking a qualifying factory. */
	readonly sites: SitesLayerModel;
	/** Order, visibility and opacity of every layer. */
	readonly stack = new LayerStack();
	readonly host: MapHost;
	/** The year-A map of the change view (attached only while comparing). */
	readonly compare: CompareMap;
	/** Both years with one legend and their transition matrix, while `view.compareYear` is set. */
	changeView = $state.raw<ChangeView | null>(null);

	#choropleth: ChoroplethClient;
	#summary: SummaryClient;
	#histogram: HistogramClient;
	#bars: TownshipBarsClient;
	#connected = false;
	#drawWaiters: (() => void)[] = [];
	#timer: ReturnType<typeof setTimeout> | undefined;
	/** The dataset the last query was asked of: a new region needs new answers. */
	#drawnFor: unknown = null;
	/** The URL waiting for its indicator rows, and the load it waits for. */
	#waitingFor: UrlState | null = null;
	#partsLoading: Promise<void> | null = null;

	constructor(
		private readonly session: AtlasSession,
		private readonly onNavigate: (url: UrlState, replace: boolean) => void
	) {
		this.sites = new SitesLayerModel(session);
		this.host = new MapHost(session, this.layer, this.sites, this.stack, {
			onClick: (e) => this.#click(e),
			onMoveEnd: (extent) => this.change({ extent }, true)
		});
		this.compare = new CompareMap({
			onMoveEnd: (extent) => this.change({ extent }, true),
			onClick: (unit) => this.change({ selected: unit?.code }),
			onError: (kind, e) => session.fail(kind, e)
		});
		this.#choropleth = new ChoroplethClient(
			this.selection,
			(r) => this.#show(r),
			(e) => session.fail('data', e)
		);
		this.#summary = new SummaryClient(this.selection, (s) => (this.summary = s));
		const fail = (e: Error) => session.fail('data', e);
		this.#histogram = new HistogramClient(this.selection, (d) => (this.histogram = d), fail);
		this.#bars = new TownshipBarsClient(this.selection, (d) => (this.townshipBars = d), fail);
	}

	get meta(): IndicatorMeta | undefined {
		const key = this.view?.indicator;
		return this.session.dataset?.catalogue.find((m) => m.key === key);
	}

	get urlState(): UrlState {
		const v = this.view;
		return {
			region: this.session.dataset?.region.code,
			lang: this.session.lang,
			...(v ?? {})
		};
	}

	/**
	 * Before the engine is ready: colour the map from the answer shipped with the region's files
	 * (`session.preview`), if it answers exactly what the URL's view asks. True if it did. The
	 * panels wait for the engine; the map, its frame and its colours do not.
	 */
	showPreview(url: UrlState): boolean {
		const p = this.session.preview;
		if (!p || this.session.dataset || this.view || this.previewing) return false;
		const frame = previewFrame(p, url);
		if (!frame) return false;
		const { view, result } = frame;
		this.stack.applyTheme(view.theme);
		this.layer.setUnits(frame.unitsKey, frame.shapes);
		this.layer.select(view.selected ?? null);
		this.layer.setColors(result.values.codes, result.colors, 'first-view');
		this.previewing = true;
		if (view.extent) this.host.setExtent(view.extent);
		void this.host.draw();
		return true;
	}

	/** Make the view what the URL says (defaults filled in) and query what that needs. */
	apply(url: UrlState): void {
		const ds = this.session.dataset;
		const coord = this.session.coordinator;
		if (!ds || !coord) return;
		this.previewing = false;
		const lang = url.lang ?? 'zh';
		if (lang !== this.session.lang) this.session.lang = lang;
		if (url.region && url.region !== ds.region.code) {
			void this.session.selectRegion(url.region);
			return; // apply runs again once the region has loaded
		}
		const next = this.#complete(url);
		const needs = viewNeeds(next, ds.catalogue);
		if (ds.indicators.missing(needs.keys, needs.years).length > 0) {
			this.#loadThenApply(url, needs.keys, needs.years);
			return;
		}
		this.#waitingFor = null;
		this.loadingIndicators = false;
		this.indicatorError = null;
		const prev = this.view;
		if (prev?.theme !== next.theme) this.stack.applyTheme(next.theme);
		this.view = next;
		const shapes = { village: ds.villages, township: ds.townships, county: ds.counties }[
			next.level
		];
		this.layer.setUnits(`${ds.region.code}/${next.level}`, shapes);
		this.layer.select(next.selected ?? null);
		const meta = this.meta;
		if (!meta) return;
		this.#choropleth.setView(next, meta);
		const newData = this.#drawnFor !== ds;
		const histogramChanged = this.#histogram.setView(next, meta) || newData;
		const barsChanged = this.#bars.setView(next, meta) || newData;
		// Filters become clauses; the legend's own clause does not filter the map it is drawn on,
		// a brush not the chart it is drawn on.
		const charts = { histogram: this.#histogram, townships: this.#bars };
		this.selection.replace(filterClauses(next, ds.catalogue, this.#choropleth, charts));
		if (!this.#connected) {
			for (const c of [this.#choropleth, this.#summary, this.#histogram, this.#bars]) {
				coord.connect(c);
			}
			this.#connected = true;
		} else {
			if (!prev || newData || viewQueryKey(prev) !== viewQueryKey(next)) {
				coord.requestQuery(this.#choropleth);
			} else {
				void this.host.draw();
			}
			if (histogramChanged) coord.requestQuery(this.#histogram);
			if (barsChanged) coord.requestQuery(this.#bars);
			if (newData) coord.requestQuery(this.#summary);
		}
		this.#drawnFor = ds;
		if (next.extent) this.host.setExtent(next.extent);
		this.#syncChange(next, meta);
		this.#loadSites();
	}

	/** The years the view's indicator has data in (all the dataset's unless it comes in parts). */
	get years(): number[] {
		const ds = this.session.dataset;
		if (!ds) return [];
		const key = this.view?.indicator;
		if (!key) return [...ds.manifest.years];
		return indicatorYears(key, ds.catalogue, (k) => ds.indicators.yearsOf(k));
	}

	/** The URL's view completed, in a year its indicator has data in. */
	#complete(url: UrlState): View {
		const ds = this.session.dataset as NonNullable<AtlasSession['dataset']>;
		return completeDatasetView(url, ds);
	}

	/** Load the rows `url`'s view reads, then apply it if it is still the latest asked. */
	#loadThenApply(url: UrlState, keys: string[], years: number[]): void {
		this.#waitingFor = url;
		this.loadingIndicators = true;
		this.indicatorError = null;
		const load = this.session.needIndicators(keys, years).then(
			() => {
				if (this.#waitingFor === url) this.apply(url);
			},
			(e: unknown) => {
				if (this.#waitingFor !== url) return;
				this.#waitingFor = null;
				this.loadingIndicators = false;
				this.indicatorError = e instanceof Error ? e.message : String(e);
			}
		);
		this.#partsLoading = load;
		void load.finally(() => {
			if (this.#partsLoading === load) this.#partsLoading = null;
		});
	}

	/** Resolves when no indicator rows are being loaded for a view. */
	async #partsLoaded(): Promise<void> {
		while (this.#partsLoading) await this.#partsLoading;
	}

	/** Ask for the view with `patch` applied (through the URL); `replace` keeps one history entry. */
	change(patch: Partial<View> & { region?: string; lang?: 'zh' | 'en' }, replace = false): void {
		const v = this.view;
		if (!v) return;
		const next: UrlState = { ...this.urlState, ...patch };
		// A new indicator or level starts with its own defaults, not the previous one's classes.
		if (patch.indicator || patch.level) {
			for (const k of ['method', 'classes', 'breaks', 'stat', 'category'] as const) {
				if (!(k in patch)) delete next[k];
			}
			if (patch.indicator || patch.level !== v.level) next.filters = [];
		}
		if (patch.theme && !patch.indicator) {
			delete next.indicator;
			for (const k of ['method', 'classes', 'breaks', 'stat', 'category'] as const) delete next[k];
			next.filters = [];
		}
		if (patch.method && patch.method !== v.method) delete next.breaks;
		this.onNavigate(next, replace);
	}

	/** Legend click: filter to that class, or drop it if it is the only one picked. */
	pickClass(classKey: string): void {
		const v = this.view;
		if (!v || !this.legend) return;
		const r = this.result;
		const filter = legendPickToFilter(
			v,
			this.legend,
			classKey,
			r?.values ?? null,
			r?.classOf ?? null
		);
		if (!filter) return;
		const others = v.filters.filter((f) => f.field !== filter.field);
		const same = v.filters.find((f) => f.field === filter.field);
		const toggled = same && JSON.stringify(same) === JSON.stringify(filter);
		this.change({ filters: toggled ? others : [...others, filter] });
	}

	/** Step through the years from the current one (from the first if at the last), then stop. */
	play(stepMs = 1200): void {
		const years = this.years;
		const v = this.view;
		if (!v || years.length < 2 || this.playing) return;
		if (v.year === years[years.length - 1]) this.change({ year: years[0] }, true);
		this.playing = true;
		const tick = async () => {
			if (!this.playing) return;
			await this.#partsLoaded();
			await this.session.coordinator?.whenIdle(); // never faster than the answers come
			const cur = this.view?.year ?? 0;
			const next = years.find((y) => y > cur);
			if (next === undefined || !this.playing) return this.pause();
			this.change({ year: next }, true); // one history entry for the whole run
			this.#timer = setTimeout(tick, stepMs);
		};
		this.#timer = setTimeout(tick, stepMs);
	}

	pause(): void {
		this.playing = false;
		clearTimeout(this.#timer);
	}

	/** A brush (range) or pick (categories) on the histogram; null clears it. */
	brushHistogram(pick: HistogramRange | string[] | null): void {
		const v = this.view;
		if (v) this.change({ filters: histogramFilters(v, pick) });
	}

	/** Townships picked on the bar chart (none: clear). */
	selectTownships(codes: readonly string[]): void {
		const v = this.view;
		if (v) this.change({ filters: townshipFilters(v, codes) });
	}

	clearFilters(): void {
		this.change({ filters: [] });
	}

	#click(e: HoverEvent | null): void {
		if (this.sites.siteAt(e)) return; // a site has its tooltip; a click there selects nothing
		const unit = this.layer.unitAt(e);
		const code = unit && unit.code !== this.view?.selected ? unit.code : undefined;
		this.change({ selected: code });
	}

	#show(r: ChoroplethResult): void {
		this.result = r;
		this.legend = r.legend;
		for (const w of this.#drawWaiters.splice(0)) w();
		// While comparing, the main map shows year B in the colours both years share.
		if (this.view?.compareYear !== undefined) return;
		this.layer.setColors(r.values.codes, r.colors, r.colorKey);
		void this.host.draw();
	}

	/** Start, follow or end the change view as the URL's `compare` year says. */
	#syncChange(view: View, meta: IndicatorMeta): void {
		const coord = this.session.coordinator;
		if (view.compareYear === undefined || !coord) {
			this.changeView?.destroy();
			this.changeView = null;
			return;
		}
		this.changeView ??= new ChangeView(coord, this.selection);
		this.changeView.show(view, meta, view.compareYear, view.year, this.session.dataset);
		if (view.extent) this.compare.setExtent(view.extent);
	}

	/** Draw a change-view answer: year B on the main map, year A on the compare map. */
	showChange(r: ChangeResult): void {
		const ds = this.session.dataset;
		if (!ds || this.view?.compareYear === undefined) return;
		this.layer.setColors(r.codes, r.colorsB, r.colorKey);
		void this.host.draw();
		this.compare.show(ds, r.view.level, r.codes, r.colorsA, r.colorKey, this.view.selected ?? null);
	}

	/** The year's sites, when a site layer shows (other themes skip the queries). */
	#loadSites(): void {
		const year = this.view?.year;
		const shown = (['resettlement', 'factories', 'gaps'] as const).some(
			(k) => this.stack.entry(k).visible
		);
		if (!year || !shown) return;
		this.sites.load(year).then(
			() => void this.host.draw(),
			(e) => this.session.fail('data', e)
		);
	}

	/** The layer panel: show or hide, move, fade a layer. */
	setLayerVisible(key: LayerKey, visible: boolean): void {
		this.stack.setVisible(key, visible);
		this.#loadSites();
		void this.host.draw();
	}

	moveLayer(key: LayerKey, step: -1 | 1): void {
		if (this.stack.move(key, step)) void this.host.draw();
	}

	setLayerOpacity(key: LayerKey, opacity: number): void {
		this.stack.setOpacity(key, opacity);
		void this.host.draw();
	}

	/** The panes changed size (the comparison opened or closed). */
	resizeMaps(): void {
		this.host.resize();
		this.compare.resize();
	}

	/** Compare the view's year with an earlier one (the first year, or the last if already first). */
	openChange(): void {
		const years = this.years;
		const v = this.view;
		if (!v || years.length < 2) return;
		const a = v.year === years[0] ? (years[years.length - 1] as number) : (years[0] as number);
		this.pause();
		this.change({ compareYear: a });
	}

	closeChange(): void {
		const v = this.view;
		if (!v) return;
		const filters = v.filters.filter((f) => f.field !== 'village');
		this.change({ compareYear: undefined, filters });
	}

	/** A transition-matrix cell: select its units (a second click on the same cell clears). */
	pickCell(codes: string[]): void {
		const v = this.view;
		if (!v) return;
		const filters = cellFilters(v, codes);
		if (filters) this.change({ filters });
	}

	/** Resolves when the map's next answer has been drawn (the repaint a click waits for). */
	async repainted(): Promise<void> {
		await new Promise<void>((resolve) => this.#drawWaiters.push(resolve));
		await this.host.nextFrame();
	}

	/** Resolves when every query asked so far is answered and the map has drawn the answer. */
	async settled(): Promise<void> {
		await this.#partsLoaded();
		await this.session.coordinator?.whenIdle();
		await this.host.nextFrame();
	}

	/** Attach the map to a container; returns the function that removes it. */
	attachMap(container: HTMLElement): () => void {
		return this.host.attach(container);
	}

	destroy(): void {
		this.pause();
		this.changeView?.destroy();
		this.session.coordinator?.disconnect(this.#choropleth);
		this.session.coordinator?.disconnect(this.#summary);
		this.session.coordinator?.disconnect(this.#histogram);
		this.session.coordinator?.disconnect(this.#bars);
	}
}

/** The parts of the view that change what the choropleth query returns. */
function viewQueryKey(v: View): string {
	return JSON.stringify([
		v.indicator,
		v.level,
		v.year,
		v.stat,
		v.category,
		v.method,
		v.classes,
		v.breaks,
		v.filters
	]);
}
