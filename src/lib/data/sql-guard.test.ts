import { describe, expect, it } from 'vitest';
import {
	checkStatement,
	errorPosition,
	guardMessage,
	splitStatements,
	statementAt,
	type GuardReason
} from './sql-guard';

const PROTECTED = new Set(['region', 'boundary', 'site', 'indicator', 'v_village', 'dist_km']);
const check = (sql: string) => checkStatement(sql, PROTECTED);

describe('splitStatements', () => {
	it.each([
		['SELECT 1; SELECT 2', ['SELECT 1', 'SELECT 2']],
		['SELECT 1;\n\n-- the next one\nSELECT 2;\n', ['SELECT 1', 'SELECT 2']],
		["SELECT 'a;b'; SELECT 2", ["SELECT 'a;b'", 'SELECT 2']],
		["SELECT 'it''s; here'", ["SELECT 'it''s; here'"]],
		['SELECT "a;""b" FROM t; SELECT 2', ['SELECT "a;""b" FROM t', 'SELECT 2']],
		["SELECT E'a\\';b'; SELECT 2", ["SELECT E'a\\';b'", 'SELECT 2']],
		["SELECT 'a\\'; SELECT 2", ["SELECT 'a\\'", 'SELECT 2']],
		['SELECT $$a;b$$; SELECT 2', ['SELECT $$a;b$$', 'SELECT 2']],
		['SELECT $fn$ a $$;$$ b $fn$; SELECT 2', ['SELECT $fn$ a $$;$$ b $fn$', 'SELECT 2']],
		['SELECT $1; SELECT 2', ['SELECT $1', 'SELECT 2']],
		['SELECT 1 -- not here; no\n; SELECT 2', ['SELECT 1', 'SELECT 2']],
		[
			'SELECT 1 /* a; /* b; */ c; */ + 1; SELECT 2',
			['SELECT 1 /* a; /* b; */ c; */ + 1', 'SELECT 2']
		],
		["SELECT 'unterminated; SELECT 2", ["SELECT 'unterminated; SELECT 2"]],
		['SELECT 1 /* unterminated; SELECT 2', ['SELECT 1']],
		['SELECT 名称 FROM 村;SELECT 2', ['SELECT 名称 FROM 村', 'SELECT 2']]
	])('splits %j on the semicolons outside strings, names and comments', (sql, texts) => {
		expect(splitStatements(sql).map((s) => s.text)).toEqual(texts);
	});

	it.each([[''], ['  \n '], [';;  ;'], ['-- only a comment\n/* and another */;']])(
		'drops empty statements: %j has none',
		(sql) => {
			expect(splitStatements(sql)).toEqual([]);
		}
	);

	it('gives offsets into the original text, from the first token to the last', () => {
		const sql = '  -- lead\n  SELECT 1 ;\n/* x */ SELECT 2';
		const statements = splitStatements(sql);
		expect(statements).toEqual([
			{ text: 'SELECT 1', from: 12, to: 20 },
			{ text: 'SELECT 2', from: 31, to: 39 }
		]);
		for (const s of statements) expect(sql.slice(s.from, s.to)).toBe(s.text);
	});
});

describe('statementAt', () => {
	// `|` marks the cursor.
	it.each([
		['|SELECT 1; SELECT 2', 'SELECT 1'],
		['SEL|ECT 1; SELECT 2', 'SELECT 1'],
		['SELECT 1|; SELECT 2', 'SELECT 1'],
		['SELECT 1;|', 'SELECT 1'],
		['SELECT 1;   |\nSELECT 2', 'SELECT 1'],
		['SELECT 1;| SELECT 2', 'SELECT 1'],
		['SELECT 1; |SELECT 2', 'SELECT 2'],
		['SELECT 1;\n|\nSELECT 2', 'SELECT 1'],
		['SELECT 1;\n\n|SELECT 2', 'SELECT 2'],
		['SELECT 1;\n-- about two |\nSELECT 2', 'SELECT 1'],
		['SELECT 1;\nSELECT 2|', 'SELECT 2'],
		['SELECT 1;\nSELECT 2;\n\n|', 'SELECT 2'],
		['  |  SELECT 1', 'SELECT 1'],
		["SELECT ';|'; SELECT 2", "SELECT ';'"]
	])('in %j runs %j', (marked, expected) => {
		const cursor = marked.indexOf('|');
		const sql = marked.replace('|', '');
		expect(statementAt(sql, cursor)?.text).toBe(expected);
	});

	it.each([[''], ['-- only a comment'], ['  ;  ']])('finds nothing to run in %j', (sql) => {
		expect(statementAt(sql, sql.length)).toBeNull();
	});

	it('returns the offsets of the statement, for highlighting', () => {
		expect(statementAt('SELECT 1;\nSELECT 2', 12)).toEqual({ text: 'SELECT 2', from: 10, to: 18 });
	});
});

