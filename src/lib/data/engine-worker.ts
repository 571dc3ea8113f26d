/**
 * The engine's own module worker: duckdb-wasm's blocking build, driven by the messages of
 * `engine-protocol.ts`. Started by `worker-connector.ts`, which passes the wasm URL in (the
 * wasm is imported once, on the main side, so the build emits it once).
 *
 * Start-up is ordered for speed: the start arguments are in the worker's name, so the wasm
 * download and its streaming compilation begin the moment this script runs, while duckdb-wasm's
 * JavaScript (about 1 MB, plus apache-arrow) is fetched and parsed through a dynamic import. The
 * compiled module is handed to duckdb-wasm's instantiation instead of letting it fetch the file
 * itself through a progress-counting stream — so a missing wasm is a plain HTTP error here, not
 * a promise that never settles — and emscripten's linker sees only the exports JavaScript needs
 * (`linkedExports`). Each step is timed (`EngineTimings`).
 *
 * Results travel as the engine's own Arrow IPC bytes, transferred without a copy; the main side
 * decodes them. Errors travel as the engine's message text. */
import {
	CANCELLED,
	startArgsOf,
	type EngineInfo,
	type EngineOp,
	type EngineOps,
	type EngineRequest,
	type EngineResponse,
	type EngineStartArgs,
	type WorkerMark
} from './engine-protocol';
import type {
	DuckDBBindings,
	DuckDBConnection
} from '@duckdb/duckdb-wasm/dist/duckdb-browser-blocking.mjs';
import { OFFLINE_SETTINGS } from './connector';
import { defineMissingGlobals, linkedExports } from './duckdb-glue';
import { quoteIdent } from './sql-quote';
import type { SyncConnection } from './spatial-functions';

const workerStart = performance.now();

interface Engine {
	db: DuckDBBindings;
	conn: DuckDBConnection;
	/** duckdb-wasm's connection handle for the bindings' low-level calls. */
	id: number;
	info: EngineInfo;
}

/** The emscripten hook duckdb-wasm's browser bindings implement (a protected method there). */
type InstantiateWasm = (
	imports: WebAssembly.Imports,
	success: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void
) => object;

let engine: Engine | null = null;
let startError: string | null = null;

function fileName(url: string): string {
	return url.split('/').pop()?.split('?')[0] ?? url;
}

function messageOf(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}

/** Fetch and compile the wasm; compilation streams while the bytes arrive. */
async function compileWasm(
	url: string,
	mark: (m: WorkerMark) => void
): Promise<WebAssembly.Module> {
	const res = await fetch(url);
	mark('wasmResponse');
	if (!res.ok) throw new Error(`${fileName(url)}: HTTP ${res.status}`);
	// Streaming compilation requires the `application/wasm` type; a misconfigured server still works.
	const module = res.headers.get('content-type')?.startsWith('application/wasm')
		? await WebAssembly.compileStreaming(res)
		: await WebAssembly.compile(await res.arrayBuffer());
	mark('wasmCompiled');
	return module;
}

