/**
 * Relocation sites: resettlement communities (安置社区) near town centres and community factories
 * (社区工厂) beside them, plus how many households and people each village relocated. For 紫阳县
 * the totals are seed 003's exactly (23,450 households, 75,777 people; 30+ factories averaging
 * about 150 jobs, 5,000+ poor labourers employed). A few large communities are deliberately left
 * without a qualifying factory (none, too far, or too small) so gap analysis finds something.
 */
import {
	MIN_FACTORY_JOBS,
	MIN_MONTHS_OPERATING,
	needsFactory,
	QUALIFYING_RADIUS_KM
} from '../../src/lib/analysis/factory-rule';
import type { SiteRow } from '../../src/lib/data/contract';
import { destinationPoint, distanceKm } from '../../src/lib/geo/distance';
import { normal, randomFor, type Random } from '../../src/lib/geo/random';
import { pointInPolygons } from '../../src/lib/geo/ring';
import type { Point, Polygons } from '../../src/lib/geo/types';
import { allocate } from './allocate';
import type { Township } from './divisions';
import type { Boundary } from './geometry';
import type { Profile } from './profiles';

/** A row of the `site` table (the contract's). */
export type Site = SiteRow;

/** Seed 003's figures for 紫阳县; other counties are scaled from their own generated villages. */
export const CALIBRATION: Record<
	string,
	{ households: number; people: number; factories: number }
> = {
	'610924': { households: 23450, people: 75777, factories: 36 }
};

const PRODUCTS = [
	'毛绒玩具',
	'服装',
	'电子',
	'富硒茶加工',
	'制鞋',
	'假发',
	'箱包',
	'手工艺品',
	'魔芋加工'
];
const SUFFIXES = ['安置社区', '移民新村', '集镇安置点', '幸福社区'];

export interface CountySites {
	sites: Site[];
	relocatedHouseholds: Map<string, number>;
	relocatedPeople: Map<string, number>;
}

export interface SiteInput {
	countyCode: string;
	profiles: Profile[];
	townships: Township[];
	townCentres: Map<string, Point>;
	boundaries: Map<string, Boundary>;
	seatTownship: string | undefined;
	seed: number;
}

/** The point `km` from p at `angle` (radians anticlockwise from east), on the project's sphere. */
function offset(p: Point, km: number, angle: number): Point {
	return destinationPoint(p[0], p[1], km, Math.PI / 2 - angle);
}

/** A point `km` from p (shrinking if needed) that stays inside `within`. */
function placeNear(p: Point, km: number, within: Polygons, r: Random): Point {
	for (let t = 0; t < 40; t++) {
		const q = offset(p, km * (1 - t / 50), r() * 2 * Math.PI);
		if (pointInPolygons(q[0], q[1], within))
			return [Math.round(q[0] * 1e6) / 1e6, Math.round(q[1] * 1e6) / 1e6];
	}
	return [Math.round(p[0] * 1e6) / 1e6, Math.round(p[1] * 1e6) / 1e6];
}

