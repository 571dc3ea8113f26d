/**
 * The coordinator between clients (views) and the one database engine: it turns a selection
 * change into the queries of the clients it affects, runs them one at a time, and makes sure a
 * view never shows an answer to a question it is no longer asking.
 */
import type { Table } from 'apache-arrow';
import type { Connector } from '$lib/data/connector';
import type { SqlFragment } from '$lib/data/sql-fragment';
import type { Client } from './client';

/**
 * Contract: a failed query as clients see it — the engine's message as `message`, the original
 * error as `cause`, the statement as `sql` and its parameters apart in `params` (never pasted
 * into the message, which a UI may show).
 */
export class QueryError extends Error {
	constructor(
		readonly sql: string,
		readonly params: readonly unknown[],
		cause: unknown
	) {
		super(cause instanceof Error ? cause.message : String(cause), { cause });
		this.name = 'QueryError';
	}
}

export interface CoordinatorOptions {
	/** How many answers to keep, keyed by SQL and parameters; 0 (the default) keeps none. */
	cacheSize?: number;
	/** Where errors of clients without `queryError` go; defaults to `console`. */
	logger?: { error(...args: unknown[]): void };
}

interface Entry {
	fragment: SqlFragment;
	/** The client and the number of its request; null for one-off queries. */
	client: Client | null;
	seq: number;
	settle: (table: Table | null, error: unknown) => void;
}

interface ClientState {
	/** Number of the client's newest request; any other answer is stale. */
	seq: number;
	/** The filter of its newest request, to skip selection changes that do not affect it. */
	filterKey: string;
	unsubscribe?: () => void;
}

function keyOf(f: SqlFragment | null): string {
	return f ? `${f.sql}\u0000${JSON.stringify(f.params)}` : '';
}

/**
 * Contract: requests (clients' and one-off) run one at a time, in the order they were made,
 * because the engine is single-threaded. Each client request gets a number; when a newer one
 * exists, an older request that has not started is skipped and an older answer is dropped, so
 * `queryResult` only ever receives the answer to the client's newest request. A failure goes to
 * that client's `queryError`, or is logged once; `requestQuery` and the selection wiring never
 * reject. `query(fragment)` is the one-off path and rejects with a `QueryError` for its caller.
 * Expects a Connector whose tables do not change under it, or `clearCache()` after they do.
 */
export class Coordinator {
	#db: Connector;
	#logger: { error(...args: unknown[]): void };
	#queue: Entry[] = [];
	#running = false;
	/** Cached answers waiting to be delivered on a microtask. */
	#deliveries = 0;
	#seq = 0;
	#clients = new Map<Client, ClientState>();
	#idle: (() => void)[] = [];
	#cache = new Map<string, Table>();
	#cacheSize: number;

	constructor(db: Connector, options: CoordinatorOptions = {}) {
		this.#db = db;
		this.#logger = options.logger ?? console;
		this.#cacheSize = Math.max(0, options.cacheSize ?? 0);
	}

	/**
	 * Serve from another engine (the old one died and a new one holds the same data): answers
	 * cached from the old one are dropped; clients ask again when their view is applied.
	 */
	setConnector(db: Connector): void {
		this.#db = db;
		this.#cache.clear();
	}

	/** Start serving `client`: follow its `filterBy` selection and request its first query. */
	connect(client: Client): Promise<void> {
		if (this.#clients.get(client)?.unsubscribe) throw new Error('client is already connected');
		const state = this.#state(client);
		const selection = client.filterBy;
		state.unsubscribe = selection
			? selection.on(() => {
					// Crossfilter: a client's own clause does not change its filter, so no query.
					if (keyOf(selection.predicate(client)) !== this.#clients.get(client)?.filterKey)
						void this.requestQuery(client);
				})
			: () => {};
		return this.requestQuery(client);
	}

	/** Stop serving `client`; an answer still on its way is dropped. */
	disconnect(client: Client): void {
		this.#clients.get(client)?.unsubscribe?.();
		this.#clients.delete(client);
	}

	/**
	 * Ask `client` for its query under its current filter and queue it, superseding any older
	 * request of the same client. Resolves once this request is answered, dropped or failed.
	 */
	requestQuery(client: Client): Promise<void> {
		const state = this.#state(client);
		const seq = ++this.#seq;
		state.seq = seq;
		let fragment: SqlFragment | null;
		try {
			const filter = client.filterBy?.predicate(client) ?? null;
			state.filterKey = keyOf(filter);
			fragment = client.query(filter);
		} catch (e) {
			this.#report(client, e instanceof Error ? e : new Error(String(e)));
			return Promise.resolve();
		}
		if (!fragment) return Promise.resolve();
		const query = fragment;
		this.#call(client, () => client.queryPending?.());
		return new Promise<void>((resolve) => {
			this.#enqueue({
				fragment: query,
				client,
				seq,
				settle: (table, error) => {
					if (this.#clients.get(client)?.seq === seq) {
						if (error) this.#report(client, error as Error);
						else if (table) this.#call(client, () => client.queryResult(table));
					}
					resolve();
				}
			});
		});
	}

