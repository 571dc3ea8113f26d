/**
 * The five tables as Arrow IPC streams (apache-arrow 17, the copy duckdb-wasm uses), with the
 * columns and types of the dataset contract (`COLUMNS` in src/lib/data/contract.ts), in its
 * order. Stream format, uncompressed, so the app can hand the bytes to insertArrowFromIPCStream.
 */
import { Table, tableToIPC, type Vector } from 'apache-arrow';
import {
	COLUMNS,
	type BoundaryRow,
	type ColumnSpec,
	type IndicatorMeta,
	type RegionRow,
	type SiteRow
} from '../../src/lib/data/contract';
import {
	binaryVector,
	dictUtf8Vector,
	float64Vector,
	int32Vector,
	utf8Vector
} from './arrow-vectors';
import type { IndicatorColumns } from './indicator-rows';

export type { BoundaryRow, RegionRow } from '../../src/lib/data/contract';

/**
 * One column's vector. Dictionary ids are numbered by the column's place among the table's
 * dictionary columns, explicitly: apache-arrow's default comes from a global counter, which
 * would make the bytes depend on what was built before.
 */
function column(spec: ColumnSpec, values: readonly unknown[], dictionaryId: number): Vector {
	switch (spec.type) {
		case 'utf8':
			return spec.dictionary
				? dictUtf8Vector(values as (string | null)[], dictionaryId)
				: utf8Vector(values as (string | null)[]);
		case 'binary':
			return binaryVector(values as (Uint8Array | null)[]);
		case 'float64':
			return float64Vector(values as (number | null)[]);
		case 'int32':
			return int32Vector(values as (number | null)[]);
	}
}

/** A table from column arrays, in the order and types of `specs`. */
function fromColumns<Name extends string>(
	specs: readonly ColumnSpec<Name>[],
	get: (name: Name) => readonly unknown[]
): Table {
	const columns: Record<string, Vector> = {};
	let dictionaries = 0;
	for (const spec of specs)
		columns[spec.name] = column(spec, get(spec.name), spec.dictionary ? dictionaries++ : -1);
	return new Table(columns);
}

/** A table from row objects. */
function fromRows<Row>(rows: readonly Row[], specs: readonly ColumnSpec<keyof Row & string>[]) {
	return fromColumns(specs, (name) => rows.map((r) => r[name] as unknown));
}

export function toIpc(t: Table): Uint8Array {
	return tableToIPC(t, 'stream');
}

export const regionTable = (rows: RegionRow[]) => fromRows(rows, COLUMNS.region);

export const boundaryTable = (rows: BoundaryRow[]) => fromRows(rows, COLUMNS.boundary);

export const siteTable = (rows: SiteRow[]) => fromRows(rows, COLUMNS.site);

export const indicatorTable = (c: IndicatorColumns) => fromColumns(COLUMNS.indicator, (n) => c[n]);

export const metaTable = (rows: Required<IndicatorMeta>[]) =>
	fromRows(rows, COLUMNS.indicator_meta);
