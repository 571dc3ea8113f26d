/**
 * The console's example queries on the real engine over the committed 紫阳县 dataset: every one
 * runs, answers rows a map can place, and is written in the house style; the six questions of
 * the domain notes (q1–q6) answer exactly what an independent reading gives — the Arrow files
 * through apache-arrow, distances with geo/distance.ts and seed 003's rule with
 * analysis/factory-rule.ts, in plain TypeScript, no SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import type { Connector } from '$lib/data/connector';
import { CONSOLE_EXAMPLES } from '$lib/data/queries/console-examples';
import { distanceKm } from '$lib/geo/distance';
import {
	MIN_FACTORY_JOBS,
	MIN_MONTHS_OPERATING,
	QUALIFYING_RADIUS_KM,
	factoryIsNear,
	factoryQualifies,
	needsFactory
} from '$lib/analysis/factory-rule';
import { hotspotCalls, prepareHotspots } from '$lib/data/queries/hotspots';
import { queryShapes } from '$lib/data/queries/shapes';
import { contiguity } from '$lib/geo/contiguity';
import { openRegion } from './dataset-fixture';

let db: Connector;
beforeAll(async () => {
	({ db } = await openRegion('610924'));
	await db.installSpatial?.();
});
afterAll(async () => {
	await db?.close();
});

type Row = Record<string, unknown>;
const sqlOf = (id: string) => CONSOLE_EXAMPLES.find((e) => e.id === id)?.sql ?? '';
const run = async (id: string): Promise<Row[]> =>
	(await db.query(sqlOf(id))).toArray().map((r) => r.toJSON() as Row);
const num = (v: unknown) => Number(v);
/** As SQL's round(x, digits) gives it (half away from zero; every x here is positive). */
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const codesOf = (rows: readonly Row[], col = 'code') => rows.map((r) => String(r[col])).sort();

// --- The files, read independently -------------------------------------------------------------

const dir = 'static/data/610924';
const read = (name: string) => tableFromIPC(readFileSync(`${dir}/${name}.arrow`));

interface Unit {
	code: string;
	name: string;
	township: string;
	cx: number;
	cy: number;
}
interface Site {
	id: string;
	kind: string;
	name: string;
	lon: number;
	lat: number;
	households: number | null;
	jobs: number | null;
	months_operating: number | null;
	community_id: string | null;
	distance_km: number | null;
}

const names = new Map<string, string>();
const parent = new Map<string, string>();
const unitCodes: string[] = [];
for (const r of read('region')) {
	names.set(String(r.code), String(r.name));
	parent.set(String(r.code), String(r.parent_code));
	if (r.level === 'village' || r.level === 'community') unitCodes.push(String(r.code));
}
const labelPoint = new Map<string, [number, number]>();
for (const r of read('boundary')) labelPoint.set(String(r.code), [Number(r.cx), Number(r.cy)]);
const units: Unit[] = unitCodes.map((code) => {
	const [cx, cy] = labelPoint.get(code) ?? [NaN, NaN];
	return { code, name: names.get(code) ?? '', township: parent.get(code) ?? '', cx, cy };
});
const sites: Site[] = [...read('site')].map((r) => r.toJSON() as unknown as Site);
const resettlements = sites.filter((s) => s.kind === 'resettlement');
const factories = sites.filter((s) => s.kind === 'factory');

/** `code|year|key` → the indicator row's value and text. */
const cells = new Map<string, { value: number | null; text: string | null }>();
let latestYear = 0;
{
	const t = read('indicator');
	const column = (name: string) => {
		const v = t.getChild(name);
		if (!v) throw new Error(`indicator.arrow has no column ${name}`);
		return v;
	};
	const [code, year, key, value, text] = ['code', 'year', 'key', 'value', 'text'].map(column);
	for (let i = 0; i < t.numRows; i++) {
		const y = Number(year?.get(i));
		latestYear = Math.max(latestYear, y);
		cells.set(`${code?.get(i)}|${y}|${key?.get(i)}`, {
			value: (value?.get(i) as number | null) ?? null,
			text: (text?.get(i) as string | null) ?? null
		});
	}
}
const val = (code: string, year: number, key: string) =>
	cells.get(`${code}|${year}|${key}`)?.value ?? null;
const txt = (code: string, year: number, key: string) =>
	cells.get(`${code}|${year}|${key}`)?.text ?? null;
const YEARS = [...new Set([...cells.keys()].map((k) => Number(k.split('|')[1])))].sort(
	(a, b) => a - b
);

function nearest<T extends { lon: number; lat: number }>(lon: number, lat: number, of: T[]) {
	let best: { site: T; km: number } | null = null;
	for (const s of of) {
		const km = distanceKm(lon, lat, s.lon, s.lat);
		if (!best || km < best.km) best = { site: s, km };
	}
	if (!best) throw new Error('no site');
	return best;
}

