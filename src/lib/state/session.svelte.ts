/**
 * One session per browser tab: the DuckDB engine, the loaded dataset and the coordinator that
 * every screen queries through. The root layout creates it and hands it to routes through
 * Svelte context, so moving between `/`, `/console`, `/planner` and `/briefing` never restarts
 * the engine or reloads data.
 *
 * Contract: `start(url)` starts the engine at once, reads the region index and loads the region
 * the URL names (or the default); `selectRegion(code)` swaps the dataset in the same engine.
 * Progress is in `steps`; any failure ends in `phase = 'error'` with an `error` whose `kind`
 * picks a plain-language message. `dataset` changes (a new object) each time a region has
 * loaded, which is what screens watch to re-query. Screens add their own `map` step.
 */
import type { Connector } from '$lib/data/connector';
import { loadDataset } from '$lib/data/load-dataset';
import { reapplyImports, type StoredImport } from '$lib/data/import-apply';
import { parseRegionIndex } from '$lib/data/manifest';
import type { IndicatorMeta, Manifest, RegionEntry } from '$lib/data/contract';
import { fetchDataset, type FetchedDataset } from '$lib/data/fetch-dataset';
import { DEFAULT_CONFIG, fetchAppConfig, type AppConfig } from '$lib/data/app-config';
import { queryShapes, type Shapes } from '$lib/data/queries/shapes';
import { queryYearlyTotals } from '$lib/data/queries/yearly-totals';
import { Coordinator } from '$lib/crossfilter/coordinator';
import { decodeFirstView, type FirstView } from '$lib/data/first-view';
import { shapesFromFiles } from '$lib/data/file-shapes';
import { IndicatorParts } from '$lib/data/indicator-parts';
import { keysInSql } from '$lib/data/sql-keys';
import { appCatalogue } from './first-view-query';
import { message, type Lang, type MessageKey } from './messages';
import { createBench, type Bench } from './bench';

export type Phase = 'loading' | 'ready' | 'error';
export type StepKey = 'index' | 'engine' | 'data' | 'map';
export interface Step {
	key: StepKey;
	state: 'pending' | 'active' | 'done';
}
export interface SessionError {
	kind: 'engine' | 'webgl' | 'data' | 'region';
	detail: string;
}

/** A region loaded into the engine, with its shapes at each level decoded once. */
export interface LoadedDataset {
	region: RegionEntry;
	manifest: Manifest;
	/** The catalogue with the app's derived indicators (poverty status…) in front. */
	catalogue: IndicatorMeta[];
	villages: Shapes;
	townships: Shapes;
	counties: Shapes;
	/** Which indicator rows are in the engine; more are loaded as views need them. */
	indicators: IndicatorParts;
}

/**
 * The region as its files show it before the engine is ready: shapes read from the Arrow files
 * and the default view's answer shipped with them (`data/first-view.ts`), enough to draw the
 * map's first frame. Only made when the browser keeps no imports for the region.
 */
export interface Preview extends Omit<LoadedDataset, 'catalogue' | 'indicators'> {
	catalogue: IndicatorMeta[];
	first: FirstView;
}

export interface SessionDeps {
	/** URL of the folder holding `index.json` and one folder per region. */
	dataRoot: string;
	openConnector: () => Promise<Connector>;
	/** URL of `config.json` (default: beside the data folder). */
	configUrl?: string;
	fetch?: typeof fetch;
	/** The imports kept in the browser for a region, applied again after each load of it. */
	imports?: (region: string, db: Connector) => Promise<StoredImport[]>;
	/** Whether the browser keeps imports for a region (then the files alone are not its data). */
	hasImports?: (region: string) => Promise<boolean>;
}

async function queryAllShapes(db: Connector) {
	const [villages, townships, counties] = await Promise.all([
		queryShapes(db, ['village', 'community']),
		queryShapes(db, ['township']),
		queryShapes(db, ['county'])
	]);
	return { villages, townships, counties };
}

function describe(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}

