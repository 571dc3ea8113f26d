/**
 * The worker connector in real Chromium: a real module worker running duckdb-wasm's blocking
 * build from the bundled wasm, spoken to only through the `Connector` interface.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { openWorkerConnector, startPhases, type WorkerConnector } from './worker-connector';
import { QueryCancelled } from './connector';

let db: WorkerConnector;
beforeAll(async () => {
	db = await openWorkerConnector();
});
afterAll(async () => {
	await db?.close().catch(() => {});
});

describe('openWorkerConnector', () => {
	it('starts the engine and reports its start-up moments in order', () => {
		expect(db.info.version).toMatch(/^v\d+\.\d+/);
		const t = db.timings;
		const order = [
			t.workerCreated,
			t.workerStart,
			t.startBegun,
			t.wasmResponse,
			t.wasmCompiled,
			t.wasmInstantiated,
			t.instantiated,
			t.opened,
			t.connected,
			t.ready,
			t.readyOnMain
		];
		for (const v of order) expect(v).toBeGreaterThan(0);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
		expect(t.engineLoaded).toBeLessThanOrEqual(t.instantiated);
		const phases = startPhases(t);
		for (const v of Object.values(phases)) expect(v).toBeGreaterThanOrEqual(0);
		expect(phases.total).toBeGreaterThanOrEqual(phases.link + phases.open);
	});

	it('answers SELECT 42', async () => {
		const t = await db.query('SELECT 42 AS answer');
		expect(t.numRows).toBe(1);
		expect(t.getChild('answer')?.get(0)).toBe(42);
	});

	it('stops a long query when its signal aborts, and answers the next one', async () => {
		const ac = new AbortController();
		const long = db.query('SELECT sum(i * i) FROM range(5000000000) t(i)', [], {
			signal: ac.signal
		});
		setTimeout(() => ac.abort(), 300);
		await expect(long).rejects.toBeInstanceOf(QueryCancelled);
		const t = await db.query('SELECT 42 AS answer');
		expect(t.getChild('answer')?.get(0)).toBe(42);
	});

	it('drops a cancellable query cancelled while it still waits its turn', async () => {
		const ac = new AbortController();
		const first = db.query('SELECT count(*) AS n FROM range(20000000)');
		const second = db.query('SELECT 1 AS one', [], { signal: ac.signal });
		ac.abort();
		await expect(second).rejects.toBeInstanceOf(QueryCancelled);
		expect(Number((await first).getChild('n')?.get(0))).toBe(20000000);
	});

	it('binds parameters to ? and to $1', async () => {
		const a = await db.query('SELECT ? + 1 AS n, ? AS s', [41, '村']);
		expect(a.getChild('n')?.get(0)).toBe(42);
		expect(a.getChild('s')?.get(0)).toBe('村');
		const b = await db.query('SELECT $1 * 2 AS n, $2 IS NULL AS missing', [21, null]);
		expect(b.getChild('n')?.get(0)).toBe(42);
		expect(b.getChild('missing')?.get(0)).toBe(true);
	});

	it('creates a table from an Arrow IPC stream, and replaces it', async () => {
		const ipc = tableToIPC(
			tableFromArrays({ code: ['a', 'b', 'c'], value: Float64Array.from([1.5, 2, 4]) }),
			'stream'
		);
		await db.insertArrow('sample', ipc);
		expect(ipc.byteLength).toBeGreaterThan(0); // the caller's bytes are not taken from it
		const t = await db.query(
			'SELECT count(*) AS n, sum(value) AS total FROM sample WHERE code <> ?',
			['c']
		);
		expect(t.getChild('n')?.get(0)).toBe(2); // BIGINT arrives as a number (castBigIntToDouble)
		expect(t.getChild('total')?.get(0)).toBe(3.5);
		await db.insertArrow(
			'sample',
			tableToIPC(tableFromArrays({ x: Int32Array.from([7]) }), 'stream')
		);
		const r = await db.query('SELECT * FROM sample');
		expect(r.schema.fields.map((f) => f.name)).toEqual(['x']);
	});

	it("rejects with DuckDB's own message on an SQL error, and keeps working", async () => {
		await expect(db.query('SELECT * FROM no_such_table')).rejects.toThrow(
			/Catalog Error: Table with name no_such_table does not exist/
		);
		await expect(db.query('SELEC 1')).rejects.toThrow(/Parser Error/);
		const t = await db.query('SELECT 1 AS one');
		expect(t.getChild('one')?.get(0)).toBe(1);
	});

	it('keeps extensions offline', async () => {
		await expect(db.query("SELECT * FROM read_parquet('x.parquet')")).rejects.toThrow(/parquet/i);
		const r = await db.ping();
		expect(r.version).toBe(db.info.version);
	});

	it('answers the same with all wasm exports linked, as duckdb-wasm does by default', async () => {
		const full = await openWorkerConnector({ linkAllExports: true });
		try {
			const sql = `SELECT list_sum([1, 2, 3]) AS l, regexp_matches('村情', '情') AS r,
				1.5::DECIMAL(10, 2) AS d, {'a': 1} AS s, strftime(DATE '2020-01-02', '%Y') AS y`;
			const [a, b] = await Promise.all([db.query(sql), full.query(sql)]);
			expect(JSON.stringify(a.toArray())).toBe(JSON.stringify(b.toArray()));
			const bad = 'SELECT CAST(? AS INTEGER)';
			await expect(full.query(bad, ['x'])).rejects.toThrow(/Conversion Error/);
			await expect(db.query(bad, ['x'])).rejects.toThrow(/Conversion Error/);
		} finally {
			await full.close();
		}
	});

	it('runs the mvp build (for browsers without wasm exceptions) the same way', async () => {
		const mvp = await openWorkerConnector({ bundle: 'mvp' });
		try {
			expect(mvp.info).toEqual({ version: db.info.version, bundle: 'mvp' });
			const t = await mvp.query('SELECT ? * 2 AS n', [21]);
			expect(t.getChild('n')?.get(0)).toBe(42);
			// Its C++ exceptions go through JavaScript: each must still come back as DuckDB's text.
			await expect(mvp.query('SELECT * FROM no_such_table')).rejects.toThrow(/Catalog Error/);
			await expect(mvp.query('SELECT CAST(? AS INTEGER)', ['x'])).rejects.toThrow(
				/Conversion Error/
			);
			await expect(mvp.query('SELEC 1')).rejects.toThrow(/Parser Error/);
			await expect(mvp.query("SELECT error('boom')")).rejects.toThrow(/boom/);
			await expect(mvp.query("SELECT * FROM read_parquet('x.parquet')")).rejects.toThrow(/parquet/);
			const after = await mvp.query('SELECT 1 AS one');
			expect(after.getChild('one')?.get(0)).toBe(1);
		} finally {
			await mvp.close();
		}
	});

	it('fails quickly and plainly when the wasm file is missing', async () => {
		const t0 = performance.now();
		await expect(
			openWorkerConnector({ wasmUrl: '/no-such-dir/duckdb-eh.wasm', startTimeoutMs: 20_000 })
		).rejects.toThrow(/duckdb-eh\.wasm: HTTP 404/);
		expect(performance.now() - t0).toBeLessThan(10_000);
	});

	it('close() terminates the worker, and later calls are refused', async () => {
		const other = await openWorkerConnector();
		const terminate = vi.spyOn(Worker.prototype, 'terminate');
		try {
			await other.close();
			expect(terminate).toHaveBeenCalledTimes(1);
		} finally {
			terminate.mockRestore();
		}
		await expect(other.query('SELECT 1')).rejects.toThrow(/closed/);
		await expect(other.close()).resolves.toBeUndefined();
	});
});
