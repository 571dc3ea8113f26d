/**
 * The app's state for the map screen, as one runes class.
 *
 * Contract: `start(url)` reads the region index, starts the engine, loads the chosen region and
 * draws it as soon as `attachMap` has given a container; `selectRegion`, `setYear` and
 * `setLang` change the view. Progress is in `steps`; any failure ends in `phase = 'error'` with
 * an `error` whose `kind` picks a plain-language message — never a blank page or a stack trace.
 */
import type { Connector } from '$lib/data/connector';
import { loadDataset } from '$lib/data/load-dataset';
import { parseRegionIndex, type Manifest, type RegionEntry } from '$lib/data/manifest';
import { fetchDataset, type FetchedDataset } from '$lib/data/fetch-dataset';
import { queryPovertyStatus, queryPovertyStatusCounts } from '$lib/data/queries/poverty-status';
import { queryShapes } from '$lib/data/queries/shapes';
import { AtlasMap, WebGLUnavailableError } from '$lib/map/atlas-map';
import { message, type Lang, type MessageKey } from './messages';
import type { UrlState } from './url-state';
import { createBench, type Bench } from './bench';
import { VillageLayerModel } from './village-layer-model.svelte';
import { frameFromShapes } from './frame-model';

export type Phase = 'loading' | 'ready' | 'error';
export type StepKey = 'index' | 'engine' | 'data' | 'map';
export interface Step {
	key: StepKey;
	state: 'pending' | 'active' | 'done';
}
export interface AtlasError {
	kind: 'engine' | 'webgl' | 'data' | 'region';
	detail: string;
}

export interface AtlasDeps {
	/** URL of the folder holding `index.json` and one folder per region. */
	dataRoot: string;
	openConnector: () => Promise<Connector>;
	fetch?: typeof fetch;
	/** Width of a panel over the map's left side, kept clear when framing a region. */
	leftPanelPx?: number;
}

function describe(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}

export class AtlasState {
	phase = $state<Phase>('loading');
	steps = $state<Step[]>(
		(['index', 'engine', 'data', 'map'] as const).map((key) => ({ key, state: 'pending' }))
	);
	error = $state<AtlasError | null>(null);
	lang = $state<Lang>('zh');
	regions = $state.raw<RegionEntry[]>([]);
	region = $state.raw<RegionEntry | null>(null);
	manifest = $state.raw<Manifest | null>(null);
	year = $state(0);
	/** Villages per status class in the chosen year. */
	counts = $state.raw<Record<string, number>>({});
	readonly villages = new VillageLayerModel();

	#db: Connector | null = null;
	#map: AtlasMap | null = null;
	#mapWaiters: ((m: AtlasMap) => void)[] = [];
	#bench: Bench = createBench(false);
	#fetch: typeof fetch;

	constructor(private readonly deps: AtlasDeps) {
		this.#fetch = deps.fetch ?? ((...a) => fetch(...a));
	}

	t = (key: MessageKey): string => message(this.lang, key);

	get urlState(): UrlState {
		return { region: this.region?.code, year: this.year || undefined, lang: this.lang };
	}

	get defaultRegion(): string | undefined {
		return (this.regions.find((r) => r.default) ?? this.regions[0])?.code;
	}

	async start(url: UrlState): Promise<void> {
		this.#bench = createBench(!!url.bench);
		this.#bench.step('app');
		if (url.lang) this.lang = url.lang;
		// Compiling the engine's wasm is the slowest step: begin it while the index is read.
		const engine = this.deps.openConnector();
		engine.catch(() => {}); // reported below, once the index step is done
		try {
			this.#step('index');
			const res = await this.#fetch(`${this.deps.dataRoot}/index.json`);
			if (!res.ok) throw new Error(`index.json: HTTP ${res.status}`);
			this.regions = parseRegionIndex(await res.json());
		} catch (e) {
			return this.#fail('data', e);
		}
		const code = url.region ?? this.defaultRegion ?? '';
		// The region's files download while the engine compiles.
		const prefetch = this.#fetchRegion(code);
		prefetch?.catch(() => {}); // reported by selectRegion
		this.#step('engine');
		try {
			this.#db = await engine;
		} catch (e) {
			return this.#fail('engine', e);
		}
		this.#bench.step('engine');
		await this.selectRegion(code, url.year, prefetch);
	}