describe('checkStatement lets reads run', () => {
	it.each([
		'SELECT * FROM region',
		'select count(*) from v_village where level = 1',
		"SELECT 'DROP TABLE region'",
		'SELECT * FROM region -- drop table region',
		'SELECT * FROM region /* ; DELETE FROM region */',
		'SELECT $$; DROP TABLE region$$',
		'WITH t AS (SELECT code FROM region) SELECT * FROM t',
		'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3) SELECT * FROM t',
		'WITH a AS MATERIALIZED (SELECT 1), b AS NOT MATERIALIZED (SELECT 2) FROM a, b',
		'FROM region SELECT code',
		'FROM region',
		'VALUES (1, 2), (3, 4)',
		'TABLE region',
		'(SELECT 1) UNION ALL (SELECT 2)',
		'EXPLAIN SELECT * FROM region',
		'EXPLAIN ANALYZE SELECT * FROM region',
		'EXPLAIN (FORMAT json) SELECT 1',
		'EXPLAIN DELETE FROM region',
		'DESCRIBE region',
		'DESCRIBE SELECT 1',
		'SHOW TABLES',
		'SHOW ALL TABLES',
		'SUMMARIZE region',
		'PIVOT region ON level USING count(*)',
		"PRAGMA table_info('region')",
		'PRAGMA show_tables',
		'pragma database_size',
		'PRAGMA version',
		"CALL pragma_table_info('region')",
		'CALL duckdb_settings()',
		'call main.duckdb_tables()',
		'SELECT * FROM "read_parquet"',
		'SELECT read_parquet FROM mine',
		"SELECT extract(year FROM '2020-01-02'::DATE)",
		"SELECT trim(both 'x' FROM 'xax'), substring('abc' FROM 2)",
		"SELECT * FROM region WHERE name IN ('a', 'b')",
		"SELECT code, 'x' FROM region WHERE name = 'y' ORDER BY 1, 'z'",
		'SELECT dist_km(lon, lat, 108.9, 32.7) FROM site',
		'SELECT * FROM region; SELECT * FROM site;'
	])('%s', (sql) => {
		expect(check(sql)).toEqual({ ok: true, kind: 'read' });
	});
});

describe('checkStatement lets writes to the analyst’s own names run', () => {
	it.each([
		'CREATE TEMP TABLE mine AS SELECT * FROM region',
		'create or replace temp view my_view as select 1',
		'CREATE TABLE notes (id INTEGER, text VARCHAR)',
		'CREATE TABLE IF NOT EXISTS mine AS FROM region',
		'CREATE MACRO double_it(x) AS x * 2',
		'CREATE INDEX idx ON mine (code)',
		'CREATE SCHEMA scratch',
		'INSERT INTO mine SELECT * FROM region',
		'INSERT OR REPLACE INTO mine VALUES (1)',
		"UPDATE mine SET name = 'x' WHERE code = '1'",
		'UPDATE extensions SET x = 1',
		'DELETE FROM mine',
		'TRUNCATE mine',
		'DROP TABLE IF EXISTS mine',
		'DROP VIEW my_view',
		'DROP MACRO TABLE my_macro',
		'ALTER TABLE mine RENAME TO mine2',
		'ALTER TABLE mine ADD COLUMN region VARCHAR',
		'ALTER TABLE mine RENAME COLUMN a TO region',
		'MERGE INTO mine USING region ON mine.code = region.code WHEN MATCHED THEN DELETE',
		'WITH t AS (SELECT 1) INSERT INTO mine SELECT * FROM t',
		'EXPLAIN ANALYZE INSERT INTO mine SELECT 1',
		'BEGIN TRANSACTION',
		'BEGIN',
		'COMMIT',
		'ROLLBACK',
		'SELECT 1; CREATE TEMP TABLE t AS SELECT 1'
	])('%s', (sql) => {
		expect(check(sql)).toEqual({ ok: true, kind: 'write' });
	});
});

