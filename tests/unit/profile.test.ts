/**
 * The unit profile on the real engine over the committed 紫阳县 dataset, against an independent
 * reading of the Arrow files (apache-arrow and the pure rules in JS, no SQL): every indicator's
 * value in every year, township roll-ups, ranks (DuckDB `rank()`: ties share a rank, the next
 * one skips), and the unit's communities and factories under seed 003's rule. Also: the profile
 * says the same as the map's generic query, and an unknown code is "not found".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import type { Connector } from '$lib/data/connector';
import type { IndicatorMeta, Manifest } from '$lib/data/contract';
import { queryProfile, type Profile, type ProfileIndicator } from '$lib/data/queries/profile';
import { PROFILE_DERIVED_KEYS } from '$lib/data/queries/profile-sql';
import { queryIndicatorValues } from '$lib/data/queries/indicator-values';
import { DERIVED_INDICATORS } from '$lib/analysis/derived-indicators';
import {
	factoryGap,
	factoryIsNear,
	factoryIsViable,
	needsFactory
} from '$lib/analysis/factory-rule';
import { openRegion } from './dataset-fixture';
import { statusesFromFiles } from './poverty-files';

let db: Connector;
let manifest: Manifest;
let catalogue: IndicatorMeta[];
beforeAll(async () => {
	({ db, manifest } = await openRegion('610924'));
	catalogue = [...DERIVED_INDICATORS, ...manifest.catalogue];
});
afterAll(async () => {
	await db?.close();
});

const WANGJIAHE = '610924101215'; // 王家河村, 蒿坪镇
const HAOPING = '610924101'; // 蒿坪镇
const YEAR = 2018;

// --- The files, read independently -----------------------------------------------------------

const file = (t: string) => tableFromIPC(readFileSync(`static/data/610924/${t}.arrow`));
const regions = [...file('region')].map((r) => ({
	code: String(r.code),
	name: String(r.name),
	level: String(r.level),
	parent: r.parent_code == null ? null : String(r.parent_code)
}));
const villages = regions.filter((r) => r.level === 'village' || r.level === 'community');
const townships = regions.filter((r) => r.level === 'township').map((r) => r.code);
const cell = new Map<string, { value: number | null; text: string | null }>();
for (const r of file('indicator'))
	cell.set(`${r.code}|${r.key}|${r.year}`, { value: r.value ?? null, text: r.text ?? null });
const valueOf = (code: string, key: string, y: number) =>
	cell.get(`${code}|${key}|${y}`)?.value ?? null;
const textOf = (code: string, key: string, y: number) =>
	cell.get(`${code}|${key}|${y}`)?.text ?? null;
const villagesOf = (township: string) =>
	villages.filter((v) => v.parent === township).map((v) => v.code);
const present = (xs: (number | null)[]) => xs.filter((x): x is number => x !== null);

/** A township's roll-up of a stored key as its catalogue rule says, computed in JS. */
function rollupFromFiles(township: string, key: string, y: number): number | null {
	const vs = villagesOf(township);
	const xs = present(vs.map((v) => valueOf(v, key, y)));
	switch (key) {
		case 'poor_households':
		case 'collective_income':
			return xs.length ? xs.reduce((a, b) => a + b, 0) : null;
		case 'incidence': {
			const both = vs.filter(
				(v) => valueOf(v, 'poor_people', y) !== null && valueOf(v, 'rural_population', y) !== null
			);
			const sum = (k: string) => both.reduce((a, v) => a + (valueOf(v, k, y) as number), 0);
			return both.length ? sum('poor_people') / sum('rural_population') : null;
		}
		case 'first_secretary':
			return xs.length ? xs.filter((x) => x === 1).length / xs.length : null;
		case 'exit_year':
			return xs.length ? Math.max(...xs) : null;
		case 'fs_score':
			return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
		case 'branch_status': {
			const ts = vs.map((v) => textOf(v, key, y)).filter((t) => t !== null);
			return ts.length ? ts.filter((t) => t === '标准').length : null;
		}
	}
	throw new Error(`no JS roll-up for ${key}`);
}

