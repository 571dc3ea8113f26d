/**
 * The server mode end to end in one process: native DuckDB loaded with 紫阳县 by the app's
 * loader, `startEngineServer` on a free port of 127.0.0.1, and the browser's `http-connector`
 * talking to it (`engine-server-fixture.ts`). Named queries come back as they do from the engine
 * itself; an answer over the row limit and a query past the time limit end with their own
 * message; only this machine is served. Refusals: `engine-server-refusals.test.ts`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { QueryCancelled } from '$lib/data/connector';
import { queryIndicatorValues } from '$lib/data/queries/indicator-values';
import { queryPlanner, RULE_PRESETS } from '$lib/data/queries/planner-rules';
import { queryKpis } from '$lib/data/queries/kpis';
import type { EngineServer } from '../../scripts/engine-server';
import { valueDifference } from './engine-parity-compare';
import { count, failureOf, openEngineServers, type EngineServers } from './engine-server-fixture';

let s: EngineServers;
beforeAll(async () => {
	s = await openEngineServers();
});
afterAll(async () => {
	await s?.close();
});

describe('answers', () => {
	it('named queries through HTTP equal the engine’s own answers', async () => {
		const meta = { key: 'collective_income', kind: 'amount', default_classes: '[]' } as const;
		for (const level of ['village', 'township', 'county'] as const) {
			const req = { key: meta.key, year: 2020, level };
			const [got, want] = await Promise.all([
				queryIndicatorValues(s.http, meta, req),
				queryIndicatorValues(s.db, meta, req)
			]);
			expect(valueDifference(got, want), level).toBeNull();
		}
		// The planner's SQL opens with a comment and orders its rows: both survive the row limit.
		const plan = {
			year: 2023,
			rules: RULE_PRESETS.map((p) => ({ id: p.id })),
			combine: 'or' as const
		};
		const [got, want] = await Promise.all([queryPlanner(s.http, plan), queryPlanner(s.db, plan)]);
		expect(got.rows.length).toBeGreaterThan(100);
		expect(valueDifference(got, want)).toBeNull();
		expect(valueDifference(await queryKpis(s.http, 2020), await queryKpis(s.db, 2020))).toBeNull();
	});

	it('binds parameters in order and reads DESCRIBE, SHOW, SUMMARIZE and PRAGMA table_info', async () => {
		const t = await s.http.query('SELECT ? AS a, ? AS b, ? AS c', [1.5, '紫阳', null]);
		expect(t.toArray()[0]?.toJSON()).toEqual({ a: 1.5, b: '紫阳', c: null });
		expect((await s.http.query('DESCRIBE indicator')).numRows).toBe(5);
		expect((await s.http.query('SHOW TABLES')).numRows).toBeGreaterThan(5);
		expect((await s.http.query('SUMMARIZE region')).numRows).toBe(5);
		expect((await s.http.query(`PRAGMA table_info('site')`)).numRows).toBe(15);
	});

	it('says what it holds', async () => {
		const info = await s.http.info();
		expect(info).toMatchObject({
			region: '610924',
			name: '紫阳县',
			maxRows: 100_000,
			timeoutMs: 10_000
		});
		expect(info.engine).toMatch(/^duckdb v1\.5/);
		expect(info.tables).toEqual(
			expect.arrayContaining(['indicator', 'region', 'v_village', 'dist_km'])
		);
	});
});

describe('limits', () => {
	it('an answer over the row limit is refused with the limit in the message', async () => {
		expect((await s.tightHttp.query('SELECT * FROM region ORDER BY code LIMIT 20')).numRows).toBe(
			20
		);
		const e = await failureOf(s.tightHttp, 'SELECT * FROM region');
		expect([e.status, e.reason]).toEqual([422, 'rows']);
		expect(e.message).toMatch(/more than 20 rows/);
		// Not wrapped, still counted: DESCRIBE of a wide view has a row per column.
		const wide = await failureOf(s.tightHttp, 'DESCRIBE v_party');
		expect(wide.reason).toBe('rows');
	});

	it('a slow query is interrupted at the time limit, and the server goes on', async () => {
		const started = performance.now();
		const e = await failureOf(s.tightHttp, 'SELECT count(*) FROM range(100000000) a, range(100) b');
		expect([e.status, e.reason]).toEqual([408, 'timeout']);
		expect(e.message).toMatch(/limit of 200 ms and was interrupted/);
		expect(performance.now() - started).toBeLessThan(5_000);
		expect(await count(s.tightHttp, 'SELECT 42')).toBe(42);
	});

	it('an aborted query is cancelled and interrupted on the server', async () => {
		const stop = new AbortController();
		const slow = s.http.query('SELECT count(*) FROM range(100000000) a, range(100) b', [], {
			signal: stop.signal
		});
		setTimeout(() => stop.abort(), 100);
		await expect(slow).rejects.toBeInstanceOf(QueryCancelled);
		const started = performance.now();
		expect(await count(s.http, 'SELECT 7')).toBe(7);
		expect(performance.now() - started).toBeLessThan(5_000);
	});
});

describe('who is served', () => {
	/** A raw request, so the test controls Host and Content-Type. */
	function raw(to: EngineServer, method: string, headers: Record<string, string>, body = '') {
		return new Promise<{ status: number; json: Record<string, string> }>((resolve, reject) => {
			const req = request(
				{ host: to.host, port: to.port, path: '/query', method, headers },
				(res) => {
					let text = '';
					res.on('data', (c: Buffer) => (text += c.toString()));
					res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
				}
			);
			req.on('error', reject);
			req.end(body);
		});
	}
	const json = { 'Content-Type': 'application/json' };

	it('listens on 127.0.0.1 by default and answers only requests addressed to this machine', async () => {
		expect(s.server.host).toBe('127.0.0.1');
		const rebound = await raw(
			s.server,
			'POST',
			{ ...json, Host: 'evil.example:8788' },
			'{"sql":"SELECT 1"}'
		);
		expect(rebound.status).toBe(403);
		expect(rebound.json.error_en).toMatch(/this machine only/);
	});

	it('wants JSON, POST and a statement', async () => {
		expect((await raw(s.server, 'POST', { 'Content-Type': 'text/plain' }, 'SELECT 1')).status).toBe(
			415
		);
		expect((await raw(s.server, 'POST', json, '{not json')).status).toBe(400);
		const noSql = await raw(s.server, 'POST', json, '{"params": []}');
		expect([noSql.status, noSql.json.reason]).toEqual([400, 'request']);
		expect((await raw(s.server, 'GET', {})).status).toBe(405);
		const engineError = await failureOf(s.http, 'SELECT * FROM no_such_table');
		expect([engineError.status, engineError.reason]).toEqual([400, 'sql']);
		expect(engineError.message).toMatch(/no_such_table/);
	});
});
