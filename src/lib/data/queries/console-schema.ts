/**
 * Named SQL: what the console's schema browser and completion list — the tables and views of
 * the loaded dataset with their columns and types, and the names of every callable function
 * (DuckDB's own and the app's macros). Internal objects (`_va_*`, `_console_result`) are left out.
 */
import type { Connector } from '../connector';
import { columnValues } from '../arrow-columns';

export interface SchemaRelation {
	name: string;
	kind: 'table' | 'view';
	/** Temporary objects are the analyst's own. */
	temporary: boolean;
	columns: { name: string; type: string }[];
}

export interface ConsoleSchema {
	relations: SchemaRelation[];
	functions: string[];
}

export const SCHEMA_COLUMNS_SQL = `SELECT c.table_name, c.column_name, c.data_type,
    c.database_name = 'temp' AS temporary, v.view_name IS NOT NULL AS is_view
  FROM duckdb_columns() c
  LEFT JOIN duckdb_views() v ON v.database_name = c.database_name
    AND v.schema_name = c.schema_name AND v.view_name = c.table_name
  WHERE NOT c.internal AND c.table_name NOT LIKE '\\_%' ESCAPE '\\'
  ORDER BY temporary, is_view, c.table_name, c.column_index`;

export const SCHEMA_FUNCTIONS_SQL = `SELECT DISTINCT function_name FROM duckdb_functions()
  WHERE function_name NOT LIKE '\\_%' ESCAPE '\\' AND function_name NOT LIKE '%\\_\\_%' ESCAPE '\\'
  ORDER BY function_name`;

export async function queryConsoleSchema(db: Connector): Promise<ConsoleSchema> {
	const t = await db.query(SCHEMA_COLUMNS_SQL);
	const names = columnValues<string>(t, 'table_name');
	const cols = columnValues<string>(t, 'column_name');
	const types = columnValues<string>(t, 'data_type');
	const temp = columnValues<boolean>(t, 'temporary');
	const view = columnValues<boolean>(t, 'is_view');
	const byName = new Map<string, SchemaRelation>();
	names.forEach((name, i) => {
		let r = byName.get(name);
		if (!r) {
			r = { name, kind: view[i] ? 'view' : 'table', temporary: !!temp[i], columns: [] };
			byName.set(name, r);
		}
		r.columns.push({ name: cols[i] as string, type: types[i] as string });
	});
	const f = await db.query(SCHEMA_FUNCTIONS_SQL);
	return { relations: [...byName.values()], functions: columnValues<string>(f, 'function_name') };
}