describe('checkStatement protects the loaded tables, views and macros', () => {
	it.each([
		['DROP TABLE region', 'region'],
		['DROP TABLE IF EXISTS region', 'region'],
		['drop view v_village', 'v_village'],
		['DROP TABLE main.region', 'region'],
		['DROP TABLE "Region"', 'region'],
		['DROP TABLE mine, region', 'region'],
		['create or replace temp view v_village as select 1', 'v_village'],
		['CREATE TEMP TABLE region AS SELECT 1', 'region'],
		['CREATE TABLE temp.region AS SELECT 1', 'region'],
		['CREATE TABLE IF NOT EXISTS memory.main.site (x INT)', 'site'],
		['CREATE OR REPLACE MACRO dist_km(a, b, c, d) AS 0', 'dist_km'],
		['CREATE INDEX idx ON region (code)', 'region'],
		['CREATE UNIQUE INDEX idx ON "REGION"(code)', 'region'],
		['CREATE INDEX ON boundary (code)', 'boundary'],
		['INSERT INTO region VALUES (1)', 'region'],
		['INSERT OR IGNORE INTO main."region" SELECT * FROM mine', 'region'],
		['UPDATE region SET name = NULL', 'region'],
		['DELETE FROM indicator WHERE true', 'indicator'],
		['TRUNCATE TABLE region', 'region'],
		['ALTER TABLE region ADD COLUMN x INT', 'region'],
		['ALTER TABLE mine RENAME TO region', 'region'],
		['ALTER VIEW IF EXISTS v_village RENAME TO v2', 'v_village'],
		["COPY region FROM 'x.csv'", 'region'],
		['MERGE INTO site USING mine ON site.id = mine.id WHEN MATCHED THEN DELETE', 'site'],
		['WITH t AS (SELECT 1) INSERT INTO region SELECT * FROM t', 'region'],
		['EXPLAIN ANALYZE DELETE FROM region', 'region'],
		['SELECT 1; DROP TABLE region', 'region'],
		["CREATE TABLE region AS SELECT * FROM read_parquet('x')", 'region']
	])('%s', (sql, name) => {
		expect(check(sql)).toEqual({ ok: false, reason: 'protected', name });
	});

	it('names the table as the app spells it, whatever the statement wrote', () => {
		expect(checkStatement('drop table "REGION"', new Set(['Region']))).toEqual({
			ok: false,
			reason: 'protected',
			name: 'Region'
		});
	});
});

