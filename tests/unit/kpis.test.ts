/**
 * The briefing's KPI cards (queries/kpis.ts) on the real engine over the committed 紫阳县 dataset:
 * for 2020 and 2023 every card's value and previous-year value equal an independent reading of
 * the Arrow files through apache-arrow in plain TypeScript (no SQL); every card has both
 * languages and links to a map the catalogue has; a year without data gives nulls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import type { Connector, SqlParam } from '$lib/data/connector';
import type { Manifest } from '$lib/data/contract';
import { DERIVED_INDICATORS } from '$lib/analysis/derived-indicators';
import { KPI_THRESHOLDS, queryKpis, type Kpi } from '$lib/data/queries/kpis';
import { openRegion } from './dataset-fixture';

let db: Connector;
let manifest: Manifest;
beforeAll(async () => {
	({ db, manifest } = await openRegion('610924'));
});
afterAll(async () => {
	await db?.close();
});

// --- The files, read independently -------------------------------------------------------------

const read = (name: string) => tableFromIPC(readFileSync(`static/data/610924/${name}.arrow`));

interface Unit {
	code: string;
	township: string;
	county: string;
}
const parentOf = new Map<string, string>();
const regionRows = [...read('region')].map((r) => r.toJSON() as Record<string, string>);
for (const r of regionRows) parentOf.set(r.code as string, r.parent_code as string);
const units: Unit[] = regionRows
	.filter((r) => r.level === 'village' || r.level === 'community')
	.map((r) => {
		const township = r.parent_code as string;
		return {
			code: r.code as string,
			township,
			county: parentOf.get(township) ?? ''
		};
	});

interface Site {
	kind: string;
	jobs: number | null;
	opened_year: number | null;
}
const sites = [...read('site')].map((r) => r.toJSON() as unknown as Site);

/** `code|year|key` → the row's value and text; `code|year` for every unit with a row that year. */
const cells = new Map<string, { value: number | null; text: string | null }>();
const reporting = new Set<string>();
{
	const t = read('indicator');
	const col = (name: string) => t.getChild(name)!;
	const [code, year, key, value, text] = ['code', 'year', 'key', 'value', 'text'].map(col);
	for (let i = 0; i < t.numRows; i++) {
		const at = `${code!.get(i)}|${year!.get(i)}`;
		reporting.add(at);
		cells.set(`${at}|${key!.get(i)}`, { value: value!.get(i) ?? null, text: text!.get(i) ?? null });
	}
}
const val = (u: Unit, year: number, key: string) =>
	cells.get(`${u.code}|${year}|${key}`)?.value ?? null;
const txt = (u: Unit, year: number, key: string) =>
	cells.get(`${u.code}|${year}|${key}`)?.text ?? null;

const count = <T>(xs: readonly T[], p: (x: T) => boolean) => xs.filter(p).length;
/** Sum of the values present; null when none is. */
const sumOf = (xs: readonly (number | null)[]) => {
	const present = xs.filter((x): x is number => x !== null);
	return present.length ? present.reduce((a, b) => a + b, 0) : null;
};
const ratio = (a: number | null, b: number | null) => (a === null || !b ? null : a / b);
/** A count over the units that have `key`; null when none has. */
const countWhere = (us: Unit[], has: (u: Unit) => boolean, hit: (u: Unit) => boolean) =>
	us.some(has) ? count(us, hit) : null;

/** Every card's figure for a year, as the domain notes define it. */
function expected(year: number, th = KPI_THRESHOLDS): Record<string, number | null> {
	const us = units.filter((u) => reporting.has(`${u.code}|${year}`));
	const v = (key: string) => (u: Unit) => val(u, year, key);
	const poor = us.filter((u) => val(u, year, 'poor_village') === 1);
	const both = (a: string, b: string) => us.filter((u) => v(a)(u) !== null && v(b)(u) !== null);
	const minus = (a: string, b: string) => sumOf(both(a, b).map((u) => v(a)(u)! - v(b)(u)!));
	const incidencePart = both('poor_people', 'rural_population');
	const withIncome = us.filter((u) => v('collective_income')(u) !== null);
	const income = (u: Unit) => v('collective_income')(u)!;
	const hasIncome = (u: Unit) => v('collective_income')(u) !== null;
	const hasBranch = (u: Unit) => txt(u, year, 'branch_status') !== null;
	const poorFs = poor.filter((u) => v('first_secretary')(u) !== null);
	const open = sites.filter((s) => s.kind === 'factory' && (s.opened_year ?? year) <= year);
	const out: Record<string, number | null> = {
		poor_villages_exited: us.some((u) => v('poor_village')(u) !== null)
			? count(poor, (u) => (v('exit_year')(u) ?? Infinity) <= year)
			: null,
		households_exited: minus('registered_households', 'poor_households'),
		people_exited: minus('registered_people', 'poor_people'),
		incidence: ratio(
			sumOf(incidencePart.map(v('poor_people'))),
			sumOf(incidencePart.map(v('rural_population')))
		),
		empty_shell_villages: countWhere(us, hasIncome, (u) => hasIncome(u) && income(u) === 0),
		weak_villages: countWhere(us, hasIncome, (u) => hasIncome(u) && income(u) < th.weakBelow),
		income_band_share: ratio(
			count(withIncome, (u) => income(u) >= th.bandLow && income(u) <= th.bandHigh),
			withIncome.length
		),
		lax_branches: countWhere(us, hasBranch, (u) => txt(u, year, 'branch_status') === th.laxStatus),
		branches_rectified: countWhere(us, hasBranch, (u) => v('rectified_year')(u) === year),
		first_secretary_coverage: ratio(
			count(poorFs, (u) => v('first_secretary')(u) === 1),
			poorFs.length
		),
		relocated_households: sumOf(us.map(v('relocated_households'))),
		relocated_people: sumOf(us.map(v('relocated_people'))),
		community_factories: open.length,
		factory_jobs: open.reduce((a, s) => a + (s.jobs ?? 0), 0),
		rollup_county: new Set(us.map((u) => u.county)).size,
		rollup_townships: new Set(us.map((u) => u.township)).size,
		rollup_villages: us.length,
		rollup_households: sumOf(us.map(v('registered_households')))
	};
	// A year no unit reports has no figures at all.
	return us.length ? out : Object.fromEntries(Object.keys(out).map((k) => [k, null]));
}

