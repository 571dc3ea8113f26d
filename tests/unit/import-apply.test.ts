/**
 * Imports applied to the real engine holding 紫阳县: values replaced and added, a new indicator in
 * the catalogue and its theme's wide view, a boundary replaced with its derived columns; and the
 * all-or-nothing promise, checked by refusals and by an engine error injected at every statement
 * of an import in turn, each time comparing the tables' checksums before and after; a column
 * headed with SQL (`"; DROP TABLE indicator; --`) is only ever a label, bound as a parameter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector, SqlParam } from '$lib/data/connector';
import type { IndicatorMeta, IndicatorRow } from '$lib/data/contract';
import {
	applyBoundaryImport,
	applyIndicatorImport,
	readCatalogue,
	reapplyImports,
	type IndicatorImport
} from '$lib/data/import-apply';
import { decodeWkb } from '$lib/geo/wkb';
import { polygonsAreaKm2 } from '$lib/geo/ring';
import type { Polygons } from '$lib/geo/types';
import { importedKey } from '$lib/state/import-payload';
import { openRegion } from './dataset-fixture';

let db: Connector;
beforeAll(async () => {
	db = (await openRegion('610924')).db;
});
afterAll(async () => {
	await db?.close();
});

async function rows(sql: string, params: SqlParam[] = []): Promise<Record<string, unknown>[]> {
	return (await db.query(sql, params)).toArray().map((r) => r.toJSON() as Record<string, unknown>);
}

/** Row counts and order-free checksums of every table an import may touch, and the views. */
async function snapshot(): Promise<string> {
	const [s] = await rows(`SELECT
		(SELECT count(*) || ':' || sum(hash(code, year, key, value, text)) FROM indicator) AS ind,
		(SELECT count(*) || ':' || sum(hash(key, theme, label_zh, kind, default_classes)) FROM indicator_meta) AS meta,
		(SELECT count(*) || ':' || sum(hash(code, level, geom_wkb, minx, maxy, cx, cy, area_km2)) FROM boundary) AS bnd,
		(SELECT count(*) FROM information_schema.columns WHERE table_name = 'v_collective') AS cols,
		(SELECT count(*) FROM duckdb_tables() WHERE temporary) AS temps`);
	return JSON.stringify(s);
}

const VILLAGE = '610924100001';
const OTHER = '610924100002';
const officeFund: IndicatorMeta = {
	key: 'office_fund',
	theme: 'collective',
	label_zh: '村办公经费',
	label_en: 'Village office fund',
	unit: '元',
	kind: 'amount',
	default_classes: '[]',
	better: 'higher'
};
const record = (code: string, year: number, key: string, value: number | null): IndicatorRow => ({
	code,
	year,
	key,
	value,
	text: null
});
const good: IndicatorImport = {
	records: [
		record(VILLAGE, 2020, 'collective_income', 999_999),
		record(VILLAGE, 2023, 'office_fund', 12_000),
		record(OTHER, 2023, 'office_fund', 8_500)
	],
	newIndicators: [officeFund]
};

/** A connector whose `nth` statement (1-based) is swapped for one the engine rejects. */
function faultAt(nth: number, counter = { n: 0 }): Connector {
	return {
		query: (sql, params, options) => {
			counter.n++;
			if (counter.n === nth) return db.query(`SELECT error('injected fault at ${nth}')`);
			return db.query(sql, params, options);
		},
		insertArrow: (name, ipc) => db.insertArrow(name, ipc),
		close: async () => {}
	};
}

