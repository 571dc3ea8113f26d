/**
 * The planner's rule presets on the real engine over the committed 紫阳县 dataset: each rule's
 * selection equals an independent reading of the Arrow files in plain TypeScript (apache-arrow,
 * no SQL) — the factory gap against `queryFactoryGaps` and analysis/factory-rule.ts —, AND and
 * OR combine as intersection and union, and the SQL is readable, commented and runs as is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import type { Connector } from '$lib/data/connector';
import {
	RULE_PRESETS,
	plannerSql,
	queryPlanner,
	type PlannerAnswer,
	type PlannerRequest,
	type RuleId
} from '$lib/data/queries/planner-rules';
import { queryFactoryGaps } from '$lib/data/queries/sites';
import {
	MIN_FACTORY_JOBS,
	MIN_MONTHS_OPERATING,
	QUALIFYING_RADIUS_KM,
	RESETTLEMENT_HOUSEHOLDS_NEEDING_FACTORY,
	RURAL_HOUSEHOLDS_NEEDING_FACTORY
} from '$lib/analysis/factory-rule';
import { distanceKm } from '$lib/geo/distance';
import { openRegion } from './dataset-fixture';

let db: Connector;
beforeAll(async () => {
	({ db } = await openRegion('610924'));
});
afterAll(async () => {
	await db?.close();
});

// --- The files, read independently -------------------------------------------------------------

const dir = 'static/data/610924';
const read = (name: string) => tableFromIPC(readFileSync(`${dir}/${name}.arrow`));

const unitCodes: string[] = [];
for (const r of read('region'))
	if (r.level === 'village' || r.level === 'community') unitCodes.push(String(r.code));

interface Site {
	id: string;
	kind: string;
	village_code: string | null;
	lon: number;
	lat: number;
	households: number | null;
	jobs: number | null;
	months_operating: number | null;
	opened_year: number | null;
}
const sites: Site[] = [...read('site')].map((r) => r.toJSON() as unknown as Site);
const openIn = (y: number) => (s: Site) => s.opened_year == null || s.opened_year <= y;

/** `code|year|key` → the indicator row's value and text. */
const cells = new Map<string, { value: number | null; text: string | null }>();
{
	const t = read('indicator');
	const col = (name: string) => {
		const v = t.getChild(name);
		if (!v) throw new Error(`indicator.arrow has no column ${name}`);
		return v;
	};
	const [code, year, key, value, text] = ['code', 'year', 'key', 'value', 'text'].map(col);
	for (let i = 0; i < t.numRows; i++)
		cells.set(`${code?.get(i)}|${year?.get(i)}|${key?.get(i)}`, {
			value: (value?.get(i) as number | null) ?? null,
			text: (text?.get(i) as string | null) ?? null
		});
}
const val = (code: string, year: number, key: string) =>
	cells.get(`${code}|${year}|${key}`)?.value ?? null;
const txt = (code: string, year: number, key: string) =>
	cells.get(`${code}|${year}|${key}`)?.text ?? null;
const poor = (c: string, y: number) => val(c, y, 'poor_village') === 1;

type Params = Record<string, number>;
/** Each indicator rule as the domain notes state it, over the files. */
const BY_HAND: Record<
	Exclude<RuleId, 'factory_gap'>,
	(c: string, y: number, p: Params) => boolean
> = {
	weak_collective: (c, y, p) => {
		const income = val(c, y, 'collective_income');
		return income !== null && income < (p.max_income ?? 50000);
	},
	lax_branch: (c, y) => txt(c, y, 'branch_status') === '软弱涣散',
	poor_no_secretary: (c, y) => poor(c, y) && (val(c, y, 'first_secretary') ?? 0) === 0,
	few_reserve_cadres: (c, y, p) =>
		poor(c, y) && (val(c, y, 'reserve_cadres') ?? 0) < (p.min_cadres ?? 2),
	no_young_activist: (c, y) => poor(c, y) && (val(c, y, 'young_activist_trained') ?? 0) === 0,
	no_young_committee: (c, y, p) =>
		poor(c, y) && (val(c, y, 'committee_under_35') ?? 0) < (p.min_members ?? 1)
};

