/**
 * A real DuckDB for data tests: duckdb-wasm's blocking Node build (the browser's engine), with
 * a dataset folder's Arrow files loaded as tables and the app's `dist_km` macro defined. Tests
 * query it with SQL; nothing is mocked.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DIST_KM_MACRO } from '../../../src/lib/data/queries/schema';

interface Conn {
	query(sql: string): { toArray(): { toJSON(): Record<string, unknown> }[] };
	insertArrowFromIPCStream(ipc: Uint8Array, options: { name: string; create?: boolean }): void;
	close(): void;
}
interface Db {
	instantiate(): Promise<unknown>;
	connect(): Conn;
	reset(): void;
}

const require = createRequire(import.meta.url);

export interface TestDb {
	rows<T = Record<string, unknown>>(sql: string): T[];
	one<T = number>(sql: string): T;
	close(): void;
}

/** BigInt counts and DECIMAL sums come back as objects; make them plain numbers. */
function plain(v: unknown): unknown {
	if (typeof v === 'bigint') return Number(v);
	if (v && typeof v === 'object' && !(v instanceof Uint8Array) && 'valueOf' in v) {
		const n = Number(String(v));
		if (!Number.isNaN(n)) return n;
	}
	return v;
}

export async function openDataset(dir: string): Promise<TestDb> {
	const entry = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
	const duckdb = require(entry);
	const dist = dirname(entry);
	const db: Db = await duckdb.createDuckDB(
		{
			mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
			eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: '' }
		},
		new duckdb.VoidLogger(),
		duckdb.NODE_RUNTIME
	);
	await db.instantiate();
	const conn = db.connect();
	const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
		files: Record<string, string>;
	};
	for (const [name, file] of Object.entries(manifest.files)) {
		conn.insertArrowFromIPCStream(readFileSync(join(dir, file)), { name, create: true });
	}
	conn.query(DIST_KM_MACRO);
	const rows = <T>(sql: string): T[] =>
		conn
			.query(sql)
			.toArray()
			.map(
				(r) => Object.fromEntries(Object.entries(r.toJSON()).map(([k, v]) => [k, plain(v)])) as T
			);
	return {
		rows,
		one: <T>(sql: string): T => Object.values(rows<Record<string, unknown>>(sql)[0] ?? {})[0] as T,
		close: () => {
			conn.close();
			db.reset();
		}
	};
}
