/**
 * The hidden "state" of every village from which all its indicators follow, so that they are
 * plausible together and cluster in space: remoteness (distance from the county seat and from
 * its town seat), a latent development score that is mostly a smooth random field (see
 * landscape.ts) so that neighbours resemble each other, population, whether it was a registered
 * poor village, its level and exit year. Remote, less developed villages are poorer, exit later
 * and relocate more people.
 */
import { normal, randomFor } from '../../src/lib/geo/random';
import type { DivisionUnit } from './divisions';
import type { Landscape } from './landscape';

export const YEARS = [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023];

export interface Profile {
	unit: DivisionUnit;
	countyCode: string;
	/** 0 at the county seat, 1 at the farthest unit of the county. */
	remote: number;
	/** 0 at its town seat, 1 at the town's farthest unit. */
	townRemote: number;
	/** Latent development (villages average about −0.9, spread about 0.8); higher is better off. */
	dev: number;
	population: number;
	householdSize: number;
	poor: boolean;
	poorLevel: '省级' | '市级' | '深度贫困' | null;
	exitYear: number | null;
	registeredPeople: number;
	registeredHouseholds: number;
	seat: boolean;
}

export interface CountyInput {
	code: string;
	units: DivisionUnit[];
	landscape: Landscape;
	seatTownship: string | undefined;
}

const POOR_SHARE = 0.6;
const EXIT_SHARES: [number, number][] = [
	[2016, 0.1],
	[2017, 0.2],
	[2018, 0.25],
	[2019, 0.3],
	[2020, 0.15]
];

export function buildProfiles(
	{ code, units, landscape, seatTownship }: CountyInput,
	seed: number
): Profile[] {
	const terrain = landscape.field('development');
	const people = landscape.field('population');
	// Mostly spatial: distance from both seats and the smooth field, so neighbours are alike.
	const place = (u: DivisionUnit) =>
		-2.2 * (landscape.remote.get(u.code) ?? 0) -
		0.8 * (landscape.townRemote.get(u.code) ?? 0) +
		0.5 * (terrain.get(u.code) ?? 0);
	// Centred on the villages' mean, so a county’s villages average about −0.9 whatever its
	// shape: the thresholds downstream (empty shells, break years) are calibrated to that.
	const villages = units.filter((u) => u.level === 'village');
	const centre = villages.reduce((s, u) => s + place(u), 0) / Math.max(1, villages.length);
	const profiles: Profile[] = units.map((unit) => {
		const r = randomFor(unit.code, 'profile', seed);
		const remote = landscape.remote.get(unit.code) ?? 0;
		const townRemote = landscape.townRemote.get(unit.code) ?? 0;
		const seat = unit.townshipCode === seatTownship;
		const community = unit.level === 'community';
		// A little of the village's own luck, so neighbours are not identical.
		const dev =
			-0.9 + place(unit) - centre + 0.15 * normal(r) + (seat ? 0.7 : 0) + (community ? 1.2 : 0);
		const base = community ? (seat ? 4200 : 2400) : 1900 - 700 * remote;
		// Valley floors are populous and mountain villages small, over several villages at once.
		const spread = 0.2 * (people.get(unit.code) ?? 0) + 0.15 * normal(r);
		const population = Math.max(community ? 600 : 450, Math.round(base * Math.exp(spread)));
		const householdSize = 2.9 + 0.6 * r();
		return {
			unit,
			countyCode: code,
			remote,
			townRemote,
			dev,
			population,
			householdSize,
			poor: false,
			poorLevel: null,
			exitYear: null,
			registeredPeople: 0,
			registeredHouseholds: 0,
			seat
		};
	});
	markPoor(profiles, landscape, seed);
	for (const p of profiles) {
		const r = randomFor(p.unit.code, 'registered', seed);
		const rate =
			p.unit.level === 'community'
				? 0.03 + 0.07 * r()
				: p.poor
					? 0.42 + 0.1 * (p.poorLevel === '深度贫困' ? 1 : 0) + 0.12 * r()
					: 0.16 + 0.16 * r();
		p.registeredPeople = Math.max(3, Math.round(p.population * rate));
		p.registeredHouseholds = Math.max(1, Math.round(p.registeredPeople / p.householdSize));
	}
	return profiles;
}

/** The least developed 60% of villages are poor; the least developed of those are 深度贫困. */
function markPoor(profiles: Profile[], landscape: Landscape, seed: number) {
	const villages = profiles
		.filter((p) => p.unit.level === 'village')
		.sort((a, b) => a.dev - b.dev || (a.unit.code < b.unit.code ? -1 : 1));
	const poor = villages.slice(0, Math.round(villages.length * POOR_SHARE));
	poor.forEach((p, i) => {
		p.poor = true;
		const q = i / Math.max(1, poor.length);
		p.poorLevel = q < 0.18 ? '深度贫困' : q < 0.63 ? '省级' : '市级';
	});
	// Exit order: better-off poor villages first, with some noise that neighbours share (a
	// town's push moves several villages at once); deep-poverty ones last.
	const push = landscape.field('exit');
	const order = poor
		.map((p) => ({
			p,
			key:
				-p.dev +
				0.4 * (push.get(p.unit.code) ?? 0) +
				0.15 * normal(randomFor(p.unit.code, 'exit', seed)) +
				(p.poorLevel === '深度贫困' ? 1.5 : 0)
		}))
		.sort((a, b) => a.key - b.key || (a.p.unit.code < b.p.unit.code ? -1 : 1));
	let k = 0;
	EXIT_SHARES.forEach(([year, share], j) => {
		const n = j === EXIT_SHARES.length - 1 ? order.length - k : Math.round(share * order.length);
		for (let m = 0; m < n && k < order.length; m++)
			(order[k++] as { p: Profile }).p.exitYear = year;
	});
}