/**
 * Seed 003's rule by hand, at any thresholds: the villages holding an open community of
 * `households` or more with no open factory of `jobs`+ workers and `months`+ months within `km`.
 */
function gapVillagesByHand(
	year: number,
	{
		households = 100,
		jobs = MIN_FACTORY_JOBS,
		months = MIN_MONTHS_OPERATING,
		km = QUALIFYING_RADIUS_KM
	}
): string[] {
	const factories = sites.filter((s) => s.kind === 'factory').filter(openIn(year));
	const qualifies = (f: Site, c: Site) =>
		(f.jobs ?? 0) >= jobs &&
		(f.months_operating ?? 0) >= months &&
		distanceKm(f.lon, f.lat, c.lon, c.lat) <= km;
	const codes = sites
		.filter(
			(s) => s.kind === 'resettlement' && openIn(year)(s) && (s.households ?? 0) >= households
		)
		.filter((c) => !factories.some((f) => qualifies(f, c)))
		.map((c) => c.village_code ?? '');
	return [...new Set(codes)].sort();
}

/** The codes `rule` finds in `year`, by hand (the factory gap through the gap list). */
async function expected(id: RuleId, year: number, p: Params = {}): Promise<string[]> {
	if (id !== 'factory_gap') return unitCodes.filter((c) => BY_HAND[id](c, year, p)).sort();
	const byId = new Map(sites.map((s) => [s.id, s.village_code ?? '']));
	const gaps = await queryFactoryGaps(db, year);
	return [...new Set(gaps.map((g) => byId.get(g.id) ?? ''))].sort();
}

const selectedCodes = (a: PlannerAnswer) =>
	a.rows
		.filter((r) => r.selected)
		.map((r) => r.code)
		.sort();
const ask = (year: number, rules: PlannerRequest['rules'], combine: 'and' | 'or' = 'and') =>
	queryPlanner(db, { year, rules, combine });
const IDS = RULE_PRESETS.map((r) => r.id);

// --- The presets -------------------------------------------------------------------------------

