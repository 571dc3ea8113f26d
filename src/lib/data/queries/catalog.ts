/**
 * Named SQL: the tables and views loaded in the engine, with their row counts — what every
 * screen can show to say which data it is working on (and, later, the console's schema).
 */
import type { Connector } from '../connector';
import { columnValues } from '../arrow-columns';

export const TABLES_SQL = `SELECT table_name AS name, estimated_size::INTEGER AS rows
  FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main'
  ORDER BY table_name`;

export interface TableInfo {
	name: string;
	rows: number;
}

export async function queryTables(db: Connector): Promise<TableInfo[]> {
	const t = await db.query(TABLES_SQL);
	const rows = columnValues<number>(t, 'rows');
	return columnValues<string>(t, 'name').map((name, i) => ({ name, rows: rows[i] ?? 0 }));
}
