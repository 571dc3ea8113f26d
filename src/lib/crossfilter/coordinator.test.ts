/**
 * The coordinator on the real engine (duckdb-wasm's Node build): ordering, superseded answers,
 * errors, crossfilter wiring over the committed 紫阳县 dataset. Connectors here pass every query
 * through to that engine; at most they count calls or delay the answer like a worker would.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Table } from 'apache-arrow';
import type { Connector } from '$lib/data/connector';
import { sql, type SqlFragment } from '$lib/data/sql-fragment';
import { openNodeConnector } from '$lib/data/node-connector';
import { openRegion } from '../../../tests/unit/dataset-fixture';
import type { Client } from './client';
import { Coordinator, QueryError } from './coordinator';
import { Selection } from './selection';
import { filterToClause } from './filters';

const SLOW = 'SELECT ?::INTEGER AS year, count(*) AS n FROM range(5000000)';
const FAST = 'SELECT ?::INTEGER AS year';

/** A client whose question is "give me year N" (odd years ask slowly). */
class YearClient implements Client {
	year = 0;
	delivered: number[] = [];
	pending = 0;
	errors: Error[] = [];
	query(): SqlFragment | null {
		return { sql: this.year % 2 ? SLOW : FAST, params: [this.year] };
	}
	queryResult(t: Table): void {
		this.delivered.push(Number(t.getChild('year')?.get(0)));
	}
	queryPending(): void {
		this.pending++;
	}
	queryError(e: Error): void {
		this.errors.push(e);
	}
}

/** The real engine, with each statement recorded on its way through. */
function counting(db: Connector, log: unknown[][]): Connector {
	return {
		query: (text, params = []) => {
			log.push([...params]);
			return db.query(text, params);
		},
		insertArrow: (n, ipc) => db.insertArrow(n, ipc),
		close: () => db.close()
	};
}

/** The real engine answering after a pseudo-random delay, as a worker round trip would. */
function delayed(db: Connector, seed: number): Connector {
	let x = seed;
	const next = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648) * 8;
	return {
		query: async (text, params) => {
			const t = await db.query(text, params);
			await new Promise((r) => setTimeout(r, next()));
			return t;
		},
		insertArrow: (n, ipc) => db.insertArrow(n, ipc),
		close: () => db.close()
	};
}

let db: Connector;
beforeAll(async () => {
	db = await openNodeConnector();
});
afterAll(async () => {
	await db?.close();
});

describe('Coordinator: one question at a time, only the newest answer', () => {
	it('ten fast changes for one client deliver only the last answer', async () => {
		const ran: unknown[][] = [];
		const mc = new Coordinator(counting(db, ran));
		const c = new YearClient();
		for (let y = 2011; y <= 2020; y++) {
			c.year = y;
			void mc.requestQuery(c); // not awaited: the requests overlap
		}
		await mc.whenIdle();
		expect(c.delivered).toEqual([2020]);
		expect(c.errors).toEqual([]);
		expect(c.pending).toBe(10);
		// The first (slow) one had already started and its answer was dropped; 2012–2019 never ran.
		expect(ran).toEqual([[2011], [2020]]);
	});

	it('with answers arriving late, every delivered answer is to the newest request', async () => {
		const ran: unknown[][] = [];
		const mc = new Coordinator(counting(delayed(db, 7), ran));
		const c = new YearClient();
		const seen: { delivered: number; newest: number }[] = [];
		c.queryResult = (t) => {
			const year = Number(t.getChild('year')?.get(0));
			c.delivered.push(year);
			seen.push({ delivered: year, newest: c.year });
		};
		for (let y = 2001; y <= 2030; y++) {
			c.year = y;
			void mc.requestQuery(c);
			if (y % 3 === 0) await new Promise((r) => setTimeout(r, (y * 7) % 11));
		}
		await mc.whenIdle();
		expect(seen.length).toBeGreaterThan(0);
		expect(ran.length).toBeGreaterThan(seen.length); // some answers came back and were dropped
		for (const s of seen) expect(s.delivered).toBe(s.newest);
		expect(c.delivered.at(-1)).toBe(2030);
		expect([...c.delivered].sort()).toEqual(c.delivered);
	});

	it('an error in one client does not stop the queue', async () => {
		const logger = { error: vi.fn() };
		const mc = new Coordinator(db, { logger });
		const broken = new YearClient();
		broken.query = () => sql('SELECT * FROM no_such_table');
		const silent: Client = { query: () => sql('SELEC 1'), queryResult: vi.fn() };
		const throws: Client = {
			query: () => {
				throw new Error('cannot build my query');
			},
			queryResult: vi.fn()
		};
		const good = new YearClient();
		good.year = 2024;
		void mc.requestQuery(broken);
		void mc.requestQuery(silent);
		void mc.requestQuery(throws);
		void mc.requestQuery(good);
		const oneOff = mc.query(sql('SELECT * FROM also_missing'));
		const after = mc.query(sql('SELECT 42 AS answer'));
		await expect(oneOff).rejects.toBeInstanceOf(QueryError);
		expect(Number((await after).getChild('answer')?.get(0))).toBe(42);
		await mc.whenIdle();
		expect(broken.errors).toHaveLength(1);
		expect(broken.errors[0]).toBeInstanceOf(QueryError);
		expect((broken.errors[0] as QueryError).sql).toBe('SELECT * FROM no_such_table');
		expect(broken.errors[0]?.message).toMatch(/no_such_table/);
		expect(good.delivered).toEqual([2024]);
		expect(logger.error).toHaveBeenCalledTimes(2); // `silent` and `throws`, once each
		expect(silent.queryResult).not.toHaveBeenCalled();
		expect(throws.queryResult).not.toHaveBeenCalled();
	});

	it('a disconnected client gets no answer that was on its way', async () => {
		const mc = new Coordinator(delayed(db, 3));
		const c = new YearClient();
		c.year = 2019;
		const done = mc.connect(c);
		mc.disconnect(c);
		await done;
		await mc.whenIdle();
		expect(c.delivered).toEqual([]);
	});

	it('a null query runs nothing and supersedes what was asked before', async () => {
		const ran: unknown[][] = [];
		const mc = new Coordinator(counting(db, ran));
		const c = new YearClient();
		c.year = 2018;
		void mc.requestQuery(c);
		const plain = c.query.bind(c);
		c.query = () => null;
		void mc.requestQuery(c);
		await mc.whenIdle();
		expect(c.delivered).toEqual([]);
		c.query = plain;
		await mc.requestQuery(c);
		expect(c.delivered).toEqual([2018]);
	});

	it('answers the same SQL and parameters from its cache, until cleared', async () => {
		const ran: unknown[][] = [];
		const mc = new Coordinator(counting(db, ran), { cacheSize: 4 });
		const c = new YearClient();
		c.year = 2016;
		await mc.requestQuery(c);
		await mc.requestQuery(c);
		expect(c.delivered).toEqual([2016, 2016]);
		expect(ran).toHaveLength(1);
		mc.clearCache();
		await mc.requestQuery(c);
		expect(ran).toHaveLength(2);
		expect(c.delivered).toEqual([2016, 2016, 2016]);
	});
});

