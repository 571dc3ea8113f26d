/**
 * Hot spots of an indicator in a year as SQL: `SELECT * FROM hotspots('collective_income', 2020)`.
 * JavaScript cannot be a DuckDB table function in duckdb-wasm, so this is the design's fallback —
 * a precomputed table plus a macro: `prepareHotspots` computes local Moran's I (LISA) and
 * Getis-Ord Gi* (analysis/hotspots.ts, queen contiguity from shared boundaries, 999 seeded
 * permutations) for the villages' values and stores them in `_va_hotspot`; the `hotspots(key,
 * year)` macro reads them. The console prepares every `hotspots('key', year)` call it finds
 * before running a statement (`hotspotCalls`), so to an analyst it is simply a table function.
 */
import type { Connector, SqlParam } from '../connector';
import { getisOrdGiStar, localMoransI } from '../../analysis/hotspots';
import { tokenize } from '../sql-text';
import { columnValues } from '../arrow-columns';

export const HOTSPOT_TABLE = '_va_hotspot';

/** The table and the macro; run once per dataset (the spatial install does). */
export const HOTSPOT_SCHEMA: readonly string[] = [
	`CREATE OR REPLACE TABLE ${HOTSPOT_TABLE} (key VARCHAR, year INTEGER, code VARCHAR,
  value DOUBLE, lisa_i DOUBLE, lisa_p DOUBLE, cluster VARCHAR, gi_z DOUBLE, gi_p DOUBLE,
  hotspot VARCHAR)`,
	`CREATE OR REPLACE MACRO hotspots(k, y) AS TABLE
  SELECT h.code, v.name, v.township, h.value, h.lisa_i, h.lisa_p, h.cluster, h.gi_z, h.gi_p, h.hotspot
  FROM ${HOTSPOT_TABLE} h JOIN v_village v USING (code)
  WHERE h.key = k AND h.year = y ORDER BY h.code`
];

/** Permutations and seed: fixed, so a question asked twice gets the same answer. */
export const HOTSPOT_PERMUTATIONS = 999;
export const HOTSPOT_SEED = 20141;

export interface HotspotCall {
	key: string;
	year: number;
}

/** The `hotspots('key', year)` calls in a statement, with literal arguments. */
export function hotspotCalls(sql: string): HotspotCall[] {
	const t = tokenize(sql).filter((x) => x.kind !== 'comment');
	const calls: HotspotCall[] = [];
	for (let i = 0; i + 5 < t.length; i++) {
		const [f, open, key, comma, year, close] = t.slice(i, i + 6);
		if (
			f?.kind === 'word' &&
			f.text.toLowerCase() === 'hotspots' &&
			open?.text === '(' &&
			key?.kind === 'string' &&
			comma?.text === ',' &&
			year?.kind === 'number' &&
			close?.text === ')'
		)
			calls.push({ key: key.text.slice(1, -1).replace(/''/g, "'"), year: Number(year.text) });
	}
	return calls;
}

/**
 * Compute and store the hot spots of `key` in `year` (replacing any earlier answer). `codes` and
 * `neighbours` are the villages in one order (queen contiguity of their polygons). Rejects an
 * indicator with no numeric values that year, in words an analyst understands.
 */
export async function prepareHotspots(
	db: Connector,
	codes: readonly string[],
	neighbours: readonly (readonly number[])[],
	call: HotspotCall
): Promise<void> {
	const t = await db.query(
		`SELECT code, value FROM indicator WHERE key = ? AND year = ? AND value IS NOT NULL`,
		[call.key, call.year]
	);
	const byCode = new Map<string, number>();
	const got = columnValues<number>(t, 'value');
	columnValues<string>(t, 'code').forEach((c, i) => byCode.set(c, Number(got[i])));
	if (byCode.size === 0)
		throw new Error(
			`hotspots: no numeric values of indicator '${call.key}' in ${call.year} (see indicator_meta for keys)`
		);
	const values = codes.map((c) => byCode.get(c) ?? null);
	const opts = { permutations: HOTSPOT_PERMUTATIONS, seed: HOTSPOT_SEED };
	const lisa = localMoransI(values, neighbours, opts);
	const gi = getisOrdGiStar(values, neighbours, opts);
	const nan = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? x : null);
	const rows: SqlParam[][] = codes.map((code, i) => [
		call.key,
		call.year,
		code,
		values[i] ?? null,
		nan(lisa.I[i]),
		nan(lisa.p[i]),
		lisa.cluster[i] ?? 'ns',
		nan(gi.z[i]),
		nan((gi.pSim ?? gi.p)[i]),
		gi.hotspot[i] ?? 'ns'
	]);
	await db.query(`DELETE FROM ${HOTSPOT_TABLE} WHERE key = ? AND year = ?`, [call.key, call.year]);
	// Parameterised rows in batches (building Arrow here would need eval, which the CSP forbids).
	const BATCH = 200;
	for (let start = 0; start < rows.length; start += BATCH) {
		const batch = rows.slice(start, start + BATCH);
		const placeholders = batch.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
		await db.query(`INSERT INTO ${HOTSPOT_TABLE} VALUES ${placeholders}`, batch.flat());
	}
}
