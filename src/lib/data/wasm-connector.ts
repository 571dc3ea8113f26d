/**
 * Connector for the browser: duckdb-wasm running in its own Web Worker.
 *
 * The wasm and worker files are bundled by Vite (`?url` imports), so nothing is fetched from a
 * CDN. `openWasmConnector` reports its steps through `onStep` so the UI can show progress.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import type { Table } from 'apache-arrow';
import { OFFLINE_SETTINGS, type Connector, type SqlParam } from './connector';
import { quoteIdent } from './sql-quote';

const BUNDLES: duckdb.DuckDBBundles = {
	mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
	eh: { mainModule: ehWasm, mainWorker: ehWorker }
};

class WasmConnector implements Connector {
	constructor(
		private readonly db: duckdb.AsyncDuckDB,
		private readonly worker: Worker,
		private readonly conn: duckdb.AsyncDuckDBConnection
	) {}

	async query(sql: string, params: readonly SqlParam[] = []): Promise<Table> {
		if (params.length === 0) return this.conn.query(sql);
		const stmt = await this.conn.prepare(sql);
		try {
			return await stmt.query(...params);
		} finally {
			await stmt.close();
		}
	}

	async insertArrow(name: string, ipc: Uint8Array): Promise<void> {
		await this.conn.query(`DROP TABLE IF EXISTS ${quoteIdent(name)}`);
		await this.conn.insertArrowFromIPCStream(ipc, { name, create: true });
	}

	async close(): Promise<void> {
		await this.conn.close();
		await this.db.terminate();
		this.worker.terminate();
	}
}

/** Engine start-up that takes longer than this is reported as a failure, not left spinning. */
const START_TIMEOUT_MS = 120_000;

/**
 * duckdb-wasm's `instantiate` never settles when its wasm cannot be fetched, so check that the
 * files answer; a missing file then becomes a clear error instead of an endless spinner.
 */
async function assertReachable(url: string): Promise<void> {
	const res = await fetch(url, { method: 'HEAD' });
	if (!res.ok) throw new Error(`${url.split('/').pop()}: HTTP ${res.status}`);
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
	});
	return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** Start DuckDB in a worker and open one connection with offline settings applied. */
export async function openWasmConnector(): Promise<Connector> {
	const bundle = await duckdb.selectBundle(BUNDLES);
	if (!bundle.mainWorker) throw new Error('DuckDB worker bundle missing');
	// Start the worker at once (it fetches and compiles the wasm, the slowest step of start-up);
	// the reachability check runs beside it and cuts the wait short if a file is missing.
	const worker = new Worker(bundle.mainWorker);
	const failed = new Promise<never>((_, reject) => {
		worker.addEventListener('error', (e) => reject(new Error(`DuckDB worker: ${e.message}`)));
		Promise.all([assertReachable(bundle.mainModule), assertReachable(bundle.mainWorker!)]).catch(
			reject
		);
	});
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	try {
		await withTimeout(
			Promise.race([db.instantiate(bundle.mainModule, bundle.pthreadWorker), failed]),
			START_TIMEOUT_MS,
			'DuckDB start-up'
		);
	} catch (e) {
		worker.terminate();
		throw e;
	}
	await db.open({ query: { castBigIntToDouble: true } });
	const conn = await db.connect();
	for (const s of OFFLINE_SETTINGS) await conn.query(s);
	return new WasmConnector(db, worker, conn);
}