/** DuckDB's rank(): 1 + the units strictly better; `of` the units with a value. */
function rankFromValues(mine: number, all: number[], better: string) {
	const beats = (x: number) => (better === 'lower' ? x < mine : x > mine);
	return {
		rank: 1 + all.filter(beats).length,
		of: all.length,
		tied: all.filter((x) => x === mine).length > 1
	};
}

const cache = new Map<string, Profile>();
async function profileOf(code: string, year = YEAR): Promise<Profile> {
	const k = `${code}|${year}`;
	if (!cache.has(k)) {
		const r = await queryProfile(db, { code, year, years: manifest.years, catalogue });
		if (!r.found) throw new Error(`${code} not found`);
		cache.set(k, r.profile);
	}
	return cache.get(k) as Profile;
}
const indicator = (p: Profile, key: string) =>
	p.indicators.find((i) => i.meta.key === key) as ProfileIndicator;

// --- A village ---------------------------------------------------------------------------------

describe('the profile of 王家河村', () => {
	it('names the village, its township and county', async () => {
		const p = await profileOf(WANGJIAHE);
		expect([p.name, p.level, p.township?.name, p.county?.name]).toEqual([
			'王家河村',
			'village',
			'蒿坪镇',
			'紫阳县'
		]);
		expect(p.years).toEqual(manifest.years);
	});

	it('lists every catalogue indicator, derived ones first, in catalogue order', async () => {
		const p = await profileOf(WANGJIAHE);
		expect(p.indicators.map((i) => i.meta.key)).toEqual(catalogue.map((m) => m.key));
		expect(PROFILE_DERIVED_KEYS).toEqual(DERIVED_INDICATORS.map((d) => d.key));
	});

	it('has each stored indicator’s value and category of every year, as in indicator.arrow', async () => {
		const p = await profileOf(WANGJIAHE);
		for (const m of manifest.catalogue) {
			const got = indicator(p, m.key);
			expect(got.values, m.key).toEqual(manifest.years.map((y) => valueOf(WANGJIAHE, m.key, y)));
			const texts = manifest.years.map((y) =>
				m.kind === 'category' ? textOf(WANGJIAHE, m.key, y) : null
			);
			expect(got.texts, m.key).toEqual(texts);
		}
		// Spot checks a person can read: income grows, the poor households fall to none.
		expect(indicator(p, 'poor_households').values.at(-1)).toBe(0);
		expect(indicator(p, 'branch_status').texts.every((t) => t === '标准' || t === '软弱涣散')).toBe(
			true
		);
	});

	it('has the poverty-exit status of every year by the JS rule', async () => {
		const p = await profileOf(WANGJIAHE);
		const want = manifest.years.map((y) => statusesFromFiles(y).get(WANGJIAHE) ?? null);
		expect(indicator(p, 'poverty_status').texts).toEqual(want);
		expect(want).toContain('exited_this_year');
	});

	it('ranks numbers within the township and the county as rank() over the files does', async () => {
		const p = await profileOf(WANGJIAHE);
		const ranked = catalogue.filter((m) => ['count', 'amount', 'ratio', 'year'].includes(m.kind));
		expect(ranked.length).toBeGreaterThan(20);
		for (const m of ranked) {
			const mine = valueOf(WANGJIAHE, m.key, YEAR);
			const got = indicator(p, m.key);
			if (mine === null) {
				expect(got.inCounty, m.key).toBeNull();
				continue;
			}
			const over = (codes: string[]) => present(codes.map((c) => valueOf(c, m.key, YEAR)));
			expect(got.inTownship, m.key).toEqual(
				rankFromValues(mine, over(villagesOf(HAOPING)), m.better)
			);
			expect(got.inCounty, m.key).toEqual(
				rankFromValues(mine, over(villages.map((v) => v.code)), m.better)
			);
		}
		// Flags and categories are not ranked.
		expect(indicator(p, 'first_secretary').inCounty).toBeNull();
		expect(indicator(p, 'branch_status').inCounty).toBeNull();
	});

	it('ranks the lowest first where lower is better, the highest where higher is', async () => {
		const codes = villages.map((v) => v.code);
		const low = codes.reduce((a, c) =>
			(valueOf(c, 'poor_people', YEAR) ?? Infinity) < (valueOf(a, 'poor_people', YEAR) ?? Infinity)
				? c
				: a
		);
		const high = codes.reduce((a, c) =>
			(valueOf(c, 'collective_income', YEAR) ?? -1) > (valueOf(a, 'collective_income', YEAR) ?? -1)
				? c
				: a
		);
		expect(indicator(await profileOf(low), 'poor_people').inCounty?.rank).toBe(1);
		expect(indicator(await profileOf(high), 'collective_income').inCounty?.rank).toBe(1);
	});
});

