/**
 * Query answers as plain rows of cells, the form the result table, the exports and the map
 * read: numbers stay numbers, codes stay text, dates become ISO text, nested values JSON.
 */
import type { Table } from 'apache-arrow';
import type { Cell } from '$lib/analysis/table-export';

function toCell(v: unknown): Cell {
	if (v === null || v === undefined) return null;
	if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
	if (typeof v === 'bigint') return v;
	if (v instanceof Uint8Array) return v;
	if (v instanceof Date) return v.toISOString();
	if (typeof v === 'object' && 'toJSON' in v && typeof v.toJSON === 'function')
		return JSON.stringify(v.toJSON());
	return String(v);
}

/** Column names and rows of an Arrow table. */
export function tableRows(table: Table): { columns: string[]; rows: Cell[][] } {
	const columns = table.schema.fields.map((f) => f.name);
	const vectors = columns.map((_, i) => table.getChildAt(i));
	const rows: Cell[][] = [];
	for (let r = 0; r < table.numRows; r++) rows.push(vectors.map((v) => toCell(v?.get(r))));
	return { columns, rows };
}

/** Arrow type names as DuckDB users read them (the result header shows them). */
export function typeLabel(table: Table, i: number): string {
	return String(table.schema.fields[i]?.type ?? '');
}