export class AtlasSession {
	phase = $state<Phase>('loading');
	steps = $state<Step[]>(
		(['index', 'engine', 'data', 'map'] as const).map((key) => ({ key, state: 'pending' }))
	);
	error = $state<SessionError | null>(null);
	lang = $state<Lang>('zh');
	regions = $state.raw<RegionEntry[]>([]);
	dataset = $state.raw<LoadedDataset | null>(null);
	/** The region drawn from its files while the engine starts; null once not needed or possible. */
	preview = $state.raw<Preview | null>(null);
	/** Deployment settings (`config.json` beside the app): the optional basemap. */
	config = $state.raw<AppConfig>(DEFAULT_CONFIG);
	/** Why `config.json` was not used, if it was broken (the app runs without it). */
	configError = $state<string | null>(null);
	/** How many engines this session started (stays 1: the e2e tests read it). */
	enginesStarted = $state(0);
	/**
	 * What happened to the engine, in plain words: it stopped and is being restarted, or it was
	 * restarted and the data and view are back. Null when there is nothing to say.
	 */
	engineNotice = $state.raw<{ state: 'restarting' | 'restored'; detail: string } | null>(null);
	/** How many times the engine was restarted after dying. */
	engineRestarts = $state(0);
	/** Stored imports that could not be applied at the last load, with why. */
	importFailures = $state.raw<{ id: string; reason: { zh: string; en: string } }[]>([]);
	coordinator: Coordinator | null = null;
	bench: Bench = createBench(false);

	#db: Connector | null = null;
	#fetch: typeof fetch;
	#started = false;
	#loading: Promise<void> | null = null;

	constructor(private readonly deps: SessionDeps) {
		this.#fetch = deps.fetch ?? ((...a) => fetch(...a));
	}

	t = (key: MessageKey): string => message(this.lang, key);

	#spatial: { code: string; ready: Promise<void> } | null = null;