export function buildSites(input: SiteInput): CountySites {
	const { countyCode, profiles, townships, townCentres, boundaries, seatTownship, seed } = input;
	const r = randomFor(countyCode, 'sites', seed);
	const villages = profiles.filter((p) => p.unit.level === 'village');
	const cal = CALIBRATION[countyCode];
	const regHh = villages.reduce((s, p) => s + p.registeredHouseholds, 0);
	const households = cal?.households ?? Math.round(regHh * 0.35);
	const people = cal?.people ?? Math.round(households * 3.2);
	// Remote, less developed poor villages relocate most (so relocation clusters where poverty
	// does); never more than 85% of a village's registered poor.
	const hhWeights = villages.map(
		(p) => p.registeredHouseholds * (0.3 + p.remote) * Math.exp(-0.6 * p.dev) * (p.poor ? 1.6 : 1)
	);
	const hh = allocate(
		households,
		hhWeights,
		villages.map((p) => Math.floor(p.registeredHouseholds * 0.85))
	);
	const pp = allocate(
		people,
		hh.map((h, i) => h * (villages[i] as Profile).householdSize),
		villages.map((p, i) => Math.max(hh[i] as number, Math.floor(p.registeredPeople * 0.9)))
	);
	const relocatedHouseholds = new Map(villages.map((p, i) => [p.unit.code, hh[i] as number]));
	const relocatedPeople = new Map(villages.map((p, i) => [p.unit.code, pp[i] as number]));

	const towns = townships.filter((t) => t.countyCode === countyCode && townCentres.has(t.code));
	const unitCount = new Map<string, number>();
	for (const p of profiles)
		unitCount.set(p.unit.townshipCode, (unitCount.get(p.unit.townshipCode) ?? 0) + 1);
	const plan: { town: Township; weight: number; index: number }[] = [];
	for (const town of towns) {
		const n = town.code === seatTownship ? 4 : (unitCount.get(town.code) ?? 0) >= 12 ? 2 : 1;
		for (let i = 0; i < n; i++)
			plan.push({
				town,
				weight: town.code === seatTownship ? 6 + 4 * r() : 0.8 + 2.4 * r(),
				index: i
			});
	}
	const commHh = allocate(
		households,
		plan.map((p) => p.weight)
	);
	const commPeople = allocate(people, commHh);
	const locate = (pt: Point, townCode: string) => {
		for (const p of profiles) {
			if (p.unit.townshipCode !== townCode) continue;
			const b = boundaries.get(p.unit.code);
			if (b && pointInPolygons(pt[0], pt[1], b.polygons)) return p.unit.code;
		}
		const inTown = profiles.find((p) => p.unit.townshipCode === townCode);
		return inTown?.unit.code ?? '';
	};
	// A district of urban communities only has no one to relocate: it gets no sites, and a
	// county with few relocated households gets no empty communities.
	const kept = plan
		.map((p, i) => ({ ...p, hh: commHh[i] as number, pp: commPeople[i] as number }))
		.filter((p) => p.hh > 0);
	if (kept.length === 0) return { sites: [], relocatedHouseholds, relocatedPeople };
	const communities: Site[] = kept.map(({ town, index, hh, pp }, i) => {
		const centre = townCentres.get(town.code) as Point;
		const within = boundaries.get(town.code)?.polygons ?? [];
		const pt = placeNear(centre, (town.code === seatTownship ? 0.4 : 0.2) + r() * 1.2, within, r);
		const stem = town.name.replace(/(镇|乡|街道|街道办事处)$/, '');
		return {
			id: `R${countyCode}-${String(i + 1).padStart(2, '0')}`,
			kind: 'resettlement',
			name: `${stem}${SUFFIXES[index % SUFFIXES.length]}`,
			township_code: town.code,
			village_code: locate(pt, town.code),
			lon: pt[0],
			lat: pt[1],
			households: hh,
			people: pp,
			jobs: null,
			poor_employed: null,
			months_operating: null,
			community_id: null,
			distance_km: null,
			opened_year: 2016 + Math.floor(r() * 3)
		};
	});
	const factories = buildFactories(
		countyCode,
		communities,
		profiles,
		boundaries,
		cal?.factories,
		r,
		locate
	);
	return { sites: [...communities, ...factories], relocatedHouseholds, relocatedPeople };
}