async function start(req: EngineStartArgs): Promise<EngineOps['init']['result']> {
	const marks = {} as Record<WorkerMark, number>;
	const toPage = (t: number) => performance.timeOrigin + t - req.timeOrigin;
	const mark = (m: WorkerMark) => (marks[m] = toPage(performance.now()));
	marks.workerStart = toPage(workerStart);
	mark('startBegun');

	// Both at once; a missing wasm fails here at once instead of after the engine's code loads.
	const [duckdb, module] = await Promise.all([
		import('@duckdb/duckdb-wasm/dist/duckdb-browser-blocking.mjs').then((m) => {
			mark('engineLoaded');
			return m;
		}),
		compileWasm(req.wasmUrl, mark)
	]);

	// createDuckDB picks its class by the same exception-handling probe as the main thread; give
	// it only the bundle chosen there. The URL is not fetched: the hook below supplies the module.
	const entry = { mainModule: req.wasmUrl, mainWorker: '' };
	const bundles = req.bundle === 'eh' ? { mvp: entry, eh: entry } : { mvp: entry };
	const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.BROWSER_RUNTIME);
	let failed: (e: unknown) => void = () => {};
	const instantiateFailed = new Promise<never>((_, reject) => (failed = reject));
	const hook: InstantiateWasm = (imports, success) => {
		// What duckdb-wasm's own hook does first: its runtime callbacks look for this global.
		(globalThis as { DUCKDB_RUNTIME?: unknown }).DUCKDB_RUNTIME = duckdb.BROWSER_RUNTIME;
		WebAssembly.instantiate(module, imports)
			.then((instance) => {
				mark('wasmInstantiated');
				defineMissingGlobals(instance);
				success(req.linkAllExports ? instance : linkedExports(instance, module), module);
			})
			.catch(failed);
		return {}; // emscripten: instantiation continues asynchronously
	};
	(db as unknown as { instantiateWasm: InstantiateWasm }).instantiateWasm = hook;
	await Promise.race([db.instantiate(() => {}), instantiateFailed]);
	mark('instantiated');

	db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
	mark('opened');
	const conn = db.connect();
	mark('connected');
	for (const s of OFFLINE_SETTINGS) conn.query(s);
	mark('ready');

	const info: EngineInfo = { version: db.getVersion(), bundle: req.bundle };
	engine = { db, conn, id: conn.useUnsafe((_, id) => id), info };
	return { ...info, marks };
}

let closed = false;

function ready(): Engine {
	if (engine) return engine;
	if (closed) throw new Error('DuckDB connection is closed');
	throw new Error(startError ? `DuckDB did not start: ${startError}` : 'DuckDB is not started');
}

/**
 * Prepared statements kept by their SQL text: the map's queries repeat with new parameters on
 * every year, theme and level switch, and parsing and planning them again each time was a good
 * part of a switch. DuckDB rebinds a kept statement after the catalogue changes; one that fails
 * is dropped and prepared afresh once, so a stale statement never answers twice.
 */
const PREPARED_KEPT = 48;
const prepared = new Map<string, number>();

function preparedFor(e: Engine, sql: string): number {
	const kept = prepared.get(sql);
	if (kept !== undefined) {
		prepared.delete(sql); // re-inserted below: the Map's order is the least-recently-used order
		prepared.set(sql, kept);
		return kept;
	}
	const stmt = e.db.createPrepared(e.id, sql);
	prepared.set(sql, stmt);
	if (prepared.size > PREPARED_KEPT) {
		const [oldSql, oldStmt] = prepared.entries().next().value as [string, number];
		prepared.delete(oldSql);
		e.db.closePrepared(e.id, oldStmt);
	}
	return stmt;
}

function forgetPrepared(e: Engine, sql: string): void {
	const stmt = prepared.get(sql);
	if (stmt === undefined) return;
	prepared.delete(sql);
	try {
		e.db.closePrepared(e.id, stmt);
	} catch {
		// Already gone with its connection; nothing to free.
	}
}

function runQuery(
	e: Engine,
	sql: string,
	params: EngineOps['query']['args']['params']
): Uint8Array {
	if (params.length === 0) return e.db.runQuery(e.id, sql);
	const cached = prepared.has(sql);
	try {
		return e.db.runPrepared(e.id, preparedFor(e, sql), params);
	} catch (err) {
		forgetPrepared(e, sql);
		if (!cached) throw err;
		return e.db.runPrepared(e.id, preparedFor(e, sql), params);
	}
}

/** The cancellable query running now, and requests cancelled before they started. */
let running: { id: number; cancel: boolean } | null = null;
const cancelledEarly = new Set<number>();

/** A pending query stepped with a yield between steps, so `cancel` can arrive meanwhile. */
async function runCancellable(e: Engine, id: number, sql: string): Promise<Uint8Array> {
	const me = { id, cancel: false };
	running = me;
	try {
		// Let messages already posted (a cancel sent right after this query) be read first.
		await new Promise((resolve) => setTimeout(resolve, 0));
		if (me.cancel) throw new Error(CANCELLED);
		let r = e.db.startPendingQuery(e.id, sql, false);
		while (r === null) {
			await new Promise((resolve) => setTimeout(resolve, 0));
			if (me.cancel) {
				e.db.cancelPendingQuery(e.id);
				throw new Error(CANCELLED);
			}
			r = e.db.pollPendingQuery(e.id);
		}
		return r;
	} finally {
		running = null;
	}
}

