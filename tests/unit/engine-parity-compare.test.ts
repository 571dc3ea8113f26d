/**
 * The parity test's comparison must see a difference where there is one — otherwise "the same
 * answers" would be a vacuous pass. Checked on native DuckDB's real answers.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openNativeConnector, type NativeConnector } from '$lib/data/native-connector';
import { tableDifference, valueDifference } from './engine-parity-compare';

let db: NativeConnector;
beforeAll(async () => {
	db = await openNativeConnector();
});
afterAll(async () => {
	await db?.close();
});

it.each([
	['SELECT 1.0::DOUBLE AS x', 'SELECT 1.000001::DOUBLE AS x', /1 ≠ 1.000001/],
	['SELECT 1 AS x', 'SELECT 1::DOUBLE AS x', /types/],
	['SELECT 1 AS x', 'SELECT 1 AS y', /columns/],
	['SELECT * FROM range(3)', 'SELECT * FROM range(4)', /rows: 3 ≠ 4/],
	[`SELECT 'a' AS s UNION ALL SELECT 'b'`, `SELECT 'b' AS s UNION ALL SELECT 'a'`, /row 0 s/],
	[`SELECT '\\x01'::BLOB AS b`, `SELECT '\\x02'::BLOB AS b`, /row 0 b\[0\]/]
])('%s differs from %s', async (x, y, why) => {
	expect(tableDifference(await db.query(x), await db.query(y))).toMatch(why);
	expect(tableDifference(await db.query(x), await db.query(x))).toBeNull();
});

it('rows out of order are the same as a set, not as a sequence', async () => {
	const [a, b] = [
		await db.query(`SELECT * FROM (VALUES (1, 'a'), (2, 'b')) t(n, s)`),
		await db.query(`SELECT * FROM (VALUES (2, 'b'), (1, 'a')) t(n, s)`)
	];
	expect(tableDifference(a, b, 'rows')).toMatch(/row 0 n: 1 ≠ 2/);
	expect(tableDifference(a, b, 'none')).toBeNull();
	expect(tableDifference(a, b, 'first')).toMatch(/order of n/);
});

it('numbers agree within 1e-9 relative, nested lists and maps included', () => {
	expect(valueDifference({ a: [1, 2] }, { a: [1, 2 + 1e-12] })).toBeNull();
	expect(valueDifference({ a: [1, 2] }, { a: [1, 2.001] })).toMatch(/a\[1\]/);
	expect(valueDifference(new Map([[1, [0.1]]]), new Map([[1, [0.1 + 1e-17]]]))).toBeNull();
	expect(valueDifference(new Float64Array([NaN]), [NaN])).toBeNull();
	expect(valueDifference(null, 0)).toMatch(/null ≠ 0/);
});