	#fetchRegion(code: string): Promise<FetchedDataset> | null {
		const entry = this.regions.find((r) => r.code === code);
		return entry ? fetchDataset(`${this.deps.dataRoot}/${entry.path}`, this.#fetch) : null;
	}

	async selectRegion(
		code: string,
		year?: number,
		prefetched: Promise<FetchedDataset> | null = null
	): Promise<void> {
		const entry = this.regions.find((r) => r.code === code);
		if (!entry) return this.#fail('region', new Error(`no dataset for region "${code}"`));
		const db = this.#db;
		if (!db) return;
		this.phase = 'loading';
		this.#step('data');
		try {
			const { manifest, read } = await (prefetched ??
				(this.#fetchRegion(code) as Promise<FetchedDataset>));
			await loadDataset(db, manifest, read);
			this.#bench.step('data');
			const [villages, townships, county] = await Promise.all([
				queryShapes(db, ['village', 'community']),
				queryShapes(db, ['township']),
				queryShapes(db, ['county'])
			]);
			this.villages.setShapes(villages);
			this.region = entry;
			this.manifest = manifest;
			await this.#recolor(year && manifest.years.includes(year) ? year : manifest.latestYear);
			this.#step('map');
			const map = await this.#whenMap();
			map.setFrame(frameFromShapes(townships, county));
			map.fitBounds(manifest.bbox, this.deps.leftPanelPx ?? 0);
			this.#draw();
			await map.nextDataFrame();
			this.#bench.set({ tFirstFrame: Math.round(performance.now()) });
			await map.idle();
			this.#bench.set({ labels: map.placedLabels() });
			this.#step(null);
			this.phase = 'ready';
			this.#bench.done(villages.codes.length);
		} catch (e) {
			this.#fail(e instanceof WebGLUnavailableError ? 'webgl' : 'data', e);
		}
	}

	async setYear(year: number): Promise<void> {
		if (!this.manifest?.years.includes(year) || year === this.year) return;
		await this.#recolor(year);
		this.#draw();
	}

	setLang(lang: Lang): void {
		this.lang = lang;
	}

	/** Give the map a container; returns the function that removes it. */
	attachMap(container: HTMLElement): () => void {
		let cancelled = false;
		AtlasMap.create(container).then(
			(map) => {
				if (cancelled) return map.destroy();
				this.#map = map;
				map.onHover((e) => this.villages.hoverAt(e));
				for (const w of this.#mapWaiters.splice(0)) w(map);
			},
			(e) => this.#fail(e instanceof WebGLUnavailableError ? 'webgl' : 'engine', e)
		);
		return () => {
			cancelled = true;
			this.#map?.destroy();
			this.#map = null;
		};
	}

	/** Query the classes for `year`, then switch year, colours and counts together. */
	async #recolor(year: number): Promise<void> {
		const db = this.#db;
		if (!db) return;
		const [status, counts] = await Promise.all([
			queryPovertyStatus(db, year),
			queryPovertyStatusCounts(db, year)
		]);
		this.villages.setStatus(status, year);
		this.counts = counts;
		this.year = year;
	}

	#draw(): void {
		this.#map?.setLayers(this.villages.layers());
	}

	#whenMap(): Promise<AtlasMap> {
		if (this.#map) return Promise.resolve(this.#map);
		return new Promise((resolve) => this.#mapWaiters.push(resolve));
	}

	#step(active: StepKey | null): void {
		let seen = active === null;
		this.steps = this.steps.map((s) => {
			if (s.key === active) {
				seen = true;
				return { ...s, state: 'active' };
			}
			return { ...s, state: seen ? (active === null ? 'done' : 'pending') : 'done' };
		});
	}

	#fail(kind: AtlasError['kind'], e: unknown): void {
		if (this.phase === 'error') return;
		this.error = { kind, detail: describe(e) };
		this.phase = 'error';
		this.#bench.fail(describe(e));
	}
}
