/**
 * Connector for Node (tests, scripts, benchmarks): duckdb-wasm's blocking Node build, the very
 * engine the browser runs, so SQL tested here behaves the same in the app. Never imported by
 * browser code.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { DataType, Table } from 'apache-arrow';
import {
	OFFLINE_SETTINGS,
	QueryCancelled,
	type Connector,
	type QueryOptions,
	type SqlParam
} from './connector';
import { quoteIdent } from './sql-quote';
import { installSpatialFunctions } from './spatial-functions';

// The blocking build is not in the package's `exports`, so TypeScript cannot see its types:
// these are the few members we use.
interface BlockingConnection {
	query(sql: string): Table;
	prepare(sql: string): { query(...params: unknown[]): Table; close(): void };
	insertArrowFromIPCStream(ipc: Uint8Array, options: { name: string; create: boolean }): void;
	createScalarFunction(name: string, returns: DataType, func: (...args: never[]) => unknown): void;
	close(): void;
}
interface BlockingDb {
	instantiate(): Promise<unknown>;
	open(config: object): void;
	connect(): BlockingConnection;
	reset(): void;
}
interface Blocking {
	createDuckDB(bundles: object, logger: object, runtime: object): Promise<BlockingDb>;
	VoidLogger: new () => object;
	NODE_RUNTIME: object;
}

const require = createRequire(import.meta.url);

class NodeConnector implements Connector {
	constructor(
		private readonly db: BlockingDb,
		private readonly conn: BlockingConnection
	) {}

	/** Synchronous: a query runs to its end; one aborted before it starts is not run. */
	async query(
		sql: string,
		params: readonly SqlParam[] = [],
		options: QueryOptions = {}
	): Promise<Table> {
		if (options.signal?.aborted) throw new QueryCancelled();
		if (params.length === 0) return this.conn.query(sql);
		const stmt = this.conn.prepare(sql);
		try {
			return stmt.query(...params);
		} finally {
			stmt.close();
		}
	}

	async insertArrow(name: string, ipc: Uint8Array): Promise<void> {
		this.conn.query(`DROP TABLE IF EXISTS ${quoteIdent(name)}`);
		this.conn.insertArrowFromIPCStream(ipc, { name, create: true });
	}

	async installSpatial(): Promise<void> {
		installSpatialFunctions(this.conn);
	}

	async close(): Promise<void> {
		this.conn.close();
		this.db.reset();
	}
}

/** Open an in-memory engine with the same settings as the browser's. */
export async function openNodeConnector(): Promise<Connector> {
	const duckdb: Blocking = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
	const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
	const bundles = {
		mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
		eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: '' }
	};
	const logger = new duckdb.VoidLogger();
	const db = await duckdb.createDuckDB(bundles, logger, duckdb.NODE_RUNTIME);
	await db.instantiate();
	db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
	const conn = db.connect();
	for (const s of OFFLINE_SETTINGS) conn.query(s);
	return new NodeConnector(db, conn);
}
