/**
 * Parity of the two engines: every named query of `src/lib/data/queries/` runs on duckdb-wasm
 * (engine 1.4, the browser's) and on native DuckDB (`@duckdb/node-api`, engine 1.5, the server
 * mode's), both loaded from the committed 紫阳县 dataset by the app's own loader, and must get the
 * same answers — each statement's Arrow table (columns, types, rows, numbers within 1e-9
 * relative, order where the query orders) and what the query module decodes from it. Requests are
 * built as the app builds them: every catalogue indicator (derived ones too) at every level,
 * statistic and several years, with the crossfilter's own filter clauses.
 *
 * Left out: the spatial functions (`spatial-functions.ts`), JavaScript UDFs that only
 * duckdb-wasm's blocking build can register, and the console examples that call them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Connector } from '$lib/data/connector';
import type { IndicatorMeta } from '$lib/data/contract';
import { openNativeRegion } from '$lib/data/native-dataset';
import { parseManifest } from '$lib/data/manifest';
import type { SqlFragment } from '$lib/data/sql-fragment';
import { DERIVED_INDICATORS } from '$lib/analysis/derived-indicators';
import {
	categoryBreakdown,
	queryIndicatorValues,
	statsFor,
	type Level
} from '$lib/data/queries/indicator-values';
import { decodeHistogram, histogramSql, type HistogramBinning } from '$lib/data/queries/histogram';
import { decodeTownshipBars, townshipBarsSql } from '$lib/data/queries/township-bars';
import { decodeVillageCount, villageCountSql } from '$lib/data/queries/village-count';
import { openRegion } from './dataset-fixture';
import { valueDifference } from './engine-parity-compare';
import { classesOf, FILTERS, parity, sortBins } from './engine-parity-run';
import { moreCases } from './engine-parity-cases';
import { consoleCases, SKIPPED_EXAMPLES } from './engine-parity-console';
import { queryConsoleSchema, SCHEMA_COLUMNS_SQL } from '$lib/data/queries/console-schema';

const DIR = 'static/data/610924';
/** The catalogue as the app sees it (derived indicators first), read now to name the tests. */
const CATALOGUE: IndicatorMeta[] = [
	...DERIVED_INDICATORS,
	...parseManifest(JSON.parse(readFileSync(`${DIR}/manifest.json`, 'utf8'))).catalogue
];

let wasm: Connector;
let native: Connector;
beforeAll(async () => {
	const [w, n] = await Promise.all([openRegion('610924'), openNativeRegion(DIR)]);
	[wasm, native] = [w.db, n.db];
});
afterAll(async () => {
	await Promise.all([wasm?.close(), native?.close()]);
});

const { same, compared } = parity(() => [wasm, native]);
const YEARS = [2016, 2023];
const LEVELS: Level[] = ['village', 'township', 'county'];

describe.each(CATALOGUE.map((m) => [m.key, m] as const))('%s', (_key, meta) => {
	it('indicator values agree at every level, statistic and year', async () => {
		for (const level of LEVELS)
			for (const stat of statsFor(meta, level))
				for (const year of YEARS)
					await same('indicator-values', `${level} ${stat} ${year}`, (db) =>
						queryIndicatorValues(db, meta, { key: meta.key, year, level, stat })
					);
		expect(compared.get('indicator-values')).toBeGreaterThan(0);
	});

	it('indicator values (and category breakdowns) agree under each kind of filter', async () => {
		for (const [name, filter] of Object.entries(FILTERS))
			for (const level of LEVELS) {
				const req = { key: meta.key, year: 2020, level, filter: filter() };
				await same('indicator-values', `${level} ${name}`, (db) =>
					queryIndicatorValues(db, meta, req)
				);
				if (meta.kind === 'category' && level !== 'village')
					await same('category-breakdown', `${level} ${name}`, (db) =>
						categoryBreakdown(db, meta, req)
					);
			}
		expect(compared.get('indicator-values')).toBeGreaterThan(0);
	});

	it('histograms agree: categories, equal bins and the legend’s breaks', async () => {
		const breaks = classesOf(meta);
		const binnings: HistogramBinning[] = [{ kind: 'categories' }];
		if (meta.kind !== 'category')
			binnings.push({ kind: 'equal', count: 10 }, { kind: 'equal', count: 7, minStep: 1 });
		if (meta.kind !== 'category' && breaks.length > 0) binnings.push({ kind: 'breaks', breaks });
		for (const binning of binnings)
			for (const [name, filter] of [
				['none', null],
				['both', FILTERS.both()]
			] as const) {
				const f = histogramSql(meta, { year: 2020, binning, filter });
				// Bins come in no order, categories all share bin 0: compare them as sets.
				const ask = async (db: Connector) =>
					sortBins(decodeHistogram(await db.query(f.sql, f.params)));
				await same('histogram', `${binning.kind} ${name}`, ask, 'none');
			}
		expect(compared.get('histogram')).toBeGreaterThan(0);
	});

	it('township bars agree', async () => {
		for (const stat of statsFor(meta, 'township'))
			for (const [name, filter] of [
				['none', null],
				['both', FILTERS.both()]
			] as const) {
				const f = townshipBarsSql(meta, { year: 2021, stat, filter });
				await same('township-bars', `${stat} ${name}`, async (db) =>
					decodeTownshipBars(await db.query(f.sql, f.params))
				);
			}
		expect(compared.get('township-bars')).toBeGreaterThan(0);
	});
});

it('the selected-of-all count agrees under each filter', async () => {
	for (const [name, filter] of Object.entries({
		none: (): SqlFragment | null => null,
		...FILTERS
	})) {
		const f = villageCountSql(filter());
		await same('village-count', name, async (db) =>
			decodeVillageCount(await db.query(f.sql, f.params))
		);
	}
	expect(compared.get('village-count')).toBe(Object.keys(FILTERS).length + 1);
});

describe('the other named queries', () => {
	for (const c of [...moreCases(), ...consoleCases()])
		it(`${c.query} agrees: ${c.label}`, async () => {
			await same(c.query, c.label, (db) => c.ask(db, CATALOGUE), c.order);
			expect(compared.get(c.query)).toBeGreaterThan(0);
		});

	it('console schema: the same tables, views and columns; the app’s macros on both', async () => {
		await same(
			'console-schema',
			'columns',
			async (db) => (await db.query(SCHEMA_COLUMNS_SQL)).numRows
		);
		const [a, b] = await Promise.all([queryConsoleSchema(wasm), queryConsoleSchema(native)]);
		expect(valueDifference(a.relations, b.relations)).toBeNull();
		// DuckDB's own function list grows between engine versions; the app's macros must be on both.
		for (const f of ['dist_km'])
			expect([a.functions.includes(f), b.functions.includes(f)]).toEqual([true, true]);
		const [fa, fb] = [new Set(a.functions), new Set(b.functions)];
		const onlyWasm = a.functions.filter((f) => !fb.has(f));
		const onlyNative = b.functions.filter((f) => !fa.has(f));
		console.log(
			`functions only in 1.4 (wasm): ${onlyWasm.join(', ')}; only in 1.5 (native): ${onlyNative.length}`
		);
		expect(onlyWasm.length).toBeLessThan(a.functions.length / 10);
	});
});

afterAll(() => {
	const total = [...compared.values()].reduce((a, b) => a + b, 0);
	console.log(`engine parity: ${total} statements compared`, Object.fromEntries(compared));
	console.log(`not compared (JavaScript UDFs): console examples ${SKIPPED_EXAMPLES.join(', ')}`);
});
