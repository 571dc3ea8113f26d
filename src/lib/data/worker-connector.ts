/**
 * Connector for the browser: duckdb-wasm's blocking build in our own module worker
 * (`engine-worker.ts`), spoken to through the messages of `engine-protocol.ts`.
 *
 * The two wasm builds are imported here, once, as Vite `?url` assets (a second import in the
 * worker would make the build emit 34–39 MB copies again); the main thread picks one with
 * WebAssembly's exception-handling probe and passes its URL in. Start-up fails fast and
 * plainly: the worker fetches the wasm itself, so a missing file is an HTTP error within one
 * round trip; a worker that cannot load is its `error` event; anything slower is a timeout.
 * Start-up moments are kept in `timings` (and on `window.__engineTimings` for benchmarks).
 */
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import { tableFromIPC, type Table } from 'apache-arrow';
import { QueryCancelled, type Connector, type QueryOptions, type SqlParam } from './connector';
import {
	CANCELLED,
	workerName,
	type EngineBundle,
	type EngineInfo,
	type EngineOp,
	type EngineOps,
	type EngineResponse,
	type EngineStartArgs,
	type EngineTimings
} from './engine-protocol';

export type { EngineBundle, EngineInfo, EngineTimings } from './engine-protocol';
export { startPhases } from './engine-protocol';

export interface WorkerConnectorOptions {
	/** The build to run; default: `eh` where WebAssembly exception handling exists, else `mvp`. */
	bundle?: EngineBundle;
	/** Another wasm file for the chosen build (tests point this at a missing file). */
	wasmUrl?: string;
	/** Start-up taking longer than this is a failure, not an endless spinner. */
	startTimeoutMs?: number;
	/**
	 * Let the engine link all 75,000 wasm exports, as duckdb-wasm does by default: only needed to
	 * load a DuckDB extension, which this offline app never does; costs about 0.5 s of start-up.
	 */
	linkAllExports?: boolean;
}

export interface WorkerConnector extends Connector {
	readonly info: EngineInfo;
	/** Start-up moments, ms since navigation start; `firstQuery` is added when it happens. */
	readonly timings: EngineTimings;
	/** A round trip through the engine. */
	ping(): Promise<EngineInfo>;
}

/** Downloading 34 MB over a slow intranet link can take a while; hanging forever cannot. */
const START_TIMEOUT_MS = 120_000;

/** The smallest module using a `try` block: valid only where exceptions are supported. */
const EH_PROBE = new Uint8Array([
	0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11
]);

/** duckdb-wasm's own choice between its builds (its `getPlatformFeatures` uses this probe). */
export function pickBundle(): EngineBundle {
	return WebAssembly.validate(EH_PROBE) ? 'eh' : 'mvp';
}

interface Pending {
	resolve(value: unknown): void;
	reject(error: Error): void;
}

/**
 * Errors after which the engine's memory cannot be trusted: the wasm trapped or ran out of
 * memory mid-statement. DuckDB reports some of these as a query error, but the next query on
 * the same instance may crash or answer wrongly, so the engine is treated as dead.
 */
