/**
 * The messages between the main thread (`worker-connector.ts`) and the engine's own module worker
 * (`engine-worker.ts`), which runs duckdb-wasm's blocking build.
 *
 * The start arguments also travel in the worker's `name` (`workerName`), so the worker begins
 * downloading the wasm the moment its script runs: a message posted to a worker that is still
 * loading is forwarded by the main thread, which during page start is busy for a while.
 *
 * Every request carries an `id` and an `op`; the worker answers each with exactly one
 * `EngineResponse` of the same id: `ok: true` with the op's result, or `ok: false` with the
 * engine's own error text. Requests are served one at a time in the order they arrive (the
 * engine is synchronous), so a caller may send the next request without waiting.
 *
 * Adding an op is one entry in `EngineOps` plus one handler in the worker. Functions cannot
 * cross `postMessage`, so the spatial SQL functions are implemented in a module the worker
 * imports, which reads the polygons from the engine's own tables (`installSpatial`).
 * Cancellation: a `cancellable` query runs as DuckDB's pending query, one step (≤ about 0.1 s)
 * per poll with a yield between polls, so a `cancel { target }` message is read while it runs;
 * `cancel` is answered at once, outside the queue, and the target then fails with
 * `CANCELLED` (also when it was still waiting in the queue).
 */
import type { SqlParam } from './connector';

/** Which duckdb-wasm build: `eh` needs WebAssembly exception handling, `mvp` runs anywhere. */
export type EngineBundle = 'eh' | 'mvp';

/**
 * Moments of engine start-up, in ms since the page's navigation start (`performance.now()` of
 * the main thread). Worker marks are converted to the page's clock.
 */
export interface EngineTimings {
	/** Main thread: `openWorkerConnector` called and the worker constructed. */
	workerCreated: number;
	/** Worker: its entry module runs. */
	workerStart: number;
	/** Worker: start-up begins — the wasm download with it (see `workerName`). */
	startBegun: number;
	/** Worker: the wasm response's headers arrived. */
	wasmResponse: number;
	/** Worker: the wasm module is compiled (streaming, while it downloads). */
	wasmCompiled: number;
	/** Worker: duckdb-wasm's JavaScript (blocking build) is loaded and evaluated. */
	engineLoaded: number;
	/** Worker: `WebAssembly.instantiate` done (emscripten's linking and start-up follow). */
	wasmInstantiated: number;
	/** Worker: emscripten's runtime has started (exports linked, constructors run). */
	instantiated: number;
	/** Worker: `open` (the database instance) done. */
	opened: number;
	/** Worker: connection made. */
	connected: number;
	/** Worker: offline settings applied: the engine is ready. */
	ready: number;
	/** Main thread: the start-up answer arrived. */
	readyOnMain: number;
	/** Main thread: the first query's result arrived (absent until then). */
	firstQuery?: number;
}

/** How long each step of start-up took, in ms, from `EngineTimings`. */
export function startPhases(t: EngineTimings) {
	const ms = (a: number, b: number) => Math.round(b - a);
	return {
		/** The worker's script fetched and running. */
		workerLoad: ms(t.workerCreated, t.workerStart),
		/** Download and streaming compilation of the wasm (they overlap). */
		wasmFetchCompile: ms(t.startBegun, t.wasmCompiled),
		/** duckdb-wasm's JavaScript loaded, in parallel with the wasm. */
		engineCode: ms(t.startBegun, t.engineLoaded),
		/** From the later of the two to a wasm instance. */
		instantiate: ms(Math.max(t.wasmCompiled, t.engineLoaded), t.wasmInstantiated),
		/** emscripten's linking and runtime start. */
		link: ms(t.wasmInstantiated, t.instantiated),
		open: ms(t.instantiated, t.opened),
		connectAndSettings: ms(t.opened, t.ready),
		total: ms(t.workerCreated, t.readyOnMain)
	};
}

/** Marks the worker itself records (the rest are the main thread's). */
export type WorkerMark = Exclude<
	keyof EngineTimings,
	'workerCreated' | 'readyOnMain' | 'firstQuery'
>;

export interface EngineInfo {
	/** DuckDB's version string, e.g. `v1.4.3`. */
	version: string;
	bundle: EngineBundle;
}

/** Each op: the fields its request carries and the result its answer carries. */
export interface EngineOps {
	/** Start the engine from the given wasm file; must be the first request. */
	init: {
		args: {
			wasmUrl: string;
			bundle: EngineBundle;
			/** The page's `performance.timeOrigin`, to put worker marks on the page's clock. */
			timeOrigin: number;
			/**
			 * Link every wasm export into emscripten's symbol tables, as duckdb-wasm does. Only
			 * loading a DuckDB extension (a side module) needs the 61,000 C++ ones; off, start-up
			 * is about 0.5 s shorter. See `engine-worker.ts#linkedExports`.
			 */
			linkAllExports: boolean;
		};
		result: EngineInfo & { marks: Record<WorkerMark, number> };
	};
	/** Run one statement (prepared when `params` is not empty; `?` and `$1` both bind). */
	query: {
		args: { sql: string; params: SqlParam[]; cancellable?: boolean };
		/** The engine's own Arrow IPC buffer (file format), transferred; `tableFromIPC` reads it. */
		result: Uint8Array;
	};
	/** Replace table `name` with the rows of an Arrow IPC stream. */
	insertArrow: { args: { name: string; ipc: Uint8Array }; result: null };
	/** Register the spatial SQL functions for the loaded dataset (`spatial-functions.ts`). */
	installSpatial: { args: Record<never, never>; result: null };
	/** Stop request `target` (a cancellable query running or still queued). Never queued. */
	cancel: { args: { target: number }; result: null };
	/** A round trip that touches the engine; answers its version. */
	ping: { args: Record<never, never>; result: EngineInfo };
	/** Close the connection and the database; the worker may then be terminated. */
	close: { args: Record<never, never>; result: null };
}

export type EngineOp = keyof EngineOps;

export type EngineRequest = {
	[K in EngineOp]: { id: number; op: K } & EngineOps[K]['args'];
}[EngineOp];

export type EngineResponse =
	| { id: number; ok: true; result: EngineOps[EngineOp]['result'] }
	| { id: number; ok: false; error: string };

export type EngineStartArgs = EngineOps['init']['args'];

/** The error text of a request stopped by `cancel`. */
export const CANCELLED = 'query cancelled';

const NAME_PREFIX = 'duckdb ';

/** The worker's `name`: readable in devtools, and the start arguments for the worker. */
export function workerName(args: EngineStartArgs): string {
	return NAME_PREFIX + JSON.stringify(args);
}

/** The start arguments carried by a worker's name, if it carries them. */
export function startArgsOf(name: string): EngineStartArgs | null {
	if (!name.startsWith(NAME_PREFIX)) return null;
	try {
		return JSON.parse(name.slice(NAME_PREFIX.length)) as EngineStartArgs;
	} catch {
		return null;
	}
}