describe('Coordinator with selections, over the 紫阳县 dataset', () => {
	let region: Connector;
	beforeAll(async () => {
		({ db: region } = await openRegion('610924'));
	});
	afterAll(async () => {
		await region?.close();
	});

	/** Counts villages of `v_village` under its filter. */
	class CountClient implements Client {
		counts: number[] = [];
		constructor(readonly filterBy: Selection) {}
		query(filter: SqlFragment | null): SqlFragment {
			const where = filter ? ` WHERE ${filter.sql}` : '';
			return {
				sql: `SELECT count(*)::INTEGER AS n FROM v_village${where}`,
				params: filter?.params ?? []
			};
		}
		queryResult(t: Table): void {
			this.counts.push(Number(t.getChild('n')?.get(0)));
		}
	}

	const TOWNSHIPS = { field: 'township', op: 'in' as const, values: ['610924100', '610924101'] };
	const WEAK = { field: 'branch_status', op: 'in' as const, values: ['软弱涣散'] };

	it('crossfilter: the brushing client keeps its full count, the others are filtered', async () => {
		const s = Selection.crossfilter();
		const mc = new Coordinator(region);
		const towns = new CountClient(s);
		const status = new CountClient(s);
		await mc.connect(towns);
		await mc.connect(status);
		const all = towns.counts[0] as number;
		expect(all).toBeGreaterThan(0);
		expect(status.counts).toEqual([all]);
		const inTowns = Number(
			(
				await region.query(
					"SELECT count(*)::INTEGER AS n FROM v_village WHERE township_code IN ('610924100', '610924101')"
				)
			)
				.getChild('n')
				?.get(0)
		);
		s.update(filterToClause(TOWNSHIPS, 2020, towns));
		await mc.whenIdle();
		expect(towns.counts).toEqual([all]); // its own clause: not even re-queried
		expect(status.counts).toEqual([all, inTowns]);
		expect(inTowns).toBeGreaterThan(0);
		expect(inTowns).toBeLessThan(all);

		s.update(filterToClause(WEAK, 2020, status));
		await mc.whenIdle();
		expect(status.counts).toEqual([all, inTowns]);
		const weak = towns.counts.at(-1) as number;
		expect(weak).toBeGreaterThan(0);
		expect(weak).toBeLessThan(all);

		s.remove(towns);
		s.remove(status);
		await mc.whenIdle();
		expect(towns.counts.at(-1)).toBe(all);
		expect(status.counts.at(-1)).toBe(all);
	});

	it('intersect: every client is filtered by every clause, its own included', async () => {
		const s = Selection.intersect();
		const mc = new Coordinator(region);
		const towns = new CountClient(s);
		const status = new CountClient(s);
		await mc.connect(towns);
		await mc.connect(status);
		const all = towns.counts[0] as number;
		s.update(filterToClause(TOWNSHIPS, 2020, towns));
		s.update(filterToClause(WEAK, 2020, status));
		await mc.whenIdle();
		const both = await region.query(
			`SELECT count(*)::INTEGER AS n FROM v_village WHERE township_code IN ('610924100', '610924101')
			   AND code IN (SELECT code FROM indicator WHERE key = 'branch_status' AND year = 2020 AND text = '软弱涣散')`
		);
		const n = Number(both.getChild('n')?.get(0));
		expect(towns.counts.at(-1)).toBe(n);
		expect(status.counts.at(-1)).toBe(n);
		mc.disconnect(towns);
		s.clear();
		await mc.whenIdle();
		expect(n).toBeLessThan(all);
		expect(status.counts.at(-1)).toBe(all);
		expect(towns.counts.at(-1)).toBe(n); // disconnected: no longer follows the selection
	});
});
