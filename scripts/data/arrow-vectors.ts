/**
 * Arrow vectors built straight from arrays into buffers, without apache-arrow's per-value
 * builders, which dominate the national build's time. Output is the same Arrow data: validity
 * bitmap only when there are nulls, Utf8 as offsets + bytes, numbers as typed arrays.
 */
import {
	Binary,
	Dictionary,
	Float64,
	Int32,
	Utf8,
	makeData,
	makeVector,
	type Vector
} from 'apache-arrow';

const encoder = new TextEncoder();

function validity(values: readonly unknown[]): { bitmap: Uint8Array | undefined; nulls: number } {
	let nulls = 0;
	for (const v of values) if (v === null || v === undefined) nulls++;
	if (nulls === 0) return { bitmap: undefined, nulls };
	const bitmap = new Uint8Array(((values.length + 63) >> 6) << 3);
	values.forEach((v, i) => {
		if (v !== null && v !== undefined) bitmap[i >> 3] = (bitmap[i >> 3] as number) | (1 << (i & 7));
	});
	return { bitmap, nulls };
}

/** Utf8 column; repeated strings (codes, keys) are encoded once. */
export function utf8Vector(values: readonly (string | null)[]): Vector<Utf8> {
	const cache = new Map<string, Uint8Array>();
	const parts: (Uint8Array | null)[] = values.map((v) => {
		if (v === null || v === undefined) return null;
		let bytes = cache.get(v);
		if (!bytes) {
			bytes = encoder.encode(v);
			if (cache.size < 100_000) cache.set(v, bytes);
		}
		return bytes;
	});
	return bytesVector(new Utf8(), parts, values) as Vector<Utf8>;
}

/**
 * Dictionary-encoded Utf8 column (distinct strings once, Int32 indices per row, in order of first
 * appearance, so output stays deterministic). For long columns of few distinct values — the
 * indicator table's codes and keys — it makes the file several times smaller; DuckDB reads it
 * as VARCHAR. `id` must be unique within a table and is given explicitly: apache-arrow's default
 * comes from a global counter, which would make the bytes depend on what was built before.
 */
export function dictUtf8Vector(
	values: readonly (string | null)[],
	id: number
): Vector<Dictionary<Utf8, Int32>> {
	const index = new Map<string, number>();
	const distinct: string[] = [];
	const ids = new Int32Array(values.length);
	values.forEach((v, i) => {
		if (v === null || v === undefined) return;
		let id = index.get(v);
		if (id === undefined) {
			id = distinct.length;
			index.set(v, id);
			distinct.push(v);
		}
		ids[i] = id;
	});
	const { bitmap, nulls } = validity(values);
	return makeVector(
		makeData({
			type: new Dictionary(new Utf8(), new Int32(), id),
			length: values.length,
			nullCount: nulls,
			nullBitmap: bitmap,
			data: ids,
			dictionary: utf8Vector(distinct)
		})
	);
}

export function binaryVector(values: readonly (Uint8Array | null)[]): Vector<Binary> {
	return bytesVector(new Binary(), values, values) as Vector<Binary>;
}

function bytesVector(
	type: Utf8 | Binary,
	parts: readonly (Uint8Array | null)[],
	raw: readonly unknown[]
): Vector {
	const offsets = new Int32Array(parts.length + 1);
	let total = 0;
	parts.forEach((p, i) => {
		total += p?.length ?? 0;
		offsets[i + 1] = total;
	});
	const data = new Uint8Array(total);
	parts.forEach((p, i) => {
		if (p) data.set(p, offsets[i] as number);
	});
	const { bitmap, nulls } = validity(raw);
	const props = {
		length: parts.length,
		nullCount: nulls,
		nullBitmap: bitmap,
		valueOffsets: offsets,
		data
	};
	return type instanceof Utf8
		? makeVector(makeData({ type, ...props }))
		: makeVector(makeData({ type: type as Binary, ...props }));
}

export function float64Vector(values: readonly (number | null)[]): Vector<Float64> {
	const data = new Float64Array(values.length);
	values.forEach((v, i) => (data[i] = v ?? 0));
	const { bitmap, nulls } = validity(values);
	return makeVector(
		makeData({
			type: new Float64(),
			length: values.length,
			nullCount: nulls,
			nullBitmap: bitmap,
			data
		})
	);
}

export function int32Vector(values: readonly (number | null)[]): Vector<Int32> {
	const data = new Int32Array(values.length);
	values.forEach((v, i) => (data[i] = v ?? 0));
	const { bitmap, nulls } = validity(values);
	return makeVector(
		makeData({
			type: new Int32(),
			length: values.length,
			nullCount: nulls,
			nullBitmap: bitmap,
			data
		})
	);
}
