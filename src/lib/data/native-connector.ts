/**
 * Connector over native DuckDB (`@duckdb/node-api`, engine 1.5) — the server engine for regions
 * one browser cannot hold. It answers with apache-arrow tables typed as duckdb-wasm's answers
 * (`native-arrow.ts`), so the app's named queries run on it unchanged; `tests/unit/
 * engine-parity.test.ts` holds the two engines to the same answers. Node only.
 *
 * Contract, beyond `Connector`:
 * - Statements run one at a time on one connection, in the order asked (temporary tables and
 *   the analyst's state live on a connection, as in the browser's one engine).
 * - Numbers bind as DOUBLE, as duckdb-wasm binds every JS number, so `?` means the same on both.
 * - Aborting a running statement interrupts it (`QueryCancelled`); `timeoutMs` interrupts it
 *   that long after it starts running — waiting behind others does not count (`QueryTimedOut`).
 * - The engine is opened offline: no extension install or autoload, no file or network access
 *   from SQL (tables come in through `insertArrow`'s appender, never a file), and with
 *   `locked` its configuration cannot be changed by any later statement.
 */
import {
	DOUBLE,
	DuckDBInstance,
	DuckDBDataChunk,
	JSToDuckDBValueConverter,
	type DuckDBConnection,
	type DuckDBType,
	type DuckDBValue
} from '@duckdb/node-api';
import { tableFromIPC, type Table } from 'apache-arrow';
import {
	OFFLINE_SETTINGS,
	QueryCancelled,
	type Connector,
	type QueryOptions,
	type SqlParam
} from './connector';
import { loadColumn, tableFromReader } from './native-arrow';
import { quoteIdent } from './sql-quote';

export interface NativeQueryOptions extends QueryOptions {
	/** Interrupt the statement this many ms after it starts running. */
	timeoutMs?: number;
}

export interface NativeConnector extends Connector {
	query(sql: string, params?: readonly SqlParam[], options?: NativeQueryOptions): Promise<Table>;
	/** Forbid every later change of the engine's settings (SET, PRAGMA that sets, RESET). */
	lockConfiguration(): Promise<void>;
}

/** The rejection of a statement that ran past its `timeoutMs`. */
export class QueryTimedOut extends Error {
	constructor(readonly ms: number) {
		super(`query interrupted after ${ms} ms`);
		this.name = 'QueryTimedOut';
	}
}

export interface NativeOptions {
	/** Worker threads of the engine (default: DuckDB's, one per core). */
	threads?: number;
	/** DuckDB's `memory_limit`, e.g. '4GB' (default: DuckDB's, 80 % of RAM). */
	memoryLimit?: string;
}

/** Rows per appended chunk: DuckDB's vector size. */
const CHUNK_ROWS = 2048;
/** An interrupt sent before the statement has really started is lost; send it again until it ends. */
const INTERRUPT_EVERY_MS = 20;

/** DOUBLE for numbers (duckdb-wasm's binding), node-api's own choice for the rest. */
function bindTypes(params: readonly SqlParam[]): DuckDBType[] {
	return params.map((p) => (typeof p === 'number' ? DOUBLE : undefined)) as DuckDBType[];
}

class Native implements NativeConnector {
	/** The end of the queue: each statement starts after the one before it has settled. */
	private tail: Promise<unknown> = Promise.resolve();

	constructor(
		private readonly instance: DuckDBInstance,
		private readonly conn: DuckDBConnection
	) {}

	private serial<T>(task: () => Promise<T>): Promise<T> {
		const run = this.tail.then(task, task);
		this.tail = run.catch(() => {});
		return run;
	}

	query(sql: string, params: readonly SqlParam[] = [], options: NativeQueryOptions = {}) {
		return this.serial(() => this.run(sql, params, options));
	}

	private async run(sql: string, params: readonly SqlParam[], options: NativeQueryOptions) {
		const { signal, timeoutMs } = options;
		if (signal?.aborted) throw new QueryCancelled();
		let stopped: Error | null = null;
		let repeat: ReturnType<typeof setInterval> | undefined;
		const stop = (why: Error) => {
			if (stopped) return;
			stopped = why;
			this.conn.interrupt();
			repeat = setInterval(() => this.conn.interrupt(), INTERRUPT_EVERY_MS);
		};
		const onAbort = () => stop(new QueryCancelled());
		signal?.addEventListener('abort', onAbort);
		const timer =
			timeoutMs === undefined
				? undefined
				: setTimeout(() => stop(new QueryTimedOut(timeoutMs)), timeoutMs);
		try {
			// No parameters: the plain path, which also runs a script of several statements.
			const reader =
				params.length === 0
					? await this.conn.runAndReadAll(sql)
					: await this.conn.runAndReadAll(sql, params as DuckDBValue[], bindTypes(params));
			return tableFromReader(reader);
		} catch (e) {
			throw stopped ?? e;
		} finally {
			clearTimeout(timer);
			clearInterval(repeat);
			signal?.removeEventListener('abort', onAbort);
		}
	}

	insertArrow(name: string, ipc: Uint8Array): Promise<void> {
		return this.serial(() => this.insert(name, ipc));
	}

	/** Decode the IPC in JS (native DuckDB reads Arrow IPC only with an extension) and append it. */
	private async insert(name: string, ipc: Uint8Array): Promise<void> {
		const table = tableFromIPC(ipc);
		const cols = table.schema.fields.map(loadColumn);
		const list = cols.map((c) => `${quoteIdent(c.name)} ${c.sqlType}`).join(', ');
		await this.conn.run(`DROP TABLE IF EXISTS ${quoteIdent(name)}`);
		await this.conn.run(`CREATE TABLE ${quoteIdent(name)} (${list})`);
		const appender = await this.conn.createAppender(name);
		const vectors = cols.map((c) => table.getChild(c.name));
		try {
			for (let start = 0; start < table.numRows; start += CHUNK_ROWS) {
				const n = Math.min(CHUNK_ROWS, table.numRows - start);
				const columns = cols.map((c, j) => {
					const out = new Array<unknown>(n);
					const v = vectors[j];
					for (let i = 0; i < n; i++) {
						const x: unknown = v?.get(start + i);
						out[i] = x === null || x === undefined ? null : c.toJs(x);
					}
					return out;
				});
				const chunk = DuckDBDataChunk.create(
					cols.map((_, j) => appender.columnType(j)),
					n
				);
				chunk.setColumnsConverted(columns as never, JSToDuckDBValueConverter);
				appender.appendDataChunk(chunk);
			}
			appender.flushSync();
		} finally {
			appender.closeSync();
		}
	}

	lockConfiguration(): Promise<void> {
		return this.serial(async () => void (await this.conn.run('SET lock_configuration = true')));
	}

	async close(): Promise<void> {
		await this.serial(async () => {
			this.conn.closeSync();
			this.instance.closeSync();
		});
	}
}

/** Open an in-memory native engine, offline, with the browser engine's settings. */
export async function openNativeConnector(options: NativeOptions = {}): Promise<NativeConnector> {
	const config: Record<string, string> = {
		autoinstall_known_extensions: 'false',
		autoload_known_extensions: 'false',
		enable_external_access: 'false'
	};
	if (options.threads !== undefined) config.threads = String(options.threads);
	if (options.memoryLimit !== undefined) config.memory_limit = options.memoryLimit;
	const instance = await DuckDBInstance.create(':memory:', config);
	const conn = await instance.connect();
	for (const s of OFFLINE_SETTINGS) await conn.run(s);
	return new Native(instance, conn);
}
