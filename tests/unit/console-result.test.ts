/**
 * The console's result handling on the real engine over 紫阳县: a query is materialised once and
 * read back in pages in its own order; statements that cannot be wrapped answer directly; the
 * schema lists the dataset's tables and views with their columns, and the spatial macros.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/data/connector';
import {
	materialise,
	queryResultColumns,
	queryResultPage,
	StatementError,
	trimStatement
} from '$lib/data/queries/console-result';
import { queryConsoleSchema } from '$lib/data/queries/console-schema';
import { openRegion } from './dataset-fixture';

let db: Connector;
beforeAll(async () => {
	({ db } = await openRegion('610924'));
	await db.installSpatial?.();
});
afterAll(async () => {
	await db?.close();
});

describe('materialise', () => {
	it('keeps the rows of a query in their order and counts them', async () => {
		const r = await materialise(
			db,
			'SELECT i, i * 2 AS twice FROM range(250000) t(i) ORDER BY i DESC;'
		);
		expect(r.kind).toBe('paged');
		if (r.kind !== 'paged') return;
		expect(r.rowCount).toBe(250000);
		expect(r.columns).toEqual([
			{ name: 'i', type: 'BIGINT' },
			{ name: 'twice', type: 'BIGINT' }
		]);
		const page = await queryResultPage(db, 120000, 100);
		expect(page.numRows).toBe(100);
		expect(Number(page.getChild('i')?.get(0))).toBe(250000 - 1 - 120000);
		expect(Number(page.getChild('twice')?.get(99))).toBe((250000 - 1 - 120099) * 2);
		const last = await queryResultPage(db, 249990, 100);
		expect(last.numRows).toBe(10);
	});

	it('reads a query that ends in a line comment', async () => {
		const r = await materialise(
			db,
			"SELECT name FROM v_village WHERE name = '王家河村' -- one village"
		);
		expect(r.kind === 'paged' && r.rowCount).toBe(1);
	});

	it('answers DESCRIBE and PRAGMA directly', async () => {
		const r = await materialise(db, 'DESCRIBE region');
		expect(r.kind).toBe('direct');
		if (r.kind === 'direct') expect(r.table.numRows).toBeGreaterThan(2);
	});

	it('gives chosen columns of every row for the map and exports', async () => {
		await materialise(db, 'SELECT code, name FROM v_village ORDER BY code');
		const t = await queryResultColumns(db, ['code']);
		expect(t.numRows).toBe(207);
		expect(t.schema.fields.map((f) => f.name)).toEqual(['code']);
	});

	it('says where a wrapped query is wrong, in the statement as written', async () => {
		const sql = 'SELECT *\nFORM region';
		const e = await materialise(db, sql).catch((x: unknown) => x);
		expect(e).toBeInstanceOf(StatementError);
		const engine = (e as StatementError).engine;
		expect(engine.type).toBe('Parser');
		expect(engine.message).toMatch(/syntax error at or near "region"/);
		expect(sql.slice(engine.position ?? 0)).toBe('region');
	});

	it('trims trailing semicolons and space only', () => {
		expect(trimStatement('SELECT 1; \n ;')).toBe('SELECT 1');
		expect(trimStatement("SELECT ';'")).toBe("SELECT ';'");
	});
});

describe('the schema', () => {
	it('lists the tables and views of the dataset with their columns, not the internal ones', async () => {
		const s = await queryConsoleSchema(db);
		const names = s.relations.map((r) => r.name);
		for (const t of ['region', 'boundary', 'site', 'indicator', 'indicator_meta'])
			expect(names).toContain(t);
		for (const v of ['v_village', 'v_poverty', 'v_collective', 'v_party', 'v_relocation'])
			expect(s.relations.find((r) => r.name === v)?.kind).toBe('view');
		expect(names.some((n) => n.startsWith('_'))).toBe(false);
		expect(s.relations.find((r) => r.name === 'region')?.columns.map((c) => c.name)).toContain(
			'parent_code'
		);
	});

	it('lists the spatial macros among the functions', async () => {
		const s = await queryConsoleSchema(db);
		for (const f of ['dist_km', 'village_at', 'nearest_site_km', 'units_within_km'])
			expect(s.functions).toContain(f);
		expect(s.functions.some((f) => f.startsWith('_va_'))).toBe(false);
	});
});