describe('checkStatement refuses what the offline console cannot or must not do', () => {
	it.each<[string, GuardReason]>([
		['INSTALL spatial', 'extension'],
		['install spatial from community', 'extension'],
		['LOAD spatial', 'extension'],
		["LOAD 'x.duckdb_extension'", 'extension'],
		['FORCE INSTALL httpfs', 'extension'],
		['UPDATE EXTENSIONS', 'extension'],
		['UPDATE EXTENSIONS (spatial)', 'extension'],
		["ATTACH 'x.db' AS x", 'database'],
		['DETACH x', 'database'],
		['USE x', 'database'],
		["EXPORT DATABASE 'dir'", 'database'],
		["IMPORT DATABASE 'dir'", 'database'],
		['CHECKPOINT', 'database'],
		['FORCE CHECKPOINT', 'database'],
		['COPY FROM DATABASE memory TO other', 'database'],
		['SET autoinstall_known_extensions = true', 'settings'],
		['set autoload_known_extensions=1', 'settings'],
		['SET VARIABLE x = 1', 'settings'],
		['RESET ALL', 'settings'],
		['PRAGMA enable_profiling', 'settings'],
		["PRAGMA memory_limit = '1GB'", 'settings'],
		['PRAGMA show_tables = 1', 'settings'],
		["SeLeCt read_parquet('x')", 'files'],
		["SELECT * FROM read_csv_auto('a.csv')", 'files'],
		["SELECT * FROM read_json('a.json')", 'files'],
		["FROM read_ndjson_objects('x')", 'files'],
		["SELECT * FROM parquet_scan('x')", 'files'],
		["SELECT * FROM parquet_metadata('x')", 'files'],
		["SELECT * FROM glob('*')", 'files'],
		["SELECT * FROM sniff_csv('x')", 'files'],
		["SELECT * FROM st_read('x.shp')", 'files'],
		["SELECT * FROM iceberg_scan('x')", 'files'],
		["SELECT * FROM delta_scan('x')", 'files'],
		["SELECT read_text('x'), read_blob('y')", 'files'],
		['SELECT "read_parquet"(\'x\')', 'files'],
		["SELECT * FROM main.read_parquet('x')", 'files'],
		["SELECT * FROM 'x.parquet'", 'files'],
		["FROM 'x.csv'", 'files'],
		["SELECT * FROM region JOIN 'x.csv' USING (code)", 'files'],
		["SELECT * FROM region, 'y.csv'", 'files'],
		['SELECT * FROM "x.csv"', 'files'],
		["DESCRIBE 'x.csv'", 'files'],
		["SUMMARIZE 'x.parquet'", 'files'],
		["COPY region TO 'out.csv'", 'files'],
		["COPY (SELECT 1) TO 'out.parquet' (FORMAT parquet)", 'files'],
		["COPY mine FROM 'x.csv'", 'files'],
		["CREATE TABLE mine AS SELECT * FROM read_parquet('x')", 'files'],
		["WITH t AS (SELECT * FROM 'x.parquet') SELECT * FROM t", 'files'],
		["SELECT * FROM region WHERE code IN (SELECT code FROM 'x.csv')", 'files'],
		["EXPLAIN SELECT * FROM read_parquet('x')", 'files'],
		["CALL read_csv('x')", 'files'],
		['', 'unknown'],
		['-- nothing but a comment', 'unknown'],
		['VACUUM', 'unknown'],
		['ANALYZE', 'unknown'],
		['CREATE SECRET (TYPE s3)', 'unknown'],
		['DROP SECRET s', 'unknown'],
		["COMMENT ON TABLE mine IS 'x'", 'unknown'],
		['CALL dbgen(sf = 1)', 'unknown'],
		['PREPARE p AS SELECT 1', 'unknown'],
		['GRANT SELECT ON region TO someone', 'unknown'],
		['DELETE region', 'unknown'],
		['EXPLAIN VACUUM', 'unknown'],
		['SELECT 1; INSTALL spatial', 'extension']
	])('%s → %s', (sql, reason) => {
		expect(check(sql)).toEqual({ ok: false, reason });
	});
});

describe('guardMessage', () => {
	const REASONS: GuardReason[] = [
		'protected',
		'extension',
		'database',
		'settings',
		'files',
		'unknown'
	];

	it.each([
		['extension', '离线版本不能安装或加载 DuckDB 扩展；空间函数已内置，见帮助。'],
		['files', '控制台不能读写文件（read_parquet、COPY 等需要网络或扩展）；请用「导入」把数据加入。']
	] as const)('says in Chinese why %s is refused', (reason, text) => {
		expect(guardMessage(reason, undefined, 'zh')).toBe(text);
	});

	it.each(REASONS)('has a Chinese and an English message for %s', (reason) => {
		const zh = guardMessage(reason, 'region', 'zh');
		const en = guardMessage(reason, 'region', 'en');
		expect(zh).toMatch(/[\u4e00-\u9fff]/);
		expect(en).not.toMatch(/[\u4e00-\u9fff]/);
		expect(en).toMatch(/^[A-Z“]/);
	});

	it('puts the protected name in as plain text', () => {
		expect(guardMessage('protected', 'region', 'zh')).toMatch(/^「region」是已加载的数据表/);
		expect(guardMessage('protected', '<b>村</b>', 'zh')).toContain('「<b>村</b>」');
		expect(guardMessage('protected', 'v_village', 'en')).toContain('“v_village”');
		expect(guardMessage('protected', undefined, 'en')).toContain('this name');
	});
});

