/**
 * A view that asks the database for its data through the `Coordinator`: a chart, a map layer, a
 * table, a count. Mosaic's shape: the client declares its SQL for a given filter, the
 * coordinator decides when it runs and hands the answer back.
 */
import type { Table } from 'apache-arrow';
import type { SqlFragment } from '$lib/data/sql-fragment';
import type { Selection } from './selection';

/**
 * Contract: `query(filter)` is pure — it returns the SQL the client needs now, with `filter`
 * (the AND of the clauses that apply to it, or null for none) spliced in as a fragment, or null
 * when there is nothing to run. The coordinator promises to call `queryResult` only with the
 * answer to the client's newest request, `queryError` with that request's failure, and
 * `queryPending` when a request is queued. A client with `filterBy` is re-queried whenever that
 * selection's filter for it changes. None of the callbacks may assume they run synchronously.
 */
export interface Client {
	/** The SQL this client needs under `filter`; null means nothing to run. */
	query(filter: SqlFragment | null): SqlFragment | null;
	/** The answer to the newest request. */
	queryResult(table: Table): void;
	/** The newest request failed (bad SQL, engine error, or `query` itself threw). */
	queryError?(error: Error): void;
	/** A request has been queued; a result or an error follows unless superseded. */
	queryPending?(): void;
	/** The selection whose clauses filter this client's data. */
	readonly filterBy?: Selection;
}