/** Per-township tallies: township code → [units, hits] (or per township and year). */
function tally(keys: string[], hit: boolean[]): Map<string, [number, number]> {
	const out = new Map<string, [number, number]>();
	keys.forEach((k, i) => {
		const t = out.get(k) ?? [0, 0];
		out.set(k, [t[0] + 1, t[1] + (hit[i] ? 1 : 0)]);
	});
	return out;
}

// --- Every example -----------------------------------------------------------------------------

describe('every example', () => {
	it('has a unique id, the six questions as q1–q6, and more for every theme', () => {
		const ids = CONSOLE_EXAMPLES.map((e) => e.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids.slice(0, 6)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5', 'q6']);
		const more = CONSOLE_EXAMPLES.filter((e) => !/^q\d$/.test(e.id)).map((e) => e.theme);
		expect(new Set(more)).toEqual(
			new Set(['poverty', 'collective', 'party', 'relocation', 'spatial'])
		);
	});

	it.each(CONSOLE_EXAMPLES.map((e) => [e.id, e]))(
		'%s is written in the house style: 2-space indent, upper-case keywords',
		(_, e) => {
			expect(e.title.zh && e.title.en).toBeTruthy();
			for (const line of e.sql.split('\n')) {
				const indent = /^ */.exec(line)?.[0].length ?? 0;
				expect(line).not.toMatch(/^\t|\s$/);
				expect(indent % 2).toBe(0);
				const code = line.replace(/--.*$/, '').replace(/'[^']*'/g, "''");
				expect(code).not.toMatch(
					/\b(select|from|where|join|on|and|or|not|as|group by|order by|with|case|when|then|else|end|between|filter|desc)\b/
				);
			}
		}
	);

	it.each(CONSOLE_EXAMPLES.map((e) => [e.id, e]))(
		'%s runs and answers rows a map can place',
		async (_, e) => {
			// hotspots() reads what the console prepares before running (queries/hotspots.ts).
			for (const call of hotspotCalls(e.sql)) {
				const v = await queryShapes(db, ['village', 'community']);
				await prepareHotspots(db, v.codes, contiguity(v.polygons), call);
			}
			const t = await db.query(e.sql);
			expect(t.numRows).toBeGreaterThan(0);
			const cols = t.schema.fields.map((f) => f.name);
			const perUnit = cols.includes('code') && cols.includes('name');
			const perSite = cols.includes('lon') && cols.includes('lat');
			expect(perUnit || perSite).toBe(true);
			if (cols.includes('code')) {
				const codes = t.toArray().map((r) => String((r.toJSON() as Row).code));
				expect(codes.every((c) => names.has(c))).toBe(true);
			}
		}
	);
});

// --- The six questions, against the files --------------------------------------------------------

describe('the six questions', () => {
	it('q1: poor villages > 5 km from any resettlement community, branch still weak and lax', async () => {
		const want = units
			.filter((u) => val(u.code, latestYear, 'poor_village') === 1)
			.filter((u) => txt(u.code, latestYear, 'branch_status') === '软弱涣散')
			.map((u) => ({ u, near: nearest(u.cx, u.cy, resettlements) }))
			.filter((w) => w.near.km > 5);
		const got = await run('q1');
		expect(latestYear).toBe(2023);
		expect(codesOf(got)).toEqual(want.map((w) => w.u.code).sort());
		for (const w of want) {
			const g = got.find((r) => r.code === w.u.code)!;
			expect(g.name).toBe(w.u.name);
			expect(g.township).toBe(names.get(w.u.township));
			expect(g.nearest_community).toBe(w.near.site.name);
			expect(num(g.community_km)).toBeCloseTo(round(w.near.km, 2), 9);
		}
		// Nine branches are weak and lax in 2023, all in poor villages; four lie beyond 5 km.
		expect(got.map((r) => r.name)).toEqual(['双明村', '前河村', '金狮村', '桦栎村']);
	});

	it('q2: per township, the share of villages with 30,000–100,000 yuan in 2020', async () => {
		const income = units.map((u) => val(u.code, 2020, 'collective_income'));
		const withValue = units.filter((_, i) => income[i] !== null);
		const inBand = income.filter((v) => v !== null).map((v) => v! >= 30000 && v! <= 100000);
		const want = tally(
			withValue.map((u) => u.township),
			inBand
		);
		const got = await run('q2');
		expect(codesOf(got)).toEqual([...want.keys()].sort());
		for (const g of got) {
			const [n, k] = want.get(String(g.code))!;
			expect(g.name).toBe(names.get(String(g.code)));
			expect([num(g.units), num(g.units_3_to_10wan)]).toEqual([n, k]);
			expect(num(g.share_pct)).toBeCloseTo(round((100 * k) / n, 1), 9);
		}
		// No unit sits exactly on a bound in 2020, so open and closed bounds agree.
		expect(income.filter((v) => v === 30000 || v === 100000)).toEqual([]);
	});

	it('q3: empty shells of 2016 that earn over 100,000 yuan in 2023', async () => {
		const want = units.filter(
			(u) =>
				val(u.code, 2016, 'collective_income') === 0 &&
				(val(u.code, 2023, 'collective_income') ?? 0) > 100000
		);
		const got = await run('q3');
		expect(codesOf(got)).toEqual(want.map((u) => u.code).sort());
		for (const g of got) {
			expect(num(g.income_2016)).toBe(0);
			expect(num(g.income_2023)).toBe(val(String(g.code), 2023, 'collective_income'));
		}
		// Two of the five 三变 pilots of seed 003 are among them.
		expect(codesOf(got)).toEqual(expect.arrayContaining(['610924101215', '610924106202']));
	});

	it('q4: 500+ household communities without a qualifying factory, nearest factory', async () => {
		const want = resettlements
			.filter((c) => needsFactory(c, 'resettlement'))
			.filter((c) => !factories.some((f) => factoryQualifies(f, c)))
			.map((c) => ({ c, near: nearest(c.lon, c.lat, factories) }));
		const got = await run('q4');
		expect(codesOf(got, 'id')).toEqual(want.map((w) => w.c.id).sort());
		for (const w of want) {
			const g = got.find((r) => r.id === w.c.id)!;
			expect([g.name, num(g.lon), num(g.lat), num(g.households)]).toEqual([
				w.c.name,
				w.c.lon,
				w.c.lat,
				w.c.households
			]);
			expect(g.nearest_factory).toBe(w.near.site.name);
			expect(num(g.nearest_factory_km)).toBeCloseTo(round(w.near.km, 2), 9);
			expect(num(g.factories_within_1km2)).toBe(
				factories.filter((f) => factoryIsNear(f, w.c)).length
			);
		}
		expect(got.map((r) => r.name)).toEqual(['城关幸福社区', '洞河移民新村', '高滩安置社区']);
		// Reading the rule by each factory's registered community and stored distance instead
		// gives the same three, although four factories lie within 0.564 km of a second community.
		const byRecord = resettlements
			.filter((c) => needsFactory(c, 'resettlement'))
			.filter(
				(c) =>
					!factories.some(
						(f) =>
							f.community_id === c.id &&
							(f.distance_km ?? Infinity) <= QUALIFYING_RADIUS_KM &&
							(f.jobs ?? 0) >= MIN_FACTORY_JOBS &&
							(f.months_operating ?? 0) >= MIN_MONTHS_OPERATING
					)
			);
		expect(byRecord.map((c) => c.id).sort()).toEqual(want.map((w) => w.c.id).sort());
	});

	it('q5: first-secretary coverage of poor villages, per township and year', async () => {
		const keys: string[] = [];
		const hits: boolean[] = [];
		for (const y of YEARS)
			for (const u of units)
				if (val(u.code, y, 'poor_village') === 1) {
					keys.push(`${u.township}|${y}`);
					hits.push(val(u.code, y, 'first_secretary') === 1);
				}
		const want = tally(keys, hits);
		const got = await run('q5');
		expect(got.map((r) => `${r.code}|${r.year}`).sort()).toEqual([...want.keys()].sort());
		for (const g of got) {
			const [n, k] = want.get(`${g.code}|${g.year}`)!;
			expect(g.name).toBe(names.get(String(g.code)));
			expect([num(g.poor_villages), num(g.with_first_secretary)]).toEqual([n, k]);
			expect(num(g.coverage_pct)).toBeCloseTo(round((100 * k) / n, 1), 9);
		}
	});

	it('q6: exited poverty in 2019, still weak (below 50,000 yuan) in 2023', async () => {
		const want = units.filter(
			(u) =>
				val(u.code, 2023, 'exit_year') === 2019 &&
				(val(u.code, 2023, 'collective_income') ?? Infinity) < 50000
		);
		const got = await run('q6');
		expect(codesOf(got)).toEqual(want.map((u) => u.code).sort());
		for (const g of got) {
			const code = String(g.code);
			expect(num(g.income_2019)).toBe(val(code, 2019, 'collective_income'));
			expect(num(g.income_2023)).toBe(val(code, 2023, 'collective_income'));
		}
		expect(got.length).toBe(21);
	});
});

describe('more examples, against the files', () => {
	it('poverty incidence is the ratio of the sums, not a mean of rates', async () => {
		const got = await run('poverty-incidence');
		for (const g of got) {
			const inTown = units.filter((u) => u.township === g.code);
			const poor = inTown.reduce((s, u) => s + (val(u.code, num(g.year), 'poor_people') ?? 0), 0);
			const pop = inTown.reduce(
				(s, u) => s + (val(u.code, num(g.year), 'rural_population') ?? 0),
				0
			);
			expect([num(g.poor_people), num(g.rural_population)]).toEqual([poor, pop]);
			expect(num(g.incidence_pct)).toBeCloseTo(round((100 * poor) / pop, 2), 9);
		}
		expect(got.length).toBe(17 * YEARS.length);
	});

	it('every site lies in the village the site table records', async () => {
		const got = await run('spatial-site-village');
		expect(got.length).toBe(sites.length);
		expect(got.every((r) => r.matches_record === true)).toBe(true);
	});
});