function cancel(target: number): void {
	if (running?.id === target) running.cancel = true;
	else cancelledEarly.add(target);
}

type Handlers = {
	[K in EngineOp]: (
		req: Extract<EngineRequest, { op: K }>
	) => EngineOps[K]['result'] | Promise<EngineOps[K]['result']>;
};

let starting: Promise<EngineOps['init']['result']> | null = null;
let initAnswered = false;

function begin(args: EngineStartArgs): Promise<EngineOps['init']['result']> {
	starting = start(args);
	starting.catch((e: unknown) => (startError = messageOf(e)));
	return starting;
}

// Start at once when the worker's name carries the start arguments; `init` then only waits.
const fromName = startArgsOf(self.name);
if (fromName) void begin(fromName);

const handlers: Handlers = {
	init: (req) => {
		if (initAnswered) throw new Error('DuckDB is already started');
		initAnswered = true;
		const { wasmUrl, bundle, timeOrigin, linkAllExports } = req;
		return starting ?? begin({ wasmUrl, bundle, timeOrigin, linkAllExports });
	},
	query: (req) =>
		req.cancellable && req.params.length === 0
			? runCancellable(ready(), req.id, req.sql)
			: runQuery(ready(), req.sql, req.params),
	// Answered by the listener, never queued; here only for the type's completeness.
	cancel: (req) => {
		cancel(req.target);
		return null;
	},
	insertArrow: (req) => {
		const e = ready();
		e.db.runQuery(e.id, `DROP TABLE IF EXISTS ${quoteIdent(req.name)}`);
		e.db.insertArrowFromIPCStream(e.id, req.ipc, { name: req.name, create: true });
		return null;
	},
	// Loaded on first use: a static import would put apache-arrow and the spatial index in the
	// worker's entry script, which must be small so the wasm download starts at once.
	installSpatial: async () => {
		const { installSpatialFunctions } = await import('./spatial-functions');
		installSpatialFunctions(ready().conn as unknown as SyncConnection);
		return null;
	},
	ping: () => ready().info,
	close: () => {
		const e = engine;
		engine = null;
		closed = true;
		prepared.clear(); // closed with their connection
		e?.conn.close();
		e?.db.reset();
		return null;
	}
};

/** The buffers of a result that can be transferred rather than copied. */
function transferables(result: unknown): Transferable[] {
	if (!(result instanceof Uint8Array)) return [];
	const whole = result.byteOffset === 0 && result.byteLength === result.buffer.byteLength;
	return whole && result.buffer instanceof ArrayBuffer ? [result.buffer] : [];
}

async function serve(req: EngineRequest): Promise<void> {
	let response: EngineResponse;
	try {
		if (cancelledEarly.delete(req.id)) throw new Error(CANCELLED);
		const handler = handlers[req.op] as ((r: EngineRequest) => unknown) | undefined;
		if (!handler) throw new Error(`unknown request "${req.op}"`);
		const result = (await handler(req)) as EngineOps[EngineOp]['result'];
		response = { id: req.id, ok: true, result };
	} catch (e) {
		response = { id: req.id, ok: false, error: messageOf(e) };
	}
	try {
		postMessage(response, { transfer: response.ok ? transferables(response.result) : [] });
	} catch (e) {
		postMessage({ id: req.id, ok: false, error: `answer not sendable: ${messageOf(e)}` });
	}
}

// One request at a time, in arrival order: `init` is asynchronous, everything else waits for it.
let queue: Promise<void> = Promise.resolve();
addEventListener('message', (event: MessageEvent<EngineRequest>) => {
	const req = event.data;
	// A cancel must not wait behind the query it stops.
	if (req.op === 'cancel') void serve(req);
	else queue = queue.then(() => serve(req));
});