const FATAL =
	/RuntimeError|unreachable|memory access out of bounds|table index is out of bounds|function signature mismatch|Out of Memory|Aborted\(/i;

/** Request/response bookkeeping over one worker. */
class EngineClient {
	#nextId = 1;
	#pending = new Map<number, Pending>();
	#dead: Error | null = null;
	#onDeath: ((error: Error) => void)[] = [];
	#closing = false;

	constructor(readonly worker: Worker) {
		worker.addEventListener('message', (e: MessageEvent<EngineResponse>) => {
			const p = this.#pending.get(e.data.id);
			if (!p) return;
			this.#pending.delete(e.data.id);
			if (e.data.ok) p.resolve(e.data.result);
			else {
				p.reject(new Error(e.data.error));
				if (FATAL.test(e.data.error)) this.die(`DuckDB engine failed: ${e.data.error}`);
			}
		});
		worker.addEventListener('error', (e) => {
			// A module that fails to load gives a plain Event; a thrown error an ErrorEvent.
			const why = e instanceof ErrorEvent && e.message ? e.message : 'worker script failed to load';
			// The worker answers every request, errors included: an uncaught one means it is broken.
			this.die(`DuckDB worker: ${why}`);
		});
		worker.addEventListener('messageerror', () => {
			this.die('DuckDB worker: a message could not be read');
		});
	}

	onDeath(listener: (error: Error) => void): void {
		this.#onDeath.push(listener);
	}

	/** The engine died on its own: end the worker, fail what waits, tell the owner (once). */
	die(reason: string): void {
		if (this.#dead || this.#closing) return this.terminate(reason);
		this.terminate(reason);
		const error = this.#dead ?? new Error(reason);
		for (const listener of this.#onDeath.splice(0)) listener(error);
	}

	/** An orderly close: not a death. */
	closing(): void {
		this.#closing = true;
	}

	call<K extends EngineOp>(
		op: K,
		args: EngineOps[K]['args'],
		transfer: Transferable[] = [],
		signal?: AbortSignal
	): Promise<EngineOps[K]['result']> {
		if (this.#dead) return Promise.reject(this.#dead);
		const id = this.#nextId++;
		const answer = new Promise<EngineOps[K]['result']>((resolve, reject) => {
			this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
			this.worker.postMessage({ id, op, ...args }, transfer);
		});
		if (!signal) return answer;
		const stop = () => void this.call('cancel', { target: id }).catch(() => {});
		if (signal.aborted) stop();
		else signal.addEventListener('abort', stop, { once: true });
		return answer.then(
			(r) => {
				signal.removeEventListener('abort', stop);
				return r;
			},
			(e: Error) => {
				signal.removeEventListener('abort', stop);
				throw e.message === CANCELLED ? new QueryCancelled() : e;
			}
		);
	}

	/** Reject everything outstanding and refuse new requests. */
	fail(error: Error): void {
		this.#dead ??= error;
		for (const p of this.#pending.values()) p.reject(error);
		this.#pending.clear();
	}

	terminate(reason = 'DuckDB connection is closed'): void {
		this.worker.terminate();
		this.fail(new Error(reason));
	}
}

class WorkerConnectorImpl implements WorkerConnector {
	constructor(
		private readonly client: EngineClient,
		readonly info: EngineInfo,
		readonly timings: EngineTimings
	) {}

	async query(
		sql: string,
		params: readonly SqlParam[] = [],
		options: QueryOptions = {}
	): Promise<Table> {
		const { signal } = options;
		const args = { sql, params: [...params], cancellable: !!signal };
		const ipc = await this.client.call('query', args, [], signal);
		this.timings.firstQuery ??= performance.now();
		return tableFromIPC(ipc);
	}

	async insertArrow(name: string, ipc: Uint8Array): Promise<void> {
		// One exact copy, transferred: the caller keeps its buffer, and a view into a larger
		// buffer does not drag the whole of it along (as structured clone would).
		const bytes = ipc.slice();
		await this.client.call('insertArrow', { name, ipc: bytes }, [bytes.buffer]);
	}

	async installSpatial(): Promise<void> {
		await this.client.call('installSpatial', {});
	}

	ping(): Promise<EngineInfo> {
		return this.client.call('ping', {});
	}

	onDeath(listener: (error: Error) => void): void {
		this.client.onDeath(listener);
	}

	/** Closes the engine and ends its worker; closing twice, or a dead engine, is no error. */
	async close(): Promise<void> {
		this.client.closing();
		try {
			await this.client.call('close', {});
		} catch {
			// already closed or dead: ending the worker below is all that is left to do
		} finally {
			this.client.terminate();
		}
	}
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
	});
	return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

let prestarted: Promise<WorkerConnector> | null = null;

/**
 * Begin engine start-up now, before anything asks for it — from the earliest code the page
 * runs (`src/hooks.client.ts`), so the worker fetches and compiles the wasm while the main thread
 * is still loading the map's libraries. The next `openWorkerConnector()` called without options
 * takes this engine over (or its failure).
 */
export function prestartWorkerConnector(): void {
	if (prestarted) return;
	prestarted = startWorkerConnector({});
	prestarted.catch(() => {}); // reported to whoever takes it over
}

/** Start DuckDB in its worker and open one connection with the offline settings applied. */
export function openWorkerConnector(
	options: WorkerConnectorOptions = {}
): Promise<WorkerConnector> {
	if (prestarted && Object.keys(options).length === 0) {
		const p = prestarted;
		prestarted = null;
		return p;
	}
	return startWorkerConnector(options);
}

async function startWorkerConnector(options: WorkerConnectorOptions): Promise<WorkerConnector> {
	const bundle = options.bundle ?? pickBundle();
	const wasmUrl = options.wasmUrl ?? (bundle === 'eh' ? ehWasm : mvpWasm);
	const args: EngineStartArgs = {
		// Absolute: the worker would resolve a relative URL against its own script.
		wasmUrl: new URL(wasmUrl, location.href).href,
		bundle,
		timeOrigin: performance.timeOrigin,
		linkAllExports: options.linkAllExports ?? false
	};
	const workerCreated = performance.now();
	let worker: Worker;
	try {
		worker = new Worker(new URL('./engine-worker.ts', import.meta.url), {
			type: 'module',
			name: workerName(args)
		});
	} catch (e) {
		throw new Error(`DuckDB worker: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
	}
	const client = new EngineClient(worker);
	try {
		const started = await withTimeout(
			client.call('init', args),
			options.startTimeoutMs ?? START_TIMEOUT_MS,
			'DuckDB start-up'
		);
		const timings: EngineTimings = {
			workerCreated,
			...started.marks,
			readyOnMain: performance.now()
		};
		(globalThis as { __engineTimings?: EngineTimings }).__engineTimings = timings;
		return new WorkerConnectorImpl(client, { version: started.version, bundle }, timings);
	} catch (e) {
		client.terminate();
		throw e;
	}
}
