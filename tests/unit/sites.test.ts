/**
 * The relocation sites and seed 003's factory-gap list on the real engine over the committed
 * 紫阳县 dataset, against an independent reading: site.arrow through apache-arrow and the rule's
 * pure functions (analysis/factory-rule.ts) in JS — no SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import type { Connector } from '$lib/data/connector';
import { queryFactoryGaps, querySites } from '$lib/data/queries/sites';
import {
	factoryGap,
	factoryIsNear,
	factoryIsViable,
	needsFactory
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

// --- The file, read independently -----------------------------------------------------------

interface Row {
	id: string;
	kind: string;
	name: string;
	lon: number;
	lat: number;
	households: number | null;
	people: number | null;
	jobs: number | null;
	poor_employed: number | null;
	months_operating: number | null;
	community_id: string | null;
	opened_year: number | null;
}
const rows: Row[] = [...tableFromIPC(readFileSync('static/data/610924/site.arrow'))].map((r) => ({
	...(r.toJSON() as unknown as Row)
}));
const byId = (a: Row, b: Row) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const open = (year: number) => (r: Row) => r.opened_year == null || r.opened_year <= year;
const communitiesIn = (y: number) =>
	rows
		.filter((r) => r.kind === 'resettlement')
		.filter(open(y))
		.sort(byId);
const factoriesIn = (y: number) =>
	rows
		.filter((r) => r.kind === 'factory')
		.filter(open(y))
		.sort(byId);

/** Each community of the year under seed 003's rule, computed with the pure functions. */
function expectedStatus(year: number) {
	const factories = factoriesIn(year);
	return communitiesIn(year).map((c) => {
		const rule = needsFactory(c, 'resettlement')
			? 'resettlement'
			: needsFactory(c, 'rural')
				? 'rural'
				: null;
		const dists = factories.map((f) => distanceKm(f.lon, f.lat, c.lon, c.lat));
		const nearest = dists.length ? Math.min(...dists) : null;
		return {
			c,
			rule,
			gap: factoryGap(c, factories),
			nearestKm: nearest,
			nearestFactory: nearest === null ? null : factories[dists.indexOf(nearest)]?.name
		};
	});
}

const YEARS = [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023];

describe('sites of a year', () => {
	it.each(YEARS)(
		'%i: the communities and factories opened by then, with their numbers',
		async (y) => {
			const s = await querySites(db, y);
			const cs = communitiesIn(y);
			const fs = factoriesIn(y);
			expect(s.communities.ids).toEqual(cs.map((c) => c.id));
			expect(s.factories.ids).toEqual(fs.map((f) => f.id));
			expect(Array.from(s.communities.positions)).toEqual(cs.flatMap((c) => [c.lon, c.lat]));
			expect(Array.from(s.communities.households)).toEqual(cs.map((c) => c.households));
			expect(Array.from(s.communities.people)).toEqual(cs.map((c) => c.people));
			expect(Array.from(s.factories.positions)).toEqual(fs.flatMap((f) => [f.lon, f.lat]));
			expect(Array.from(s.factories.jobs)).toEqual(fs.map((f) => f.jobs));
			expect(Array.from(s.factories.poorEmployed)).toEqual(fs.map((f) => f.poor_employed));
			expect(s.factories.communityIds).toEqual(fs.map((f) => f.community_id));
		}
	);

	it('has no site before relocation began, and all 29 communities and 36 factories by 2020', async () => {
		const early = await querySites(db, 2014);
		expect(early.communities.count + early.factories.count).toBe(0);
		const late = await querySites(db, 2020);
		expect([late.communities.count, late.factories.count]).toEqual([29, 36]);
	});

	it('scales sizes to the largest community and factory of any year', async () => {
		const s = await querySites(db, 2016);
		const max = (k: 'households' | 'jobs') => Math.max(...rows.map((r) => r[k] ?? 0));
		expect(s.scale).toEqual({ households: max('households'), jobs: max('jobs') });
		expect(s.scale.households).toBe(2258); // 城关安置社区
	});

	it.each(YEARS)(
		'%i: each community’s rule, gap and nearest factory as the rule gives',
		async (y) => {
			const s = await querySites(db, y);
			const want = expectedStatus(y);
			expect(s.communities.rule).toEqual(want.map((w) => w.rule));
			expect(s.communities.gap).toEqual(want.map((w) => w.gap));
			expect(s.communities.nearestFactory).toEqual(want.map((w) => w.nearestFactory ?? null));
			want.forEach((w, i) => {
				const got = s.communities.nearestKm[i] as number;
				if (w.nearestKm === null) expect(got).toBeNaN();
				else expect(got).toBeCloseTo(w.nearestKm, 9);
			});
		}
	);

	it.each(YEARS)(
		'%i: a factory counts when big, long-running and within its community’s 1 km²',
		async (y) => {
			const s = await querySites(db, y);
			const communityOf = new Map(rows.map((r) => [r.id, r]));
			const want = factoriesIn(y).map((f) => {
				const c = f.community_id ? communityOf.get(f.community_id) : undefined;
				return factoryIsViable(f) && (!c || factoryIsNear(f, c)) ? 1 : 0;
			});
			expect(Array.from(s.factories.qualifies)).toEqual(want);
		}
	);
});

describe('the factory-gap list (seed 003)', () => {
	it.each(YEARS)('%i: the communities needing a qualifying factory that have none', async (y) => {
		const got = await queryFactoryGaps(db, y);
		const want = expectedStatus(y)
			.filter((w) => w.rule && w.gap)
			.sort((a, b) => (b.c.households ?? 0) - (a.c.households ?? 0) || byId(a.c, b.c));
		expect(got.map((g) => [g.id, g.name, g.households, g.rule, g.gap])).toEqual(
			want.map((w) => [w.c.id, w.c.name, w.c.households, w.rule, w.gap])
		);
		got.forEach((g, i) => expect(g.nearestKm).toBeCloseTo(want[i]?.nearestKm ?? NaN, 9));
	});

	it('2023: the three large communities the data README lists, each for its reason', async () => {
		const got = await queryFactoryGaps(db, 2023);
		expect(got.map((g) => [g.name, g.township, g.households, g.gap])).toEqual([
			['城关幸福社区', '城关镇', 1954, 'far'],
			['洞河移民新村', '洞河镇', 867, 'far'],
			['高滩安置社区', '高滩镇', 810, 'small']
		]);
		// 高滩's only factory nearby has 17 workers and runs 4 months: near, but too small.
		expect(got[2]?.nearestFactory).toBe('高滩毛绒玩具社区工厂');
		expect(got[2]?.nearestKm).toBeLessThan(0.564);
	});

	it('2016: before most factories opened, most large communities lack one', async () => {
		const got = await queryFactoryGaps(db, 2016);
		const open2016 = communitiesIn(2016).filter((c) => (c.households ?? 0) >= 100);
		expect(got.length).toBeGreaterThan(open2016.length / 2);
		expect(got.every((g) => g.households >= 100)).toBe(true);
	});
});