	/** A one-off query through the same queue; rejects with a `QueryError`. */
	query(fragment: SqlFragment): Promise<Table> {
		return new Promise<Table>((resolve, reject) => {
			this.#enqueue({
				fragment,
				client: null,
				seq: 0,
				settle: (table, error) => (error ? reject(error) : resolve(table as Table))
			});
		});
	}

	/** Resolves when nothing is queued, running or waiting to be delivered. */
	whenIdle(): Promise<void> {
		if (this.#isIdle()) return Promise.resolve();
		return new Promise((resolve) => this.#idle.push(resolve));
	}

	/** Forget cached answers (call after the tables change, e.g. another region is loaded). */
	clearCache(): void {
		this.#cache.clear();
	}

	#state(client: Client): ClientState {
		let s = this.#clients.get(client);
		if (!s) this.#clients.set(client, (s = { seq: 0, filterKey: '' }));
		return s;
	}

	#enqueue(entry: Entry): void {
		const cached = this.#cache.get(keyOf(entry.fragment));
		if (cached) {
			// Served at once, not behind slower queries; still never synchronously.
			this.#deliveries++;
			queueMicrotask(() => {
				this.#deliveries--;
				entry.settle(cached, null);
				this.#checkIdle();
			});
			return;
		}
		this.#queue.push(entry);
		this.#pump();
	}

	#pump(): void {
		while (!this.#running) {
			const entry = this.#queue.shift();
			if (!entry) return this.#checkIdle();
			if (entry.client && this.#clients.get(entry.client)?.seq !== entry.seq) {
				entry.settle(null, null); // superseded before it started
				continue;
			}
			this.#running = true;
			void this.#run(entry)
				.catch((e: unknown) => this.#logger.error('coordinator: delivery failed', e))
				.finally(() => {
					this.#running = false;
					this.#pump();
				});
		}
	}

	async #run(entry: Entry): Promise<void> {
		const { sql, params } = entry.fragment;
		let table: Table;
		try {
			table = await this.#db.query(sql, params);
		} catch (e) {
			entry.settle(null, new QueryError(sql, params, e));
			return;
		}
		this.#remember(keyOf(entry.fragment), table);
		entry.settle(table, null);
	}

	#remember(key: string, table: Table): void {
		if (this.#cacheSize === 0) return;
		this.#cache.delete(key);
		this.#cache.set(key, table);
		for (const old of this.#cache.keys()) {
			if (this.#cache.size <= this.#cacheSize) break;
			this.#cache.delete(old);
		}
	}

	/** Run a client callback; what it throws goes to its `queryError` or the log, never up. */
	#call(client: Client, fn: () => void): void {
		try {
			fn();
		} catch (e) {
			this.#report(client, e instanceof Error ? e : new Error(String(e)));
		}
	}

	#report(client: Client, error: Error): void {
		try {
			if (client.queryError) return client.queryError(error);
		} catch (e) {
			return this.#logger.error('queryError handler failed', e);
		}
		this.#logger.error('query failed', error);
	}

	#isIdle(): boolean {
		return !this.#running && this.#queue.length === 0 && this.#deliveries === 0;
	}

	#checkIdle(): void {
		if (!this.#isIdle()) return;
		for (const fn of this.#idle.splice(0)) fn();
	}
}
