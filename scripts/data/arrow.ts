/**
 * The five tables as Arrow IPC streams (apache-arrow 17, the copy duckdb-wasm uses), with the
 * column order and types of docs/dataset-format.md. Stream format, uncompressed, so the app can
 * hand the bytes to insertArrowFromIPCStream.
 */
import {
	Binary,
	Float64,
	Int32,
	Table,
	Utf8,
	tableToIPC,
	type DataType,
	type Vector
} from 'apache-arrow';
import {
	binaryVector,
	dictUtf8Vector,
	float64Vector,
	int32Vector,
	utf8Vector
} from './arrow-vectors';
import type { IndicatorMeta } from './catalogue';
import type { IndicatorColumns } from './indicator-rows';
import type { Site } from './sites';

export interface RegionRow {
	code: string;
	name: string;
	full_name: string;
	level: string;
	parent_code: string | null;
}

export interface BoundaryRow {
	code: string;
	level: string;
	geom_wkb: Uint8Array;
	minx: number;
	miny: number;
	maxx: number;
	maxy: number;
	cx: number;
	cy: number;
	area_km2: number;
}

type Spec<T> = [keyof T & string, DataType][];

function column(type: DataType, values: unknown[]): Vector {
	if (type instanceof Utf8) return utf8Vector(values as (string | null)[]);
	if (type instanceof Binary) return binaryVector(values as (Uint8Array | null)[]);
	if (type instanceof Float64) return float64Vector(values as (number | null)[]);
	if (type instanceof Int32) return int32Vector(values as (number | null)[]);
	throw new Error(`no column maker for ${type}`);
}

function table<T>(rows: readonly T[], spec: Spec<T>): Table {
	const columns: Record<string, Vector> = {};
	for (const [name, type] of spec)
		columns[name] = column(
			type,
			rows.map((r) => r[name] as unknown)
		);
	return new Table(columns);
}

export function toIpc(t: Table): Uint8Array {
	return tableToIPC(t, 'stream');
}

export const regionTable = (rows: RegionRow[]) =>
	table(rows, [
		['code', new Utf8()],
		['name', new Utf8()],
		['full_name', new Utf8()],
		['level', new Utf8()],
		['parent_code', new Utf8()]
	]);

export const boundaryTable = (rows: BoundaryRow[]) =>
	table(rows, [
		['code', new Utf8()],
		['level', new Utf8()],
		['geom_wkb', new Binary()],
		['minx', new Float64()],
		['miny', new Float64()],
		['maxx', new Float64()],
		['maxy', new Float64()],
		['cx', new Float64()],
		['cy', new Float64()],
		['area_km2', new Float64()]
	]);

export const siteTable = (rows: Site[]) =>
	table(rows, [
		['id', new Utf8()],
		['kind', new Utf8()],
		['name', new Utf8()],
		['township_code', new Utf8()],
		['village_code', new Utf8()],
		['lon', new Float64()],
		['lat', new Float64()],
		['households', new Int32()],
		['people', new Int32()],
		['jobs', new Int32()],
		['poor_employed', new Int32()],
		['months_operating', new Int32()],
		['community_id', new Utf8()],
		['distance_km', new Float64()],
		['opened_year', new Int32()]
	]);

export function indicatorTable(c: IndicatorColumns): Table {
	return new Table({
		code: dictUtf8Vector(c.code, 0),
		year: int32Vector(c.year),
		key: dictUtf8Vector(c.key, 1),
		value: float64Vector(c.value),
		text: dictUtf8Vector(c.text, 2)
	});
}

export const metaTable = (rows: IndicatorMeta[]) =>
	table(rows, [
		['key', new Utf8()],
		['theme', new Utf8()],
		['label_zh', new Utf8()],
		['label_en', new Utf8()],
		['unit', new Utf8()],
		['kind', new Utf8()],
		['default_classes', new Utf8()],
		['better', new Utf8()],
		['description_zh', new Utf8()]
	]);
