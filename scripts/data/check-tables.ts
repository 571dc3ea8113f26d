/**
 * Reading a dataset folder back for validation: the manifest and the five Arrow tables as plain
 * column arrays (apache-arrow, no database), so checks stay fast on a city's 800,000 rows.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataType, tableFromIPC, type Field, type Table } from 'apache-arrow';
import type { ColumnType } from '../../src/lib/data/contract';
import type { IndicatorRows } from './clustering';

/** A column as stored: its name, its type in the contract's words, and how it is encoded. */
export interface StoredField {
	name: string;
	type: ColumnType | string;
	dictionary: boolean;
}

export interface Columns {
	rows: number;
	fields: StoredField[];
	col: (name: string) => unknown[];
}

function storedField(f: Field): StoredField {
	const dictionary = DataType.isDictionary(f.type);
	const t: DataType = dictionary ? f.type.dictionary : f.type;
	const type = DataType.isUtf8(t)
		? 'utf8'
		: DataType.isBinary(t)
			? 'binary'
			: DataType.isFloat(t) && t.precision === 2
				? 'float64'
				: DataType.isInt(t) && t.bitWidth === 32 && t.isSigned
					? 'int32'
					: String(t);
	return { name: f.name, type, dictionary };
}

export function readTable(dir: string, file: string): Columns | null {
	const path = join(dir, file);
	if (!existsSync(path)) return null;
	const table: Table = tableFromIPC(readFileSync(path));
	const cache = new Map<string, unknown[]>();
	return {
		rows: table.numRows,
		fields: table.schema.fields.map(storedField),
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

/** The indicator table's five columns as plain arrays, the shape the build holds them in. */
export function indicatorRows(indicator: Columns): IndicatorRows {
	return {
		code: indicator.col('code') as string[],
		year: indicator.col('year') as number[],
		key: indicator.col('key') as string[],
		value: indicator.col('value') as (number | null)[],
		text: indicator.col('text') as (string | null)[]
	};
}
