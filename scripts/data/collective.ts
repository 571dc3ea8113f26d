/**
 * Collective-economy series. Villages are ranked on development (plus noise that neighbours
 * share, and the 三变 pilots' head start) into their 2020 band — about 10% above 10万, 65% in
 * 3–10万 (seed 001's "olive"), the rest weak — and most start as empty shells (0) that "break
 * the shell" between 2016 and 2019. Within a band income follows the rank, so the map's
 * clusters survive into the amounts. Growth continues after 2020, faster where better off.
 */
import { normal, randomFor } from '../../src/lib/geo/random';
import { series, type Series } from './indicator-rows';
import type { Landscape } from './landscape';
import type { Profile } from './profiles';

export type PilotLevel = '省级' | '市级' | '县级';

/** Seed 003: the 2017 三变 pilots named in 紫阳县's plan. */
export const NAMED_PILOTS: Record<string, PilotLevel> = {
	'610924101215': '省级',
	'610924117219': '省级',
	'610924106202': '省级',
	'610924109203': '市级',
	'610924103206': '市级'
};

/** The named pilots, plus one county-level pilot in every other town (the best-developed village). */
export function choosePilots(profiles: Profile[]): Map<string, PilotLevel> {
	const pilots = new Map<string, PilotLevel>();
	for (const p of profiles) {
		const level = NAMED_PILOTS[p.unit.code];
		if (level) pilots.set(p.unit.code, level);
	}
	const towns = new Map<string, Profile[]>();
	for (const p of profiles)
		if (p.unit.level === 'village')
			towns.set(p.unit.townshipCode, [...(towns.get(p.unit.townshipCode) ?? []), p]);
	for (const [, list] of [...towns].sort(([a], [b]) => (a < b ? -1 : 1))) {
		if (list.some((p) => pilots.has(p.unit.code))) continue;
		const best = [...list].sort((a, b) => b.dev - a.dev || (a.unit.code < b.unit.code ? -1 : 1))[0];
		if (best) pilots.set(best.unit.code, '县级');
	}
	return pilots;
}

/** Income in 2020 per village code, by rank: the olive-shaped distribution of seed 001. */
export function income2020(
	profiles: Profile[],
	pilots: Map<string, PilotLevel>,
	landscape: Landscape,
	seed: number
): Map<string, number> {
	const villages = profiles.filter((p) => p.unit.level === 'village');
	// The named pilots lead the county; a town's own pilot gets a head start, not a place at the top.
	const bonus: Record<PilotLevel, number> = { 省级: 3, 市级: 2, 县级: 0.5 };
	// Markets, roads and a capable town reach several villages at once: shared noise.
	const reach = landscape.field('income');
	const ranked = villages
		.map((p) => ({
			p,
			score:
				p.dev +
				0.2 * (reach.get(p.unit.code) ?? 0) +
				0.15 * normal(randomFor(p.unit.code, 'income-rank', seed)) +
				(bonus[pilots.get(p.unit.code) as PilotLevel] ?? 0)
		}))
		.sort((a, b) => b.score - a.score || (a.p.unit.code < b.p.unit.code ? -1 : 1));
	const out = new Map<string, number>();
	const n = ranked.length;
	ranked.forEach(({ p }, i) => {
		const q = i / Math.max(1, n);
		const r = randomFor(p.unit.code, 'income-2020', seed);
		const jitter = 0.92 + 0.08 * r();
		let v: number;
		if (q < 0.1) v = 105000 + 250000 * ((0.1 - q) / 0.1) ** 2 * jitter;
		else if (q < 0.75) v = 100000 - 70000 * ((q - 0.1) / 0.65) ** 1.25 * (0.95 + 0.05 * r());
		else if (q < 0.98) v = 3000 + 26000 * ((0.98 - q) / 0.23) * jitter;
		else v = 0;
		out.set(p.unit.code, Math.round(v / 100) * 100);
	});
	return out;
}

export function collectiveSeries(
	p: Profile,
	v2020: number,
	pilot: PilotLevel | undefined,
	seed: number
): Series {
	const r = randomFor(p.unit.code, 'collective', seed);
	const s: Series = new Map();
	const community = p.unit.level === 'community';
	// Communities earn rents and services: more where better off (the county seat's most).
	const well = 1 / (1 + Math.exp(-1.5 * (p.dev - 0.8)));
	const target = community
		? Math.round((60000 + 240000 * (0.8 * well + 0.2 * r())) / 100) * 100
		: v2020;
	// Bottom 55% start as empty shells; the rest start at 15–50% of their 2020 income.
	const emptyShell = !community && (v2020 < 60000 || p.dev < -0.6) && r() < 0.85;
	const breakYear = emptyShell
		? pilot
			? 2017
			: 2016 + Math.min(3, Math.floor(r() * 3 + Math.max(0, -p.dev)))
		: 2014;
	const startShare = 0.15 + 0.35 * r();
	const growth = 1.03 + 0.1 * Math.min(1, Math.max(0, 0.5 + 0.3 * p.dev + 0.15 * normal(r)));
	s.set(
		'collective_income',
		series((y) => {
			if (target === 0) return 0;
			if (y < breakYear) return 0;
			if (y >= 2020) return Math.round((target * Math.pow(growth, y - 2020)) / 100) * 100;
			const t = (y - breakYear) / (2020 - breakYear);
			return Math.round((target * startShare * Math.pow(1 / startShare, t)) / 100) * 100;
		})
	);
	if (!community)
		s.set(
			'sanbian_pilot',
			series((y) => (pilot && y >= 2017 ? pilot : '无'))
		);
	const coopStart = p.poor ? 2016 + Math.floor(r() * 2) : 2015 + Math.floor(r() * 12);
	const coopMax = p.poor ? 1 + (r() < 0.4 ? 1 : 0) : r() < 0.5 ? 1 : 2;
	s.set(
		'cooperatives',
		series((y) => (y < coopStart ? 0 : Math.min(coopMax, 1 + Math.floor((y - coopStart) / 3))))
	);
	const parkStart = p.poor
		? 2016 + Math.floor(r() * 3)
		: r() < 0.35
			? 2016 + Math.floor(r() * 8)
			: 9999;
	const twoParks = r() < 0.3;
	s.set(
		'agri_parks',
		series((y) => (community || y < parkStart ? 0 : twoParks && y - parkStart >= 4 ? 2 : 1))
	);
	return s;
}
