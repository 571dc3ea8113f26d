/**
 * Reading Arrow query results into plain columns. `Vector.toArray()` hands back the raw buffer
 * for numeric types, where a null reads as 0; iterating the vector keeps nulls as null.
 */
import type { Table } from 'apache-arrow';

/** All values of column `name` (nulls as null); an empty array if the column is absent. */
export function columnValues<T>(table: Table, name: string): T[] {
	const v = table.getChild(name);
	return v ? (Array.from(v) as T[]) : [];
}

/** Values of a non-null numeric column as a Float64Array. */
export function numericColumn(table: Table, name: string): Float64Array {
	const v = table.getChild(name);
	const out = new Float64Array(table.numRows);
	if (!v) return out;
	let i = 0;
	for (const x of v) out[i++] = Number(x);
	return out;
}
