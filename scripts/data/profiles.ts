/**
 * The hidden "state" of every village from which all its indicators follow, so that they are
 * plausible together: remoteness (distance from the county seat), a latent development score,
 * population, whether it was a registered poor village, its level and exit year. Remote, less
 * developed villages are poorer, exit later and relocate more people.
 */
import { normal, randomFor } from '../../src/lib/geo/random';
import type { Point } from '../../src/lib/geo/types';
import type { DivisionUnit } from './divisions';

export const YEARS = [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023];

export interface Profile {
	unit: DivisionUnit;
	countyCode: string;
	/** 0 at the county seat, 1 at the farthest unit of the county. */
	remote: number;
	/** Latent development, roughly standard normal; higher is better off. */
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
	seeds: Map<string, Point>;
	centre: Point;
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
	{ code, units, seeds, centre, seatTownship }: CountyInput,
	seed: number
): Profile[] {
	const kx = Math.cos((centre[1] * Math.PI) / 180);
	const dist = units.map((u) => {
		const p = seeds.get(u.code) ?? centre;
		return Math.hypot((p[0] - centre[0]) * kx, p[1] - centre[1]);
	});
	const maxDist = Math.max(...dist, 1e-9);
	const profiles: Profile[] = units.map((unit, i) => {
		const r = randomFor(unit.code, 'profile', seed);
		const remote = (dist[i] as number) / maxDist;
		const seat = unit.townshipCode === seatTownship;
		const community = unit.level === 'community';
		const dev = -1.6 * remote + 0.6 * normal(r) + (seat ? 0.7 : 0) + (community ? 1.2 : 0);
		const base = community ? (seat ? 4200 : 2400) : 1900 - 700 * remote;
		const population = Math.max(
			community ? 600 : 450,
			Math.round(base * Math.exp(0.28 * normal(r)))
		);
		const householdSize = 2.9 + 0.6 * r();
		return {
			unit,
			countyCode: code,
			remote,
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
	markPoor(profiles, seed);
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
function markPoor(profiles: Profile[], seed: number) {
	const villages = profiles
		.filter((p) => p.unit.level === 'village')
		.sort((a, b) => a.dev - b.dev || (a.unit.code < b.unit.code ? -1 : 1));
	const poor = villages.slice(0, Math.round(villages.length * POOR_SHARE));
	poor.forEach((p, i) => {
		p.poor = true;
		const q = i / Math.max(1, poor.length);
		p.poorLevel = q < 0.18 ? '深度贫困' : q < 0.63 ? '省级' : '市级';
	});
	// Exit order: better-off poor villages first, with some noise; deep-poverty ones last.
	const order = poor
		.map((p) => ({
			p,
			key:
				-p.dev +
				0.5 * normal(randomFor(p.unit.code, 'exit', seed)) +
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
