/**
 * The server mode's statement check, table-driven: reads pass (and say whether LIMIT can wrap
 * them), everything else is refused for the reason a person would give.
 */
import { describe, expect, it } from 'vitest';
import { judgeReadOnly, limitRows, type Refusal } from './read-only-sql';

const LOADED = new Set(['region', 'boundary', 'site', 'indicator', 'indicator_meta', 'v_village']);

describe('judgeReadOnly', () => {
	it.each([
		['SELECT * FROM region', true],
		['select 1;', true],
		['-- 注释\nSELECT code FROM v_village', true],
		['/* block */ WITH t AS (SELECT 1 AS x) SELECT * FROM t', true],
		['(SELECT 1) UNION ALL (SELECT 2)', true],
		['VALUES (1, 2)', true],
		['FROM indicator LIMIT 3', true],
		[`SELECT 'DROP TABLE region' AS words`, true],
		['EXPLAIN SELECT 1', false],
		['EXPLAIN DELETE FROM indicator', false],
		['DESCRIBE indicator', false],
		['SHOW TABLES', false],
		['SUMMARIZE region', false],
		[`PRAGMA table_info('region')`, false],
		['PRAGMA show_tables', false]
	])('%s → runs (wrappable: %s)', (sql, wrappable) => {
		const v = judgeReadOnly(sql, LOADED);
		expect(v).toMatchObject({ ok: true, wrappable });
		if (v.ok) expect(v.sql).not.toMatch(/;\s*$/);
	});

	it.each<[string, Refusal, RegExp]>([
		['', 'empty', /no statement/],
		[';;', 'empty', /no statement/],
		['SELECT 1; SELECT 2', 'several', /one statement at a time/],
		['DELETE FROM indicator', 'write', /DELETE statement was not run/],
		['INSERT INTO region VALUES (1)', 'write', /INSERT/],
		['UPDATE my_table SET x = 1', 'write', /UPDATE/],
		['CREATE TABLE x AS SELECT 1', 'write', /CREATE/],
		['CREATE TEMP TABLE mine AS SELECT 1', 'write', /CREATE/],
		['DROP TABLE region', 'write', /DROP/],
		['ALTER TABLE region RENAME TO r2', 'write', /ALTER/],
		['TRUNCATE indicator', 'write', /TRUNCATE/],
		['BEGIN TRANSACTION', 'write', /BEGIN/],
		['CALL pragma_version()', 'write', /CALL/],
		['WITH t AS (SELECT 1) DELETE FROM indicator', 'write', /WITH/],
		['EXPLAIN ANALYZE CREATE TABLE y AS SELECT 1', 'write', /EXPLAIN/],
		['INSTALL spatial', 'extension', /extensions/],
		['LOAD parquet', 'extension', /extensions/],
		[`ATTACH 'x.duckdb'`, 'database', /attach/],
		['CHECKPOINT', 'database', /checkpoint/],
		['SET threads = 1', 'settings', /settings/],
		['RESET memory_limit', 'settings', /settings/],
		['PRAGMA enable_profiling', 'settings', /settings/],
		['PRAGMA threads = 2', 'settings', /settings/],
		[`COPY indicator TO 'x.csv'`, 'files', /files/],
		[`COPY region FROM 'x.csv'`, 'write', /COPY/],
		[`SELECT * FROM read_parquet('x.parquet')`, 'files', /files/],
		[`SELECT * FROM 'x.csv'`, 'files', /files/]
	])('%s → refused (%s)', (sql, reason, en) => {
		const v = judgeReadOnly(sql, LOADED);
		expect(v).toMatchObject({ ok: false, reason });
		if (!v.ok) {
			expect(v.en).toMatch(en);
			expect(v.zh).toMatch(/[\u4e00-\u9fff]/);
		}
	});
});

describe('limitRows', () => {
	it('asks for one row more than allowed, and a trailing line comment stays inside', () => {
		expect(limitRows('SELECT 1 -- note', 10)).toBe('SELECT * FROM (\nSELECT 1 -- note\n) LIMIT 11');
	});

	it('refuses a limit that is not a count', () => {
		expect(() => limitRows('SELECT 1', -1)).toThrow(RangeError);
		expect(() => limitRows('SELECT 1', 1.5)).toThrow(RangeError);
	});
});