describe('applyIndicatorImport', () => {
	it('rejects bad imports before or while applying, leaving every table as it was', async () => {
		const before = await snapshot();
		const bad: IndicatorImport[] = [
			{ ...good, records: [...good.records, record('610924999999', 2020, 'incidence', 1)] },
			{ ...good, records: [{ ...record(VILLAGE, 2020, 'incidence', 0), value: 'x' as never }] },
			{ ...good, records: [record(VILLAGE, 2020, 'no_such_key', 1)] },
			{ ...good, records: [...good.records, record(VILLAGE, 2023, 'office_fund', 1)] },
			{ ...good, newIndicators: [{ ...officeFund, key: 'collective_income' }] },
			{ ...good, newIndicators: [{ ...officeFund, theme: 'weather' as never }] }
		];
		for (const imp of bad) {
			const result = await applyIndicatorImport(db, imp);
			expect(result.ok).toBe(false);
			if (!result.ok) expect(result.reason_zh && result.reason_en).toBeTruthy();
			expect(await snapshot()).toBe(before);
		}
	});

	it('rolls back when the engine fails at any statement of the import', async () => {
		const before = await snapshot();
		// Find how many statements a successful apply sends: fail it at its COMMIT.
		let commitAt = 0;
		const counter = { n: 0 };
		const atCommit: Connector = {
			...faultAt(0, counter),
			query: (sql, params, options) => {
				counter.n++;
				if (sql !== 'COMMIT') return db.query(sql, params, options);
				commitAt = counter.n;
				return db.query(`SELECT error('injected fault at COMMIT')`);
			}
		};
		expect((await applyIndicatorImport(atCommit, good)).ok).toBe(false);
		expect(await snapshot()).toBe(before);
		expect(commitAt).toBeGreaterThan(8);
		for (let nth = 1; nth <= commitAt; nth++) {
			const failed = await applyIndicatorImport(faultAt(nth), good);
			expect(failed.ok, `statement ${nth}`).toBe(false);
			expect(await snapshot(), `statement ${nth}`).toBe(before);
		}
	});

	it('replaces a value, adds a new indicator to the catalogue and its theme view', async () => {
		const [old] = await rows(
			`SELECT value FROM indicator WHERE code = ? AND year = 2020 AND key = 'collective_income'`,
			[VILLAGE]
		);
		expect(old?.value).toBe(237500);
		const total = (await rows('SELECT count(*)::INTEGER AS n FROM indicator'))[0]?.n as number;
		const result = await applyIndicatorImport(db, good);
		expect(result).toMatchObject({ ok: true, inserted: 2, replaced: 1 });
		if (!result.ok) return;
		expect(result.added.map((m) => m.key)).toEqual(['office_fund']);
		const after = await rows(
			`SELECT value FROM indicator WHERE code = ? AND year = 2020 AND key = 'collective_income'`,
			[VILLAGE]
		);
		expect(after).toEqual([{ value: 999_999 }]);
		expect((await rows('SELECT count(*)::INTEGER AS n FROM indicator'))[0]?.n).toBe(total + 2);
		const [meta] = await rows(`SELECT * FROM indicator_meta WHERE key = 'office_fund'`);
		expect(meta).toMatchObject({ theme: 'collective', label_zh: '村办公经费', kind: 'amount' });
		expect(meta?.rollup).toBe('{"op":"sum"}');
		const view = await rows(
			`SELECT code, office_fund, collective_income FROM v_collective
			 WHERE year = 2023 AND office_fund IS NOT NULL ORDER BY code`
		);
		expect(view.map((r) => [r.code, r.office_fund])).toEqual([
			[VILLAGE, 12_000],
			[OTHER, 8_500]
		]);
		expect((await readCatalogue(db)).some((m) => m.key === 'office_fund')).toBe(true);
		// The same file again: the identical definition is kept, every row now replaces one.
		expect(await applyIndicatorImport(db, good)).toMatchObject({
			ok: true,
			inserted: 0,
			replaced: 3,
			added: []
		});
	});
});

describe('applyIndicatorImport with hostile names', () => {
	const HEADER = '"; DROP TABLE indicator; --';
	const TEXT = '<img src=x onerror=alert(1)>';

	it('applies a column headed with SQL as a new indicator whose label stays text', async () => {
		const key = importedKey(`new:${HEADER}`);
		expect(key).toMatch(/^imp_[0-9a-z]+$/);
		const meta: IndicatorMeta = { ...officeFund, key, label_zh: HEADER, label_en: HEADER };
		const category: IndicatorMeta = { ...meta, key: `${key}_c`, kind: 'category', label_zh: TEXT };
		const result = await applyIndicatorImport(db, {
			records: [
				record(VILLAGE, 2023, key, 1),
				{ ...record(VILLAGE, 2023, `${key}_c`, null), text: TEXT }
			],
			newIndicators: [meta, category]
		});
		expect(result.ok).toBe(true);
		const metas = await rows(
			`SELECT key, label_zh, default_classes FROM indicator_meta WHERE key IN (?, ?) ORDER BY key`,
			[key, `${key}_c`]
		);
		expect(metas).toEqual([
			{ key, label_zh: HEADER, default_classes: '[]' },
			{ key: `${key}_c`, label_zh: TEXT, default_classes: JSON.stringify([TEXT]) }
		]);
		const [n] = await rows('SELECT count(*)::INTEGER AS n FROM indicator WHERE code = ?', [
			VILLAGE
		]);
		expect(n?.n).toBeGreaterThan(2);
		const view = await rows(
			`SELECT "${key}" AS v, "${key}_c" AS c FROM v_collective WHERE code = ? AND year = 2023`,
			[VILLAGE]
		);
		expect(view).toEqual([{ v: 1, c: TEXT }]);
	});

	it('refuses a key that is not a plain word, and leaves every table as it was', async () => {
		const before = await snapshot();
		const result = await applyIndicatorImport(db, {
			records: [record(VILLAGE, 2023, HEADER, 1)],
			newIndicators: [{ ...officeFund, key: HEADER }]
		});
		expect(result.ok).toBe(false);
		expect(await snapshot()).toBe(before);
	});
});

describe('applyIndicatorImport in batches', () => {
	it('replaces every value of an indicator across many INSERT batches', async () => {
		const old = (await rows(
			`SELECT code, year, value FROM indicator WHERE key = 'collective_income'`
		)) as { code: string; year: number; value: number | null }[];
		expect(old.length).toBeGreaterThan(1000);
		const records = old.map((r) =>
			record(r.code, r.year, 'collective_income', r.value === null ? null : r.value + 1)
		);
		const sum = `SELECT sum(value) AS s, count(*)::INTEGER AS n FROM indicator WHERE key = 'collective_income'`;
		const [a] = await rows(sum);
		const result = await applyIndicatorImport(db, { records, newIndicators: [] });
		expect(result).toMatchObject({ ok: true, inserted: 0, replaced: old.length });
		const [b] = await rows(sum);
		const numbers = old.filter((r) => r.value !== null).length;
		expect(b?.n).toBe(a?.n);
		expect((b?.s as number) - (a?.s as number)).toBeCloseTo(numbers, 3);
	});
});