describe('errorPosition', () => {
	it('reads the caret under a DuckDB parser error', () => {
		const message =
			'Parser Error: syntax error at or near "FORM"\n\nLINE 1: SELECT * FORM region\n                 ^';
		expect(errorPosition(message)).toEqual({ line: 1, column: 10 });
	});

	// Messages as DuckDB 1.4.3 (duckdb-wasm 1.32) gives them for the statement beside each.
	it.each([
		[
			'the first of two repeated carets',
			'Parser Error: syntax error at or near "region"\n\nLINE 1: SELECT * FORM region\n                      ^\n\nLINE 1: SELECT * FORM region\n                      ^',
			'SELECT * FORM region',
			1,
			'region'
		],
		[
			'a caret on the second line',
			'Binder Error: Referenced column "nme" not found in FROM clause!\nCandidate bindings: "name", "code"\n\nLINE 2:   nme\n          ^',
			'SELECT code,\n  nme\nFROM region',
			2,
			'nme'
		],
		[
			'a line after CRLF',
			'Binder Error: Referenced column "nme" not found in FROM clause!\n\nLINE 2:   nme FROM region\n          ^',
			'SELECT 1,\r\n  nme FROM region',
			2,
			'nme'
		],
		[
			'Chinese characters two columns wide',
			'Binder Error: Referenced column "nme" not found in FROM clause!\n\nLINE 1: SELECT \'村村村村村村村村村村\' AS 名称, nme FROM region\n                                               ^',
			"SELECT '村村村村村村村村村村' AS 名称, nme FROM region",
			1,
			'nme'
		],
		[
			'an emoji two columns wide and two UTF-16 units long',
			'Binder Error: Referenced column "nme" not found in FROM clause!\n\nLINE 1: SELECT \'😀x\', nme FROM region\n                      ^',
			"SELECT '😀x', nme FROM region",
			1,
			'nme'
		],
		[
			'tabs, which DuckDB counts as no columns',
			'Binder Error: Referenced column "nme" not found in FROM clause!\n\nLINE 1: SELECT\t\'a\',\tnme FROM region\n                  ^',
			"SELECT\t'a',\tnme FROM region",
			1,
			'nme'
		],
		[
			'a long line cut at its end',
			"Binder Error: Referenced column \"nme\" not found in FROM clause!\n\nLINE 1: select * from region where code = 'x' and nme = 1 and code = 'y' and name = 'zzzzzzzzzzzzzzzzzzzzzzzz...\n                                                  ^",
			"select * from region where code = 'x' and nme = 1 and code = 'y' and name = '" +
				'z'.repeat(63) +
				"'",
			1,
			'nme'
		]
	])('reads %s', (_what, message, statement, line, token) => {
		for (const pos of [errorPosition(message, statement), errorPosition(message)]) {
			expect(pos?.line).toBe(line);
			const text = statement.split(/\r\n|\n/)[line - 1] ?? '';
			expect(text.slice((pos?.column ?? 0) - 1)).toMatch(new RegExp(`^${token}`));
		}
	});

	it.each([
		[
			'on the first line',
			'Binder Error: Referenced column "lvl" not found in FROM clause!\nCandidate bindings: "code"\n\nLINE 1: ..., name, code AS c2, name AS n2, code AS c3 FROM region WHERE lvl = \'village\'\n                                                                        ^',
			"SELECT code, name, code AS c2, name AS n2, code AS c3 FROM region WHERE lvl = 'village'",
			{ line: 1, column: 73 }
		],
		[
			'on a later line',
			'Binder Error: Referenced column "lvl" not found in FROM clause!\nCandidate bindings: "code"\n\nLINE 2: ... AS c2, name AS n2, code AS c3, name AS n3 FROM region WHERE lvl = 1\n                                                                        ^',
			'SELECT code,\n name, code AS c2, name AS n2, code AS c3, name AS n3 FROM region WHERE lvl = 1',
			{ line: 2, column: 73 }
		],
		[
			'among wide characters',
			'Binder Error: Referenced column "nme" not found in FROM clause!\n\nLINE 1: ...村村村村村村村村村村村村村村村村村村村村\' AS 名称称称称称, nme FROM region\n                                                                      ^',
			"SELECT '" + '村'.repeat(24) + "' AS 名称称称称称, nme FROM region",
			{ line: 1, column: 46 }
		]
	])(
		'finds a line cut at its start %s only in the statement that ran',
		(_w, message, statement, pos) => {
			expect(errorPosition(message, statement)).toEqual(pos);
			expect(errorPosition(message)).toBeNull();
		}
	);

	it.each([
		['Parser Error: syntax error at end of input'],
		['IO Error: No files found that match the pattern "x.csv"'],
		['Catalog Error: Table with name x does not exist!\nLINE 1: SELECT * FROM x'],
		['']
	])('is null without a LINE and caret: %j', (message) => {
		expect(errorPosition(message)).toBeNull();
	});
});
