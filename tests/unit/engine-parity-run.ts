/**
 * The parity test's machinery: `parity(engines)` gives `same`, which runs a request on both
 * engines through recording connectors and expects the same statements, the same tables and the
 * same decoded answer, and counts what it compared per named query; plus the requests' inputs
 * built as the app builds them (the crossfilter's filter clauses, the legend's class breaks).
 */
import { expect } from 'vitest';
import type { Connector } from '$lib/data/connector';
import type { IndicatorMeta } from '$lib/data/contract';
import { andAll, type SqlFragment } from '$lib/data/sql-fragment';
import { filterToClause, type FilterSpec } from '$lib/crossfilter/filters';
import type { HistogramRow } from '$lib/data/queries/histogram';
import {
	recording,
	tableDifference,
	valueDifference,
	type Call,
	type Order
} from './engine-parity-compare';

export type Ask<T> = (db: Connector) => Promise<T>;

/** A request for the named queries with few inputs (`engine-parity-cases.ts`). */
export interface Case {
	query: string;
	label: string;
	/** Ask one engine; `catalogue` is the dataset's with the derived indicators. */
	ask: (db: Connector, catalogue: IndicatorMeta[]) => Promise<unknown>;
	order?: Order;
}

/** A query's rows as plain objects. */
export const rows = async (db: Connector, sql: string) =>
	(await db.query(sql)).toArray().map((r) => r.toJSON() as Record<string, unknown>);

/** `engines()`: duckdb-wasm's and the native connector, once the test has opened them. */
export function parity(engines: () => [Connector, Connector]) {
	/** Statements compared so far, by named query. */
	const compared = new Map<string, number>();
	/** Run `ask` on both engines and expect the same; `order`: how rows compare. */
	async function same<T>(query: string, label: string, ask: Ask<T>, order: Order = 'rows') {
		const [wasm, native] = engines();
		const a: Call[] = [];
		const b: Call[] = [];
		const x = await ask(recording(wasm, a));
		const y = await ask(recording(native, b));
		expect(
			b.map((c) => c.sql),
			label
		).toEqual(a.map((c) => c.sql));
		a.forEach((call, i) => {
			const other = b[i]?.table;
			const diff = call.table && other && tableDifference(call.table, other, order);
			expect(diff, `${label} #${i}`).toBeNull();
		});
		expect(valueDifference(x, y), label).toBeNull();
		compared.set(query, (compared.get(query) ?? 0) + a.length);
	}
	return { same, compared };
}

const TOWNSHIPS = ['610924100', '610924101'];
/** The crossfilter's clauses, as the map builds them from view filters. */
const clause = (spec: FilterSpec, year = 2020): SqlFragment | null =>
	filterToClause(spec, year, 'parity').predicate;

/** One filter of each kind: townships, a number range, a category, and two at once. */
export const FILTERS = {
	townships: () => clause({ field: 'township', op: 'in', values: TOWNSHIPS }),
	income: () => clause({ field: 'collective_income', op: 'range', values: [30_000, 100_000] }),
	lax: () => clause({ field: 'branch_status', op: 'in', values: ['软弱涣散'] }),
	both: () =>
		andAll([
			clause({ field: 'township', op: 'in', values: TOWNSHIPS }),
			clause({ field: 'incidence', op: 'range', values: [null, 0.1] })
		])
};

/** Histogram rows in one order whatever order the engine found the categories in. */
export const sortBins = (rows: HistogramRow[]) =>
	[...rows].sort(
		(a, b) =>
			a.bin - b.bin ||
			String(a.text).localeCompare(String(b.text)) ||
			(a.value ?? 0) - (b.value ?? 0)
	);

/** The catalogue's class breaks of a numeric indicator (the legend's default), or none. */
export function classesOf(meta: IndicatorMeta): number[] {
	try {
		const list: unknown = JSON.parse(meta.default_classes);
		return Array.isArray(list) && list.every((x) => typeof x === 'number') ? list : [];
	} catch {
		return [];
	}
}