describe('the presets', () => {
	it('are the rules table of the domain notes, less the composite score and the pairing', () => {
		expect(IDS).toEqual([
			'weak_collective',
			'lax_branch',
			'poor_no_secretary',
			'few_reserve_cadres',
			'no_young_activist',
			'no_young_committee',
			'factory_gap'
		]);
		for (const r of RULE_PRESETS) {
			expect(r.title.zh && r.title.en && r.note.zh && r.note.en).toBeTruthy();
			expect(r.sources.length).toBeGreaterThan(0);
			expect(r.note.zh).toContain('种子');
		}
		const defaults = (id: RuleId) =>
			Object.fromEntries(
				(RULE_PRESETS.find((r) => r.id === id)?.params ?? []).map((q) => [q.name, q.default])
			);
		expect(defaults('weak_collective')).toEqual({ max_income: 50000 });
		expect(defaults('few_reserve_cadres')).toEqual({ min_cadres: 2 });
		expect(defaults('no_young_committee')).toEqual({ min_members: 1 });
		expect(defaults('factory_gap')).toEqual({
			min_households: RESETTLEMENT_HOUSEHOLDS_NEEDING_FACTORY,
			rural_households: RURAL_HOUSEHOLDS_NEEDING_FACTORY,
			min_jobs: MIN_FACTORY_JOBS,
			min_months: MIN_MONTHS_OPERATING,
			radius_km: QUALIFYING_RADIUS_KM
		});
	});

	const cases = [2020, 2023].flatMap((year) => IDS.map((id) => [id, year] as const));
	it.each(cases)('%s at its defaults in %i selects what the files give', async (id, year) => {
		const want = await expected(id, year);
		const got = await ask(year, [{ id }]);
		expect(want.length).toBeGreaterThan(0);
		expect(selectedCodes(got)).toEqual(want);
		expect(got.counts).toEqual({ [id]: want.length });
		expect(got.selected).toBe(want.length);
		expect(got.rows).toHaveLength(unitCodes.length);
		// Selected first, then by code.
		const order = [...got.rows].sort(
			(a, b) => Number(b.selected) - Number(a.selected) || (a.code < b.code ? -1 : 1)
		);
		expect(got.rows.map((r) => r.code)).toEqual(order.map((r) => r.code));
	});

	it('weak_collective counts the empty shells (income 0)', async () => {
		for (const year of [2016, 2020]) {
			const got = selectedCodes(await ask(year, [{ id: 'weak_collective' }]));
			const empty = unitCodes.filter((c) => val(c, year, 'collective_income') === 0);
			expect(empty.length).toBeGreaterThan(0);
			expect(empty.every((c) => got.includes(c))).toBe(true);
		}
	});

	it.each([
		['weak_collective', { max_income: 30000 }],
		['few_reserve_cadres', { min_cadres: 3 }],
		['no_young_committee', { min_members: 2 }]
	] as const)('%s with %o selects what the files give', async (id, params) => {
		const want = await expected(id, 2020, params);
		const atDefault = await expected(id, 2020);
		expect(want.length).toBeGreaterThan(0);
		expect(want).not.toEqual(atDefault);
		expect(selectedCodes(await ask(2020, [{ id, params }]))).toEqual(want);
	});

	it('factory_gap at other thresholds selects what the rule gives by hand', async () => {
		const seen = new Set<string>();
		for (const [min, jobs, months, km] of [
			[1000, 20, 6, 0.564],
			[850, 20, 6, 0.564],
			[500, 20, 6, 0.564],
			[100, 50, 6, 0.564],
			[100, 20, 10, 0.564],
			[100, 20, 6, 0.3],
			[100, 20, 6, 1]
		] as const) {
			const want = gapVillagesByHand(2020, { households: min, jobs, months, km });
			const params = { min_households: min, rural_households: min, min_jobs: jobs };
			const all = { ...params, min_months: months, radius_km: km };
			const got = await ask(2020, [{ id: 'factory_gap', params: all }]);
			expect(want.length).toBeGreaterThan(0);
			expect(selectedCodes(got)).toEqual(want);
			seen.add(want.join());
		}
		expect(seen.size).toBeGreaterThan(3);
		// At the defaults (500, and 100 for a rural concentration) the hand count agrees too.
		expect(await expected('factory_gap', 2020)).toEqual(gapVillagesByHand(2020, {}));
	});

	it('a year with no indicator values selects no village on any indicator rule', async () => {
		// No unit has a null income in 紫阳县's years, so "no income that year → not selected" is
		// seen in a year before the data begins: every indicator is missing there.
		const rules = IDS.filter((id) => id !== 'factory_gap').map((id) => ({ id }));
		const got = await ask(2013, rules, 'or');
		expect(got.selected).toBe(0);
	});
});

// --- Combining ---------------------------------------------------------------------------------

describe('combining rules', () => {
	// How many villages each pair shares in 2020. The factory gaps (two town communities and
	// one village) meet no other rule that year: the disjoint case.
	it.each([
		['weak_collective', 'lax_branch', 10],
		['poor_no_secretary', 'no_young_activist', 1],
		['lax_branch', 'no_young_committee', 1],
		['factory_gap', 'weak_collective', 0]
	] as const)('%s with %s: AND is the intersection, OR the union', async (a, b, shared) => {
		const [setA, setB] = [await expected(a, 2020), await expected(b, 2020)];
		const rules = [{ id: a }, { id: b }];
		const and = await ask(2020, rules, 'and');
		const or = await ask(2020, rules, 'or');
		expect(selectedCodes(and)).toEqual(setA.filter((c) => setB.includes(c)));
		expect(and.selected).toBe(shared);
		expect(selectedCodes(or)).toEqual([...new Set([...setA, ...setB])].sort());
		for (const answer of [and, or])
			expect(answer.counts).toEqual({ [a]: setA.length, [b]: setB.length });
		for (const r of or.rows)
			expect(r.hits).toEqual({ [a]: setA.includes(r.code), [b]: setB.includes(r.code) });
	});

	it('all seven with OR select the union of every rule', async () => {
		const sets = await Promise.all(IDS.map((id) => expected(id, 2020)));
		const got = await ask(
			2020,
			IDS.map((id) => ({ id })),
			'or'
		);
		expect(selectedCodes(got)).toEqual([...new Set(sets.flat())].sort());
	});

	it('an empty rule list selects nothing', async () => {
		const got = await ask(2020, []);
		expect(got.selected).toBe(0);
		expect(got.counts).toEqual({});
		expect(got.rows).toHaveLength(unitCodes.length);
		expect(got.rows.every((r) => !r.selected)).toBe(true);
	});
});

