/**
 * Everything generated for one county once its geometry exists: village profiles, sites, and
 * the indicator series of every village and community. Shared by region builds and the
 * national build, which streams county by county.
 */
import { hashSeed } from '../../src/lib/geo/random';
import type { Point } from '../../src/lib/geo/types';
import { choosePilots, collectiveSeries, income2020 } from './collective';
import type { County, DivisionUnit, Township } from './divisions';
import { seatTownship, type Boundary, type DomainGeometry } from './geometry';
import { emitUnit, type IndicatorColumns, type Keep, type Series } from './indicator-rows';
import { buildLandscape } from './landscape';
import { partySeries, type PartyFlags } from './party';
import { povertySeries, relocationSeries } from './poverty';
import { buildProfiles, type Profile } from './profiles';
import { buildSites, type Site } from './sites';
import { weakBranches } from './weak-branches';

export interface CountyInputs {
	county: County;
	townships: Township[];
	units: DivisionUnit[];
	boundaries: Map<string, Boundary>;
	seeds: Map<string, Point>;
	townCentres: Map<string, Point>;
	seatTownship: string | undefined;
	seed: number;
}

/** The inputs for one county of a generated domain: its townships, units and geometry. */
export function countyInputs(
	county: County,
	townships: Township[],
	unitsByTownship: Map<string, DivisionUnit[]>,
	geo: DomainGeometry,
	seed: number
): CountyInputs {
	return {
		county,
		townships,
		units: townships.flatMap((t) => unitsByTownship.get(t.code) ?? []),
		boundaries: new Map(geo.boundaries.map((b) => [b.code, b])),
		seeds: geo.seeds,
		townCentres: geo.townCentres,
		seatTownship: seatTownship(townships)?.code,
		seed
	};
}

/** A few poor villages, chosen by hash, left short of a first secretary or reserve cadres. */
function partyFlags(profiles: Profile[], seed: number): Map<string, PartyFlags> {
	const flags = new Map<string, PartyFlags>();
	const poor = profiles
		.filter((p) => p.poor)
		.sort((a, b) => hashSeed(a.unit.code, seed) - hashSeed(b.unit.code, seed));
	const fewFs = Math.max(1, Math.round(poor.length * 0.04));
	const fewCadres = Math.max(1, Math.round(poor.length * 0.05));
	poor
		.slice(0, fewFs)
		.forEach((p, i) => flags.set(p.unit.code, { noSecretaryFrom: 2019 + (i % 5) }));
	poor
		.slice(fewFs, fewFs + fewCadres)
		.forEach((p, i) => flags.set(p.unit.code, { fewCadresFrom: 2020 + (i % 4) }));
	// Two demonstration villages per town (seed 003: 各镇建立2个左右示范点), the best-developed poor ones.
	const towns = new Map<string, Profile[]>();
	for (const p of profiles)
		if (p.unit.level === 'village')
			towns.set(p.unit.townshipCode, [...(towns.get(p.unit.townshipCode) ?? []), p]);
	for (const list of towns.values()) {
		const ranked = [...list].sort((a, b) => Number(b.poor) - Number(a.poor) || b.dev - a.dev);
		for (const p of ranked.slice(0, 2))
			flags.set(p.unit.code, { ...flags.get(p.unit.code), demo: true });
	}
	return flags;
}

export interface CountyOutput {
	profiles: Profile[];
	sites: Site[];
}

/** Generate one county; its indicator rows (those `keep` accepts, default all) go to `out`. */
export function generateCounty(
	input: CountyInputs,
	out: IndicatorColumns,
	keep?: Keep
): CountyOutput {
	const { county, units, seeds, townCentres, seatTownship, seed } = input;
	const centre = (seatTownship && townCentres.get(seatTownship)) ||
		input.boundaries.get(county.code)?.label || [0, 0];
	const landscape = buildLandscape({
		countyCode: county.code,
		units,
		positions: seeds,
		centre,
		townCentres,
		areaKm2: input.boundaries.get(county.code)?.areaKm2,
		polygons: new Map(
			units.flatMap((u) => {
				const b = input.boundaries.get(u.code);
				return b ? [[u.code, b.polygons] as const] : [];
			})
		),
		seed
	});
	const profiles = buildProfiles({ code: county.code, units, landscape, seatTownship }, seed);
	const { sites, relocatedHouseholds, relocatedPeople } = buildSites({
		countyCode: county.code,
		profiles,
		townships: input.townships,
		townCentres,
		boundaries: input.boundaries,
		seatTownship,
		seed
	});
	const pilots = choosePilots(profiles);
	const incomes = income2020(profiles, pilots, landscape, seed);
	const weak = weakBranches(profiles, landscape, seed);
	const flags = partyFlags(profiles, seed);
	const factoriesIn = new Map<string, { jobs: number; opened: number }[]>();
	for (const s of sites) {
		if (s.kind !== 'factory') continue;
		const list = factoriesIn.get(s.village_code) ?? [];
		list.push({ jobs: s.jobs ?? 0, opened: s.opened_year ?? 2016 });
		factoriesIn.set(s.village_code, list);
	}
	for (const p of [...profiles].sort((a, b) => (a.unit.code < b.unit.code ? -1 : 1))) {
		const code = p.unit.code;
		const all: Series = new Map([
			...povertySeries(p, seed),
			...collectiveSeries(p, incomes.get(code) ?? 0, pilots.get(code), seed),
			...partySeries(p, weak.get(code) ?? new Set(), flags.get(code) ?? {}, seed),
			...relocationSeries(
				p,
				relocatedHouseholds.get(code) ?? 0,
				relocatedPeople.get(code) ?? 0,
				factoriesIn.get(code) ?? []
			)
		]);
		emitUnit(out, code, all, keep);
	}
	return { profiles, sites };
}