function buildFactories(
	countyCode: string,
	communities: Site[],
	profiles: Profile[],
	boundaries: Map<string, Boundary>,
	target: number | undefined,
	r: Random,
	locate: (pt: Point, townCode: string) => string
): Site[] {
	const big = communities
		.filter((c) => needsFactory(c, 'resettlement'))
		.sort((a, b) => (b.households ?? 0) - (a.households ?? 0));
	// Gap communities: large but not the largest, one each of: no factory, too far, too small.
	const gaps = new Map<string, 'none' | 'far' | 'small'>();
	const gapKinds = ['none', 'far', 'small'] as const;
	big
		.slice(1)
		.filter((_, i) => i % 3 === 1)
		.slice(0, 3)
		.forEach((c, i) => gaps.set(c.id, gapKinds[i] as 'none' | 'far' | 'small'));
	const hosts: { community: Site | null; village: Profile | null; fail?: 'far' | 'small' }[] = [];
	for (const c of big) {
		const gap = gaps.get(c.id);
		if (gap === 'none') continue;
		hosts.push({ community: c, village: null, fail: gap });
		if ((c.households ?? 0) >= 1500 && !gap) hosts.push({ community: c, village: null });
	}
	const want = target ?? Math.max(hosts.length, Math.round(communities.length * 1.1));
	// Smaller communities of 100+ households are held to the rural-concentration rule.
	for (const c of communities.filter(
		(c) => !needsFactory(c, 'resettlement') && needsFactory(c, 'rural')
	)) {
		if (hosts.length >= want) break;
		hosts.push({ community: c, village: null });
	}
	// The rest go to the largest villages: rural concentrations of 100+ households.
	const rural = profiles
		.filter((p) => p.unit.level === 'village')
		.sort((a, b) => b.population - a.population);
	for (const v of rural) {
		if (hosts.length >= want) break;
		hosts.push({ community: null, village: v });
	}
	const sites = hosts.map((h, i): Site => {
		// A 'small' gap misses the rule's size and season (12–18 workers, 4–5 months); the rest
		// clear both.
		const jobs =
			h.fail === 'small'
				? MIN_FACTORY_JOBS - 8 + Math.floor(r() * 7)
				: Math.round(Math.min(600, Math.max(30, 150 * Math.exp(0.45 * normal(r) - 0.08))));
		const months =
			h.fail === 'small'
				? MIN_MONTHS_OPERATING - 2 + Math.floor(r() * 2)
				: MIN_MONTHS_OPERATING + 1 + Math.floor(r() * 6);
		let anchor: Point;
		let townCode: string;
		let km: number | null = null;
		if (h.community) {
			anchor = [h.community.lon, h.community.lat];
			townCode = h.community.township_code;
			// A 'far' gap lies 0.4–1.0 km beyond the rule's radius; the rest well inside it.
			km =
				h.fail === 'far'
					? QUALIFYING_RADIUS_KM + 0.4 + r() * 0.6
					: 0.08 + r() * (QUALIFYING_RADIUS_KM - 0.16);
		} else {
			const v = h.village as Profile;
			const b = boundaries.get(v.unit.code) as Boundary;
			anchor = b.label;
			townCode = v.unit.townshipCode;
		}
		const within = boundaries.get(townCode)?.polygons ?? [];
		const pt = placeNear(anchor, km ?? 0.1 + r() * 0.3, within, r);
		const product = PRODUCTS[Math.floor(r() * PRODUCTS.length)] as string;
		const place = h.community
			? h.community.name.replace(/(安置社区|移民新村|集镇安置点|幸福社区)$/, '')
			: (h.village?.unit.name ?? '');
		return {
			id: `F${countyCode}-${String(i + 1).padStart(2, '0')}`,
			kind: 'factory',
			name: `${place}${product}社区工厂`,
			township_code: townCode,
			village_code: h.village ? h.village.unit.code : locate(pt, townCode),
			lon: pt[0],
			lat: pt[1],
			households: null,
			people: null,
			jobs,
			poor_employed: 0,
			months_operating: months,
			community_id: h.community?.id ?? null,
			distance_km: h.community
				? Math.round(distanceKm(pt[0], pt[1], anchor[0], anchor[1]) * 1000) / 1000
				: null,
			opened_year: 2016 + Math.floor(r() * 5)
		};
	});
	// Seed 003: average 150+ jobs; 5,000+ poor labourers employed in total (cumulative).
	const ok = sites.filter((s) => (s.jobs ?? 0) >= MIN_FACTORY_JOBS);
	const mean = ok.reduce((s, f) => s + (f.jobs ?? 0), 0) / Math.max(1, sites.length);
	const lift = mean < 156 ? 156 / mean : 1;
	for (const s of ok) s.jobs = Math.round((s.jobs ?? 0) * lift);
	for (const s of sites) s.poor_employed = Math.round((s.jobs ?? 0) * (0.75 + 0.5 * r()));
	const poorTotal = sites.reduce((s, f) => s + (f.poor_employed ?? 0), 0);
	if (countyCode in CALIBRATION && poorTotal < 5200) {
		for (const s of sites) s.poor_employed = Math.ceil(((s.poor_employed ?? 0) * 5200) / poorTotal);
	}
	return sites;
}
