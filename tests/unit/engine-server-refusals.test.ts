/**
 * The server mode refuses what is not a read, with a message saying why, and nothing changes:
 * writes to the loaded tables, new tables, extensions, files, other databases, settings, calls,
 * several statements at once, and EXPLAIN ANALYZE of a write. The engine is the one
 * `npm run serve:engine` runs (settings locked), reached through the browser's http-connector.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { count, failureOf, openEngineServers, type EngineServers } from './engine-server-fixture';

let s: EngineServers;
beforeAll(async () => {
	s = await openEngineServers();
});
afterAll(async () => {
	await s?.close();
});

describe('refusals', () => {
	const file = path.join(tmpdir(), `va-engine-${process.pid}.csv`);
	const cases: [string, RegExp][] = [
		['DELETE FROM indicator', /read-only.*DELETE statement was not run/],
		['CREATE TABLE x AS SELECT 1', /read-only.*CREATE statement/],
		['INSTALL spatial', /does not install or load DuckDB extensions/],
		[`COPY indicator TO '${file}'`, /neither reads nor writes files/],
		[`UPDATE region SET name = 'x'`, /read-only.*UPDATE/],
		['DROP VIEW v_village', /read-only.*DROP/],
		[`ATTACH '/tmp/other.duckdb'`, /cannot attach/],
		['SET autoinstall_known_extensions = true', /settings cannot be changed/],
		[`CALL pragma_version()`, /read-only.*CALL/],
		[`SELECT * FROM read_csv('/etc/passwd')`, /neither reads nor writes files/],
		['SELECT 1; DELETE FROM indicator', /one statement at a time/],
		['EXPLAIN ANALYZE CREATE TABLE y AS SELECT 1', /read-only/]
	];

	it.each(cases)('%s → refused, with a message saying why', async (sql, message) => {
		const before = await count(s.db, 'SELECT count(*) FROM indicator');
		const e = await failureOf(s.http, sql);
		expect([e.status, e.reason]).toEqual([403, 'refused']);
		expect(e.message).toMatch(message);
		expect(e.zh).toMatch(/[\u4e00-\u9fff]/);
		expect(await count(s.db, 'SELECT count(*) FROM indicator')).toBe(before);
	});

	it('left the data as it was', async () => {
		const names = (await s.db.query('SHOW TABLES')).toArray().map((r) => String(r.name));
		expect(names).not.toContain('x');
		expect(names).toContain('v_village');
		expect(await count(s.db, 'SELECT count(*) FROM indicator')).toBe(81_870);
		expect(existsSync(file)).toBe(false);
	});

	it('insertArrow is refused in the browser, before any request', async () => {
		await expect(s.http.insertArrow('t', new Uint8Array())).rejects.toThrow(/server holds/);
	});
});
