/**
 * The first view shipped with each committed region is the answer the app's engine gives to the
 * question the map asks first, and the shapes read from the files without the engine are the
 * ones the engine's shapes query returns — so the map drawn before the engine is ready is the
 * map drawn after it.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFromArrays } from 'apache-arrow';
import type { Connector } from '$lib/data/connector';
import type { Manifest } from '$lib/data/contract';
import { answers, decodeFirstView, encodeFirstView, FIRST_VIEW_FILE } from '$lib/data/first-view';
import { shapesFromFiles } from '$lib/data/file-shapes';
import { queryShapes } from '$lib/data/queries/shapes';
import { appCatalogue, firstQuery } from '$lib/state/first-view-query';
import { openRegion } from './dataset-fixture';

const REGIONS = ['610924', '610925'];

/** Rows of an Arrow table as plain objects, numbers compared as numbers. */
function rowsOf(t: { toArray(): { toJSON(): Record<string, unknown> }[] }) {
	return t
		.toArray()
		.map((r) =>
			Object.fromEntries(
				Object.entries(r.toJSON()).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])
			)
		);
}

describe.each(REGIONS)('region %s', (code) => {
	let db: Connector;
	let manifest: Manifest;
	const dir = `static/data/${code}`;
	beforeAll(async () => ({ db, manifest } = await openRegion(code)), 60_000);
	afterAll(() => db?.close());

	it('names its first view in the manifest', () => {
		expect(manifest.firstView).toBe(FIRST_VIEW_FILE);
	});

	it('ships the answer to the question the map asks first (else: npm run data:build)', () => {
		const first = decodeFirstView(readFileSync(`${dir}/${FIRST_VIEW_FILE}`));
		const asked = firstQuery({}, appCatalogue(manifest.catalogue), manifest.years);
		expect(asked?.view.indicator).toBe('poverty_status');
		expect(asked?.view.year).toBe(manifest.latestYear);
		expect(first.query).toEqual(asked?.query);
		expect(answers(first, asked!.query)).toBe(true);
	});

	it('holds the rows the engine answers today', async () => {
		const first = decodeFirstView(readFileSync(`${dir}/${FIRST_VIEW_FILE}`));
		const now = await db.query(first.query.sql, first.query.params);
		expect(first.table.numRows).toBe(now.numRows);
		expect(first.table.numRows).toBe(
			(manifest.counts.village ?? 0) + (manifest.counts.community ?? 0)
		);
		expect(rowsOf(first.table)).toEqual(rowsOf(now));
	});

	it('reads the same shapes from the files as the engine returns', async () => {
		const files = shapesFromFiles(
			readFileSync(`${dir}/region.arrow`),
			readFileSync(`${dir}/boundary.arrow`)
		);
		const engine = {
			villages: await queryShapes(db, ['village', 'community']),
			townships: await queryShapes(db, ['township']),
			counties: await queryShapes(db, ['county'])
		};
		for (const level of ['villages', 'townships', 'counties'] as const) {
			expect(files[level].codes, level).toEqual(engine[level].codes);
			expect(files[level].names, level).toEqual(engine[level].names);
			expect(files[level].labels, level).toEqual(engine[level].labels);
			expect(files[level].wkb, level).toEqual(engine[level].wkb);
			expect(files[level].polygons, level).toEqual(engine[level].polygons);
		}
		expect(files.villages.codes.length).toBeGreaterThan(100);
		expect(files.counties.codes).toEqual([code]);
	});
});

describe('the first view answers only its own question', () => {
	const manifest = JSON.parse(readFileSync('static/data/610924/manifest.json', 'utf8'));
	const catalogue = appCatalogue(manifest.catalogue);
	const first = decodeFirstView(readFileSync(`static/data/610924/${FIRST_VIEW_FILE}`));

	it('not another year, indicator or level', () => {
		for (const url of [
			{ year: 2016 },
			{ indicator: 'collective_income' },
			{ level: 'township' as const }
		]) {
			const asked = firstQuery(url, catalogue, manifest.years);
			expect(asked, JSON.stringify(url)).not.toBeNull();
			expect(answers(first, asked!.query), JSON.stringify(url)).toBe(false);
		}
	});

	it('not a filtered view or a comparison: those are never asked first', () => {
		const filtered = firstQuery(
			{ filters: [{ field: 'poverty_status', op: 'in', values: ['exited'] }] },
			catalogue,
			manifest.years
		);
		expect(filtered).toBeNull();
		expect(firstQuery({ compareYear: 2016 }, catalogue, manifest.years)).toBeNull();
	});

	it('a selected unit or a moved map asks the same question', () => {
		const asked = firstQuery(
			{ selected: '610924100201', extent: { lon: 108.5, lat: 32.5, zoom: 10 } },
			catalogue,
			manifest.years
		);
		expect(answers(first, asked!.query)).toBe(true);
	});

	it('round-trips an answer with its query, and refuses a file without one', () => {
		const t = tableFromArrays({ code: ['a', 'b'], value: Float64Array.from([1, 2]) });
		const bytes = encodeFirstView(t, { sql: 'SELECT ?', params: [2023] });
		const back = decodeFirstView(bytes);
		expect(back.query).toEqual({ sql: 'SELECT ?', params: [2023] });
		expect(back.table.numRows).toBe(2);
		expect(answers(back, { sql: 'SELECT ?', params: [2022] })).toBe(false);
		expect(() => decodeFirstView(readFileSync('static/data/610924/site.arrow'))).toThrow(
			/which query/
		);
	});
});
