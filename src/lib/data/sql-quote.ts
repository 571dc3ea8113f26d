/**
 * Quoting for the few places where SQL text is built from names (table names, indicator keys
 * from a dataset's catalogue). Values always go through parameters instead.
 */

/** A DuckDB identifier, safely double-quoted. */
export function quoteIdent(name: string): string {
	return `"${name.replaceAll('"', '""')}"`;
}

/** A DuckDB string literal, safely single-quoted (for DDL, where parameters cannot go). */
export function quoteLiteral(text: string): string {
	return `'${text.replaceAll("'", "''")}'`;
}
