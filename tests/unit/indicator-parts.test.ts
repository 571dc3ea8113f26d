/**
 * Indicators loaded by view, on the real engine: 紫阳县 split into parts as the national build
 * writes them (start part: the default view's inputs in the latest year; one file per key and
 * year for the rest). Started from the start part alone, the engine answers the default view;
 * once a view's needs (`viewNeeds`) are loaded it answers any view exactly as the whole dataset
 * does; parts load once, and a part that cannot be read is named and tried again later.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/data/connector';
import type { IndicatorMeta, Manifest } from '$lib/data/contract';
import { loadDataset } from '$lib/data/load-dataset';
import { parseManifest } from '$lib/data/manifest';
import { openNodeConnector } from '$lib/data/node-connector';
import { IndicatorParts, partYears } from '$lib/data/indicator-parts';
import { decodeVillageCount, villageCountSql } from '$lib/data/queries/village-count';
import { appCatalogue, firstQuery } from '$lib/state/first-view-query';
import { completeView } from '$lib/state/view-defaults';
import { filterClauses } from '$lib/state/view-filters';
import { viewNeeds } from '$lib/state/view-needs';
import type { UrlState } from '$lib/state/url-state';
import { splitIndicatorParts } from '../../scripts/data/indicator-parts';
import { openRegion } from './dataset-fixture';

let whole: Connector;
let db: Connector;
let dir: string;
let manifest: Manifest;
let catalogue: IndicatorMeta[];
let parts: IndicatorParts;
const read = async (f: string) => new Uint8Array(readFileSync(join(dir, f)));

async function openParted(reader = read) {
	const engine = await openNodeConnector();
	await loadDataset(engine, manifest, reader, undefined, { indicators: 'start' });
	return { engine, parts: new IndicatorParts(engine, manifest, reader) };
}

const count = async (c: Connector, sql = 'SELECT count(*)::INTEGER AS n FROM indicator') =>
	Number((await c.query(sql)).getChild('n')?.get(0));

/** The choropleth answer of a view's URL, as rows. */
async function answer(c: Connector, url: UrlState) {
	const q = firstQuery(url, catalogue, manifest.years);
	if (!q) throw new Error(`no query for ${JSON.stringify(url)}`);
	return (await c.query(q.query.sql, q.query.params)).toArray().map((r) => r.toJSON());
}

beforeAll(async () => {
	({ db: whole } = await openRegion('610924'));
	dir = mkdtempSync(join(tmpdir(), 'va-parts-'));
	cpSync('static/data/610924', dir, { recursive: true });
	splitIndicatorParts(dir, ['poor_village', 'exit_year'], 2023);
	manifest = parseManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
	catalogue = appCatalogue(manifest.catalogue);
	({ engine: db, parts } = await openParted());
}, 60_000);
afterAll(async () => {
	await whole?.close();
	await db?.close();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a dataset in parts', () => {
	it('starts with the start part only, which answers the default view', async () => {
		const start = manifest.indicatorParts?.[0];
		expect(start?.file).toBe(manifest.files.indicator);
		expect(await count(db)).toBe(start?.rows);
		expect(parts.partial).toBe(true);
		expect(await answer(db, {})).toEqual(await answer(whole, {}));
	});

	it('lacks what other views read until they are loaded', async () => {
		const url = { indicator: 'collective_income', year: 2016 };
		expect(await answer(db, url)).not.toEqual(await answer(whole, url));
	});

	const views: [string, UrlState][] = [
		['collective income in 2016 by village', { indicator: 'collective_income', year: 2016 }],
		[
			'poverty incidence (a ratio) by township in 2020',
			{ indicator: 'incidence', level: 'township', year: 2020 }
		],
		['weak collectives (derived) by county in 2019', { indicator: 'weak_collective', year: 2019 }],
		[
			'branch status (a category) by township in 2018',
			{ indicator: 'branch_status', level: 'township', year: 2018 }
		],
		['poverty status (derived) in 2017', { year: 2017 }]
	];
	it.each(views)('answers %s as the whole dataset once its needs are in', async (_, url) => {
		const view = completeView(url, catalogue, manifest.years);
		const needs = viewNeeds(view, catalogue);
		await parts.need(needs.keys, needs.years);
		expect(await answer(db, url)).toEqual(await answer(whole, url));
	});

	it("loads a filter's indicator with the view, so it selects the same villages", async () => {
		const spec = { field: 'first_secretary', op: 'in' as const, values: ['1'] };
		const view = {
			...completeView({ indicator: 'collective_income', year: 2015 }, catalogue, manifest.years),
			filters: [spec]
		};
		const needs = viewNeeds(view, catalogue);
		expect(needs.keys).toContain('first_secretary');
		await parts.need(needs.keys, needs.years);
		const [clause] = filterClauses(view, catalogue, 'other');
		const f = villageCountSql(clause?.predicate ?? null);
		const selected = async (c: Connector) =>
			decodeVillageCount(await c.query(f.sql, f.params)).selected;
		expect(await selected(db)).toBe(await selected(whole));
		expect(await selected(db)).toBeGreaterThan(0);
	});

	it('loads each part once, even when asked twice at the same time', async () => {
		const asked = [parts.need(['poor_people'], [2014]), parts.need(['poor_people'], [2014])];
		expect(await Promise.all(asked)).toEqual([true, false]);
		expect(await parts.need(['poor_people'], [2014])).toBe(false);
		const dupes = await count(
			db,
			`SELECT count(*)::INTEGER AS n FROM (SELECT code, key, year FROM indicator
			 GROUP BY ALL HAVING count(*) > 1)`
		);
		expect(dupes).toBe(0);
		expect(await count(db)).toBe(parts.rowsLoaded);
	});

	it('names a part it cannot read, and tries it again when asked again', async () => {
		let broken = true;
		const flaky = async (f: string) => {
			if (broken && f.includes('collective_income.2021')) throw new Error('connection reset');
			return read(f);
		};
		const { engine, parts: p } = await openParted(flaky);
		try {
			await expect(p.need(['collective_income'], [2021])).rejects.toThrow(
				/indicators\/collective_income\.2021\.arrow: connection reset/
			);
			broken = false;
			expect(await p.need(['collective_income'], [2021])).toBe(true);
			const rows = await count(
				engine,
				`SELECT count(*)::INTEGER AS n FROM indicator WHERE key = 'collective_income'`
			);
			expect(rows).toBe(207);
		} finally {
			await engine.close();
		}
	});

	it('holds every row of the whole dataset once all parts are in', async () => {
		await parts.needAll();
		expect(parts.partial).toBe(false);
		expect(await count(db)).toBe(await count(whole));
		expect(parts.rowsLoaded).toBe(manifest.counts.indicator);
	});
});

describe('partYears', () => {
	const ps = [
		{ file: 'indicator.arrow', keys: ['poor_village', 'exit_year'], years: [2023], rows: 2 },
		{ file: 'a', keys: ['poor_village'], years: [2014], rows: 1 },
		{ file: 'b', keys: ['incidence'], years: [2023], rows: 1 }
	];
	it("is the years a key's parts hold, ascending", () => {
		expect(partYears(ps, 'poor_village')).toEqual([2014, 2023]);
		expect(partYears(ps, 'incidence')).toEqual([2023]);
		expect(partYears(ps, 'other')).toEqual([]);
	});
});
