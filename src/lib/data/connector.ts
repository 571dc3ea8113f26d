/**
 * The one way the app talks to a database.
 *
 * Contract: a `Connector` runs SQL with positional parameters (`?`) and answers with an Arrow
 * table; it can take a whole Arrow IPC stream as a new table. Everything above `data/` sees only
 * this interface, so the same named queries run on duckdb-wasm in the browser, on duckdb-wasm's
 * Node build in tests, and later on a server engine when one browser is not enough.
 */
import type { Table } from 'apache-arrow';

export type SqlParam = string | number | boolean | null;

export interface QueryOptions {
	/**
	 * Aborting stops the statement where the engine can (between its steps) and rejects with
	 * `QueryCancelled`; an engine that cannot interrupt finishes and the answer is dropped.
	 */
	signal?: AbortSignal;
}

/** The rejection of a query its caller cancelled. */
export class QueryCancelled extends Error {
	constructor() {
		super('query cancelled');
		this.name = 'QueryCancelled';
	}
}

export interface Connector {
	/** Run one statement; parameters bind to `?` placeholders in order. */
	query(sql: string, params?: readonly SqlParam[], options?: QueryOptions): Promise<Table>;
	/** Create table `name` from an Arrow IPC stream (replacing any table of that name). */
	insertArrow(name: string, ipc: Uint8Array): Promise<void>;
	/**
	 * Make the offline spatial SQL functions (`spatial-functions.ts`) callable for the dataset
	 * loaded now. Only engines that run JavaScript functions have it (duckdb-wasm's blocking build).
	 */
	installSpatial?(): Promise<void>;
	/** Release the engine. */
	close(): Promise<void>;
	/**
	 * Be told once when the engine dies on its own (a wasm trap, out of memory, a worker that
	 * broke): every query after that fails, and the owner starts a new engine.
	 */
	onDeath?(listener: (error: Error) => void): void;
}

/** Settings applied to every engine we open: never reach for an extension download. */
export const OFFLINE_SETTINGS = [
	'SET autoinstall_known_extensions = false',
	'SET autoload_known_extensions = false'
] as const;