// --- A township -------------------------------------------------------------------------------

describe('the profile of 蒿坪镇', () => {
	const KEYS = [
		'poor_households',
		'collective_income',
		'incidence',
		'first_secretary',
		'exit_year',
		'fs_score',
		'branch_status'
	];

	it('rolls up its villages by each indicator’s rule, every year', async () => {
		const p = await profileOf(HAOPING);
		expect([p.name, p.level, p.township, p.county?.name]).toEqual([
			'蒿坪镇',
			'township',
			null,
			'紫阳县'
		]);
		for (const key of KEYS) {
			const got = indicator(p, key).values;
			manifest.years.forEach((y, i) => {
				const want = rollupFromFiles(HAOPING, key, y);
				if (want === null) expect(got[i], `${key} ${y}`).toBeNull();
				else expect(got[i], `${key} ${y}`).toBeCloseTo(want, 9);
			});
		}
		expect(indicator(p, 'branch_status').category).toBe('标准');
	});

	it('counts its villages per category in the chosen year', async () => {
		const p = await profileOf(HAOPING);
		const counts = new Map<string, number>();
		for (const v of villagesOf(HAOPING)) {
			const t = textOf(v, 'branch_status', YEAR);
			if (t !== null) counts.set(t, (counts.get(t) ?? 0) + 1);
		}
		const got = indicator(p, 'branch_status').breakdown;
		expect(new Map(got.map((b) => [b.category, b.count]))).toEqual(counts);
		expect(got[0]?.category).toBe('标准'); // the catalogue's order
	});

	it('ranks among the county’s townships, and has no township rank', async () => {
		const p = await profileOf(HAOPING);
		for (const key of KEYS.filter((k) => k !== 'branch_status')) {
			const meta = catalogue.find((m) => m.key === key) as IndicatorMeta;
			const all = present(townships.map((t) => rollupFromFiles(t, key, YEAR)));
			const mine = rollupFromFiles(HAOPING, key, YEAR) as number;
			expect(indicator(p, key).inCounty, key).toEqual(rankFromValues(mine, all, meta.better));
			expect(indicator(p, key).inTownship).toBeNull();
		}
	});
});

// --- The map's own query ----------------------------------------------------------------------

describe('agreement with the generic indicator query', () => {
	it.each([
		[WANGJIAHE, 'village'],
		[HAOPING, 'township']
	] as const)('%s: every indicator in 2016 and 2021 as the map shows it', async (code, level) => {
		for (const year of [2016, 2021]) {
			const p = await profileOf(code, year);
			const i = manifest.years.indexOf(year);
			for (const meta of catalogue) {
				const map = await queryIndicatorValues(db, meta, { key: meta.key, year, level });
				const row = map.codes.indexOf(code);
				const mine = indicator(p, meta.key);
				const want = map.values[row] ?? null;
				if (want === null) expect(mine.values[i], `${meta.key} ${year}`).toBeNull();
				else expect(mine.values[i], `${meta.key} ${year}`).toBeCloseTo(want, 9);
				if (level === 'village') expect(mine.texts[i], meta.key).toBe(map.texts[row] ?? null);
			}
		}
	});
});

