/**
 * The map's first answer, shipped with the data: the data build runs the choropleth query of the
 * default view on DuckDB and writes its Arrow answer as `first-view.arrow`, with the query's SQL
 * and parameters in the schema's metadata. The app colours the map from it while its own engine
 * starts — only when the query it would ask is exactly that one, so the file can never stand
 * in for a different question (another view, newer SQL, imported data).
 *
 * Contract: `encodeFirstView(answer, query)` → IPC stream bytes; `decodeFirstView(bytes)` gives
 * the table and the query it answers (throws on a file without them); `answers(first, query)`
 * is true only for the same SQL text and the same parameters.
 */
import { RecordBatch, Schema, Table, tableFromIPC, tableToIPC } from 'apache-arrow';
import type { SqlFragment } from './sql-fragment';

/** The file name the build writes and the manifest's `firstView` names. */
export const FIRST_VIEW_FILE = 'first-view.arrow';

export interface FirstView {
	table: Table;
	query: SqlFragment;
}

const SQL = 'village_atlas.sql';
const PARAMS = 'village_atlas.params';

/** The answer `table` to `query` as Arrow IPC stream bytes, the query in the schema metadata. */
export function encodeFirstView(table: Table, query: SqlFragment): Uint8Array {
	const metadata = new Map(table.schema.metadata);
	metadata.set(SQL, query.sql);
	metadata.set(PARAMS, JSON.stringify(query.params));
	const schema = new Schema(table.schema.fields, metadata, table.schema.dictionaries);
	const batches = table.batches.map((b) => new RecordBatch(schema, b.data));
	return tableToIPC(new Table(schema, batches), 'stream');
}

export function decodeFirstView(bytes: Uint8Array): FirstView {
	const table = tableFromIPC(bytes);
	const sql = table.schema.metadata.get(SQL);
	const params = table.schema.metadata.get(PARAMS);
	if (sql === undefined || params === undefined) {
		throw new Error('first-view.arrow does not say which query it answers');
	}
	return { table, query: { sql, params: JSON.parse(params) as SqlFragment['params'] } };
}

/** Whether `first` is the answer to `query` (same SQL text, same parameters). */
export function answers(first: FirstView, query: SqlFragment): boolean {
	return (
		first.query.sql === query.sql &&
		JSON.stringify(first.query.params) === JSON.stringify(query.params)
	);
}