const IDS = Object.keys(expected(2023));
const byId = (kpis: Kpi[]) => new Map(kpis.map((k) => [k.id, k]));

function expectClose(got: number | null, want: number | null, id: string) {
	if (want === null || Number.isInteger(want)) expect(got, id).toBe(want);
	else expect(got, id).toBeCloseTo(want, 12);
}

// --- The cards ---------------------------------------------------------------------------------

describe('queryKpis on 紫阳县', () => {
	it.each([2020, 2023])(
		'%i: every value and previous equal the independent reading',
		async (year) => {
			const kpis = await queryKpis(db, year);
			expect(kpis.map((k) => k.id)).toEqual(IDS);
			const now = expected(year);
			const before = expected(year - 1);
			for (const k of kpis) {
				expectClose(k.value, now[k.id] ?? null, `${k.id} ${year}`);
				expectClose(k.previous, before[k.id] ?? null, `${k.id} ${year - 1}`);
			}
		}
	);

	it('2023 matches the seed figures the sample is calibrated to', async () => {
		const k = byId(await queryKpis(db, 2023));
		const value = (id: string) => k.get(id)?.value;
		// Seed 003 (紫阳县): 23,450 households / 75,777 people relocated; 30+ community factories.
		expect([value('relocated_households'), value('relocated_people')]).toEqual([23450, 75777]);
		expect(value('community_factories')).toBeGreaterThanOrEqual(30);
		// Every poor village has exited and no one is left poor.
		expect([value('poor_villages_exited'), value('incidence')]).toEqual([105, 0]);
		expect(k.get('poor_villages_exited')?.detail).toEqual({
			zh: '共 105 个贫困村',
			en: 'of 105 poor villages'
		});
		expect(value('households_exited')).toBe(value('rollup_households'));
		// 1 county, its 17 towns, 175 villages + 32 communities.
		expect(['rollup_county', 'rollup_townships', 'rollup_villages'].map(value)).toEqual([
			1, 17, 207
		]);
	});

	it('every card has zh and en titles and units, and links to a map the catalogue has', async () => {
		const kpis = await queryKpis(db, 2023);
		const catalogue = new Map<string, string>(
			[...manifest.catalogue, ...DERIVED_INDICATORS].map((m) => [m.key, m.default_classes])
		);
		for (const k of kpis) {
			expect(k.title.zh.length * k.title.en.length, k.id).toBeGreaterThan(0);
			expect(typeof k.unit.zh === 'string' && typeof k.unit.en === 'string').toBe(true);
			if (k.kind !== 'share') expect(k.unit.zh && k.unit.en, k.id).toBeTruthy();
			expect(catalogue.has(k.link.indicator), `${k.id} → ${k.link.indicator}`).toBe(true);
			if (k.link.category)
				expect(JSON.parse(catalogue.get(k.link.indicator)!)).toContain(k.link.category);
			if (k.detail) expect(k.detail.zh && k.detail.en, k.id).toBeTruthy();
			expect(Number.isFinite(k.value), k.id).toBe(true);
		}
	});

	it('asks one parameterised statement, with no value pasted into its text', async () => {
		const calls: { sql: string; params: readonly SqlParam[] }[] = [];
		// A class instance's methods do not spread: name each one.
		const spy: Connector = {
			query: (sql, params = [], options) => {
				calls.push({ sql, params });
				return db.query(sql, params, options);
			},
			insertArrow: (name, ipc) => db.insertArrow(name, ipc),
			close: async () => {}
		};
		await queryKpis(spy, 2023);
		expect(calls).toHaveLength(1);
		expect(calls[0]?.params).toEqual([2023, 50000, 30000, 100000, '软弱涣散']);
		expect(calls[0]?.sql).not.toMatch(/2023|2022|50000|30000|100000|软弱涣散/);
	});

	it('a year without data gives nulls, never NaN or a throw', async () => {
		for (const k of await queryKpis(db, 2030)) {
			expect([k.value, k.previous], k.id).toEqual([null, null]);
			expect(k.detail, k.id).toBeUndefined();
		}
		const after = byId(await queryKpis(db, 2024));
		for (const k of await queryKpis(db, 2023)) {
			expect(after.get(k.id)?.value, k.id).toBeNull();
			expect(after.get(k.id)?.previous, k.id).toBe(k.value);
		}
		for (const k of await queryKpis(db, 2014)) {
			expect(k.previous, k.id).toBeNull();
			expect(Number.isNaN(k.value), k.id).toBe(false);
		}
	});

	it('counts by the thresholds it is given, and says so in the titles', async () => {
		const th = { ...KPI_THRESHOLDS, weakBelow: 30_000, bandLow: 50_000, bandHigh: 500_000 };
		const k = byId(await queryKpis(db, 2022, th));
		const want = expected(2022, th);
		for (const id of ['weak_villages', 'income_band_share'])
			expectClose(k.get(id)?.value ?? null, want[id] ?? null, id);
		expect(k.get('weak_villages')?.title.zh).toContain('3 万元');
		expect(k.get('income_band_share')?.title.en).toContain('50k–500k');
	});
});
