/**
 * Reading a dataset folder back for validation: the manifest and the five Arrow tables as plain
 * column arrays (apache-arrow, no database), so checks stay fast on a city's 800,000 rows.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC, type Table } from 'apache-arrow';

export interface Columns {
	rows: number;
	col: (name: string) => unknown[];
}

export function readTable(dir: string, file: string): Columns | null {
	const path = join(dir, file);
	if (!existsSync(path)) return null;
	const table: Table = tableFromIPC(readFileSync(path));
	const cache = new Map<string, unknown[]>();
	return {
		rows: table.numRows,
		col(name: string) {
			let values = cache.get(name);
			if (!values) {
				const child = table.getChild(name);
				values = child ? (Array.from(child.toArray() as ArrayLike<unknown>) as unknown[]) : [];
				// Utf8/Binary vectors with nulls: toArray gives values; map nulls explicitly.
				if (child && child.nullCount > 0)
					values = values.map((v, i) => (child.isValid(i) ? v : null));
				cache.set(name, values);
			}
			return values;
		}
	};
}

export function readJson(dir: string, file: string): unknown {
	const path = join(dir, file);
	return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}