// --- The SQL -----------------------------------------------------------------------------------

describe('the SQL', () => {
	const all: PlannerRequest = { year: 2020, rules: IDS.map((id) => ({ id })), combine: 'or' };

	it('names every rule and its sources in a Chinese comment', () => {
		const sql = plannerSql(all);
		for (const r of RULE_PRESETS)
			expect(sql).toContain(`-- ${r.title.zh}（种子文件 ${r.sources.join('、')}）`);
		expect(sql).toMatch(/FILTER \(WHERE key = 'collective_income'\)/);
		expect(sql).toContain('WHERE year = 2020');
	});

	it('runs as is through db.query, a 0/1 column per rule and selected', async () => {
		const t = await db.query(plannerSql(all));
		expect(t.schema.fields.map((f) => f.name)).toEqual([
			'code',
			'name',
			'township',
			...IDS.map((id) => `rule_${id}`),
			'selected'
		]);
		const rows = t.toArray().map((r) => r.toJSON() as Record<string, unknown>);
		expect(rows).toHaveLength(unitCodes.length);
		for (const r of rows)
			for (const id of [...IDS.map((i) => `rule_${i}`), 'selected'])
				expect([0, 1]).toContain(r[id]);
	});

	it('is written in the house style: 2-space indent, upper-case keywords', () => {
		for (const req of [all, { ...all, combine: 'and' as const }, { ...all, rules: [] }])
			for (const line of plannerSql(req).split('\n')) {
				expect(line).not.toMatch(/^\t|\s$/);
				expect((/^ */.exec(line)?.[0].length ?? 0) % 2).toBe(0);
				const code = line.replace(/--.*$/, '').replace(/'[^']*'/g, "''");
				expect(code).not.toMatch(
					/\b(select|from|where|join|on|and|or|not|as|in|is|null|exists|group by|order by|with|case|when|then|else|end|filter|desc)\b/
				);
			}
	});

	it('writes thresholds in as literals, and refuses any that is not a finite number', () => {
		const sql = plannerSql({
			year: 2021,
			rules: [{ id: 'weak_collective', params: { max_income: 30000 } }],
			combine: 'and'
		});
		expect(sql).toContain('i.collective_income < 30000');
		const bad: PlannerRequest[] = [
			{ year: NaN, rules: [], combine: 'and' },
			{ year: 2020.5, rules: [{ id: 'lax_branch' }], combine: 'and' },
			{ year: Infinity, rules: [], combine: 'or' },
			{
				year: 2020,
				rules: [{ id: 'weak_collective', params: { max_income: NaN } }],
				combine: 'and'
			},
			{
				year: 2020,
				rules: [{ id: 'factory_gap', params: { radius_km: Infinity } }],
				combine: 'and'
			},
			{ year: 2020, rules: [{ id: 'lax_branch', params: { max_income: 1 } }], combine: 'and' },
			{ year: 2020, rules: [{ id: 'lax_branch' }, { id: 'lax_branch' }], combine: 'and' },
			{ year: 2020, rules: [{ id: 'nope' as RuleId }], combine: 'and' }
		];
		for (const req of bad) expect(() => plannerSql(req)).toThrow(RangeError);
	});
});
