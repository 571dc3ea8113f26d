/**
 * How the parity test compares two engines: a connector that records every statement a named
 * query sends and the table it gets back, and plain descriptions of the first difference between
 * two answers (null when they are the same) — so a failure says where, not just "not equal".
 *
 * Same means: the same column names and Arrow types, the same number of rows, and equal values,
 * numbers within 1e-9 relative (two engines may add a sum in another order); in order where the
 * query orders its rows, as a multiset where it does not.
 */
import type { Table } from 'apache-arrow';
import type { Connector, SqlParam } from '$lib/data/connector';

export interface Call {
	sql: string;
	params: readonly SqlParam[];
	table: Table | null;
}

/**
 * A connector that passes everything to `db` and notes each query in `calls`, in the order the
 * caller asked (not the order the answers came: `querySites` asks three at once).
 */
export function recording(db: Connector, calls: Call[]): Connector {
	return {
		async query(sql, params = [], options) {
			const call: Call = { sql, params, table: null };
			calls.push(call);
			call.table = await db.query(sql, params, options);
			return call.table;
		},
		insertArrow: (name, ipc) => db.insertArrow(name, ipc),
		close: () => db.close()
	};
}

/** Equal within 1e-9 relative (an absolute 1e-12 near zero); NaN equals NaN. */
export function closeEnough(a: number, b: number): boolean {
	if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
	if (a === b) return true;
	const diff = Math.abs(a - b);
	return diff <= 1e-12 || diff <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/** An Arrow cell or a decoded value as plain JS: vectors and rows as arrays and objects. */
function plain(v: unknown): unknown {
	if (v === null || v === undefined) return null;
	if (typeof v === 'bigint') return Number(v);
	if (typeof v !== 'object' || ArrayBuffer.isView(v)) return v;
	if (v instanceof Map || Array.isArray(v)) return v;
	const o = v as { toArray?: () => unknown; toJSON?: () => unknown };
	if (typeof o.toArray === 'function' && Symbol.iterator in o) return Array.from(o as never);
	if (typeof o.toJSON === 'function') return o.toJSON();
	return v;
}

/** The first difference between two values, or null when they are the same. */
export function valueDifference(a: unknown, b: unknown, at = ''): string | null {
	const [x, y] = [plain(a), plain(b)];
	const here = at || 'value';
	if (typeof x === 'number' && typeof y === 'number')
		return closeEnough(x, y) ? null : `${here}: ${x} ≠ ${y}`;
	if (ArrayBuffer.isView(x) || ArrayBuffer.isView(y) || Array.isArray(x) || Array.isArray(y)) {
		const list = (v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as never) : v);
		const [p, q] = [list(x), list(y)];
		if (!Array.isArray(p) || !Array.isArray(q)) return `${here}: a list and a non-list`;
		if (p.length !== q.length) return `${here}: length ${p.length} ≠ ${q.length}`;
		for (let i = 0; i < p.length; i++) {
			const d = valueDifference(p[i], q[i], `${here}[${i}]`);
			if (d) return d;
		}
		return null;
	}
	if (x instanceof Map && y instanceof Map) {
		return valueDifference(Object.fromEntries(x), Object.fromEntries(y), here);
	}
	if (typeof x === 'object' && typeof y === 'object' && x !== null && y !== null) {
		const [kx, ky] = [Object.keys(x).sort(), Object.keys(y).sort()];
		if (kx.join() !== ky.join()) return `${here}: keys ${kx.join()} ≠ ${ky.join()}`;
		for (const k of kx) {
			const d = valueDifference(
				(x as Record<string, unknown>)[k],
				(y as Record<string, unknown>)[k],
				`${here}.${k}`
			);
			if (d) return d;
		}
		return null;
	}
	return Object.is(x, y) ? null : `${here}: ${String(x)} ≠ ${String(y)}`;
}

/**
 * How rows are compared: `rows` in order (the query orders by a unique key), `first` with the
 * first column in order (ordered by it, ties in any order), `none` as a multiset.
 */
export type Order = 'rows' | 'first' | 'none';

function columnsOf(t: Table): unknown[][] {
	return t.schema.fields.map((_, i) => Array.from(t.getChildAt(i) ?? []).map(plain));
}

/** A row's sort key: numbers to 9 digits, so the two engines' last bits do not change the order. */
function rowKey(cols: unknown[][], r: number): string {
	const cell = (v: unknown) =>
		typeof v === 'number'
			? Number(v.toPrecision(9))
			: ArrayBuffer.isView(v)
				? Array.from(v as never)
				: v;
	return JSON.stringify(cols.map((c) => cell(c[r])));
}

function sortedRows(cols: unknown[][], n: number): number[] {
	const keys = Array.from({ length: n }, (_, r) => rowKey(cols, r));
	return keys.map((_, r) => r).sort((i, j) => ((keys[i] as string) < (keys[j] as string) ? -1 : 1));
}

/** The first difference between two answers, or null when they are the same. */
export function tableDifference(a: Table, b: Table, order: Order = 'rows'): string | null {
	const names = (t: Table) => t.schema.fields.map((f) => f.name).join(', ');
	if (names(a) !== names(b)) return `columns: ${names(a)} ≠ ${names(b)}`;
	const types = (t: Table) => t.schema.fields.map((f) => `${f.name} ${String(f.type)}`).join(', ');
	if (types(a) !== types(b)) return `types: ${types(a)} ≠ ${types(b)}`;
	if (a.numRows !== b.numRows) return `rows: ${a.numRows} ≠ ${b.numRows}`;
	const [ca, cb] = [columnsOf(a), columnsOf(b)];
	if (order === 'first') {
		const d = valueDifference(ca[0] ?? [], cb[0] ?? [], `order of ${a.schema.fields[0]?.name}`);
		if (d) return d;
	}
	const identity = Array.from({ length: a.numRows }, (_, r) => r);
	const [ra, rb] =
		order === 'rows'
			? [identity, identity]
			: [sortedRows(ca, a.numRows), sortedRows(cb, b.numRows)];
	for (let r = 0; r < a.numRows; r++) {
		for (const [i, f] of a.schema.fields.entries()) {
			const [x, y] = [ca[i]?.[ra[r] as number], cb[i]?.[rb[r] as number]];
			const d = valueDifference(x, y, `row ${ra[r]} ${f.name}`);
			if (d) return d;
		}
	}
	return null;
}
