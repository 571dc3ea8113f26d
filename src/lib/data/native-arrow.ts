/**
 * Between native DuckDB (`@duckdb/node-api`) and apache-arrow, both ways, for the native
 * connector. node-api answers in its own values, not Arrow, so an answer is rebuilt as an Arrow
 * table with the column types duckdb-wasm gives the app (opened with `castBigIntToDouble` and
 * `castDecimalToDouble`): BIGINT, HUGEINT and DECIMAL arrive as Float64, so the query modules
 * read the same numbers from either engine. Types the app never asks for (INTERVAL, TIME, MAP,
 * UNION, …) arrive as their text. The other way, an Arrow IPC table's columns become DuckDB
 * column types and chunks of JS values for the appender. Node only.
 */
import {
	DuckDBTypeId,
	type DuckDBBlobValue,
	type DuckDBDateValue,
	type DuckDBDecimalValue,
	type DuckDBListValue,
	type DuckDBResultReader,
	type DuckDBStructValue,
	type DuckDBTimestampValue,
	type DuckDBType,
	type DuckDBValue
} from '@duckdb/node-api';
import {
	Binary,
	Bool,
	DataType,
	DateDay,
	Field,
	Float32,
	Float64,
	Int16,
	Int32,
	Int8,
	List,
	RecordBatch,
	Schema,
	Struct,
	Table,
	TimestampMicrosecond,
	Uint16,
	Uint32,
	Uint8,
	Utf8,
	makeBuilder,
	makeData,
	type Data
} from 'apache-arrow';

/** How one DuckDB column becomes Arrow: its type and how each value is read. */
interface ColumnPlan {
	type: DataType;
	read: (v: DuckDBValue) => unknown;
}

const same = (v: DuckDBValue): unknown => v;
const toNumber = (v: DuckDBValue): unknown => Number(v);
const toText = (v: DuckDBValue): unknown => String(v);
const MS_PER_DAY = 86_400_000;

const SIMPLE: Partial<Record<DuckDBTypeId, ColumnPlan>> = {
	[DuckDBTypeId.BOOLEAN]: { type: new Bool(), read: same },
	[DuckDBTypeId.TINYINT]: { type: new Int8(), read: same },
	[DuckDBTypeId.SMALLINT]: { type: new Int16(), read: same },
	[DuckDBTypeId.INTEGER]: { type: new Int32(), read: same },
	[DuckDBTypeId.UTINYINT]: { type: new Uint8(), read: same },
	[DuckDBTypeId.USMALLINT]: { type: new Uint16(), read: same },
	[DuckDBTypeId.UINTEGER]: { type: new Uint32(), read: same },
	[DuckDBTypeId.FLOAT]: { type: new Float32(), read: same },
	[DuckDBTypeId.DOUBLE]: { type: new Float64(), read: same },
	// duckdb-wasm's castBigIntToDouble: the app reads counts and sums as plain numbers.
	[DuckDBTypeId.BIGINT]: { type: new Float64(), read: toNumber },
	[DuckDBTypeId.UBIGINT]: { type: new Float64(), read: toNumber },
	[DuckDBTypeId.HUGEINT]: { type: new Float64(), read: toNumber },
	[DuckDBTypeId.UHUGEINT]: { type: new Float64(), read: toNumber },
	[DuckDBTypeId.BIGNUM]: { type: new Float64(), read: toNumber },
	[DuckDBTypeId.DECIMAL]: {
		type: new Float64(),
		read: (v) => (v as DuckDBDecimalValue).toDouble()
	},
	[DuckDBTypeId.VARCHAR]: { type: new Utf8(), read: same },
	[DuckDBTypeId.BLOB]: { type: new Binary(), read: (v) => (v as DuckDBBlobValue).bytes },
	[DuckDBTypeId.DATE]: {
		type: new DateDay(),
		read: (v) => (v as DuckDBDateValue).days * MS_PER_DAY
	},
	[DuckDBTypeId.TIMESTAMP]: {
		type: new TimestampMicrosecond(),
		read: (v) => Number((v as DuckDBTimestampValue).micros) / 1000
	},
	// A bare NULL column: duckdb-wasm sends it as an all-null Int32.
	[DuckDBTypeId.SQLNULL]: { type: new Int32(), read: same }
};