describe('applyBoundaryImport', () => {
	it('replaces a village outline and recomputes bbox, label point and area', async () => {
		const [b] = await rows(`SELECT cx, cy FROM boundary WHERE code = ?`, [VILLAGE]);
		const [x, y] = [
			Math.round((b?.cx as number) * 100) / 100,
			Math.round((b?.cy as number) * 100) / 100
		];
		const square: Polygons = [
			[
				[
					[x - 0.01, y - 0.01],
					[x + 0.01, y - 0.01],
					[x + 0.01, y + 0.01],
					[x - 0.01, y + 0.01],
					[x - 0.01, y - 0.01]
				]
			]
		];
		const before = await snapshot();
		const refused = await applyBoundaryImport(db, {
			units: [
				{ code: VILLAGE, polygons: square },
				{ code: '610924999999', polygons: square }
			]
		});
		expect(refused.ok).toBe(false);
		const nan = await applyBoundaryImport(db, {
			units: [
				{
					code: VILLAGE,
					polygons: [
						[
							[
								[NaN, 1],
								[2, 2],
								[3, 1],
								[NaN, 1]
							]
						]
					]
				}
			]
		});
		expect(nan.ok).toBe(false);
		expect(await snapshot()).toBe(before);

		const units = [{ code: VILLAGE, polygons: square }];
		for (let nth = 1; nth <= 9; nth++) {
			expect((await applyBoundaryImport(faultAt(nth), { units })).ok, `statement ${nth}`).toBe(
				false
			);
			expect(await snapshot(), `statement ${nth}`).toBe(before);
		}
		const result = await applyBoundaryImport(db, { units });
		expect(result).toMatchObject({ ok: true, inserted: 0, replaced: 1 });
		const [row] = await rows(`SELECT * FROM boundary WHERE code = ?`, [VILLAGE]);
		const [unit] = await rows(`SELECT level FROM region WHERE code = ?`, [VILLAGE]);
		expect(row?.level).toBe(unit?.level);
		expect([row?.minx, row?.miny, row?.maxx, row?.maxy]).toEqual([
			x - 0.01,
			y - 0.01,
			x + 0.01,
			y + 0.01
		]);
		expect(row?.area_km2).toBeCloseTo(polygonsAreaKm2(square), 5);
		expect(row?.area_km2 as number).toBeGreaterThan(3.5);
		expect(Math.abs((row?.cx as number) - x)).toBeLessThan(1e-6);
		expect(Math.abs((row?.cy as number) - y)).toBeLessThan(0.01);
		const wkb = (await db.query(`SELECT geom_wkb FROM boundary WHERE code = ?`, [VILLAGE]))
			.getChild('geom_wkb')
			?.get(0) as Uint8Array;
		expect(decodeWkb(wkb)).toEqual(square);
		const [v] = await rows(`SELECT lon, area_km2 FROM v_village WHERE code = ?`, [VILLAGE]);
		expect(v).toEqual({ lon: row?.cx, area_km2: row?.area_km2 });
		expect((await rows('SELECT count(*)::INTEGER AS n FROM boundary'))[0]?.n).toBe(225);
	});
});

describe('reapplyImports', () => {
	it('applies stored imports in order, each on the catalogue the ones before left', async () => {
		const seen: string[][] = [];
		const second: IndicatorMeta = { ...officeFund, key: 'office_rooms', kind: 'count' };
		const out = await reapplyImports(db, [
			{
				id: 'a',
				prepare: async (catalogue) => {
					seen.push(catalogue.map((m) => m.key));
					return {
						kind: 'table',
						records: [record(VILLAGE, 2023, 'office_rooms', 3)],
						newIndicators: [second]
					};
				}
			},
			{
				id: 'b',
				prepare: async () => {
					throw new Error('file gone');
				}
			},
			{
				id: 'c',
				prepare: async (catalogue) => {
					seen.push(catalogue.map((m) => m.key));
					return {
						kind: 'table',
						records: [record(OTHER, 2023, 'office_rooms', 5)],
						newIndicators: []
					};
				}
			}
		]);
		expect(out.map((o) => [o.id, o.result.ok])).toEqual([
			['a', true],
			['b', false],
			['c', true]
		]);
		expect(seen[0]).not.toContain('office_rooms');
		expect(seen[1]).toContain('office_rooms');
		const view = await rows(
			`SELECT code, office_rooms FROM v_collective WHERE office_rooms IS NOT NULL ORDER BY code`
		);
		expect(view).toEqual([
			{ code: VILLAGE, office_rooms: 3 },
			{ code: OTHER, office_rooms: 5 }
		]);
	});
});