// --- Sites ------------------------------------------------------------------------------------

interface SiteRow {
	id: string;
	kind: string;
	name: string;
	township_code: string;
	village_code: string;
	lon: number;
	lat: number;
	households: number | null;
	people: number | null;
	jobs: number | null;
	months_operating: number | null;
	community_id: string | null;
	opened_year: number | null;
}
const sites = [...file('site')].map((r) => r.toJSON() as unknown as SiteRow);
const openIn = (y: number) => sites.filter((s) => s.opened_year == null || s.opened_year <= y);

/** The unit's sites in a year as seed 003's pure functions judge them. */
function sitesFromFiles(code: string, y: number) {
	const here = openIn(y).filter(
		(s) => (code.length === 9 ? s.township_code : s.village_code) === code
	);
	const factories = openIn(y).filter((s) => s.kind === 'factory');
	const byId = new Map(sites.map((s) => [s.id, s]));
	return {
		communities: here
			.filter((s) => s.kind === 'resettlement')
			.map((c) => ({
				id: c.id,
				households: c.households,
				lacks:
					(needsFactory(c, 'resettlement') || needsFactory(c, 'rural')) &&
					factoryGap(c, factories) !== null
			})),
		factories: here
			.filter((s) => s.kind === 'factory')
			.map((f) => {
				const c = f.community_id ? byId.get(f.community_id) : undefined;
				return {
					id: f.id,
					jobs: f.jobs,
					qualifies: factoryIsViable(f) && (!c || factoryIsNear(f, c))
				};
			})
	};
}
const sorted = <T extends { id: string }>(xs: T[]) =>
	[...xs].sort((a, b) => a.id.localeCompare(b.id));

describe('sites', () => {
	const withSites = [...new Set(sites.map((s) => s.village_code))].sort();
	// A township with a community that needs a qualifying factory and lacks one, if the data has one.
	const gapTownship = townships.find((t) =>
		sitesFromFiles(t, 2023).communities.some((c) => c.lacks)
	);

	it.each([2016, 2023])(
		'%i: a village’s and a township’s sites equal site.arrow’s, with the rule’s verdicts',
		async (y) => {
			for (const code of [withSites[0] as string, HAOPING, ...(gapTownship ? [gapTownship] : [])]) {
				const p = await profileOf(code, y);
				const want = sitesFromFiles(code, y);
				expect(
					sorted(p.communities).map((c) => ({
						id: c.id,
						households: c.households,
						lacks: c.lacksFactory
					})),
					code
				).toEqual(sorted(want.communities));
				expect(
					sorted(p.factories).map((f) => ({ id: f.id, jobs: f.jobs, qualifies: f.qualifies })),
					code
				).toEqual(sorted(want.factories));
			}
		}
	);

	it('marks the community that lacks a qualifying factory', async () => {
		expect(gapTownship, 'the dataset has a gap community in 2023').toBeDefined();
		const p = await profileOf(gapTownship as string, 2023);
		const lacking = p.communities.filter((c) => c.lacksFactory);
		expect(lacking.length).toBeGreaterThan(0);
		expect(lacking.every((c) => c.gap !== null && c.rule !== null)).toBe(true);
	});

	it('gives a village without sites empty lists', async () => {
		const bare = villages.find((v) => !sites.some((s) => s.village_code === v.code)) as {
			code: string;
		};
		const p = await profileOf(bare.code, 2023);
		expect([p.communities, p.factories]).toEqual([[], []]);
	});
});

// --- Not found --------------------------------------------------------------------------------

describe('unknown codes', () => {
	it.each(['610924999999', 'nonsense', '610924'])(
		'%s is not found (a county has no profile)',
		async (code) => {
			const r = await queryProfile(db, { code, year: YEAR, years: manifest.years, catalogue });
			expect(r).toEqual({ found: false, code });
		}
	);
});