function planOf(t: DuckDBType): ColumnPlan {
	const simple = SIMPLE[t.typeId];
	if (simple) return simple;
	if (t.typeId === DuckDBTypeId.LIST || t.typeId === DuckDBTypeId.ARRAY) {
		const item = planOf(t.valueType);
		return {
			type: new List(new Field('l', item.type, true)),
			read: (v) => (v as DuckDBListValue).items.map((x) => (x === null ? null : item.read(x)))
		};
	}
	if (t.typeId === DuckDBTypeId.STRUCT) {
		const plans = t.entryTypes.map(planOf);
		const fields = t.entryNames.map((n, i) => new Field(n, (plans[i] as ColumnPlan).type, true));
		return {
			type: new Struct(fields),
			read: (v) => {
				const entries = (v as DuckDBStructValue).entries;
				return Object.fromEntries(
					t.entryNames.map((n, i) => {
						const x = entries[n] ?? null;
						return [n, x === null ? null : (plans[i] as ColumnPlan).read(x)];
					})
				);
			}
		};
	}
	return { type: new Utf8(), read: toText };
}

function columnData(plan: ColumnPlan, values: readonly DuckDBValue[]): Data {
	const builder = makeBuilder({ type: plan.type, nullValues: [null, undefined] });
	for (const v of values) builder.append(v === null ? null : plan.read(v));
	return builder.finish().flush();
}

/**
 * The rows read so far as one Arrow table. Repeated column names get a suffix (`n`, `n_1`):
 * apache-arrow cannot write or read a batch with two fields of one name.
 */
export function tableFromReader(reader: DuckDBResultReader): Table {
	const names = reader.deduplicatedColumnNames();
	const plans = reader.columnTypes().map(planOf);
	const columns = reader.getColumns();
	const fields = plans.map((p, i) => new Field(names[i] ?? `column${i}`, p.type, true));
	const children = plans.map((p, i) => columnData(p, columns[i] ?? []));
	const type = new Struct(fields);
	const data = makeData({ type, length: reader.currentRowCount, nullCount: 0, children });
	return new Table([new RecordBatch(new Schema(fields), data)]);
}

// --- Arrow → DuckDB (loading a dataset's files) ------------------------------------------------

/** How one Arrow column is created and filled in DuckDB. */
export interface LoadColumn {
	name: string;
	/** The DuckDB type in CREATE TABLE. */
	sqlType: string;
	/** An Arrow value as the appender's JS input for that type. */
	toJs: (v: unknown) => unknown;
}

const asIs = (v: unknown): unknown => v;
const toDate = (v: unknown): unknown => (v instanceof Date ? v : new Date(Number(v)));
const toBytes = (v: unknown): unknown => (v instanceof Uint8Array ? v : new Uint8Array());

/** The DuckDB column for an Arrow field, as duckdb-wasm's Arrow import would create it. */
export function loadColumn(field: Field): LoadColumn {
	// Dictionary-encoded text (the indicator table's codes and keys) is plain VARCHAR to DuckDB.
	const type: DataType = DataType.isDictionary(field.type) ? field.type.dictionary : field.type;
	const col = (sqlType: string, toJs = asIs): LoadColumn => ({ name: field.name, sqlType, toJs });
	if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) return col('VARCHAR');
	if (DataType.isBool(type)) return col('BOOLEAN');
	if (DataType.isInt(type)) {
		const bits: Record<number, string> = { 8: 'TINYINT', 16: 'SMALLINT', 32: 'INTEGER' };
		const name = bits[type.bitWidth] ?? 'BIGINT';
		return col(type.isSigned ? name : `U${name}`);
	}
	if (DataType.isFloat(type)) return col(type.precision === 2 ? 'DOUBLE' : 'FLOAT');
	if (DataType.isBinary(type) || DataType.isLargeBinary(type)) return col('BLOB', toBytes);
	if (DataType.isDate(type)) return col('DATE', toDate);
	if (DataType.isTimestamp(type)) return col('TIMESTAMP', toDate);
	throw new TypeError(`column ${field.name}: Arrow type ${String(field.type)} is not supported`);
}