	/**
	 * Resolves when the spatial SQL functions (`village_at`, `nearest_site`…) are callable for the
	 * loaded region. Installed on first need (the console, the planner), not at start-up, so the
	 * first map frame never waits for the spatial index.
	 */
	spatialReady(): Promise<void> {
		const db = this.#db;
		const code = this.dataset?.region.code;
		if (!db || !code) return Promise.reject(new Error('no dataset loaded'));
		if (this.#spatial?.code !== code) {
			const ready = db.installSpatial ? db.installSpatial() : Promise.resolve();
			this.#spatial = { code, ready };
			ready.catch(() => (this.#spatial = null));
		}
		return this.#spatial.ready;
	}

	get db(): Connector | null {
		return this.#db;
	}

	get defaultRegion(): string | undefined {
		return (this.regions.find((r) => r.default) ?? this.regions[0])?.code;
	}

	/** Start once per tab; later calls (another route mounting) return the same work. */
	start(url: { region?: string; lang?: Lang; bench?: boolean }): Promise<void> {
		if (this.#started) return this.#loading ?? Promise.resolve();
		this.#started = true;
		this.bench = createBench(!!url.bench);
		this.bench.step('app');
		if (url.lang) this.lang = url.lang;
		this.#loading = this.#start(url.region);
		return this.#loading;
	}

	async #start(region: string | undefined): Promise<void> {
		// Compiling the engine's wasm is the slowest step: begin it before anything else.
		this.enginesStarted++;
		const engine = this.deps.openConnector();
		engine.catch(() => {}); // reported below, once the index step is done
		// A broken config.json must not stop the app: it runs without a basemap and says why.
		fetchAppConfig(
			`${this.deps.configUrl ?? `${this.deps.dataRoot}/../config.json`}`,
			this.#fetch
		).then(
			(c) => (this.config = c),
			(e) => (this.configError = describe(e))
		);
		try {
			this.step('index');
			const res = await this.#fetch(`${this.deps.dataRoot}/index.json`);
			if (!res.ok) throw new Error(`index.json: HTTP ${res.status}`);
			this.regions = parseRegionIndex(await res.json());
		} catch (e) {
			return this.fail('data', e);
		}
		const code = region ?? this.defaultRegion ?? '';
		// The region's files download while the engine compiles.
		const prefetch = this.#fetchRegion(code);
		prefetch?.catch(() => {}); // reported by selectRegion
		if (prefetch) void this.#preview(code, prefetch);
		this.step('engine');
		try {
			this.#db = await engine;
		} catch (e) {
			return this.fail('engine', e);
		}
		this.#watch(this.#db);
		this.coordinator = new Coordinator(this.#db);
		this.bench.step('engine');
		await this.selectRegion(code, prefetch);
	}

	/** Read the region's shapes and first view from its files, while the engine starts. */
	async #preview(code: string, prefetch: Promise<FetchedDataset>): Promise<void> {
		const entry = this.regions.find((r) => r.code === code);
		// Imports change the data: without a way to ask, assume there are some.
		const hasImports = this.deps.hasImports ?? (this.deps.imports ? null : async () => false);
		if (!entry || !hasImports) return;
		try {
			const { manifest, read } = await prefetch;
			if (!manifest.firstView) return;
			const [first, region, boundary, imported] = await Promise.all([
				read(manifest.firstView).then(decodeFirstView),
				read(manifest.files.region),
				read(manifest.files.boundary),
				hasImports(code).catch(() => true)
			]);
			if (imported || this.dataset || this.phase === 'error') return;
			this.preview = {
				region: entry,
				manifest,
				catalogue: appCatalogue(manifest.catalogue),
				...shapesFromFiles(region, boundary),
				first
			};
			this.bench.step('preview');
		} catch {
			// No preview, then: the engine's load reads the same files and reports what is wrong.
		}
	}

	#fetchRegion(code: string): Promise<FetchedDataset> | null {
		const entry = this.regions.find((r) => r.code === code);
		return entry ? fetchDataset(`${this.deps.dataRoot}/${entry.path}`, this.#fetch) : null;
	}

	/** Load a region into the running engine; resolves once its tables and shapes are ready. */
	async selectRegion(
		code: string,
		prefetched: Promise<FetchedDataset> | null = null,
		force = false
	) {
		const region = this.regions.find((r) => r.code === code);
		if (!region) return this.fail('region', new Error(`no dataset for region "${code}"`));
		const db = this.#db;
		if (!db || (this.dataset?.region.code === code && !force)) return;
		this.phase = 'loading';
		this.step('data');
		try {
			const { manifest, read, release } = await (prefetched ??
				(this.#fetchRegion(code) as Promise<FetchedDataset>));
			// A dataset in parts starts with the default view's rows; views load the rest.
			await loadDataset(db, manifest, read, undefined, { indicators: 'start' });
			release();
			const indicators = new IndicatorParts(db, manifest, read);
			const { added, stored } = await this.#applyStored(db, code);
			this.bench.step('data');
			this.#spatial = null;
			this.coordinator?.clearCache?.();
			// The preview's shapes are the engine's when nothing was imported (a test holds them equal).
			const preview = this.preview?.region.code === code && stored === 0 ? this.preview : null;
			this.dataset = {
				region,
				manifest,
				catalogue: [...appCatalogue(manifest.catalogue), ...added],
				indicators,
				...(preview
					? { villages: preview.villages, townships: preview.townships, counties: preview.counties }
					: await queryAllShapes(db))
			};
			this.preview = null;
			if (this.bench.enabled) {
				this.bench.set({
					aggregate: async () => {
						const t0 = performance.now();
						await queryYearlyTotals(db);
						return Math.round(performance.now() - t0);
					}
				});
			}
			this.step('map');
		} catch (e) {
			this.fail('data', e);
		}
	}

	/**
	 * Apply the stored imports of `code`: the catalogue entries they add and how many were stored
	 * (-1: unknown). Never throws.
	 */
	async #applyStored(
		db: Connector,
		code: string
	): Promise<{ added: IndicatorMeta[]; stored: number }> {
		this.importFailures = [];
		if (!this.deps.imports) return { added: [], stored: 0 };
		try {
			const results = await reapplyImports(db, await this.deps.imports(code, db));
			this.importFailures = results.flatMap(({ id, result }) =>
				result.ok ? [] : [{ id, reason: { zh: result.reason_zh, en: result.reason_en } }]
			);
			return {
				added: results.flatMap(({ result }) => (result.ok ? result.added : [])),
				stored: results.length
			};
		} catch (e) {
			const detail = describe(e);
			this.importFailures = [
				{
					id: '',
					reason: {
						zh: `无法读取已保存的导入（${detail}）`,
						en: `Saved imports could not be read (${detail})`
					}
				}
			];
			return { added: [], stored: -1 };
		}
	}

	/**
	 * Make sure the engine has the indicator rows of `keys` in `years` (a dataset in parts loads
	 * them now; `years` omitted: every year). Cached answers are dropped when rows were added.
	 * Rejects, naming the file, if a part could not be loaded.
	 */
	async needIndicators(keys: Iterable<string>, years?: Iterable<number>): Promise<void> {
		const ds = this.dataset;
		if (!ds) return;
		const loaded = await ds.indicators.need(keys, years ?? ds.manifest.years);
		if (loaded && this.dataset === ds) this.coordinator?.clearCache?.();
	}

	/** The indicator rows a statement reads (`data/sql-keys.ts`), before it is run. */
	needIndicatorsFor(sql: string, years?: Iterable<number>): Promise<void> {
		const catalogue = this.dataset?.manifest.catalogue ?? [];
		return this.needIndicators(keysInSql(sql, catalogue), years);
	}

	/** When the engine dies, start another, load the same data into it and carry on. */
	#watch(db: Connector): void {
		db.onDeath?.((e) => void this.#recover(e));
	}

	#recovering = false;

	async #recover(cause: Error): Promise<void> {
		const code = this.dataset?.region.code ?? this.defaultRegion;
		if (this.#recovering || !code) return;
		this.#recovering = true;
		this.engineNotice = { state: 'restarting', detail: cause.message };
		try {
			this.enginesStarted++;
			const db = await this.deps.openConnector();
			this.#db = db;
			this.#watch(db);
			this.#spatial = null;
			this.coordinator?.setConnector(db);
			await this.selectRegion(code, null, true);
			this.engineRestarts++;
			this.engineNotice = { state: 'restored', detail: cause.message };
		} catch (e) {
			this.fail('engine', e);
		} finally {
			this.#recovering = false;
		}
	}

	/** Load the current region again from its files, then the stored imports (one was removed). */
	async reload(): Promise<void> {
		const code = this.dataset?.region.code;
		if (code) await this.selectRegion(code, null, true);
	}

	/** An import was applied to the engine: shapes and catalogue as the engine now has them. */
	async refreshAfterImport(added: readonly IndicatorMeta[]): Promise<void> {
		const db = this.#db;
		const ds = this.dataset;
		if (!db || !ds) return;
		this.#spatial = null;
		this.coordinator?.clearCache?.();
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local lookup, not state
		const known = new Set(ds.catalogue.map((m) => m.key));
		this.dataset = {
			...ds,
			catalogue: [...ds.catalogue, ...added.filter((m) => !known.has(m.key))],
			...(await queryAllShapes(db))
		};
	}

	/** Mark `active` as the running step (null: all done) and the session ready when all are. */
	step(active: StepKey | null): void {
		let seen = active === null;
		this.steps = this.steps.map((s) => {
			if (s.key === active) {
				seen = true;
				return { ...s, state: 'active' };
			}
			return { ...s, state: seen ? (active === null ? 'done' : 'pending') : 'done' };
		});
		if (active === null && this.phase !== 'error') this.phase = 'ready';
	}

	fail(kind: SessionError['kind'], e: unknown): void {
		if (this.phase === 'error') return;
		this.error = { kind, detail: describe(e) };
		this.phase = 'error';
		this.bench.fail(describe(e));
	}
}
